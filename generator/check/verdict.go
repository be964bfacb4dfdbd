package check

import (
	"slices"
	"strconv"

	"github.com/basis-privacy/basis/generator/law"
	"github.com/basis-privacy/basis/generator/model"
)

// situation is everything a verdict depends on: one campaign as seen from one
// market.
type situation struct {
	Market  law.Market
	Kind    model.Kind
	Who     model.Who
	Channel string // email, sms, phone, post
	// Promotion: a transactional or after-sales message also advertises.
	Promotion bool
	// OwnBusiness: the campaign promotes nothing, or the products of the
	// business whose customers it addresses (the one that collected the data).
	OwnBusiness bool
	Similar     *bool // promoted products similar to those bought; nil: not stated
	// SimilarReasoned: the file says why they are similar.
	SimilarReasoned bool
	// Type is who the recipients are; Origin how their addresses were
	// obtained ("" when not known).
	Type   model.RecipientType
	Origin model.Source
	// ConsentRecorded: the campaign runs on its purpose's consent, and the
	// consent of each recipient is recorded.
	ConsentRecorded bool
	// Children: the campaign is aimed at children, the youngest ChildFrom
	// years old.
	Children  bool
	ChildFrom int
	// The objection notices of the existing-customer exception.
	ObjectionAtCollection bool
	UnsubscribeInEvery    bool
	PurposeBasis          model.Basis
	// Home is the controller's own data-protection regime, which applies
	// to all its processing wherever its customers are (Art. 3(1) GDPR and
	// UK GDPR; Law No. 91/2025/QH15 Art. 1(2)(a)); "" for a controller
	// established elsewhere.
	Home law.Regime
	// Message data.
	Campaign, Business, Promotes string
}

// electronic reports whether the campaign is electronic mail in the sense of
// Art. 13 Directive 2002/58/EC, PECR and CASL (email and SMS).
func (s situation) electronic() bool { return s.Channel == "email" || s.Channel == "sms" }

// service reports whether the message is a transactional or after-sales
// message that promotes nothing.
func (s situation) service() bool {
	return (s.Kind == model.Transactional || s.Kind == model.AfterSales) && !s.Promotion
}

// verdict builds one Outcome.
type verdict struct {
	s   situation
	law *law.Law
	l   *law.Rules
	o   Outcome
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
		if r != "" && !slices.Contains(v.o.Refs, r) {
			v.o.Refs = append(v.o.Refs, r)
		}
	}
}

// msg fills in the data every reason and condition may use.
func (v *verdict) msg(id string) Message {
	return msg(id, "Campaign", v.s.Campaign, "Business", v.s.Business, "Promotes", v.s.Promotes, "Market", string(v.s.Market))
}

func (v *verdict) set(verdict Verdict, basis model.Basis) {
	v.o.Verdict, v.o.Basis = verdict, basis
}

// regime returns the provisions of the market's data-protection law; none
// for a market whose data-protection law Basis does not apply (Canada,
// Switzerland, the United States).
func (v *verdict) regime() law.RegimeRules { return v.law.Of(v.l.Regime) }

// used records that the verdict rests on a part of the market's law
// (law.GroupException, GroupB2B, GroupPhone, GroupPost), and says so where
// Basis has not verified it: the EU baseline's rule was applied in place of
// the state's own, or the national rule as secondary sources give it.
func (v *verdict) used(group string) {
	if slices.Contains(v.o.Unverified, group) {
		return
	}
	switch {
	case slices.Contains(v.l.Baseline, group):
		v.reason("check.reason.baseline-part")
	case slices.Contains(v.l.Unverified, group):
		v.reason("check.reason.unverified-part")
	default:
		return
	}
	v.o.Unverified = append(v.o.Unverified, group)
}

// optOut rests an allowed verdict on a rule that allows the message without
// consent until the recipient refuses (ref), in a market whose
// data-protection law Basis does not apply.
func (v *verdict) optOut(ref string) {
	v.set(Allowed, "")
	v.o.optOut = ref
}

// optOutRule judges electronic advertising under the market's opt-out rule
// (the CAN-SPAM Act for e-mail), or by its consent rule on a channel the
// opt-out does not cover (text messages: the TCPA); it reports whether the
// market has such a rule.
func (v *verdict) optOutRule() bool {
	x := v.l.OptOut
	if x == nil {
		return false
	}
	v.o.Advertising = true
	if !slices.Contains(x.Channels, v.s.Channel) {
		v.reason(x.Other, v.l.Consent...)
		v.used(law.GroupPhone)
		v.set(ConsentRequired, model.Consent)
		return true
	}
	v.reason(x.Reason, x.ID)
	for _, c := range x.Conds {
		v.cond(c, x.ID)
	}
	v.optOut(x.ID)
	return true
}

// judge decides one campaign in one market from the market's law in l.
func judge(l *law.Law, s situation) Outcome {
	v := &verdict{s: s, law: l, l: l.For(s.Market)}
	v.o = Outcome{Market: s.Market, Regime: v.governing()}
	switch {
	case s.Who == model.Inquirers && s.electronic() && v.inquirersCount():
		v.inquirers()
	case s.Who != model.ExistingCustomers:
		if s.Kind == model.Transactional || s.Kind == model.AfterSales {
			v.reason("check.reason.audience-mismatch")
		}
		v.cold()
	case s.service():
		v.service()
	case s.Kind == model.SatisfactionSurvey:
		v.survey()
	default:
		if s.Promotion {
			v.reason("check.reason.promotion", v.l.AdInService...)
		}
		v.marketing()
	}
	v.home()
	v.finish()
	v.recorded()
	v.children()
	v.stated()
	return v.o
}

// inquirersCount reports whether the market treats people who asked about
// buying like customers.
func (v *verdict) inquirersCount() bool {
	return (v.l.Exception != nil && v.l.Exception.Negotiations) || (v.l.Implied != nil && v.l.Implied.Inquiries)
}

// finish adds what every verdict of its kind needs.
func (v *verdict) finish() {
	switch v.o.Verdict {
	case ConsentRequired:
		v.o.Basis = model.Consent
		v.o.Advertising = v.o.Advertising || !v.s.service()
		v.consentConds()
	case NotAllowed:
		v.o.Basis = ""
		v.o.Advertising = true
	}
	if v.o.Advertising && v.s.electronic() && v.o.Verdict != NotAllowed {
		v.cond("check.cond.sender-identified", v.l.Identify...)
		for _, c := range v.l.Spam {
			v.cond(c, v.l.Identify...)
		}
	}
}

// consentConds are the conditions of sending on consent: each recipient's
// consent recorded, with what the regime asks the consent to name.
func (v *verdict) consentConds() {
	var proof string
	rg := v.law.Of(v.o.Regime)
	if v.o.Regime != "" {
		proof = rg.ConsentProof
	}
	v.cond("check.cond.consent-recorded", proof)
	for _, c := range rg.ConsentContent {
		v.cond(c)
	}
}

// recorded: a campaign that runs on its purpose's consent, recorded for
// each recipient, goes out on that consent wherever it may go out at all:
// "allowed: consent recorded", with none of the reasons about exceptions
// it does not need.
func (v *verdict) recorded() {
	if !v.s.ConsentRecorded || v.o.Verdict == NotAllowed {
		return
	}
	advertising := v.o.Advertising
	v.o = Outcome{Market: v.s.Market, Regime: v.o.Regime, Advertising: advertising}
	v.reason("check.reason.consent-recorded", v.l.Consent[0])
	v.consentConds()
	v.set(Allowed, model.Consent)
	if advertising && v.s.electronic() {
		v.cond("check.cond.sender-identified", v.l.Identify...)
		for _, c := range v.l.Spam {
			v.cond(c, v.l.Identify...)
		}
	}
}

// service judges transactional and after-sales messages that promote nothing.
func (v *verdict) service() {
	s, rg := v.s, v.regime()
	transactional := s.Kind == model.Transactional
	if transactional {
		v.reason("check.reason.transactional")
		v.cond("check.cond.contract-link")
	} else {
		v.reason("check.reason.after-sales")
		v.cond("check.cond.after-sales-content")
	}
	v.cond("check.cond.no-promotion", v.l.AdInService...)
	basis := model.Contract
	if !transactional && s.PurposeBasis != model.Contract && v.l.LegitimateInterests {
		basis = model.LegitimateInterests
	}
	switch {
	case v.l.ContractOnly:
		// No legitimate-interests basis: only what the contract needs goes
		// without consent.
		if !transactional {
			v.cond("check.cond.vn-contract-only")
		}
		v.refs(rg.Contract)
	case v.l.ServiceExempt != nil:
		basis = model.Contract
		if s.electronic() {
			v.reason(v.l.ServiceReason, v.l.ServiceExempt...)
			if v.l.ServiceCond != "" {
				v.cond(v.l.ServiceCond, v.l.ServiceExempt...)
			}
		}
	case basis == model.Contract:
		v.refs(rg.Contract)
	default:
		v.cond("check.cond.objection-offered", rg.LegitimateInterests)
	}
	if !transactional {
		v.refs(v.l.Service...)
	}
	v.set(Allowed, basis)
}

// survey judges a customer satisfaction survey to existing customers.
func (v *verdict) survey() {
	s, sv := v.s, v.l.Survey
	switch {
	case s.Channel == "phone" && sv.Rule == "research":
		v.research()
		return
	case s.Channel == "phone":
		v.phone()
		return
	case s.Channel == "post":
		v.post()
		return
	}
	v.o.Contested = sv.Contested
	v.reason(sv.Reason, sv.Refs...)
	switch sv.Rule {
	case "exception":
		v.softOptIn(true)
	case "consent":
		v.o.Advertising = true
		v.set(ConsentRequired, model.Consent)
	case "research":
		v.research()
	case "implied":
		v.casl()
	case "opt-out":
		v.optOutRule()
	}
}

// research judges a survey that is genuine research, not marketing (UK).
func (v *verdict) research() {
	if len(v.o.Reasons) == 0 {
		v.reason(v.l.Survey.Reason, v.l.Survey.Refs...)
	}
	v.cond("check.cond.genuine-research")
	v.cond("check.cond.objection-offered", v.regime().LegitimateInterests)
	v.set(Allowed, model.LegitimateInterests)
}

// marketing judges advertising to existing customers: similar products, new
// products, or a service message that also promotes.
func (v *verdict) marketing() {
	v.o.Advertising = true
	switch {
	case v.s.Channel == "post":
		v.post()
		return
	case v.s.Channel == "phone":
		v.phone()
		return
	}
	if v.business() || v.optOutRule() {
		return
	}
	switch {
	case v.l.Exception != nil:
		v.softOptIn(false)
	case v.l.Implied != nil:
		v.casl()
	default:
		v.reason(v.l.NoException, v.l.Consent...)
		v.set(ConsentRequired, model.Consent)
	}
}

// children adds what a campaign aimed at children must meet: the consent
// of the holder of parental responsibility below the age of the market's
// law (Art. 8(1) GDPR; the legal representative under Law No. 91/2025/QH15
// Art. 24), and no marketing based on profiling.
func (v *verdict) children() {
	if !v.s.Children || v.o.Verdict == NotAllowed {
		return
	}
	if a, ok := v.law.ChildAgeOf(v.s.Market); ok && v.s.ChildFrom < a.Age && v.o.Basis == model.Consent {
		id := "check.cond.children-consent"
		if v.l.Regime == law.PDPL {
			id = "check.cond.vn-child-representative"
		}
		m := v.msg(id)
		m.Args["Age"] = strconv.Itoa(a.Age)
		v.o.Conditions = append(v.o.Conditions, m)
		v.refs(a.Refs...)
	}
	if v.o.Advertising {
		v.cond("check.cond.children-no-profiling", "gdpr-recital-38", "gdpr-recital-71")
	}
}
