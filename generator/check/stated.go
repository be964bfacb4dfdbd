package check

import (
	"slices"

	"github.com/basis-privacy/basis/generator/law"
	"github.com/basis-privacy/basis/generator/model"
)

// ExceptionStanding is where the existing-customer exception stands in one
// Outcome: what the checklist answers on it in the market.
type ExceptionStanding string

// Exception standings, in the order they are decided (see
// verdict.exceptionStanding).
const (
	// ExceptionOnConsent: the campaign goes out on its purpose's consent,
	// recorded for each recipient; no exception is needed.
	ExceptionOnConsent ExceptionStanding = "consent"
	// ExceptionRelied: the verdict rests on the exception (Terms holds its
	// conditions).
	ExceptionRelied ExceptionStanding = "relied"
	// ExceptionFailed: the verdict considered the exception and a condition
	// failed (Tried, Unmet).
	ExceptionFailed ExceptionStanding = "failed"
	// ExceptionNotAdvertising: the message is not advertising there.
	ExceptionNotAdvertising ExceptionStanding = "not_advertising"
	// ExceptionChannel: letters and calls; the e-mail exception does not
	// cover the channel, whether or not the market has one.
	ExceptionChannel ExceptionStanding = "channel"
	// ExceptionOptOut: the market allows the message without consent until
	// the recipient refuses (CAN-SPAM); no exception is needed.
	ExceptionOptOut ExceptionStanding = "opt_out"
	// ExceptionImplied: the market knows consent implied by an existing
	// business relationship (CASL) instead of an exception.
	ExceptionImplied ExceptionStanding = "implied"
	// ExceptionNone: the market has no existing-customer exception.
	ExceptionNone ExceptionStanding = "none"
	// ExceptionNotConsidered: the market has an exception, the message is
	// advertising by electronic mail, and the verdict neither relied on
	// the exception nor tried it (e-mail to people who are not customers).
	// The checklist answers as for letters and calls.
	ExceptionNotConsidered ExceptionStanding = "not_considered"
)

// ExceptionTerms are the provisions of the existing-customer exception an
// Outcome relies on, condition by condition, as the documents cite them.
type ExceptionTerms struct {
	// Basis is what the exception is cited as the basis by, and Separate
	// the regime's rule that Art. 6(1) GDPR is not applied in addition
	// (Art. 95 GDPR).
	Basis, Separate []string
	// The provisions of the conditions: a customer, own similar products,
	// the objection offered at collection and in every message, no
	// objection made.
	Customer, OwnSimilar, Notice, NotObjected string
	// National are the conditions the market's form of the exception adds
	// (the ECG list in Austria, a sale in the last 12 months in Ireland),
	// each a message with its provision.
	National []NationalCondition
}

// NationalCondition is one condition a market's form of the exception adds.
type NationalCondition struct {
	Msg Message
	Ref string
}

// stated decides, once, the facts of the market's law the documents state
// beside an Outcome's verdict, so that render decides none: the market's
// regime, where the exception stands, the rules the message falls under,
// the duties of refusal and the parental-consent age.
func (v *verdict) stated() {
	v.o.MarketRegime = v.l.Regime
	v.exceptionStanding()
	v.o.Rule = v.marketingRule()
	v.o.ConsentRule = v.consentRule()
	v.o.AdInService = slices.Clone(v.l.AdInService)
	v.o.SurveyRefs = v.surveyRefs()
	v.o.Identify = slices.Clone(v.l.Identify)
	v.o.SenderDuties = v.o.Advertising && v.s.electronic()
	v.o.RefusalRequired = v.o.SenderDuties && len(v.l.Spam) > 0 && v.o.Verdict != NotAllowed
	v.o.Parental = v.parental()
}

// exceptionStanding decides where the existing-customer exception stands
// and which provisions the answer on it cites.
func (v *verdict) exceptionStanding() {
	o, l := &v.o, v.l
	switch {
	case v.s.ConsentRecorded && o.Verdict == Allowed:
		o.Standing, o.StandingRefs = ExceptionOnConsent, nonEmpty(v.law.Of(o.Regime).ConsentProof)
	case o.Exception != "":
		o.Standing, o.Terms = ExceptionRelied, v.terms()
	case o.Tried != "":
		o.Standing, o.StandingRefs = ExceptionFailed, nonEmpty(l.Exception.ID, l.Consent[0])
	case !o.Advertising:
		o.Standing = ExceptionNotAdvertising
	case v.s.Channel == "post" || v.s.Channel == "phone":
		o.Standing = ExceptionChannel
	case o.OptOut():
		o.Standing, o.StandingRefs = ExceptionOptOut, nonEmpty(o.optOut)
	case l.Implied != nil:
		o.Standing, o.StandingRefs = ExceptionImplied, nonEmpty(l.Implied.ID)
	case l.Exception == nil:
		o.Standing, o.StandingRefs = ExceptionNone, nonEmpty(l.Consent...)
	default:
		o.Standing = ExceptionNotConsidered
	}
}

// terms are the provisions of the market's exception, condition by
// condition.
func (v *verdict) terms() ExceptionTerms {
	x := v.l.Exception
	t := ExceptionTerms{Basis: slices.Clone(x.Basis), Separate: slices.Clone(v.regime().Separate),
		Customer: x.Customer, OwnSimilar: x.OwnSimilar, Notice: x.Notice, NotObjected: x.NotObjected}
	for _, c := range x.Conds {
		t.National = append(t.National, NationalCondition{Msg: Message{ID: c.ID}, Ref: c.Ref})
	}
	return t
}

// marketingRule is the provision the message falls under as marketing in
// the market: the opt-out rule where one covers the channel (CAN-SPAM for
// e-mail), not the consent rule of other channels (the TCPA's calls and
// texts); else the consent rule on electronic mail.
func (v *verdict) marketingRule() string {
	if x := v.l.OptOut; x != nil && slices.Contains(x.Channels, v.s.Channel) {
		return x.ID
	}
	return v.l.Consent[0]
}

// consentRule is the provision that asks for consent to marketing on the
// channel: the rule on electronic mail for e-mail and text messages, the
// rule on calls or letters for those; "" where Basis knows none (letters to
// Canada).
func (v *verdict) consentRule() string {
	refs := v.l.Consent
	switch v.s.Channel {
	case "phone":
		refs = v.l.Phone.Refs
	case "post":
		refs = v.l.Post.Refs
	}
	if len(refs) == 0 {
		return ""
	}
	return refs[0]
}

// surveyRefs are the authorities by which the market judges a satisfaction
// survey as direct marketing, for a survey, where it does; nil elsewhere.
func (v *verdict) surveyRefs() []string {
	if v.s.Kind != model.SatisfactionSurvey || !v.l.Survey.Advertises() {
		return nil
	}
	return slices.Clone(v.l.Survey.Refs)
}

// parental is the age below which the market's law asks for parental
// consent, for a campaign aimed at children younger than it; the zero
// ChildAge otherwise.
func (v *verdict) parental() law.ChildAge {
	if !v.s.Children {
		return law.ChildAge{}
	}
	a, ok := v.law.ChildAgeOf(v.s.Market)
	if !ok || v.s.ChildFrom >= a.Age {
		return law.ChildAge{}
	}
	return a
}

// nonEmpty drops the empty ids.
func nonEmpty(ids ...string) []string {
	var out []string
	for _, id := range ids {
		if id != "" {
			out = append(out, id)
		}
	}
	return out
}
