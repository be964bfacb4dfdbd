package check

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/basis-privacy/basis/generator/model"
)

// dpfCompany is formCompany with a US processor marked adequacy, which
// warns transfer.adequacy-dpf, and the acceptances given.
func dpfCompany(accept ...model.Acceptance) *model.Company {
	c := formCompany()
	c.Recipients = []model.Recipient{{ID: "crm", Name: "CRM Inc.", Role: "processor", Country: "US", Contract: true, Safeguard: "adequacy"}}
	c.Purposes[0].Recipients = []string{"crm"}
	for i := range accept {
		accept[i].At = model.Positions{"": {Line: 40 + i, Column: 5}, "rule": {Line: 40 + i, Column: 11}, "reason": {Line: 42 + i, Column: 13}}
	}
	c.Accept = accept
	return c
}

// TestAccept: an acceptance names one warning by its rule and what it is
// about; that warning is then accepted and not counted. One that names a
// rule Basis lacks, an error or a warning no reason clears is an error;
// one that matches nothing is a warning naming where the rule warns.
func TestAccept(t *testing.T) {
	reason := model.Plain("certified under the Data Privacy Framework")
	base := Company(dpfCompany()).Warnings()
	for _, tc := range []struct {
		name     string
		accept   model.Acceptance
		accepted int
		rule     string // the finding the acceptance itself gets; "" none
		meant    string // its "did you mean"
	}{
		{"the warning at its recipient", model.Acceptance{Rule: RuleTransferDPF, Subject: "crm", Reason: reason}, 1, "", ""},
		{"a mistyped recipient", model.Acceptance{Rule: RuleTransferDPF, Subject: "crn", Reason: reason}, 0, RuleAcceptUnmatched, "crm"},
		{"the rule everywhere", model.Acceptance{Rule: RuleTransferDPF, Reason: reason}, 0, RuleAcceptUnmatched, ""},
		{"a warning the file does not get", model.Acceptance{Rule: RuleNoticeSource, Subject: "crm", Reason: reason}, 0, RuleAcceptUnmatched, ""},
		{"a mistyped rule", model.Acceptance{Rule: "transfer.adequacy-dp", Subject: "crm", Reason: reason}, 0, RuleAcceptInvalid, RuleTransferDPF},
		{"an error", model.Acceptance{Rule: RuleProcessorContract, Subject: "crm", Reason: reason}, 0, RuleAcceptInvalid, ""},
		{"a renamed key", model.Acceptance{Rule: RuleRenamed, Reason: reason}, 0, RuleAcceptInvalid, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := Company(dpfCompany(tc.accept))
			dpf := findings(r, RuleTransferDPF)
			if len(dpf) != 1 {
				t.Fatalf("transfer.adequacy-dpf: %+v", dpf)
			}
			if got := r.Accepted(); got != tc.accepted {
				t.Errorf("%d accepted, want %d", got, tc.accepted)
			}
			if want := base - tc.accepted + len(findings(r, RuleAcceptUnmatched)); r.Warnings() != want {
				t.Errorf("%d warnings counted, want %d", r.Warnings(), want)
			}
			for _, rule := range []string{RuleAcceptInvalid, RuleAcceptUnmatched} {
				got := findings(r, rule)
				if (rule == tc.rule) != (len(got) == 1) {
					t.Fatalf("%s: %+v, want it: %v", rule, got, rule == tc.rule)
				}
				if meant, _ := got0(got).Msg.Args["Meant"].(string); len(got) == 1 && meant != tc.meant {
					t.Errorf("%s suggests %q, want %q", rule, meant, tc.meant)
				}
				if len(got) == 1 && got[0].Pos.Line < 40 {
					t.Errorf("%s at %s, not at the acceptance", rule, got[0].Pos)
				}
			}
			if res := r.Results[0]; len(res.Findings) != len(r.Findings) {
				t.Errorf("the result holds %d findings, the report %d", len(res.Findings), len(r.Findings))
			}
		})
	}
}

// TestAcceptedOutput: check shows an accepted warning as accepted, with
// where and why, in text and JSON, and counts it apart.
func TestAcceptedOutput(t *testing.T) {
	r := Company(dpfCompany(model.Acceptance{Rule: RuleTransferDPF, Subject: "crm", Reason: model.Text{ByLang: map[string]string{"en": "DPF certified", "de": "DPF-zertifiziert"}}}))
	p := catalog(t).For("en")
	var text bytes.Buffer
	if err := WriteText(&text, r, p); err != nil {
		t.Fatal(err)
	}
	out := text.String()
	for _, want := range []string{"warning transfer.adequacy-dpf (accepted): ", "Accepted (x.yaml:42:13): DPF certified.", "0 errors, 11 warnings, 1 accepted warning"} {
		if !strings.Contains(out, want) {
			t.Errorf("text lacks %q:\n%s", want, out)
		}
	}
	var js bytes.Buffer
	if err := WriteJSON(&js, r, p); err != nil {
		t.Fatal(err)
	}
	var got struct {
		Findings []struct {
			Rule     string
			Accepted *struct {
				File   string
				Line   int
				Reason string
			}
		}
	}
	if err := json.Unmarshal(js.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, f := range got.Findings {
		if f.Accepted != nil {
			n++
			if f.Rule != RuleTransferDPF || f.Accepted.Reason != "DPF certified" || f.Accepted.Line != 42 {
				t.Errorf("accepted %+v", f)
			}
		}
	}
	if n != 1 {
		t.Errorf("%d accepted findings in JSON, want 1:\n%s", n, js.String())
	}
}

// TestFindingSubjects: each finding names what it is about, as at: of an
// acceptance names it: a field of a form as <form>.<field>.
func TestFindingSubjects(t *testing.T) {
	c := formCompany(model.Form{ID: "checkout", Kind: model.CheckoutForm, Fields: []model.Field{field("note", "", false)}})
	r := Company(c)
	if f := findings(r, RuleMinOptionalNoPurpose); len(f) != 1 || f[0].Subject != "checkout.note" {
		t.Errorf("field finding %+v", f)
	}
	if f := findings(Company(dpfCompany()), RuleTransferDPF); len(f) != 1 || f[0].Subject != "crm" {
		t.Errorf("recipient finding %+v", f)
	}
}

// TestConsentSources: a campaign's consents come from a consent box of the
// forms for the campaign's own purpose; a box no form has, or one for
// another purpose, is an error at its consent_id.
func TestConsentSources(t *testing.T) {
	forms := model.Form{ID: "account", Kind: model.AccountForm, Fields: []model.Field{
		field("date_of_birth", "birthday", false),
		{ID: "promo_ok", Type: "checkbox", Purpose: "promo", Label: model.Plain("Yes, send me offers by post")},
	}}
	for _, tc := range []struct {
		name, id string
		rule     string
		meant    string
	}{
		{"the box of the purpose", "account.date_of_birth.consent", "", ""},
		{"a described source", "", "", ""},
		{"a mistyped box", "account.date_of_birth.consnet", RuleConsentSourceUnknown, "account.date_of_birth.consent"},
		{"the box of another purpose", "account.promo_ok", RuleConsentSourcePurpose, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := formCompany(forms)
			c.Purposes = append(c.Purposes, model.Purpose{ID: "promo", Basis: model.Consent, Withdraw: model.Plain("x"), Data: []string{"postal_address"}})
			src := model.ConsentSource{ConsentID: tc.id, At: model.Positions{"consent_id": {Line: 30, Column: 21}}}
			if tc.id == "" {
				src.Source = model.Plain("paper cards in the shop")
			}
			c.Campaigns = []model.Campaign{{ID: "card", Purpose: "birthday", Kind: model.AfterSales, Channel: "post",
				Audience: model.Audience{Who: model.ExistingCustomers}, ConsentRecords: true, Consents: []model.ConsentSource{src}}}
			r := Company(c)
			for _, rule := range []string{RuleConsentSourceUnknown, RuleConsentSourcePurpose} {
				got := findings(r, rule)
				if (rule == tc.rule) != (len(got) == 1) {
					t.Fatalf("%s: %+v", rule, got)
				}
				meant, _ := got0(got).Msg.Args["Meant"].(string)
				if len(got) == 1 && (got[0].Pos.Line != 30 || got[0].Severity != Error || meant != tc.meant && rule == RuleConsentSourceUnknown) {
					t.Errorf("%s: %+v", rule, got[0])
				}
			}
		})
	}
}

// got0 is the first finding, or none.
func got0(fs []Finding) Finding {
	if len(fs) == 0 {
		return Finding{}
	}
	return fs[0]
}
