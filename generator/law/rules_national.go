package law

import "slices"

// The rules of every market that table.go does not write out are made from
// the country's entry in the national table (national_table.go): its rule
// for e-mail and SMS with the existing-customer exception and the
// conditions it adds, business recipients, calls and letters. Where the
// country's rule on electronic mail is not verified, the market applies the
// EU baseline's rules (Baseline: GroupMarketing); where a channel or the
// B2B rule of an EEA state is not verified, the baseline's rule for it
// (Baseline: that group). Switzerland and the United States have no EU
// baseline to fall back on: an unverified group is applied as secondary
// sources give it, or consent where that is the safe answer, and named in
// Unverified. Check says so for every verdict that rests on either.

// exceptionConds word the conditions a country's exception adds to the
// directive's, one for each fact of the national table that adds one
// (TestNationalConditions).
var exceptionConds = map[string]Cond{
	// § 174 Abs. 4 Z 4 TKG 2021: the customer has not refused such mail in
	// advance, in particular by entry in the ECG list (§ 7 Abs. 2 ECG).
	"AT": {ID: "check.cond.at-ecg-list", Ref: "at-ecg-7-2"},
	// Reg. 13(11) S.I. No. 336 of 2011: a sale in the 12 months before
	// (unverified: the text was not read).
	"IE": {ID: "check.cond.ie-sale-12-months", Ref: "ie-si-336-2011-13-11"},
}

// noticeConds word the condition that objection was offered at collection
// where the country's act words it otherwise than the UWG and PECR ("other
// than the transmission costs at basic rates").
var noticeConds = map[string]string{
	// § 174 Abs. 4 Z 3 TKG 2021: "kostenfrei und problemlos abzulehnen".
	"AT": "check.cond.at-objection-at-collection",
}

// channelConds word the condition of a country's register for calls or
// letters (the national table's Register), by group.
var channelConds = map[string]map[string]Cond{
	"AT": {GroupPost: {ID: "check.cond.at-robinson", Ref: "at-gewo-151-9"}},
	"CH": {GroupPhone: {ID: "check.cond.ch-asterisk", Ref: "ch-uwg-3-1-u"}},
	"IT": {GroupPhone: {ID: "check.cond.it-register", Ref: "it-privacy-130-3-bis"},
		GroupPost: {ID: "check.cond.it-register-post", Ref: "it-privacy-130-3-bis"}},
}

// b2bConds word the condition of a country's B2B rule where business
// recipients need no consent on a condition.
var b2bConds = map[string]Cond{
	"IE": {ID: "check.cond.ie-business-address", Ref: "ie-si-336-2011-13"},
	// Art. 11.7(3)(a) Tw: contact details the end user designated and
	// published for receiving such messages, used for those purposes.
	"NL": {ID: "check.cond.nl-designated-address", Ref: "nl-tw-11-7-3"},
}

// national returns the rules of the market of n, made from its entry.
func national(n National) *Rules {
	m := Market(n.Country)
	if !n.Marketing.Verified {
		r := *table[EU]
		r.Market = m
		r.Baseline = []string{GroupMarketing}
		return &r
	}
	mk := n.Marketing
	r := &Rules{
		Market: m, Regime: n.Regime,
		Consent:             slices.Clone(mk.Consent),
		ConsentNeeded:       "check.reason.consent-needed",
		LegitimateInterests: n.Regime == GDPR,
		Identify:            []string{"eprivacy-13-4"},
		Survey:              Survey{Rule: "exception", Contested: true, Reason: "check.reason.survey-eu"},
	}
	if n.Regime == "" {
		r.Identify = mk.Consent[:1]
		r.Survey.Reason = "check.reason.survey-national"
		r.ServiceExempt = mk.Consent[:1]
		r.ServiceReason = "check.reason.service-no-regime"

	}
	r.Exception = exceptionOf(n)
	if x := mk.Exception; x != nil && !x.Verified {
		r.Unverified = append(r.Unverified, GroupException)
	}
	if mk.OptOut {
		optOut(r, n)
	}
	r.Business = business(r, n)
	r.Phone = channel(r, n, GroupPhone, mk.Phone)
	r.Post = channel(r, n, GroupPost, mk.Post)
	return r
}

// exceptionOf is the country's existing-customer exception with the
// conditions it adds; nil where it has none.
func exceptionOf(n National) *Exception {
	x := n.Marketing.Exception
	if x == nil {
		return nil
	}
	e := &Exception{ID: x.ID, OwnSimilar: x.ID, Notice: x.ID, Customer: x.ID, NotObjected: x.ID,
		Negotiations: x.Negotiations, Basis: []string{x.ID}}
	if InEEA(n.Country) {
		// The national provision transposes Art. 13(2) Directive 2002/58/EC.
		e.Basis = append(e.Basis, "eprivacy-13-2")
	}
	if c, ok := exceptionConds[n.Country]; ok {
		e.Conds = append(e.Conds, c)
	}
	e.NoticeCond = noticeConds[n.Country]
	return e
}

// optOut gives r the country's rule that allows e-mail without consent until
// the recipient refuses (CAN-SPAM); text messages follow the rule for calls
// (the TCPA), which is then the consent rule.
func optOut(r *Rules, n National) {
	mk := n.Marketing
	r.OptOut = &OptOut{ID: mk.Consent[0], Channels: []string{"email"}, Reason: "check.reason.us-can-spam",
		Conds: []string{"check.cond.us-identified", "check.cond.us-opt-out"}, Other: "check.reason.us-sms"}
	r.Consent = slices.Clone(mk.Phone.Refs)
	r.NoException = "check.reason.us-can-spam"
	r.Survey = Survey{Rule: "opt-out", Reason: "check.reason.survey-us"}
	r.Identify = []string{mk.Consent[0]}
}

// business maps the country's B2B rule onto how verdicts treat business
// recipients of electronic mail; an EEA state's unverified rule is the
// baseline's (consent, the national rule deciding).
func business(r *Rules, n National) Business {
	b := n.Marketing.B2B
	switch {
	case b.Rule == B2BUnknown || !b.Verified && InEEA(n.Country):
		r.Baseline = append(r.Baseline, GroupB2B)
		return table[EU].Business
	case !b.Verified:
		r.Unverified = append(r.Unverified, GroupB2B)
	}
	switch b.Rule {
	case B2BIndividualsOnly:
		return Business{Email: EmailNotCovered, Reason: "check.reason.b2b-individuals", Refs: slices.Clone(b.Refs),
			SoleTradersIndividual: true}
	case B2BBusinessAddress:
		return Business{Email: EmailNotCovered, Reason: "check.reason.b2b-business-address", Refs: slices.Clone(b.Refs),
			Cond: b2bConds[n.Country]}
	case B2BDesignated:
		return Business{Email: EmailNotCovered, Reason: "check.reason.b2b-designated", Refs: slices.Clone(b.Refs),
			Cond: b2bConds[n.Country], CustomersByException: r.Exception != nil}
	}
	// B2BSame, and a rule Basis has no mapping for: the safe answer, as
	// consumers are treated.
	return Business{}
}

// channelReasons are the reason message ids of the channel rules Basis
// maps, by group and rule.
var channelReasons = map[string]map[ChannelRule]string{
	GroupPhone: {ChannelConsent: "check.reason.phone-consent", ChannelRegister: "check.reason.phone-register"},
	GroupPost:  {ChannelRegister: "check.reason.post-register", ChannelObjection: "check.reason.post"},
}

// channel maps the country's rule for calls or letters onto a Channel; an
// EEA state's unverified rule is the baseline's. A verified rule of a kind
// Basis has no reason for yet (calls allowed until the person objects) is
// the baseline's too, until one is written (TestNationalRules fails then).
func channel(r *Rules, n National, group string, c NationalChannel) Channel {
	eu := table[EU].Phone
	if group == GroupPost {
		eu = table[EU].Post
	}
	reason, known := channelReasons[group][c.Rule]
	switch {
	case n.Regime == "" && c.Rule == ChannelObjection:
		// No data-protection law of the country is applied, and no rule of
		// its own allows the message: consent is the safe answer, and the
		// verdict says why. Not a contested question: one Basis has not
		// verified, which the market's unverified groups say.
		r.Unverified = append(r.Unverified, group)
		return Channel{Reason: "check.reason.channel-unverified"}
	case c.Rule == ChannelUnknown || !c.Verified && InEEA(n.Country) || !known:
		r.Baseline = append(r.Baseline, group)
		return eu
	case !c.Verified:
		r.Unverified = append(r.Unverified, group)
	}
	ch := Channel{Allowed: c.Rule != ChannelConsent, Reason: reason, Refs: nationalRefs(c.Refs)}
	if group == GroupPost && c.Rule == ChannelObjection {
		// Letters on legitimate interests (Recital 47 GDPR), as the reason says.
		ch.Refs = appendOnce(ch.Refs, "gdpr-recital-47")
	}
	if cd, ok := channelConds[n.Country][group]; ok {
		ch.ExtraCond, ch.ExtraRef = cd.ID, cd.Ref
	}
	return ch
}

// nationalRefs keeps the refs a channel rule cites besides the GDPR's right
// to object, which the verdict's conditions cite.
func nationalRefs(refs []string) []string {
	var out []string
	for _, r := range refs {
		if r != "gdpr-21-2-3" {
			out = append(out, r)
		}
	}
	return out
}

func appendOnce(xs []string, x string) []string {
	if slices.Contains(xs, x) {
		return xs
	}
	return append(xs, x)
}
