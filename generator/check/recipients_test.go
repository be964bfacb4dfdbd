package check

import (
	"slices"
	"testing"

	"github.com/basis-privacy/basis/generator/law"
	"github.com/basis-privacy/basis/generator/model"
)

// TestRecipientsAndOrigin: who the recipients are and how their addresses
// were obtained decide the verdict as the law of each market says (issue
// 18, "Who the recipients are"). Each row failed before the audience could
// state a type or a source: customers taken over with a business came out
// "allowed" in the EU and Germany, and business contacts were judged as
// consumers everywhere.
func TestRecipientsAndOrigin(t *testing.T) {
	ec, pr := model.ExistingCustomers, model.Prospects
	with := func(kind model.Kind, who model.Who, market string, f func(*situation)) situation {
		s := cell(kind, who, market)
		f(&s)
		return s
	}
	acquired := func(s *situation) { s.Origin = model.FromAcquisition }
	corporate := func(s *situation) { s.Type = model.BusinessContacts }
	sole := func(s *situation) { s.Type = model.SoleTraders }
	tests := []struct {
		name string
		s    situation
		want want
		cond string // a condition the outcome must name
	}{
		// Customers taken over with a business are not the buyer's
		// customers for the exception (§ 7(3) Nr. 1 UWG: "von dem Kunden
		// ... erhalten"; PECR reg. 22(3)(a): "that person has obtained").
		{"acquired EU", with(model.Advertising, ec, "EU", acquired), want{ConsentRequired, model.Consent, "eprivacy-13-2", false}, "check.cond.source-info"},
		{"acquired DE", with(model.Advertising, ec, "DE", acquired), want{ConsentRequired, model.Consent, "uwg-7-3-1", false}, "check.cond.source-info"},
		{"acquired UK", with(model.Advertising, ec, "UK", acquired), want{ConsentRequired, model.Consent, "pecr-22-3", false}, ""},
		{"acquired survey DE", with(model.SatisfactionSurvey, ec, "DE", acquired), want{ConsentRequired, model.Consent, "uwg-7-3-1", false}, ""},
		{"acquired CA (s. 10(12) CASL)", with(model.Advertising, ec, "CA", acquired), want{Allowed, model.Consent, "casl-10-12", false}, "check.cond.ca-acquired"},
		{"acquired prospects DE", with(model.Advertising, pr, "DE", acquired), want{ConsentRequired, model.Consent, "uwg-7-2-2", false}, "check.cond.source-info"},
		// PECR reg. 22 protects individual subscribers only.
		{"corporate UK", with(model.Advertising, pr, "UK", corporate), want{Allowed, model.LegitimateInterests, "pecr-22-1", false}, "check.cond.objection-offered"},
		{"corporate UK bought list", with(model.Advertising, model.PurchasedList, "UK", corporate), want{Allowed, model.LegitimateInterests, "pecr-23", false}, "check.cond.source-info"},
		{"sole trader UK is an individual", with(model.Advertising, pr, "UK", sole), want{ConsentRequired, model.Consent, "pecr-22-2", false}, ""},
		// Art. 13(5): legal persons are left to national law.
		{"corporate EU baseline", with(model.Advertising, pr, "EU", corporate), want{ConsentRequired, model.Consent, "eprivacy-13-5", true}, ""},
		{"corporate DE as consumers", with(model.Advertising, pr, "DE", corporate), want{ConsentRequired, model.Consent, "uwg-7-2-2", false}, ""},
		{"corporate DE customers keep the exception", with(model.Advertising, ec, "DE", corporate), want{Allowed, "", "uwg-7-3", false}, "check.cond.not-objected"},
		// art. 398 PKE covers business addresses too.
		{"corporate PL", with(model.Advertising, ec, "PL", corporate), want{ConsentRequired, model.Consent, "pke-398-1", false}, ""},
		// § 7(2) Nr. 1 UWG: calls to businesses on presumed consent.
		{"call to a business DE", with(model.Advertising, pr, "DE", func(s *situation) { corporate(s); s.Channel = "phone" }), want{Allowed, model.LegitimateInterests, "uwg-7-2-1", false}, "check.cond.presumed-consent"},
		{"call to a sole trader DE", with(model.Advertising, pr, "DE", func(s *situation) { sole(s); s.Channel = "phone" }), want{Allowed, model.LegitimateInterests, "uwg-7-2-1", false}, "check.cond.presumed-consent"},
		{"call to a consumer DE", with(model.Advertising, pr, "DE", func(s *situation) { s.Channel = "phone" }), want{ConsentRequired, model.Consent, "uwg-7-2-1", false}, ""},
		// CASL s. 10(9)(b): a conspicuously published business address.
		{"published CA", with(model.Advertising, pr, "CA", func(s *situation) { corporate(s); s.Origin = model.FromPublic }), want{Allowed, model.Consent, "casl-10-9-b", false}, "check.cond.ca-published"},
		{"published consumer CA", with(model.Advertising, pr, "CA", func(s *situation) { s.Origin = model.FromPublic }), want{ConsentRequired, model.Consent, "casl-6-1", false}, ""},
		// Vietnam: renting a list is treated as buying one.
		{"rented VN", with(model.Advertising, pr, "VN", func(s *situation) { s.Origin = model.FromRentedList }), want{NotAllowed, "", "vn-pdpl-7", false}, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			o := judge(law.Default(), tc.s)
			expect(t, o, tc.want)
			if tc.cond != "" && !slices.ContainsFunc(o.Conditions, func(m Message) bool { return m.ID == tc.cond }) {
				t.Errorf("conditions %v lack %s", ids(o.Conditions), tc.cond)
			}
		})
	}
}

// TestSimilarityIsAReasonedAnswer: the exception is relied on only when the
// campaign says its products are similar to those bought and why; the
// business line alone never makes them similar (issue 18, "Similar").
func TestSimilarityIsAReasonedAnswer(t *testing.T) {
	for _, m := range []string{"EU", "DE", "UK"} {
		s := cell(model.Advertising, model.ExistingCustomers, m)
		s.SimilarReasoned = false
		o := judge(law.Default(), s)
		if o.Verdict != ConsentRequired || !slices.Contains(o.Unmet, UnmetSimilarReason) {
			t.Errorf("%s: similar without a reason: %s %v", m, o.Verdict, o.Unmet)
		}
		s.Similar = nil
		if o := judge(law.Default(), s); o.Verdict != ConsentRequired || !slices.Contains(o.Unmet, UnmetSimilarUnset) {
			t.Errorf("%s: similarity unstated: %s %v", m, o.Verdict, o.Unmet)
		}
		s.Similar, s.SimilarReasoned = yes(), true
		if o := judge(law.Default(), s); o.Verdict != Allowed || o.Exception == "" {
			t.Errorf("%s: a reasoned answer: %s", m, o.Verdict)
		}
	}
}

// TestConsentRecordedCampaign: a campaign on its purpose's recorded consent
// reads "allowed: consent recorded", without the reasons of an exception it
// does not need (newcomer D17).
func TestConsentRecordedCampaign(t *testing.T) {
	for _, m := range []string{"EU", "DE", "PL", "UK", "VN", "CA"} {
		s := cell(model.Advertising, model.ExistingCustomers, m)
		s.PurposeBasis, s.ConsentRecorded, s.OwnBusiness = model.Consent, true, false
		o := judge(law.Default(), s)
		if o.Verdict != Allowed || o.Basis != model.Consent || o.Exception != "" || o.Tried != "" || o.Implied() {
			t.Errorf("%s: %s %s exception %q tried %q", m, o.Verdict, o.Basis, o.Exception, o.Tried)
		}
		if len(o.Reasons) != 1 || o.Reasons[0].ID != "check.reason.consent-recorded" {
			t.Errorf("%s: reasons %v", m, ids(o.Reasons))
		}
	}
	s := cell(model.Advertising, model.PurchasedList, "VN")
	s.PurposeBasis, s.ConsentRecorded = model.Consent, true
	if o := judge(law.Default(), s); o.Verdict != NotAllowed {
		t.Errorf("VN purchased list with consent: %s (consent does not cure it)", o.Verdict)
	}
}
