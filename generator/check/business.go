package check

import (
	"github.com/basis-privacy/basis/generator/law"
	"github.com/basis-privacy/basis/generator/model"
)

// corporateEmail reports whether the market's rule on electronic mail
// treats the recipients as business, not individual, subscribers: contacts
// at business addresses, and sole traders where the rule does not count
// them as individuals.
func (v *verdict) corporateEmail() bool {
	switch v.s.Type {
	case model.BusinessContacts:
		return true
	case model.SoleTraders:
		return !v.l.Business.SoleTradersIndividual
	}
	return false
}

// business judges electronic advertising to recipients at business
// addresses where the market's rule treats them apart from consumers, and
// reports whether it did: where the consent rule protects individual
// subscribers only (UK), the message goes on legitimate interests with the
// right to object and the sender identified; where the directive leaves
// legal persons to national law (the EU baseline), consent is the safe
// answer. Everywhere else business recipients are judged as consumers are.
func (v *verdict) business() bool {
	b, rg := v.l.Business, v.regime()
	if !v.s.electronic() || !v.corporateEmail() || b.CustomersByException && v.s.Who == model.ExistingCustomers {
		return false
	}
	v.used(law.GroupB2B)
	switch b.Email {
	case law.EmailNotCovered:
		v.o.Advertising = true
		v.reason(b.Reason, b.Refs...)
		if b.Cond.ID != "" {
			v.cond(b.Cond.ID, b.Cond.Ref)
		}
		v.cond("check.cond.objection-offered", rg.LegitimateInterests, rg.Objection)
		if !v.s.Origin.Own() {
			v.cond("check.cond.source-info", v.law.Of(v.l.Regime).Source...)
		}
		v.cond("check.cond.notice-mentions")
		v.set(Allowed, model.LegitimateInterests)
		return true
	case law.EmailNational:
		v.o.Advertising = true
		v.o.Contested = true
		v.reason(b.Reason, b.Refs...)
		v.refs(v.l.Consent...)
		v.set(ConsentRequired, model.Consent)
		return true
	}
	return false
}

// presumedCall judges a marketing call to a business where the market asks
// only for its presumed consent (§ 7(2) Nr. 1 UWG: "sonstige
// Marktteilnehmer", sole traders included), and reports whether it did.
func (v *verdict) presumedCall() bool {
	p := v.l.Business.PhonePresumed
	if v.s.Channel != "phone" || p == "" || v.s.Type == "" || v.s.Type == model.Consumers {
		return false
	}
	rg := v.regime()
	v.o.Advertising = true
	v.reason("check.reason.phone-b2b-presumed", p)
	v.cond("check.cond.presumed-consent", p)
	v.cond("check.cond.objection-offered", rg.LegitimateInterests, rg.Objection)
	v.cond("check.cond.notice-mentions")
	v.set(Allowed, model.LegitimateInterests)
	return true
}

// published judges electronic advertising to business people whose address
// they published conspicuously, where that implies consent for messages
// relevant to their role (CASL s. 10(9)(b)), and reports whether it did.
func (v *verdict) published() bool {
	p := v.l.Business.Published
	if p == "" || !v.s.electronic() || v.s.Origin != model.FromPublic || v.s.Type == "" || v.s.Type == model.Consumers {
		return false
	}
	v.o.Advertising = true
	v.reason("check.reason.ca-published", p)
	v.cond("check.cond.ca-published", p)
	v.cond("check.cond.ca-identify-unsubscribe", v.l.Identify...)
	v.set(Allowed, model.Consent)
	return true
}
