package check

import (
	"slices"
	"testing"

	"github.com/basis-privacy/basis/generator/law"
	"github.com/basis-privacy/basis/generator/model"
)

// TestStatedExceptionStanding: check decides, per Outcome, where the
// existing-customer exception stands and what the answer cites, so that
// render reads it instead of the market's law (issue 26): relied on with
// its conditions' provisions and the national ones (the ECG list in
// Austria, a sale in the last 12 months in Ireland); considered and failed
// (no unsubscribe link in every message) citing the exception and the
// consent rule; none in Poland and Vietnam, citing the consent rules;
// implied consent in Canada; CAN-SPAM's opt-out in the United States;
// letters and calls not covered; a satisfaction survey no advertising.
func TestStatedExceptionStanding(t *testing.T) {
	type tc struct {
		market   string
		edit     func(*situation)
		standing ExceptionStanding
		refs     []string
		national []string // the national conditions' message ids and provisions
	}
	post := func(s *situation) { s.Channel = "post" }
	phone := func(s *situation) { s.Channel = "phone" }
	noUnsub := func(s *situation) { s.UnsubscribeInEvery = false }
	prospects := func(s *situation) { s.Who, s.Origin = model.Prospects, "" }
	onConsent := func(s *situation) { s.PurposeBasis, s.ConsentRecorded = model.Consent, true }
	for _, c := range []tc{
		{"AT", nil, ExceptionRelied, nil, []string{"check.cond.at-ecg-list", "at-ecg-7-2"}},
		{"AT", noUnsub, ExceptionFailed, []string{"at-tkg-174-4", "at-tkg-174-3"}, nil},
		{"AT", phone, ExceptionChannel, nil, nil},
		{"AT", prospects, ExceptionNotConsidered, nil, nil},
		{"DE", nil, ExceptionRelied, nil, nil},
		{"DE", noUnsub, ExceptionFailed, []string{"uwg-7-3", "uwg-7-2-2"}, nil},
		{"DE", post, ExceptionChannel, nil, nil},
		{"DE", onConsent, ExceptionOnConsent, []string{"gdpr-7-1"}, nil},
		{"PL", nil, ExceptionNone, []string{"pke-398-1"}, nil},
		{"IE", nil, ExceptionRelied, nil, []string{"check.cond.ie-sale-12-months", "ie-si-336-2011-13-11"}},
		{"US", nil, ExceptionOptOut, []string{"us-can-spam"}, nil},
		{"US", func(s *situation) { s.Channel = "sms" }, ExceptionNone, []string{"us-tcpa", "us-cfr-47-64-1200-a-2"}, nil},
		{"CA", nil, ExceptionImplied, []string{"casl-10-9"}, nil},
		{"CA", post, ExceptionChannel, nil, nil},
		{"VN", nil, ExceptionNone, []string{"vn-pdpl-9", "vn-decree-91-2020"}, nil},
		{"CH", nil, ExceptionRelied, nil, nil},
		{"CH", func(s *situation) { s.Kind = model.Transactional }, ExceptionNotAdvertising, nil, nil},
	} {
		s := cell(model.Advertising, model.ExistingCustomers, c.market)
		if c.edit != nil {
			c.edit(&s)
		}
		o := judge(law.Default(), s)
		if o.Standing != c.standing || !slices.Equal(o.StandingRefs, c.refs) {
			t.Errorf("%s %s %s: standing %q %v, want %q %v", c.market, s.Channel, s.Who, o.Standing, o.StandingRefs, c.standing, c.refs)
		}
		var national []string
		for _, n := range o.Terms.National {
			national = append(national, n.Msg.ID, n.Ref)
		}
		if !slices.Equal(national, c.national) {
			t.Errorf("%s %s: national conditions %v, want %v", c.market, s.Channel, national, c.national)
		}
		if relied := o.Standing == ExceptionRelied; relied != (o.Exception != "") || relied != (len(o.Terms.Basis) > 0) {
			t.Errorf("%s %s: standing %q, exception %q, terms %+v", c.market, s.Channel, o.Standing, o.Exception, o.Terms)
		}
	}
}

// TestStatedExceptionTerms: the terms of a relied-on exception cite each
// condition by the market's own provision, and the GDPR's rule that Art.
// 6(1) is not applied in addition only where the GDPR governs the market
// (not for Switzerland's art. 3 para. 1 lit. o UWG).
func TestStatedExceptionTerms(t *testing.T) {
	for _, c := range []struct {
		market                                 string
		basis, separate                        []string
		customer, similar, notice, notObjected string
	}{
		{"DE", []string{"uwg-7-3", "eprivacy-13-2"}, []string{"gdpr-95", "cjeu-c-654-23"}, "uwg-7-3-1", "uwg-7-3-2", "uwg-7-3-4", "uwg-7-3-3"},
		{"AT", []string{"at-tkg-174-4", "eprivacy-13-2"}, []string{"gdpr-95", "cjeu-c-654-23"}, "at-tkg-174-4", "at-tkg-174-4", "at-tkg-174-4", "at-tkg-174-4"},
		{"CH", []string{"ch-uwg-3-1-o"}, nil, "ch-uwg-3-1-o", "ch-uwg-3-1-o", "ch-uwg-3-1-o", "ch-uwg-3-1-o"},
	} {
		x := judge(law.Default(), cell(model.Advertising, model.ExistingCustomers, c.market)).Terms
		if !slices.Equal(x.Basis, c.basis) || !slices.Equal(x.Separate, c.separate) ||
			x.Customer != c.customer || x.OwnSimilar != c.similar || x.Notice != c.notice || x.NotObjected != c.notObjected {
			t.Errorf("%s: terms %+v", c.market, x)
		}
	}
}

// TestStatedMarketLaw: the market's own regime (none where Basis applies no
// data-protection law of the market), the rule the message falls under as
// marketing (CAN-SPAM, not the TCPA, for e-mail to the United States), the
// consent rule of the channel (none Basis knows for letters to Canada,
// Switzerland and the United States), and Vietnam's refusal duties, for
// advertising to existing customers.
func TestStatedMarketLaw(t *testing.T) {
	for _, c := range []struct {
		market, channel string
		regime          law.Regime
		rule, consent   string
		refusal         bool
	}{
		{"AT", "email", law.GDPR, "at-tkg-174-3", "at-tkg-174-3", false},
		{"AT", "phone", law.GDPR, "at-tkg-174-3", "at-tkg-174-1", false},
		{"DE", "post", law.GDPR, "uwg-7-2-2", "gdpr-recital-47", false},
		{"DE", "phone", law.GDPR, "uwg-7-2-2", "uwg-7-2-1", false},
		{"PL", "email", law.GDPR, "pke-398-1", "pke-398-1", false},
		{"IE", "phone", law.GDPR, "ie-si-336-2011-13", "eprivacy-13-3", false},
		{"US", "email", "", "us-can-spam", "us-tcpa", false},
		{"US", "sms", "", "us-tcpa", "us-tcpa", false},
		{"US", "post", "", "us-tcpa", "", false},
		{"CA", "email", "", "casl-6-1", "casl-6-1", false},
		{"CA", "post", "", "casl-6-1", "", false},
		{"VN", "email", law.PDPL, "vn-pdpl-9", "vn-pdpl-9", true},
		{"VN", "sms", law.PDPL, "vn-pdpl-9", "vn-pdpl-9", true},
		{"VN", "post", law.PDPL, "vn-pdpl-9", "vn-pdpl-9", false},
		{"CH", "post", "", "ch-uwg-3-1-o", "", false},
		{"CH", "phone", "", "ch-uwg-3-1-o", "ch-uwg-3-1-u", false},
	} {
		s := cell(model.Advertising, model.ExistingCustomers, c.market)
		s.Channel = c.channel
		o := judge(law.Default(), s)
		if electronic := c.channel == "email" || c.channel == "sms"; o.SenderDuties != electronic {
			t.Errorf("%s %s: sender duties %v, want %v", c.market, c.channel, o.SenderDuties, electronic)
		}
		if o.MarketRegime != c.regime || o.Rule != c.rule || o.ConsentRule != c.consent || o.RefusalRequired != c.refusal {
			t.Errorf("%s %s: regime %q rule %q consent %q refusal %v, want %q %q %q %v",
				c.market, c.channel, o.MarketRegime, o.Rule, o.ConsentRule, o.RefusalRequired, c.regime, c.rule, c.consent, c.refusal)
		}
	}
	// A message that is not advertising carries no sender duties; one that
	// may not go out no refusal duties.
	if o := judge(law.Default(), cell(model.Transactional, model.ExistingCustomers, "VN")); o.SenderDuties || o.RefusalRequired {
		t.Errorf("VN transactional: sender duties %v, refusal %v", o.SenderDuties, o.RefusalRequired)
	}
	s := cell(model.Advertising, model.PurchasedList, "VN")
	if o := judge(law.Default(), s); o.Verdict != NotAllowed || o.RefusalRequired {
		t.Errorf("VN bought list: %s, refusal %v", o.Verdict, o.RefusalRequired)
	}
}

// TestStatedSurveyAndChildren: a satisfaction survey carries the
// authorities by which the market judges it as direct marketing where it
// does (Germany's BGH, Poland's and Vietnam's consent rules), none where it
// does not; a campaign aimed at children from 13 carries the age below
// which the market asks for parental consent (14 in Austria, 16 in Germany,
// Ireland and Vietnam), none where no age applies (Switzerland, the United
// States, Canada).
func TestStatedSurveyAndChildren(t *testing.T) {
	for _, c := range []struct {
		market string
		survey []string
		age    int
	}{
		{"AT", nil, 14}, {"DE", []string{"bgh-vi-zr-225-17"}, 16}, {"PL", []string{"pke-398-1"}, 16},
		{"IE", nil, 16}, {"US", nil, 0}, {"CA", nil, 0}, {"VN", []string{"vn-pdpl-9", "vn-decree-91-2020"}, 16}, {"CH", nil, 0},
	} {
		o := judge(law.Default(), cell(model.SatisfactionSurvey, model.ExistingCustomers, c.market))
		if !slices.Equal(o.SurveyRefs, c.survey) {
			t.Errorf("%s survey: refs %v, want %v", c.market, o.SurveyRefs, c.survey)
		}
		s := cell(model.Advertising, model.ExistingCustomers, c.market)
		if o := judge(law.Default(), s); o.Parental.Age != 0 || o.SurveyRefs != nil {
			t.Errorf("%s not aimed at children, no survey: parental %+v, survey %v", c.market, o.Parental, o.SurveyRefs)
		}
		s.Children, s.ChildFrom = true, 13
		if o := judge(law.Default(), s); o.Parental.Age != c.age {
			t.Errorf("%s children from 13: parental age %d, want %d", c.market, o.Parental.Age, c.age)
		}
		s.ChildFrom = 16
		if o := judge(law.Default(), s); o.Parental.Age != 0 {
			t.Errorf("%s children from 16: parental age %d, want none", c.market, o.Parental.Age)
		}
	}
}

// TestResultTransfer: whether a recipient's country is abroad is check's
// answer (law.Abroad, as the transfer rules ask it), which the notice and
// the record read: outside the EEA under the GDPR, outside the United
// Kingdom under the UK GDPR, out of Vietnam under Law No. 91/2025/QH15; an
// unknown country is no transfer.
func TestResultTransfer(t *testing.T) {
	for _, c := range []struct {
		controller, recipient string
		want                  bool
	}{
		{"DE", "US", true}, {"DE", "FR", false}, {"DE", "NO", false}, {"DE", "", false}, {"AT", "CH", true},
		{"GB", "FR", true}, {"GB", "GB", false}, {"VN", "DE", true}, {"VN", "VN", false},
	} {
		res := &Result{Company: &model.Company{Country: c.controller}}
		if got := res.Transfer(c.recipient); got != c.want {
			t.Errorf("%s to %q: transfer %v, want %v", c.controller, c.recipient, got, c.want)
		}
	}
}
