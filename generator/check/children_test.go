package check

import (
	"slices"
	"strings"
	"testing"

	"github.com/basis-privacy/basis/generator/law"
	"github.com/basis-privacy/basis/generator/model"
)

// TestChildren: a purpose, form or campaign aimed at children (issue 18,
// section 6) gets the parental-consent rule of each market's law, with the
// ages (marked where unverified), and no marketing based on profiling.
func TestChildren(t *testing.T) {
	t.Parallel()
	kids := &model.Children{From: 13, To: 17}
	c := &model.Company{File: "x.yaml", Slug: "x", Country: "DE", Markets: []law.Market{law.DE, law.PL, law.UK},
		Businesses: []model.Business{{ID: "shop"}},
		Purposes: []model.Purpose{
			{ID: "club", Basis: model.Consent, Withdraw: model.Plain("unsubscribe"), Data: []string{"name", "email"}, Children: kids,
				Marketing: &model.Marketing{Channel: "email", Business: "shop"}},
			{ID: "picks", Basis: model.LegitimateInterests, Interest: model.Plain("offers"), Data: []string{"name", "email", "order_history"},
				Children: kids, Marketing: &model.Marketing{Channel: "email", Business: "shop", ObjectionAtCollection: true, UnsubscribeInEveryMessage: true}},
		},
		Campaigns: []model.Campaign{{ID: "teen-news", Purpose: "club", Kind: model.Advertising, Channel: "email", ConsentRecords: true,
			Audience: model.Audience{Business: "shop", Who: model.ExistingCustomers}, Data: []string{"name", "email"}}},
	}
	r := Company(c)
	f := findings(r, RuleChildrenConsent)
	if len(f) != 1 || f[0].Severity != Warning {
		t.Fatalf("children.parental-consent: %+v", f)
	}
	ages := f[0].Msg.Args["Ages"].(string)
	if !strings.Contains(ages, "DE 16") || !strings.Contains(ages, "PL 16") || strings.Contains(ages, "UK") {
		t.Errorf("ages %q: want DE and PL at 16, not the UK (13, below the youngest recipient)", ages)
	}
	if p := findings(r, RuleChildrenProfiling); len(p) != 1 || p[0].Msg.Args["What"] != "picks" || p[0].Severity != Error {
		t.Errorf("children.profiling: %+v", p)
	}
	for _, o := range r.Campaigns {
		want := []string{"check.cond.children-no-profiling"}
		if o.Market != law.UK {
			want = append(want, "check.cond.children-consent")
		}
		for _, id := range want {
			if !slices.ContainsFunc(o.Conditions, func(m Message) bool { return m.ID == id }) {
				t.Errorf("%s: conditions %v lack %s", o.Market, ids(o.Conditions), id)
			}
		}
	}
	// Vietnam: the legal representative consents for a child under 16.
	c.Country, c.Markets = "VN", []law.Market{law.VN}
	c.Purposes = c.Purposes[:1]
	r = Company(c)
	if f := findings(r, RuleChildrenConsent); len(f) != 1 || !strings.Contains(f[0].Msg.Args["Ages"].(string), "VN 16") {
		t.Errorf("VN: %+v", f)
	}
	if o := r.Campaigns[0]; !slices.ContainsFunc(o.Conditions, func(m Message) bool { return m.ID == "check.cond.vn-child-representative" }) {
		t.Errorf("VN conditions %v", ids(o.Conditions))
	}
}

// TestNewsletterFormAddressRequired: on a newsletter form the address is
// what the person signs up with, so requiring it is no condition on
// consent; on any other form a required field for a purpose on consent is.
func TestNewsletterFormAddressRequired(t *testing.T) {
	t.Parallel()
	mk := func(kind model.FormKind) *model.Company {
		return &model.Company{File: "x.yaml", Slug: "x", Country: "DE", Markets: []law.Market{law.DE},
			Businesses: []model.Business{{ID: "shop"}},
			Purposes: []model.Purpose{{ID: "news", Basis: model.Consent, Withdraw: model.Plain("unsubscribe"), Data: []string{"email"},
				Marketing: &model.Marketing{Channel: "email", Business: "shop"}}},
			Forms: []model.Form{{ID: "f", Kind: kind, Fields: []model.Field{{ID: "email", Required: true, Purpose: "news", Type: "text"}}}},
		}
	}
	if f := findings(Company(mk(model.NewsletterForm)), RuleConsentRequiredField); len(f) != 0 {
		t.Errorf("newsletter sign-up: %+v", f)
	}
	if f := findings(Company(mk(model.CheckoutForm)), RuleConsentRequiredField); len(f) != 1 {
		t.Errorf("checkout: %+v", f)
	}
}
