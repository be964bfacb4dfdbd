package check

import (
	"slices"

	"github.com/basis-privacy/basis/generator/model"
)

// situation is everything a verdict depends on: one campaign as seen from one
// market.
type situation struct {
	Market  string
	Kind    model.Kind
	Who     model.Who
	Channel string // email, sms, phone, post
	// Promotion: a transactional or after-sales message also advertises.
	Promotion bool
	// OwnBusiness: the campaign promotes nothing, or the products of the
	// business whose customers it addresses (the one that collected the data).
	OwnBusiness bool
	Similar     *bool // promoted products similar to those bought; nil: not stated
	// The objection notices of the existing-customer exception.
	ObjectionAtCollection bool
	UnsubscribeInEvery    bool
	PurposeBasis          model.Basis
	// Message data.
	Campaign, Business, Promotes string
}

// electronic reports whether the campaign is electronic mail in the sense of
// Art. 13 Directive 2002/58/EC, PECR and CASL (email and SMS).
func (s situation) electronic() bool { return s.Channel == "email" || s.Channel == "sms" }

// verdict builds one Outcome.
type verdict struct {
	s situation
	o Outcome
}

func (v *verdict) reason(id string, refs ...string) {
	v.o.Reasons = append(v.o.Reasons, v.msg(id))
	v.refs(refs...)
}

func (v *verdict) cond(id string, refs ...string) {
	m := v.msg(id)
	if !slices.ContainsFunc(v.o.Conditions, func(x Message) bool { return x.ID == m.ID }) {
		v.o.Conditions = append(v.o.Conditions, m)
	}
	v.refs(refs...)
}

func (v *verdict) refs(refs ...string) {
	for _, r := range refs {
		if !slices.Contains(v.o.Refs, r) {
			v.o.Refs = append(v.o.Refs, r)
		}
	}
}

// msg fills in the data every reason and condition may use.
func (v *verdict) msg(id string) Message {
	return msg(id, "Campaign", v.s.Campaign, "Business", v.s.Business, "Promotes", v.s.Promotes, "Market", v.s.Market)
}

func (v *verdict) set(verdict Verdict, basis model.Basis) {
	v.o.Verdict, v.o.Basis = verdict, basis
}

// judge decides one campaign in one market.
func judge(s situation) Outcome {
	v := &verdict{s: s, o: Outcome{Market: s.Market}}
	switch {
	case s.Who == model.Inquirers && s.electronic() && (s.Market == "UK" || s.Market == "CA"):
		v.inquirers()
	case s.Who != model.ExistingCustomers:
		if s.Kind == model.Transactional || s.Kind == model.AfterSales {
			v.reason("check.reason.audience-mismatch")
		}
		v.cold()
	case (s.Kind == model.Transactional || s.Kind == model.AfterSales) && !s.Promotion:
		v.service()
	case s.Kind == model.SatisfactionSurvey:
		v.survey()
	default:
		if s.Promotion {
			refs := []string{}
			if s.Market == "DE" {
				refs = append(refs, "bgh-vi-zr-134-15")
			}
			v.reason("check.reason.promotion", refs...)
		}
		v.marketing()
	}
	v.finish()
	return v.o
}

// finish adds what every verdict of its kind needs.
func (v *verdict) finish() {
	switch v.o.Verdict {
	case ConsentRequired:
		v.o.Basis = model.Consent
		switch v.s.Market {
		case "VN":
			v.cond("check.cond.consent-recorded", "vn-pdpl-9")
			v.cond("check.cond.vn-consent-content")
		case "UK", "CA":
			v.cond("check.cond.consent-recorded")
		default:
			v.cond("check.cond.consent-recorded", "gdpr-7-1")
		}
	case NotAllowed:
		v.o.Basis = ""
	}
}

// service judges transactional and after-sales messages that promote nothing.
func (v *verdict) service() {
	s := v.s
	transactional := s.Kind == model.Transactional
	if transactional {
		v.reason("check.reason.transactional")
		v.cond("check.cond.contract-link")
	} else {
		v.reason("check.reason.after-sales")
		v.cond("check.cond.after-sales-content")
	}
	noPromo := []string{}
	if s.Market == "DE" {
		noPromo = append(noPromo, "bgh-vi-zr-134-15")
	}
	v.cond("check.cond.no-promotion", noPromo...)
	basis := model.Contract
	if !transactional && s.PurposeBasis != model.Contract {
		basis = model.LegitimateInterests
	}
	switch s.Market {
	case "VN":
		// Vietnamese law has no legitimate-interests basis: only what the
		// contract needs goes without consent.
		basis = model.Contract
		if !transactional {
			v.cond("check.cond.vn-contract-only")
		}
		v.refs("vn-pdpl-19-1-d")
	case "CA":
		basis = model.Contract
		if s.electronic() {
			v.reason("check.reason.ca-transactional")
			v.cond("check.cond.ca-identify-unsubscribe", "casl-6-6", "casl-6-1", "casl-11")
		}
	case "UK":
		if basis == model.Contract {
			v.refs("uk-gdpr-6-1-b")
		} else {
			v.cond("check.cond.objection-offered", "uk-gdpr-6-1-f")
		}
		if !transactional {
			v.refs("ico-dm")
		}
	default:
		if basis == model.Contract {
			v.refs("gdpr-6-1-b")
		} else {
			v.cond("check.cond.objection-offered", "gdpr-6-1-f")
		}
	}
	v.set(Allowed, basis)
}

// survey judges a customer satisfaction survey to existing customers.
func (v *verdict) survey() {
	s := v.s
	if s.Channel == "phone" && s.Market != "UK" {
		v.phone()
		return
	}
	if s.Channel == "post" || s.Channel == "phone" {
		if s.Market == "UK" && s.Channel == "phone" {
			v.reason("check.reason.survey-uk", "ico-dm")
			v.cond("check.cond.genuine-research")
			v.cond("check.cond.objection-offered", "uk-gdpr-6-1-f")
			v.set(Allowed, model.LegitimateInterests)
			return
		}
		v.post()
		return
	}
	switch s.Market {
	case "EU":
		v.o.Contested = true
		v.reason("check.reason.survey-eu")
		v.softOptIn(true)
	case "DE":
		v.reason("check.reason.survey-de", "bgh-vi-zr-225-17")
		v.softOptIn(true)
	case "PL":
		v.o.Contested = true
		v.reason("check.reason.survey-pl", "wsa-ii-sa-wa-715-22", "pke-398-1")
		v.set(ConsentRequired, model.Consent)
	case "UK":
		v.reason("check.reason.survey-uk", "ico-dm")
		v.cond("check.cond.genuine-research")
		v.cond("check.cond.objection-offered", "uk-gdpr-6-1-f")
		v.set(Allowed, model.LegitimateInterests)
	case "VN":
		v.reason("check.reason.survey-vn", "vn-pdpl-9", "vn-decree-91-2020")
		v.set(ConsentRequired, model.Consent)
	case "CA":
		v.reason("check.reason.survey-ca")
		v.casl()
	}
}

// marketing judges advertising to existing customers: similar products, new
// products, or a transactional message that also promotes.
func (v *verdict) marketing() {
	s := v.s
	switch {
	case s.Channel == "post":
		v.post()
		return
	case s.Channel == "phone":
		v.phone()
		return
	}
	switch s.Market {
	case "EU", "DE", "UK":
		v.softOptIn(false)
	case "PL":
		v.reason("check.reason.no-soft-opt-in-pl", "pke-398-1")
		v.set(ConsentRequired, model.Consent)
	case "VN":
		v.reason("check.reason.no-soft-opt-in-vn", "vn-pdpl-9", "vn-decree-91-2020")
		v.set(ConsentRequired, model.Consent)
	case "CA":
		v.casl()
	}
}

// softOptIn applies the existing-customer exception of Art. 13(2) Directive
// 2002/58/EC (EU), § 7(3) UWG (DE) or PECR reg. 22(3) (UK); survey says the
// message is a survey about the products bought (always the sender's own).
func (v *verdict) softOptIn(survey bool) {
	s := v.s
	exception, general, objection := "eprivacy-13-2", "eprivacy-13-1", "gdpr-21-2-3"
	li := "gdpr-6-1-f"
	switch s.Market {
	case "DE":
		exception, general = "uwg-7-3", "uwg-7-2-2"
	case "UK":
		exception, general, objection, li = "pecr-22-3", "pecr-22-2", "uk-gdpr-21-2-3", "uk-gdpr-6-1-f"
	}
	ok := true
	if !survey {
		switch {
		case s.Kind == model.NewProducts && s.OwnBusiness:
			v.reason("check.reason.new-products", general)
			ok = false
		case !s.OwnBusiness:
			own := "eprivacy-13-2"
			if s.Market == "DE" {
				own = "uwg-7-3-2"
			} else if s.Market == "UK" {
				own = "pecr-22-3"
			}
			v.reason("check.reason.soft-opt-in-other-business", own)
			ok = false
		case s.Similar == nil:
			v.reason("check.reason.similar-unstated", exception)
			ok = false
		case !*s.Similar:
			v.reason("check.reason.not-similar", exception)
			ok = false
		}
	}
	if ok {
		if !s.ObjectionAtCollection {
			v.reason("check.reason.no-objection-at-collection", exception)
			ok = false
		}
		if !s.UnsubscribeInEvery {
			v.reason("check.reason.no-unsubscribe", exception)
			ok = false
		}
	}
	if !ok {
		v.reason("check.reason.consent-needed", general)
		v.set(ConsentRequired, model.Consent)
		return
	}
	v.reason("check.reason.soft-opt-in", exception)
	if s.Market == "UK" {
		v.cond("check.cond.address-from-sale-uk")
	} else {
		v.cond("check.cond.address-from-sale")
	}
	v.cond("check.cond.own-similar")
	v.cond("check.cond.objection-at-collection")
	v.cond("check.cond.objection-every-message")
	v.cond("check.cond.not-objected", objection)
	v.cond("check.cond.notice-mentions")
	v.refs(li)
	if s.Market == "EU" {
		v.refs("cjeu-c-654-23")
	}
	v.set(Allowed, model.LegitimateInterests)
}

// casl applies CASL's implied consent from an existing business relationship
// (Canada, electronic messages).
func (v *verdict) casl() {
	v.reason("check.reason.ca-ebr", "casl-10-9")
	v.cond("check.cond.ca-ebr")
	v.cond("check.cond.ca-identify-unsubscribe", "casl-6-1", "casl-11")
	v.set(Allowed, model.Consent)
}

// post judges marketing letters: not electronic mail, so Art. 13(2) and its
// national forms do not apply; GDPR legitimate interests with the right to
// object (Recital 47, Art. 21(2)-(3)).
func (v *verdict) post() {
	s := v.s
	switch s.Market {
	case "VN":
		v.reason("check.reason.vn-no-li", "vn-pdpl-9")
		v.set(ConsentRequired, model.Consent)
		return
	case "CA":
		v.reason("check.reason.ca-not-covered")
		v.set(ConsentRequired, model.Consent)
		return
	}
	v.reason("check.reason.post", "gdpr-recital-47")
	if s.Market == "UK" {
		v.cond("check.cond.objection-offered", "uk-gdpr-6-1-f", "uk-gdpr-21-2-3")
	} else {
		v.cond("check.cond.objection-offered", "gdpr-6-1-f", "gdpr-21-2-3")
	}
	if s.Who != model.ExistingCustomers {
		v.cond("check.cond.source-info", "gdpr-14-2-f")
	}
	v.cond("check.cond.notice-mentions")
	if s.Market == "DE" {
		v.reason("check.reason.post-de", "uwg-7-1")
		v.cond("check.cond.post-no-refusal", "uwg-7-1")
	}
	v.set(Allowed, model.LegitimateInterests)
}

// phone judges marketing calls.
func (v *verdict) phone() {
	switch v.s.Market {
	case "EU":
		v.reason("check.reason.phone-eu", "eprivacy-13-3")
	case "DE":
		v.reason("check.reason.phone-de", "uwg-7-2-1")
	case "PL":
		v.reason("check.reason.phone-pl", "pke-398-1")
	case "UK":
		v.reason("check.reason.phone-uk", "pecr-21")
		v.cond("check.cond.uk-tps", "pecr-21")
		v.cond("check.cond.objection-offered", "uk-gdpr-6-1-f", "uk-gdpr-21-2-3")
		v.cond("check.cond.notice-mentions")
		v.set(Allowed, model.LegitimateInterests)
		return
	case "VN":
		v.reason("check.reason.vn-no-li", "vn-pdpl-9", "vn-decree-91-2020")
	case "CA":
		v.reason("check.reason.ca-not-covered")
	}
	v.set(ConsentRequired, model.Consent)
}

// inquirers judges electronic messages to people who asked about buying but
// have not bought, where the law treats them like customers: in the UK the
// exception covers details obtained "in the course of the sale or
// negotiations for the sale" (PECR reg. 22(3)(a)); in Canada an inquiry
// within six months is an existing business relationship (CASL s. 10(10)).
func (v *verdict) inquirers() {
	s := v.s
	if s.Market == "CA" {
		v.reason("check.reason.ca-inquiry", "casl-10-9")
		v.cond("check.cond.ca-inquiry")
		v.cond("check.cond.ca-identify-unsubscribe", "casl-6-1", "casl-11")
		v.set(Allowed, model.Consent)
		return
	}
	switch s.Kind {
	case model.SimilarProducts, model.NewProducts:
		v.reason("check.reason.uk-negotiations", "pecr-22-3")
		v.softOptIn(false)
	case model.SatisfactionSurvey:
		v.survey()
	default:
		v.reason("check.reason.audience-mismatch")
		v.cold()
	}
}

// cold judges messages to people who are not customers: inquirers (outside
// the UK and Canada), prospects and purchased lists.
func (v *verdict) cold() {
	s := v.s
	if s.Market == "VN" && s.Who == model.PurchasedList {
		v.reason("check.reason.vn-purchased", "vn-pdpl-7")
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
	switch s.Who {
	case model.PurchasedList:
		v.reason("check.reason.purchased-list")
		v.cond("check.cond.consent-names-sender")
	case model.Inquirers:
		v.reason("check.reason.inquirers")
	default:
		v.reason("check.reason.prospects")
	}
	switch s.Market {
	case "EU":
		v.refs("eprivacy-13-1")
	case "DE":
		v.refs("uwg-7-2-2")
	case "PL":
		v.refs("pke-398-1")
	case "UK":
		v.refs("pecr-22-2")
		if s.Who == model.Prospects {
			v.reason("check.reason.prospects-uk", "pecr-22-3")
		}
	case "VN":
		v.refs("vn-pdpl-9", "vn-decree-91-2020")
	case "CA":
		v.refs("casl-6-1")
		if s.Who == model.Prospects {
			v.reason("check.reason.prospects-ca", "casl-10-9")
		}
	}
	v.set(ConsentRequired, model.Consent)
}
