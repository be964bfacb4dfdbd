package check

import (
	"slices"
	"strings"

	"github.com/basis-privacy/basis/generator/law"
	"github.com/basis-privacy/basis/generator/model"
)

// file reports the problems of the company file outside its campaigns.
func (ck *checker) file() {
	c := ck.c
	gdpr, vn := ck.gdpr(), ck.vietnam()
	if len(c.Purposes) == 0 {
		ck.add(ck.pos(c.At, "purposes"), RuleNoticeNoPurposes)
	}
	for i := range c.Purposes {
		ck.purpose(&c.Purposes[i], gdpr, vn)
	}
	for _, f := range ck.res.Forms {
		ck.form(f)
	}
	for i := range c.Purposes {
		ck.consentCollected(&c.Purposes[i])
	}
	for _, rn := range c.Renamed {
		ck.add(rn.Pos, RuleRenamed, "Old", rn.Old, "New", rn.New)
	}
	ck.marketLaw()
	ck.recipientsNamed()
	if vn {
		ck.dataProtectionUnit()
	}
	if gdpr {
		for i := range c.Recipients {
			ck.recipient(&c.Recipients[i])
		}
		if home := ck.res.Regimes[0]; home.Home && len(home.Authorities) == 0 && c.Authority == nil {
			ck.add(ck.pos(c.At, "country"), RuleNoticeAuthority, "Country", c.Country)
		}
		ck.representatives()
	}
}

// representatives: a controller that a regime reaches only through its
// customers (Art. 3(2) GDPR and UK GDPR) designates a representative there
// (Art. 27), unless its processing is only occasional.
func (ck *checker) representatives() {
	c := ck.c
	for _, a := range ck.res.Regimes {
		switch {
		case a.Home:
		case a.Regime == law.GDPR && c.Representative == nil:
			ck.addRefs(ck.pos(c.At, "country"), RuleNoticeRepresentative, []string{"gdpr-27", a.Reason},
				"Country", c.Country, "Key", "representative", "Area", "EU")
		case a.Regime == law.UKGDPR && c.UKRepresentative == nil:
			ck.addRefs(ck.pos(c.At, "country"), RuleNoticeRepresentative, []string{"uk-gdpr-27", a.Reason},
				"Country", c.Country, "Key", "uk_representative", "Area", "UK")
		}
	}
}

// dataProtectionUnit: Law No. 91/2025/QH15 has every organisation designate
// a personal data protection unit or personnel, or hire a provider of
// personal data protection services (Art. 33(2)); household businesses and
// micro-enterprises need not, and small enterprises and start-ups may choose
// not to for five years from 1 January 2026, unless they provide personal
// data processing services, directly process sensitive personal data or
// process the data of a large number of people (Art. 38(2)-(3)), 100,000 or
// more by Decree No. 356/2025/ND-CP Art. 41. The file names the unit (dpo:)
// or the kind of business it claims the exemption as (enterprise:); which
// exception takes the exemption away Basis cannot tell, so a claim stands.
func (ck *checker) dataProtectionUnit() {
	ct := &ck.c.Controller
	if ct.DPO == nil && ct.Enterprise == "" {
		ck.add(ck.pos(ct.At, "dpo"), RuleVNDataProtectionUnit)
	}
}

func (ck *checker) purpose(p *model.Purpose, gdpr, vn bool) {
	ck.marketingException(p)
	switch p.Basis {
	case model.LegitimateInterests:
		if vn {
			ck.add(ck.pos(p.At, "basis"), RuleVNLegitimateInterests, "Purpose", p.ID)
		}
		if gdpr && p.Interest.IsZero() && ck.res.Purposes[p.ID].RestsOnInterests {
			ck.add(ck.pos(p.At, "basis"), RuleLIInterest, "Purpose", p.ID)
		}
	case model.Consent:
		if p.Withdraw.IsZero() {
			ck.add(ck.pos(p.At, "basis"), RuleConsentWithdraw, "Purpose", p.ID)
		}
	case model.Contract, model.LegalObligation:
		if !gdpr {
			break
		}
		switch {
		case p.Requirement == "":
			ck.add(p.At.At("requirement", "id"), RuleNoticeRequirement, "Purpose", p.ID)
		case p.Consequence.IsZero():
			ck.add(ck.pos(p.At, "requirement"), RuleNoticeConsequence, "Purpose", p.ID)
		}
	}
}

func (ck *checker) recipient(r *model.Recipient) {
	if r.Role == "processor" && !r.Contract {
		ck.add(r.At.At("contract", "role"), RuleProcessorContract, "Recipient", r.ID)
	}
	// Vietnam's rules on transfers abroad (Art. 20 Law No. 91/2025/QH15)
	// are not GDPR safeguards; they are not checked here.
	if law.RegimeOf(ck.c.Country) == law.PDPL || !law.Abroad(ck.c.Country, r.Country) {
		return
	}
	refs := ck.law.Of(law.RegimeOf(ck.c.Country)).Transfer
	switch {
	case r.Safeguard == "":
		ck.addRefs(ck.pos(r.At, "country"), RuleTransferSafeguard, refs, "Recipient", r.ID, "Country", r.Country)
	case r.Safeguard == "adequacy" && r.Country == "US":
		ck.addRefs(ck.pos(r.At, "safeguard"), RuleTransferDPF, refs[:1], "Recipient", r.ID)
	case r.Safeguard == "adequacy" && !law.Adequate(ck.c.Country, r.Country):
		ck.addRefs(ck.pos(r.At, "safeguard"), RuleTransferAdequacy, refs[:1], "Recipient", r.ID, "Country", r.Country)
	}
}

// marketingException: a purpose sends electronic marketing without consent,
// relying on the existing-customer exception, to a market that has none
// (Poland: art. 398 ust. 1 PKE). An error when the controller's own market or
// every market lacks it; a warning when other markets have it (the
// campaign must then leave these customers out or ask them for consent).
// Vietnam has its own rule (vn.legitimate-interests).
func (ck *checker) marketingException(p *model.Purpose) {
	m := p.Marketing
	if m == nil || p.Basis == model.Consent || (m.Channel != "email" && m.Channel != "sms") {
		return
	}
	markets := ck.markets()
	var lack []string
	var refs []string
	for _, mk := range markets {
		l := ck.law.For(mk)
		if l.Exception == nil && l.Implied == nil && l.LegitimateInterests {
			lack = append(lack, string(mk))
			refs = appendNew(refs, l.Consent[0])
		}
	}
	if len(lack) == 0 {
		return
	}
	ck.addRefs(ck.pos(p.At, "basis"), RuleMarketingNoException, refs, "Purpose", p.ID, "Markets", strings.Join(lack, ", "))
	home, ok := law.MarketOf(ck.c.Country)
	homeLacks := ok && slices.Contains(lack, string(home))
	if !homeLacks && len(lack) < len(markets) {
		ck.r.Findings[len(ck.r.Findings)-1].Severity = Warning
	}
}

// marketLaw says, for each market, what Basis does not know of its law: a
// state whose own rules on electronic marketing are not verified (the EU
// baseline is applied, in the EU row), and a country whose data-protection
// law Basis does not apply.
func (ck *checker) marketLaw() {
	pos := ck.pos(ck.c.At, "markets")
	for _, m := range ck.baselined() {
		ck.add(pos, RuleMarketBaseline, "Market", m)
	}
	for _, m := range law.Markets {
		r := ck.law.For(m)
		if m == law.EU || !slices.Contains(ck.c.Markets, m) || r.Regime != "" {
			continue
		}
		ref := r.Consent[0]
		if r.OptOut != nil {
			ref = r.OptOut.ID
		}
		ck.addRefs(pos, RuleMarketNoRegime, []string{ref}, "Market", string(m))
	}
}

// recipientsNamed warns about each recipient no purpose lists: the notice
// names it among the recipients without saying for which purpose, and of
// what data, it receives any.
func (ck *checker) recipientsNamed() {
	c := ck.c
	for i := range c.Recipients {
		r := &c.Recipients[i]
		named := slices.ContainsFunc(c.Purposes, func(p model.Purpose) bool { return slices.Contains(p.Recipients, r.ID) }) ||
			subprocessor(c, r.ID)
		if !named {
			ck.add(ck.pos(r.At, "id"), RuleRecipientNoPurpose, "Recipient", r.ID)
		}
	}
}
