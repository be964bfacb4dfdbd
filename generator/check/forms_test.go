package check

import (
	"slices"
	"strings"
	"testing"

	"github.com/basis-privacy/basis/generator/law"
	"github.com/basis-privacy/basis/generator/locale"
	"github.com/basis-privacy/basis/generator/model"
	"github.com/basis-privacy/basis/locales"
)

// formCompany is a German shop writing to Germany and Poland with a
// checkout, an enquiry purpose on legitimate interests, a newsletter on the
// existing-customer exception and a birthday card on consent.
func formCompany(forms ...model.Form) *model.Company {
	return &model.Company{
		File: "x.yaml", Slug: "x", Country: "DE", Markets: []law.Market{law.DE, law.PL},
		Controller: model.Controller{Name: "Shop GmbH", Email: "privacy@shop.example"},
		Businesses: []model.Business{{ID: "shop", Name: model.Plain("Shop")}},
		Purposes: []model.Purpose{
			{ID: "orders", Basis: model.Contract, Data: []string{"name", "email", "postal_address"}, Requirement: "contract", Consequence: model.Plain("x")},
			{ID: "enquiries", Basis: model.LegitimateInterests, Interest: model.Plain("answering"), Data: []string{"name", "email", "correspondence"}},
			{ID: "contacts", Basis: model.LegitimateInterests, Interest: model.Plain("performing the contract with your employer"),
				Source: model.Plain("your employer"), Data: []string{"name", "email", "job_title"}},
			{ID: "news", Basis: model.LegitimateInterests, Interest: model.Plain("marketing"), Data: []string{"name", "email"},
				Marketing: &model.Marketing{Channel: "email", Business: "shop", ObjectionAtCollection: true, UnsubscribeInEveryMessage: true}},
			{ID: "birthday", Basis: model.Consent, Withdraw: model.Plain("write to us"), Data: []string{"date_of_birth"}},
		},
		Forms: forms,
	}
}

func field(id, purpose string, required bool) model.Field {
	return model.Field{ID: id, Purpose: purpose, Required: required, Type: "text", Label: model.Plain(id)}
}

// TestFieldRules: a required field is fine on any basis but consent; a
// contact form on legitimate interests passes, and so do B2B contact
// persons on lit. f with their employer as source (newcomer trial D3;
// legal review row 23); consent is never a condition of a form, nor ticked
// in advance; a contract that requires a gender or a date of birth warns.
func TestFieldRules(t *testing.T) {
	for _, tc := range []struct {
		name  string
		kind  model.FormKind
		field model.Field
		rule  string // "" for no finding
	}{
		{"contact form on legitimate interests", model.ContactForm, field("message", "enquiries", true), ""},
		{"B2B contact person, employer as source", model.OtherForm, field("job_title", "contacts", true), ""},
		{"contract field", model.CheckoutForm, field("email", "orders", true), ""},
		{"required without a purpose, data listed by a contract purpose", model.CheckoutForm, field("postal_address", "", true), ""},
		{"required without a purpose, data nobody lists", model.CheckoutForm, field("shoe_size", "", true), RuleMinRequiredField},
		{"required on consent", model.CheckoutForm, field("date_of_birth", "birthday", true), RuleConsentRequiredField},
		{"optional on consent", model.CheckoutForm, field("date_of_birth", "birthday", false), ""},
		{"required date of birth on a contract", model.CheckoutForm, field("date_of_birth", "orders", true), RuleMinContractData},
		{"required gender on legitimate interests", model.ContactForm, field("gender", "enquiries", true), RuleMinContractData},
		{"optional without a purpose", model.CheckoutForm, field("note", "", false), RuleMinOptionalNoPurpose},
		{"consent checkbox ticked in advance", model.CheckoutForm, model.Field{ID: "bday_ok", Type: "checkbox", Purpose: "birthday", Checked: true}, RuleConsentPreTicked},
		{"consent checkbox not ticked", model.CheckoutForm, model.Field{ID: "bday_ok", Type: "checkbox", Purpose: "birthday"}, ""},
		{"other checkbox ticked in advance", model.CheckoutForm, model.Field{ID: "gift", Type: "checkbox", Purpose: "orders", Checked: true}, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := formCompany(model.Form{ID: "f", Kind: tc.kind, Fields: []model.Field{tc.field}})
			r := Company(c)
			var got []string
			for _, f := range r.Findings {
				if strings.HasPrefix(f.Rule, "minimisation.") || f.Rule == RuleConsentPreTicked || f.Rule == RuleConsentRequiredField {
					got = append(got, f.Rule)
				}
			}
			if (tc.rule == "" && len(got) > 0) || (tc.rule != "" && !slices.Equal(got, []string{tc.rule})) {
				t.Errorf("findings %v, want %q", got, tc.rule)
			}
		})
	}
}

// TestRequiredFieldMessageSaysBasis: the minimisation message speaks of
// basis:, the key that decides it, not of requirement: (newcomer trial D3).
func TestRequiredFieldMessageSaysBasis(t *testing.T) {
	cat, err := locale.Load(locales.FS)
	if err != nil {
		t.Fatal(err)
	}
	r := Company(formCompany(model.Form{ID: "f", Kind: model.ContactForm, Fields: []model.Field{field("shoe_size", "", true)}}))
	f := findings(r, RuleMinRequiredField)
	if len(f) != 1 {
		t.Fatalf("%+v", r.Findings)
	}
	for _, lang := range model.Languages {
		rd := &renderer{p: cat.For(lang)}
		text := rd.msg(f[0].Msg) + " " + rd.msg(f[0].Fix)
		if !strings.Contains(text, "basis:") || !strings.Contains(text, "legitimate_interests") || strings.Contains(text, "requirement:") {
			t.Errorf("%s: %q", lang, text)
		}
	}
}

// TestConsentNotCollected: a purpose on consent with no consent box in any
// form and no campaign with recorded consent warns (legal review row 43).
func TestConsentNotCollected(t *testing.T) {
	for _, tc := range []struct {
		name string
		edit func(*model.Company)
		want int
	}{
		{"no form, no campaign", func(*model.Company) {}, 1},
		{"a text field on the purpose", func(c *model.Company) {
			c.Forms = []model.Form{{ID: "f", Kind: model.AccountForm, Fields: []model.Field{field("date_of_birth", "birthday", false)}}}
		}, 0},
		{"a checkbox for it", func(c *model.Company) {
			c.Forms = []model.Form{{ID: "f", Kind: model.AccountForm, Fields: []model.Field{{ID: "ok", Type: "checkbox", Purpose: "birthday"}}}}
		}, 0},
		{"a campaign with recorded consent", func(c *model.Company) {
			c.Campaigns = []model.Campaign{{ID: "card", Purpose: "birthday", Kind: model.AfterSales, Channel: "post",
				Audience: model.Audience{Who: model.ExistingCustomers}, ConsentRecords: true}}
		}, 0},
		{"a campaign without recorded consent", func(c *model.Company) {
			c.Campaigns = []model.Campaign{{ID: "card", Purpose: "birthday", Kind: model.AfterSales, Channel: "post",
				Audience: model.Audience{Who: model.ExistingCustomers}}}
		}, 1},
		{"marketing on consent with a box Basis adds", func(c *model.Company) {
			c.Purposes[4].Marketing = &model.Marketing{Channel: "email", Business: "shop"}
			c.Forms = []model.Form{{ID: "f", Kind: model.NewsletterForm, Fields: []model.Field{field("email", "orders", true)}}}
		}, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := formCompany()
			tc.edit(c)
			if got := len(findings(Company(c), RuleConsentNotCollected)); got != tc.want {
				t.Errorf("%d findings, want %d", got, tc.want)
			}
		})
	}
}

// TestFormFacts: check decides, per field, the objection notice (sale
// forms only, markets whose verdict rests on the exception, once), the
// consent boxes (markets that need prior consent), and the help ids.
func TestFormFacts(t *testing.T) {
	checkout := model.Form{ID: "checkout", Kind: model.CheckoutForm, Fields: []model.Field{field("email", "orders", true), field("date_of_birth", "birthday", false)}}
	c := formCompany(checkout)
	news2 := c.Purposes[3]
	news2.ID = "news2"
	c.Purposes = append(c.Purposes, news2)
	res := Company(c).Results[0]
	email := res.Forms[0].Fields[0]
	if email.HelpID != "basis-help-checkout-email" {
		t.Errorf("help id %q", email.HelpID)
	}
	if ob := email.Objection; ob == nil || !slices.Equal(ob.Markets, []law.Market{law.DE}) || !ob.Partial || len(ob.Businesses) != 1 {
		t.Errorf("objection %+v: want one, for DE only", ob)
	}
	if len(email.Consents) != 2 || !slices.Equal(email.Consents[0].Markets, []law.Market{law.PL}) || email.Consents[0].ID != "checkout.marketing.news" ||
		email.Consents[0].Kind != ConsentMarketing || email.Consents[0].Channel != "email" {
		t.Errorf("consents %+v: want a marketing box for PL per purpose", email.Consents)
	}
	dob := res.Forms[0].Fields[1]
	if len(dob.Consents) != 1 || dob.Consents[0].Kind != ConsentOwn || dob.Consents[0].ID != "checkout.date_of_birth.consent" || dob.Objection != nil {
		t.Errorf("date of birth %+v", dob.Consents)
	}
	// Canada: consent implied by a purchase lapses, so the box asks for
	// express consent; no objection notice (no exception).
	c = formCompany(checkout)
	c.Markets = []law.Market{law.CA}
	fd := Company(c).Results[0].Forms[0].Fields[0]
	if fd.Objection != nil || len(fd.Consents) != 1 || !slices.Equal(fd.Consents[0].Markets, []law.Market{law.CA}) {
		t.Errorf("Canada: %+v %+v", fd.Objection, fd.Consents)
	}
	// A contact form: no objection notice, no marketing box.
	c = formCompany(model.Form{ID: "contact", Kind: model.ContactForm, Fields: []model.Field{field("email", "enquiries", true)}})
	if fd := Company(c).Results[0].Forms[0].Fields[0]; fd.Objection != nil || len(fd.Consents) != 0 {
		t.Errorf("contact form: %+v %+v", fd.Objection, fd.Consents)
	}
	// The legacy form keeps its help ids and judges the sale by the
	// field's purpose.
	c = formCompany(model.Form{Legacy: true, Fields: []model.Field{field("email", "orders", true)}})
	c.At = model.Positions{"fields": {Line: 3, Column: 1}}
	r := Company(c)
	if fd := r.Results[0].Forms[0].Fields[0]; fd.HelpID != "basis-help-email" || fd.Objection == nil {
		t.Errorf("legacy: %+v", fd)
	}
	if f := findings(r, RuleFormLegacy); len(f) != 1 || f[0].Pos.Line != 3 || f[0].Severity != Warning {
		t.Errorf("form.legacy-fields: %+v", f)
	}
	c.Forms[0].Fields[0].Purpose = "enquiries"
	if fd := Company(c).Results[0].Forms[0].Fields[0]; fd.Objection != nil {
		t.Error("a legacy field of an enquiry announces advertising")
	}
	// Vietnam: the address field of a form that asks for consent to
	// advertising by email says every advertising email can be refused.
	c = formCompany(model.Form{ID: "account", Kind: model.AccountForm, Fields: []model.Field{field("email", "orders", true)}})
	c.Country, c.Markets = "VN", []law.Market{law.VN}
	c.Purposes = slices.DeleteFunc(c.Purposes, func(p model.Purpose) bool { return p.Basis == model.LegitimateInterests })
	c.Purposes = append(c.Purposes, model.Purpose{ID: "promo", Basis: model.Consent, Withdraw: model.Plain("x"), Data: []string{"email"},
		Marketing: &model.Marketing{Channel: "email", Business: "shop"}})
	fd = Company(c).Results[0].Forms[0].Fields[0]
	if fd.Refusal == nil || !slices.Contains(fd.Refusal.Refs, "vn-decree-91-2020-20") || fd.Refusal.Partial || len(fd.Consents) != 1 {
		t.Errorf("Vietnam: refusal %+v, consents %+v", fd.Refusal, fd.Consents)
	}
}
