package check

import (
	"slices"

	"github.com/basis-privacy/basis/generator/law"
	"github.com/basis-privacy/basis/generator/model"
)

// ruleBuilder makes the Eligibility of one verdict from the verdict, the
// campaign's facts and the market's law. It decides nothing of its own: the
// verdict's conditions are classified (condClasses), the audience is the
// campaign's, and the periods are the law's.
type ruleBuilder struct {
	law *law.Law
	l   *law.Rules
	c   *model.Company
	f   *Campaign
	o   Outcome
	e   *Eligibility
}

// eligibility builds the rule of verdict o on campaign f.
func (ck *checker) eligibility(f *Campaign, o Outcome) *Eligibility {
	b := &ruleBuilder{law: ck.law, l: ck.law.For(o.Market), c: ck.c, f: f, o: o, e: &Eligibility{
		Market: o.Market, Countries: CountriesOf(ck.law, ck.c, o.Market), Channel: f.Channel, Verdict: o.Verdict,
		Contested: o.Contested,
	}}
	b.add(CondCountry)
	if o.Verdict == NotAllowed {
		b.e.Nobody = true
		b.e.Reasons = slices.Clone(o.Reasons)
		return b.e
	}
	b.add(CondPurchaseBan)
	b.segment()
	b.national()
	b.add(CondCampaignRecency)
	for _, m := range o.Conditions {
		b.condition(m)
	}
	if o.Advertising || o.Exception != "" || o.Implied() || o.Basis == model.LegitimateInterests || o.Basis == model.Consent {
		b.add(CondNotObjected)
	}
	b.order()
	return b.e
}

// segment adds the audience the verdict was given for: relationship,
// business, source and recipient type.
func (b *ruleBuilder) segment() {
	for _, id := range []string{CondRelationship, CondBusiness, CondSource, CondType} {
		b.add(id)
	}
}

// condition adds what a verdict condition asks: its Select conditions, and
// the condition itself as an attestation where a person must confirm it.
func (b *ruleBuilder) condition(m Message) {
	cl, ok := condClasses[m.ID]
	if !ok {
		// Unclassified (TestConditionsClassified fails): a person confirms it.
		cl.attest = true
	}
	for _, id := range cl.selects {
		b.add(id)
	}
	if cl.attest {
		b.attest(m.ID[len("check.cond."):], m, nil)
	}
}

func (b *ruleBuilder) attest(id string, m Message, refs []string) {
	if slices.ContainsFunc(b.e.Attest, func(c Condition) bool { return c.ID == id }) {
		return
	}
	b.e.Attest = append(b.e.Attest, Condition{ID: id, Kind: Attest, Msg: m, Refs: refs})
}

// add adds the Select condition id once, when it applies to the verdict.
func (b *ruleBuilder) add(id string) {
	if slices.ContainsFunc(b.e.Select, func(c Condition) bool { return c.ID == id }) {
		return
	}
	if c, ok := b.build(id); ok {
		c.ID, c.Kind = id, Select
		b.e.Select = append(b.e.Select, c)
	}
}

// order puts the Select conditions in the order of SelectIDs, so that a
// contact's first unmet condition is the most basic one.
func (b *ruleBuilder) order() {
	slices.SortStableFunc(b.e.Select, func(x, y Condition) int {
		return slices.Index(SelectIDs, x.Base()) - slices.Index(SelectIDs, y.Base())
	})
}

// build makes the Select condition id for the verdict, or reports that it
// does not apply.
func (b *ruleBuilder) build(id string) (Condition, bool) {
	switch id {
	case CondCountry:
		return cond(FieldCountry, OpIn, b.e.Countries, "check.select.country", nil), true
	case CondPurchaseBan:
		// Vietnam: buying and selling personal data is prohibited (renting a
		// list is treated the same: see bought).
		if b.l.PurchasedBan == "" {
			return Condition{}, false
		}
		return cond(FieldSource, OpNotIn, []string{string(model.FromBoughtList), string(model.FromRentedList)},
			"check.select.purchase-ban", []string{b.l.PurchasedBan}), true
	case CondRelationship:
		return cond(FieldRelationship, OpIn, []string{relationshipOf(b.f.Audience.Who)}, "check.select.relationship", b.basisRefs()), true
	case CondBusiness:
		return b.business()
	case CondSource:
		if b.f.Origin == "" {
			return Condition{}, false
		}
		return cond(FieldSource, OpIn, []string{string(b.f.Origin)}, "check.select.source", b.basisRefs()), true
	case CondType:
		return cond(FieldType, OpIn, []string{contactType(b.f.Audience.Kind())}, "check.select.type", nil), true
	}
	return b.buildRecord(id)
}

// buildRecord makes the Select conditions on the record's dates, consents,
// objection and registers.
func (b *ruleBuilder) buildRecord(id string) (Condition, bool) {
	switch id {
	case CondPurchaseRecency, CondInquiryRecency:
		im := b.l.Implied
		if im == nil {
			return Condition{}, false
		}
		if id == CondInquiryRecency {
			return months(FieldLastInquiry, im.InquiryMonths, "check.select.inquiry-recency", []string{im.ID}), true
		}
		return months(FieldLastPurchase, im.PurchaseMonths, "check.select.purchase-recency", []string{im.ID}), true
	case CondCampaignRecency:
		n := b.f.Audience.Recency
		switch {
		case n == 0:
			return Condition{}, false
		case b.f.Audience.Who == model.Inquirers:
			return months(FieldLastInquiry, n, "check.select.campaign-recency", nil), true
		case b.f.Audience.Who == model.ExistingCustomers:
			return months(FieldLastPurchase, n, "check.select.campaign-recency", nil), true
		}
		return Condition{}, false
	case CondConsent:
		return b.consent(), true
	case CondNotObjected:
		return cond(FieldObjected, OpFalse, nil, "check.select.not-objected", b.objectionRefs()), true
	case CondOptOutRegister:
		ref := b.l.Phone.ExtraRef
		if b.f.Channel == "post" {
			ref = b.l.Post.ExtraRef
		}
		return cond(FieldOptOutRegister, OpFalse, nil, "check.select.opt-out-register", []string{ref}), true
	}
	return Condition{}, false
}

func cond(f RecordField, op Op, values []string, msgID string, refs []string) Condition {
	return Condition{Expr: Expr{Field: f, Op: op, Values: values}, Msg: Message{ID: msgID}, Refs: refs}
}

func months(f RecordField, n int, msgID string, refs []string) Condition {
	return Condition{Expr: Expr{Field: f, Op: OpWithinMonths, Months: n}, Msg: Message{ID: msgID}, Refs: refs}
}

// business is the condition that the contacts are customers (or inquirers)
// of the business whose customers the verdict was given for. Where the
// campaign does not say which, and the company has several, a person must
// select them: an attestation.
func (b *ruleBuilder) business() (Condition, bool) {
	w := b.f.Audience.Who
	if w != model.ExistingCustomers && w != model.Inquirers {
		return Condition{}, false
	}
	if b.f.Business == "" {
		b.attest(AttestBusinessUnknown, Message{ID: "check.attest.business-unknown"}, nil)
		return Condition{}, false
	}
	return cond(FieldBusiness, OpIn, []string{b.f.Business}, "check.select.business", b.basisRefs()), true
}

// basisRefs are the provisions that make the audience part of the rule: the
// existing-customer exception's customer condition, or the implied consent.
func (b *ruleBuilder) basisRefs() []string {
	switch {
	case b.o.Exception != "":
		return []string{b.l.Exception.Customer}
	case b.o.Implied():
		return []string{b.o.ImpliedRef()}
	}
	return nil
}

// consent is the condition that a consent to the campaign's purpose is
// recorded, with the date it was given (Art. 7(1) GDPR: the controller
// shows that, and when, the person consented).
func (b *ruleBuilder) consent() Condition {
	refs := slices.Clone(b.l.Consent[:1])
	if b.l.Regime != "" {
		refs = appendNew(refs, b.law.Of(b.l.Regime).ConsentProof)
	}
	c := cond(FieldConsents, OpConsent, nil, "check.select.consent", refs)
	c.Expr.Purpose = b.f.Campaign.Purpose
	return c
}

// objectionRefs are the provisions that stop marketing once the person
// objected: the exception's condition, the regime's right to object.
func (b *ruleBuilder) objectionRefs() []string {
	var refs []string
	if b.o.Exception != "" {
		refs = appendNew(refs, b.l.Exception.NotObjected)
	}
	if b.l.Regime != "" {
		refs = appendNew(refs, b.law.Of(b.l.Regime).Objection)
	} else if b.l.Implied != nil {
		refs = appendNew(refs, "casl-11")
	}
	return refs
}

// national adds the limits a country's own form of the existing-customer
// exception sets inside the market's rule, from law.NationalOf (marked
// unverified where the national data says so): Ireland allows it only for
// a sale in the twelve months before (S.I. No. 336/2011 reg. 13(11));
// Austria only for customers not on the ECG opt-out list (§ 7(2) ECG).
// A country with rules of its own is a market of its own, so Countries holds
// it alone; a state judged in the EU baseline's row adds nothing here, its
// own rules being unverified.
func (b *ruleBuilder) national() {
	if b.o.Exception == "" {
		return
	}
	for _, code := range b.e.Countries {
		n, ok := law.NationalOf(code)
		if !ok || n.Marketing.Exception == nil {
			continue
		}
		x := n.Marketing.Exception
		if x.WithinMonths > 0 {
			c := months(FieldLastPurchase, x.WithinMonths, "check.select.national-recency", []string{x.ID})
			b.addNational(CondNationalRecency, code, c, x.Verified)
		}
		if x.OptOutList != "" {
			c := cond(FieldOptOutRegister, OpFalse, nil, "check.select.national-register", []string{x.OptOutList})
			b.addNational(CondNationalList, code, c, x.Verified)
		}
	}
}

func (b *ruleBuilder) addNational(id, country string, c Condition, verified bool) {
	c.ID, c.Kind, c.Countries, c.Unverified = id+"."+country, Select, []string{country}, !verified
	b.e.Select = append(b.e.Select, c)
}
