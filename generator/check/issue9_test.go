package check

import (
	"slices"
	"testing"

	"github.com/basis-privacy/basis/generator/law"

	"github.com/basis-privacy/basis/generator/model"
)

// shop is a company with one business, an email newsletter purpose on basis
// and one campaign advertising the business's own products to its customers.
func shop(country string, markets []law.Market, basis model.Basis) *model.Company {
	yes := true
	p := model.Purpose{ID: "news", Basis: basis, Data: []string{"name", "email"},
		Interest: model.Plain("news"), Withdraw: model.Plain("unsubscribe"),
		Marketing: &model.Marketing{Channel: "email", Business: "shop", ObjectionAtCollection: true, UnsubscribeInEveryMessage: true}}
	return &model.Company{
		File: "x.yaml", Slug: "x", Country: country, Markets: markets,
		Businesses: []model.Business{{ID: "shop"}},
		Purposes:   []model.Purpose{p},
		Campaigns: []model.Campaign{{ID: "sale", Purpose: "news", Kind: model.SimilarProducts, Similar: &yes,
			SimilarReason: model.Plain("refills for what they bought"), Channel: "email",
			Audience: model.Audience{Business: "shop", Who: model.ExistingCustomers}, Data: []string{"name", "email"}}},
	}
}

// TestIssue9PolishCompanySoftOptIn: a Polish company relying on the
// existing-customer exception is an error (art. 398 ust. 1 PKE); a German
// company writing to Poland too gets a warning.
func TestIssue9PolishCompanySoftOptIn(t *testing.T) {
	for _, tc := range []struct {
		country  string
		markets  []law.Market
		severity Severity
	}{{"PL", []law.Market{law.PL}, Error}, {"DE", []law.Market{law.DE, law.PL}, Warning}} {
		r := Company(shop(tc.country, tc.markets, model.LegitimateInterests))
		f := findings(r, "marketing.no-exception")
		if len(f) != 1 || f[0].Severity != tc.severity || f[0].Msg.Args["Markets"] != "PL" {
			t.Errorf("%s %v: marketing.no-exception %+v, want one %s naming PL", tc.country, tc.markets, f, tc.severity)
		}
	}
	if f := findings(Company(shop("DE", []law.Market{law.DE}, model.LegitimateInterests)), "marketing.no-exception"); len(f) != 0 {
		t.Errorf("DE only: %+v", f)
	}
}

// TestIssue9ConsentPurposeWarns: a purpose on consent whose campaign's
// verdict would go out without it is a warning, and the verdict does not
// call that legitimate interests.
func TestIssue9ConsentPurposeWarns(t *testing.T) {
	r := Company(shop("DE", []law.Market{law.DE}, model.Consent))
	if f := findings(r, "campaign.consent-basis"); len(f) != 1 || f[0].Severity != Warning || f[0].Msg.Args["Markets"] != "DE" {
		t.Errorf("campaign.consent-basis: %+v", f)
	}
	for _, o := range r.Campaigns {
		if o.Basis == model.LegitimateInterests {
			t.Errorf("%s: the exception is labelled legitimate interests (CJEU C-654/23)", o.Market)
		}
	}
	// Poland has no exception: its verdict needs the consent the purpose
	// says; the EU row the file asks for would send without it.
	if f := findings(Company(shop("PL", []law.Market{law.PL}, model.Consent)), "campaign.consent-basis"); len(f) != 0 {
		t.Errorf("PL: %+v", f)
	}
	if f := findings(Company(shop("PL", []law.Market{law.PL, law.EU}, model.Consent)), "campaign.consent-basis"); len(f) != 1 || f[0].Msg.Args["Markets"] != "EU" {
		t.Errorf("PL and EU: %+v", f)
	}
}

// TestIssue9UKTransfer: a UK controller's UK recipient is no transfer; its
// German recipient is, and is covered by UK adequacy regulations.
func TestIssue9UKTransfer(t *testing.T) {
	c := shop("GB", []law.Market{law.UK}, model.LegitimateInterests)
	c.Recipients = []model.Recipient{{ID: "uk", Role: "processor", Contract: true, Country: "GB"},
		{ID: "uk2", Role: "processor", Contract: true, Country: "UK"},
		{ID: "de", Role: "processor", Contract: true, Country: "DE", Safeguard: "adequacy"}}
	r := Company(c)
	for _, rule := range []string{RuleTransferSafeguard, RuleTransferAdequacy} {
		if f := findings(r, rule); len(f) != 0 {
			t.Errorf("%s: %+v", rule, f)
		}
	}
}

// TestIssue9ExpressConsentOnlyInGermany: "prior express consent" is § 7(2)
// Nr. 2 UWG's standard; Art. 13(1) Directive 2002/58/EC asks for prior
// consent only, so the EU row does not overstate it.
func TestIssue9ExpressConsentOnlyInGermany(t *testing.T) {
	c := company(t, "bakery")
	c.Markets = append(c.Markets, law.EU)
	r := Company(c)
	want := map[string]string{"EU": "check.reason.consent-needed", "DE": "check.reason.consent-needed-express"}
	for m, id := range want {
		o := outcome(t, r, "butcher-opening", m)
		if !slices.ContainsFunc(o.Reasons, func(x Message) bool { return x.ID == id }) {
			t.Errorf("%s: reasons %v lack %s", m, ids(o.Reasons), id)
		}
	}
}

// TestIssue9NoInterestForTheException: marketing that the exception carries
// rests on the exception, not on legitimate interests, so no interest is
// asked for (the notice states none); marketing by post still rests on
// legitimate interests and needs one.
func TestIssue9NoInterestForTheException(t *testing.T) {
	c := shop("DE", []law.Market{law.DE}, model.LegitimateInterests)
	c.Purposes[0].Interest = model.Text{}
	if f := findings(Company(c), RuleLIInterest); len(f) != 0 {
		t.Errorf("interest asked for marketing on the exception: %+v", f)
	}
	// Choosing the offers from the order history is further processing the
	// exception does not carry (CJEU C-654/23): it rests on legitimate
	// interests, whose interest the notice states (issue 18, section 5).
	c.Purposes[0].Data = append(c.Purposes[0].Data, "order_history")
	if f := findings(Company(c), RuleLIInterest); len(f) != 1 {
		t.Errorf("offers chosen from the order history, no interest asked: %+v", f)
	}
	c.Purposes[0].Data = c.Purposes[0].Data[:2]
	c.Purposes[0].Marketing.Channel = "post"
	if f := findings(Company(c), RuleLIInterest); len(f) != 1 {
		t.Errorf("marketing letters on legitimate interests: %+v", f)
	}
}
