package law

// table is the law of the markets whose rules are written out here: the EU
// baseline and the markets Basis knew before the national table (DE, PL,
// UK, VN, CA). The other countries' rules are made from the national table
// (rules_national.go). Changing a market's rule is one edit here or there;
// TestRulesTable keeps RULES.md in step and the render tests prove the
// documents follow.
var table = map[Market]*Rules{
	EU: {
		Market: EU, Regime: GDPR,
		Consent:       []string{"eprivacy-13-1"},
		ConsentNeeded: "check.reason.consent-needed",
		Exception: &Exception{ID: "eprivacy-13-2", OwnSimilar: "eprivacy-13-2", Notice: "eprivacy-13-2",
			Customer: "eprivacy-13-2", NotObjected: "eprivacy-13-2",
			Basis: []string{"eprivacy-13-2"}, CaseLaw: []string{"cjeu-c-654-23"}},
		LegitimateInterests: true,
		Survey:              Survey{Rule: "exception", Contested: true, Reason: "check.reason.survey-eu"},
		Post:                Channel{Allowed: true, Reason: "check.reason.post", Refs: []string{"gdpr-recital-47"}},
		Phone:               Channel{Reason: "check.reason.phone-eu", Refs: []string{"eprivacy-13-3"}},
		Identify:            []string{"eprivacy-13-4"},
		Business: Business{Email: EmailNational, Reason: "check.reason.b2b-eu", Refs: []string{"eprivacy-13-5"},
			SoleTradersIndividual: true},
	},
	DE: {
		Market: DE, Regime: GDPR,
		Consent:       []string{"uwg-7-2-2"},
		ConsentNeeded: "check.reason.consent-needed-express",
		Exception: &Exception{ID: "uwg-7-3", OwnSimilar: "uwg-7-3-2", Notice: "uwg-7-3-4",
			Customer: "uwg-7-3-1", NotObjected: "uwg-7-3-3",
			Basis: []string{"uwg-7-3", "eprivacy-13-2"}},
		LegitimateInterests: true,
		Survey:              Survey{Rule: "exception", Reason: "check.reason.survey-de", Refs: []string{"bgh-vi-zr-225-17"}},
		AdInService:         []string{"bgh-vi-zr-134-15"},
		Post: Channel{Allowed: true, Reason: "check.reason.post", Refs: []string{"gdpr-recital-47"},
			ExtraReason: "check.reason.post-de", ExtraCond: "check.cond.post-no-refusal", ExtraRef: "uwg-7-1"},
		Phone:    Channel{Reason: "check.reason.phone-de", Refs: []string{"uwg-7-2-1"}},
		Identify: []string{"uwg-7-2-3"},
		Business: Business{PhonePresumed: "uwg-7-2-1"},
	},
	PL: {
		Market: PL, Regime: GDPR,
		Consent:             []string{"pke-398-1"},
		NoException:         "check.reason.no-soft-opt-in-pl",
		LegitimateInterests: true,
		Survey: Survey{Rule: "consent", Contested: true, Reason: "check.reason.survey-pl",
			Refs: []string{"pke-398-1"}},
		Post:  Channel{Allowed: true, Reason: "check.reason.post", Refs: []string{"gdpr-recital-47"}},
		Phone: Channel{Reason: "check.reason.phone-pl", Refs: []string{"pke-398-1"}},
	},
	UK: {
		Market: UK, Regime: UKGDPR,
		Consent:       []string{"pecr-22-2"},
		ConsentNeeded: "check.reason.consent-needed",
		Exception: &Exception{ID: "pecr-22-3", OwnSimilar: "pecr-22-3", Notice: "pecr-22-3", Negotiations: true,
			Customer: "pecr-22-3", NotObjected: "pecr-22-3",
			Basis: []string{"pecr-22-3"}},
		LegitimateInterests: true,
		Survey:              Survey{Rule: "research", Reason: "check.reason.survey-uk", Refs: []string{"ico-dm"}},
		Service:             []string{"ico-dm"},
		Post:                Channel{Allowed: true, Reason: "check.reason.post", Refs: []string{"gdpr-recital-47"}},
		Phone:               Channel{Allowed: true, Reason: "check.reason.phone-uk", Refs: []string{"pecr-21"}, ExtraCond: "check.cond.uk-tps", ExtraRef: "pecr-21"},
		Identify:            []string{"pecr-23"},
		Business: Business{Email: EmailNotCovered, Reason: "check.reason.b2b-uk", Refs: []string{"pecr-22-1", "pecr-23"},
			SoleTradersIndividual: true},
	},
	VN: {
		Market: VN, Regime: PDPL,
		Consent:      []string{"vn-pdpl-9", "vn-decree-91-2020"},
		NoException:  "check.reason.no-soft-opt-in-vn",
		Survey:       Survey{Rule: "consent", Reason: "check.reason.survey-vn", Refs: []string{"vn-pdpl-9", "vn-decree-91-2020"}},
		PurchasedBan: "vn-pdpl-7",
		ContractOnly: true,
		Post:         Channel{Reason: "check.reason.vn-no-li", Refs: []string{"vn-pdpl-9"}},
		Phone:        Channel{Reason: "check.reason.vn-no-li", Refs: []string{"vn-pdpl-9", "vn-decree-91-2020"}},
		Identify:     []string{"vn-decree-91-2020"},
		Spam:         []string{"check.cond.vn-refusal-function", "check.cond.vn-stop-on-refusal"},
		// Decree 91/2020: Art. 20(1) the refusal function at the end of
		// every advertising email; Art. 16 the same for advertising
		// messages, with confirmation and stop on refusal; Art. 13 the
		// principle that sending stops as soon as the user refuses.
		Refusal: map[string][]string{
			"email": {"vn-decree-91-2020-20", "vn-decree-91-2020-13"},
			"sms":   {"vn-decree-91-2020-16", "vn-decree-91-2020-13"},
		},
	},
	CA: {
		Market:      CA,
		Consent:     []string{"casl-6-1"},
		NoException: "check.reason.ca-ebr",
		Implied: &Implied{ID: "casl-10-9", Inquiries: true, PurchaseMonths: 24, InquiryMonths: 6, Acquired: "casl-10-12",
			Identify: []string{"casl-6-1", "casl-11"}},
		Survey:        Survey{Rule: "implied", Reason: "check.reason.survey-ca"},
		ServiceExempt: []string{"casl-6-6", "casl-6-1", "casl-11"},
		ServiceReason: "check.reason.ca-transactional",
		ServiceCond:   "check.cond.ca-identify-unsubscribe",
		Post:          Channel{Reason: "check.reason.ca-not-covered"},
		Phone:         Channel{Reason: "check.reason.ca-not-covered"},
		Identify:      []string{"casl-6-1", "casl-11"},
		Business:      Business{Published: "casl-10-9-b"},
	},
}
