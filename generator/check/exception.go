package check

import (
	"github.com/basis-privacy/basis/generator/law"
	"github.com/basis-privacy/basis/generator/model"
)

// Unmet conditions of the existing-customer exception, as Outcome.Unmet
// names them.
const (
	UnmetNewProducts   = "new-products"
	UnmetOtherBusines  = "other-business"
	UnmetSimilarUnset  = "similar-unstated"
	UnmetNotSimilar    = "not-similar"
	UnmetSimilarReason = "similar-reason-missing"
	UnmetNotOwnSale    = "not-obtained-in-sale"
	UnmetObjection     = "objection-at-collection"
	UnmetUnsubscribe   = "unsubscribe"
)

// softOptIn applies the market's existing-customer exception (Art. 13(2)
// Directive 2002/58/EC, § 7(3) UWG, PECR reg. 22(3)); survey says the message
// is a survey about the products bought (always the sender's own). Where the
// exception applies it is the basis: the GDPR's Art. 6(1) is not applied in
// addition (Art. 95 GDPR, CJEU C-654/23), and the right to object remains.
func (v *verdict) softOptIn(survey bool) {
	s, x := v.s, v.l.Exception
	general := v.l.Consent[0]
	v.o.Advertising = true
	v.o.Tried = x.ID
	v.used(law.GroupException)
	if !survey {
		switch {
		case s.Kind == model.NewProducts && s.OwnBusiness:
			v.unmet(UnmetNewProducts, "check.reason.new-products", general)
		case !s.OwnBusiness:
			v.unmet(UnmetOtherBusines, "check.reason.soft-opt-in-other-business", x.OwnSimilar)
		case s.Similar == nil:
			v.unmet(UnmetSimilarUnset, "check.reason.similar-unstated", x.OwnSimilar)
		case !*s.Similar:
			v.unmet(UnmetNotSimilar, "check.reason.not-similar", x.OwnSimilar)
		case !s.SimilarReasoned:
			v.unmet(UnmetSimilarReason, "check.reason.similar-reason-missing", x.OwnSimilar)
		}
	}
	if len(v.o.Unmet) == 0 && !v.obtainedInSale() {
		reason := "check.reason.not-own-sale"
		if s.Origin == model.FromAcquisition {
			reason = "check.reason.acquired"
		}
		v.unmet(UnmetNotOwnSale, reason, x.Customer)
		v.cond("check.cond.source-info", v.regime().Source...)
	}
	if len(v.o.Unmet) == 0 {
		if !s.ObjectionAtCollection {
			v.unmet(UnmetObjection, "check.reason.no-objection-at-collection", x.Notice)
		}
		if !s.UnsubscribeInEvery {
			v.unmet(UnmetUnsubscribe, "check.reason.no-unsubscribe", x.Notice)
		}
	}
	if len(v.o.Unmet) > 0 {
		v.reason(v.l.ConsentNeeded, general)
		v.set(ConsentRequired, model.Consent)
		return
	}
	v.reason("check.reason.soft-opt-in", x.ID)
	if x.Negotiations {
		v.cond("check.cond.address-from-sale-uk")
	} else {
		v.cond("check.cond.address-from-sale")
	}
	v.cond("check.cond.own-similar", x.OwnSimilar)
	for _, c := range x.Conds {
		v.cond(c.ID, c.Ref)
	}
	notice := "check.cond.objection-at-collection"
	if x.NoticeCond != "" {
		notice = x.NoticeCond
	}
	v.cond(notice, x.Notice)
	v.cond("check.cond.objection-every-message")
	v.cond("check.cond.not-objected", x.NotObjected, v.regime().Objection)
	v.cond("check.cond.notice-mentions")
	v.refs(x.Basis...)
	v.refs(v.regime().Separate...)
	v.refs(x.CaseLaw...)
	v.o.Exception = x.ID
	v.set(Allowed, "")
}

// obtainedInSale reports whether the sender obtained the recipients'
// addresses from them in a sale of its own (or, where the exception counts
// them, in negotiations for one): addresses taken over with a business,
// bought, rented or found elsewhere do not qualify (§ 7(3) Nr. 1 UWG "von
// dem Kunden ... erhalten"; PECR reg. 22(3)(a) "that person has obtained").
func (v *verdict) obtainedInSale() bool {
	o := v.s.Origin
	return o == model.FromSale || (o == model.FromInquiry && v.l.Exception.Negotiations)
}

func (v *verdict) unmet(what, reason, ref string) {
	v.o.Unmet = append(v.o.Unmet, what)
	v.reason(reason, ref)
}

// casl applies CASL's implied consent from an existing business relationship
// (Canada, electronic messages).
func (v *verdict) casl() {
	v.o.Advertising = true
	im := v.l.Implied
	if v.s.Origin == model.FromAcquisition {
		// The buyer of a business has, in respect of that business, the
		// seller's existing business relationships (CASL s. 10(12)).
		v.reason("check.reason.ca-acquired", im.Acquired, im.ID)
		v.cond("check.cond.ca-acquired", im.Acquired)
	} else {
		v.reason("check.reason.ca-ebr", im.ID)
		v.cond("check.cond.ca-ebr")
	}
	v.cond("check.cond.ca-identify-unsubscribe", im.Identify...)
	v.set(Allowed, model.Consent)
	v.o.implied = im.ID
}

// post judges marketing letters: not electronic mail, so Art. 13(2) and its
// national forms do not apply; legitimate interests with the right to
// object (Recital 47, Art. 21(2)-(3) GDPR) where the market's law has them.
func (v *verdict) post() { v.offline(law.GroupPost, v.l.Post) }

// phone judges marketing calls.
func (v *verdict) phone() {
	if !v.presumedCall() {
		v.offline(law.GroupPhone, v.l.Phone)
	}
}

// offline judges a letter or a call by the market's rule for the channel.
// Where Basis applies no data-protection law of the market (Switzerland),
// a call the market's rule allows rests on that rule until the person
// refuses.
func (v *verdict) offline(group string, ch law.Channel) {
	v.o.Advertising = true
	v.reason(ch.Reason, ch.Refs...)
	v.used(group)
	if !ch.Allowed {
		v.o.Contested = v.o.Contested || ch.Contested
		v.set(ConsentRequired, model.Consent)
		return
	}
	rg := v.regime()
	if ch.ExtraReason != "" {
		v.reason(ch.ExtraReason, ch.ExtraRef)
	}
	if ch.ExtraCond != "" {
		v.cond(ch.ExtraCond, ch.ExtraRef)
	}
	if v.l.Regime == "" {
		v.cond("check.cond.objection-offered", ch.Refs[0])
		v.optOut(ch.Refs[0])
		return
	}
	v.cond("check.cond.objection-offered", rg.LegitimateInterests, rg.Objection)
	if !v.s.Origin.Own() && v.s.Channel == "post" {
		v.cond("check.cond.source-info", v.law.Of(v.l.Regime).Source...)
	}
	v.cond("check.cond.notice-mentions")
	v.set(Allowed, model.LegitimateInterests)
}

// inquirers judges electronic messages to people who asked about buying but
// have not bought, where the market treats them like customers: in the UK the
// exception covers details obtained "in the course of the sale or
// negotiations for the sale" (PECR reg. 22(3)(a)); in Canada an inquiry
// within six months is an existing business relationship (CASL s. 10(10)).
func (v *verdict) inquirers() {
	s := v.s
	if im := v.l.Implied; im != nil {
		v.o.Advertising = true
		v.reason("check.reason.ca-inquiry", im.ID)
		v.cond("check.cond.ca-inquiry")
		v.cond("check.cond.ca-identify-unsubscribe", im.Identify...)
		v.set(Allowed, model.Consent)
		v.o.implied = im.ID
		return
	}
	switch {
	case advertises(s.Kind):
		if v.business() {
			return
		}
		v.reason("check.reason.uk-negotiations", v.l.Exception.ID)
		v.softOptIn(false)
	case s.Kind == model.SatisfactionSurvey:
		v.survey()
	default:
		v.reason("check.reason.audience-mismatch")
		v.cold()
	}
}

// advertises reports whether a kind of message is advertising in itself.
func advertises(k model.Kind) bool {
	return k == model.SimilarProducts || k == model.NewProducts || k == model.Advertising
}

// cold judges messages to people who are not customers: inquirers (where
// they do not count as customers), prospects and purchased lists.
func (v *verdict) cold() {
	s := v.s
	v.o.Advertising = true
	if bought(s.Origin) && v.l.PurchasedBan != "" {
		v.reason("check.reason.vn-purchased", v.l.PurchasedBan)
		v.set(NotAllowed, "")
		return
	}
	switch s.Channel {
	case "post":
		v.post()
		return
	case "phone":
		v.phone()
		return
	}
	if v.business() || v.published() || v.optOutRule() {
		return
	}
	switch {
	case bought(s.Origin):
		v.reason("check.reason.purchased-list")
		v.cond("check.cond.consent-names-sender")
	case s.Who == model.Inquirers:
		v.reason("check.reason.inquirers")
	case s.Origin == model.FromAcquisition:
		v.reason("check.reason.acquired-prospects")
	default:
		v.reason("check.reason.prospects")
	}
	if !s.Origin.Own() {
		v.cond("check.cond.source-info", v.regime().Source...)
	}
	v.refs(v.l.Consent...)
	if s.Who == model.Prospects {
		switch {
		case v.l.Exception != nil && v.l.Exception.Negotiations:
			v.reason("check.reason.prospects-uk", v.l.Exception.ID)
		case v.l.Implied != nil:
			v.reason("check.reason.prospects-ca", v.l.Implied.ID)
		}
	}
	v.set(ConsentRequired, model.Consent)
}

// bought reports whether addresses were bought or rented from someone else.
// Vietnam prohibits buying and selling personal data (Art. 7 Law No.
// 91/2025/QH15); renting a list is paying for personal data too and is
// treated the same (an interpretation, not a provision: see RULES.md).
func bought(o model.Source) bool { return o == model.FromBoughtList || o == model.FromRentedList }
