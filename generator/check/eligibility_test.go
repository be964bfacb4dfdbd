package check

import (
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/basis-privacy/basis/content"
	"github.com/basis-privacy/basis/generator/law"
	"github.com/basis-privacy/basis/generator/load"
	"github.com/basis-privacy/basis/generator/model"
)

// asOf is the day of sending the property tests judge contacts for.
var asOf = time.Date(2026, 12, 15, 0, 0, 0, 0, time.UTC)

// TestConditionsClassified: every condition a verdict can name (the
// check.cond.* messages) is classified for the eligibility rules, as
// checked on the record, confirmed by a person, or both; and nothing else
// is.
func TestConditionsClassified(t *testing.T) {
	cat := catalog(t)
	var conds []string
	for _, id := range cat.IDs("en") {
		if strings.HasPrefix(id, "check.cond.") {
			conds = append(conds, id)
		}
	}
	slices.Sort(conds)
	if got := ClassifiedConditions(); !slices.Equal(got, conds) {
		t.Errorf("classified %v\nthe messages have %v", got, conds)
	}
	for id, cl := range condClasses {
		if len(cl.selects) == 0 && !cl.attest {
			t.Errorf("%s: neither selected nor attested", id)
		}
		for _, s := range cl.selects {
			if !slices.Contains(SelectIDs, s) {
				t.Errorf("%s: unknown select condition %s", id, s)
			}
		}
	}
}

// eligibilityCompanies are the examples, check's test companies, render's
// cases, and generated companies whose campaigns vary every fact a verdict
// depends on.
func eligibilityCompanies(t *testing.T) []*model.Company {
	t.Helper()
	dir, err := content.CopyTo(filepath.Join(t.TempDir(), "content"))
	if err != nil {
		t.Fatal(err)
	}
	var cs []*model.Company
	for _, d := range []string{dir, "testdata", "../render/testdata/cases"} {
		got, err := load.Dir(d)
		if err != nil {
			t.Fatalf("%s: %v", d, err)
		}
		cs = append(cs, got...)
	}
	n := 400
	if testing.Short() {
		n = 80
	}
	return append(cs, generatedCompanies(rand.New(rand.NewPCG(24, 2026)), n)...)
}

// TestEligibilityAgreesWithJudge evaluates each campaign's rules over a
// generated population of contacts and compares, contact by contact, with
// what the verdicts say of that contact (may): the rules let through
// exactly the contacts the law lets through.
func TestEligibilityAgreesWithJudge(t *testing.T) {
	rng := rand.New(rand.NewPCG(10, 10))
	people := 800
	if testing.Short() {
		people = 300
	}
	var checked, eligible int
	byMarket := map[law.Market]int{}
	for _, c := range eligibilityCompanies(t) {
		res := Company(c).Results[0]
		for _, k := range res.Campaigns {
			rules := k.Rules()
			if len(rules) != len(k.Outcomes) {
				t.Fatalf("%s/%s: %d rules for %d verdicts", c.Slug, k.ID, len(rules), len(k.Outcomes))
			}
			for range people {
				r := randomRecipient(rng, c, k)
				d := Decide(rules, r, asOf)
				want, why := may(res, k, r)
				if d.Eligible() != want {
					t.Fatalf("%s/%s %s: rule says %v (unmet %v), the verdicts %v (%s)\ncontact %+v\nrule %v",
						c.Slug, k.ID, r.Country, d.Eligible(), d.Unmet, want, why, *r, ruleOf(rules, d.Market))
				}
				checked++
				if want {
					eligible++
					byMarket[d.Market]++
				}
			}
		}
	}
	for _, m := range law.Markets {
		// A state whose own rules Basis has not verified is judged in the
		// EU baseline's row.
		if byMarket[m] == 0 && !law.For(m).IsBaseline() {
			t.Errorf("no contact in %s was eligible: the population misses that market", m)
		}
	}
	if eligible == 0 || eligible == checked {
		t.Errorf("%d of %d eligible: the population does not separate", eligible, checked)
	}
	t.Logf("%d contacts judged, %d eligible; by market %v", checked, eligible, byMarket)
}

func ruleOf(rules []*Eligibility, m law.Market) *Eligibility {
	for _, e := range rules {
		if e.Market == m {
			return e
		}
	}
	return nil
}

// TestRuleCarriesEveryCondition: every condition of a verdict is in its
// rule, as the select conditions that check it, as an attestation, or
// both; a rule that lets nobody through lists no attestation.
func TestRuleCarriesEveryCondition(t *testing.T) {
	for _, c := range eligibilityCompanies(t) {
		for _, o := range Company(c).Campaigns {
			e := o.Eligibility
			if e.Nobody {
				if o.Verdict != NotAllowed || len(e.Attest) > 0 || len(e.Reasons) == 0 {
					t.Errorf("%s/%s %s: nobody, verdict %s, %d attestations", c.Slug, o.Campaign, o.Market, o.Verdict, len(e.Attest))
				}
				continue
			}
			for _, m := range o.Conditions {
				cl := condClasses[m.ID]
				for _, s := range cl.selects {
					if s == CondBusiness && !slices.ContainsFunc(e.Select, func(x Condition) bool { return x.ID == s }) &&
						slices.ContainsFunc(e.Attest, func(x Condition) bool { return x.ID == AttestBusinessUnknown }) {
						continue
					}
					if !slices.ContainsFunc(e.Select, func(x Condition) bool { return x.ID == s }) {
						t.Errorf("%s/%s %s: %s needs select %s: %v", c.Slug, o.Campaign, o.Market, m.ID, s, e)
					}
				}
				id := strings.TrimPrefix(m.ID, "check.cond.")
				if cl.attest && !slices.ContainsFunc(e.Attest, func(x Condition) bool { return x.ID == id }) {
					t.Errorf("%s/%s %s: %s not attested: %v", c.Slug, o.Campaign, o.Market, m.ID, e)
				}
			}
		}
	}
}

// may is what the verdicts say of contact r for campaign k: the oracle the
// rules are compared with, written from judge and the law's data, not from
// the rule builder. The contact must be in the audience the verdict was
// given for, in a market the company is judged in; then both the verdict on
// the campaign and the verdict on the contact's own facts (its source, where
// the campaign does not state one) must let it through, with the consent,
// objection, periods and registers the law ties to that verdict.
func may(res *Result, k *Campaign, r *Recipient) (bool, string) {
	m, ok := coveringMarket(res, law.Country(r.Country))
	if !ok {
		return false, "no market"
	}
	if why := outsideAudience(k, r); why != "" {
		return false, why
	}
	ck := &checker{c: res.Company, law: res.Law}
	s := ck.situation(k, m)
	own := s
	if k.Origin == "" {
		own.Origin = model.Source(r.source())
	}
	for _, x := range []situation{s, own} {
		if ok, why := lets(res.Law, judge(res.Law, x), x, k, r); !ok {
			return false, why
		}
	}
	return true, "allowed"
}

// coveringMarket is the row a contact in country is judged in: its
// country's market, where the company names it and Basis knows its rules;
// the EU baseline's for an EEA state whose own rules Basis has not
// verified, or that the company does not name where it lists EU.
func coveringMarket(res *Result, country string) (law.Market, bool) {
	c, rows := res.Company, Markets(res.Company)
	m, known := law.MarketOf(country)
	named := known && slices.Contains(c.Markets, m)
	switch {
	case named && slices.Contains(rows, m):
		return m, true
	case named && law.InEEA(country) && slices.Contains(rows, law.EU):
		return law.EU, true // judged under the baseline
	case !named && law.InEEA(country) && slices.Contains(c.Markets, law.EU):
		return law.EU, true
	}
	return "", false
}

// whoName is the record's relationship for each audience.
var whoName = map[model.Who]string{model.ExistingCustomers: "customer", model.Inquirers: "inquirer", model.Prospects: "prospect", model.PurchasedList: "prospect"}

// typeName is the record's type for each recipient type.
var typeName = map[model.RecipientType]string{model.Consumers: "consumer", model.BusinessContacts: "business", model.SoleTraders: "sole_trader"}

// outsideAudience says why r is not in the audience of k, or "".
func outsideAudience(k *Campaign, r *Recipient) string {
	a := k.Audience
	if r.Relationship != whoName[a.Who] {
		return "relationship"
	}
	// Where the file does not say whose customers, a person selects them.
	if (a.Who == model.ExistingCustomers || a.Who == model.Inquirers) && k.Business != "" && r.Business != k.Business {
		return "business"
	}
	if k.Origin != "" && r.source() != string(k.Origin) {
		return "source"
	}
	if typeOf(r) != typeName[a.Kind()] {
		return "type"
	}
	return ""
}

func typeOf(r *Recipient) string {
	if r.Type == "" {
		return "consumer"
	}
	return r.Type
}

// lets reports whether verdict o on situation s lets contact r through.
func lets(l *law.Law, o Outcome, s situation, k *Campaign, r *Recipient) (bool, string) {
	consent := slices.ContainsFunc(r.Consents, func(c ConsentRecord) bool {
		return c.Purpose == k.Campaign.Purpose && !c.Since.IsZero() && !c.Since.After(asOf)
	})
	nat, _ := law.NationalOf(r.Country)
	switch {
	case o.Verdict == NotAllowed:
		return false, "not allowed"
	case (o.Verdict == ConsentRequired || s.ConsentRecorded) && !consent:
		return false, "no consent"
	case r.Objected && (o.Advertising || o.Exception != "" || o.Implied() || o.Basis == model.LegitimateInterests || o.Basis == model.Consent):
		return false, "objected"
	case o.Implied() && s.Who == model.ExistingCustomers && !recent(r.LastPurchase, l.For(s.Market).Implied.PurchaseMonths):
		return false, "purchase too old for CASL"
	case o.Implied() && s.Who == model.Inquirers && !recent(r.LastInquiry, l.For(s.Market).Implied.InquiryMonths):
		return false, "inquiry too old for CASL"
	case o.Exception != "" && nat.Marketing.Exception != nil && nat.Marketing.Exception.WithinMonths > 0 &&
		!recent(r.LastPurchase, nat.Marketing.Exception.WithinMonths):
		return false, "purchase too old for the national exception"
	case o.Exception != "" && nat.Marketing.Exception != nil && nat.Marketing.Exception.OptOutList != "" && r.OptOutRegister:
		return false, "on the national opt-out list the exception requires the sender to check"
	case s.Channel == "phone" && o.Verdict == Allowed && o.Advertising && o.Basis != model.Consent && s.Market != law.EU &&
		nat.Marketing.Phone.Rule == law.ChannelRegister && nat.Marketing.Phone.Verified && r.OptOutRegister:
		// A register yields to consent given to the caller (PECR reg. 21(4)).
		return false, "on the opt-out register"
	case s.Channel == "post" && o.Verdict == Allowed && o.Advertising && o.Basis != model.Consent && s.Market != law.EU &&
		nat.Marketing.Post.Rule == law.ChannelRegister && nat.Marketing.Post.Verified && r.OptOutRegister:
		return false, "on the opt-out register for letters"
	case k.Audience.Recency > 0 && s.Who == model.ExistingCustomers && !recent(r.LastPurchase, k.Audience.Recency):
		return false, "purchase older than the campaign's recency"
	case k.Audience.Recency > 0 && s.Who == model.Inquirers && !recent(r.LastInquiry, k.Audience.Recency):
		return false, "inquiry older than the campaign's recency"
	}
	return true, ""
}

// recent reports whether d is in the n months up to asOf, written apart
// from within.
func recent(d time.Time, n int) bool {
	return !d.IsZero() && !d.After(asOf) && !d.Before(asOf.AddDate(0, -n, 0))
}

// Values the generated contacts and campaigns draw from.
var (
	genCountries = append(law.NationalCodes(), "UK")
	genSources   = append([]model.Source{""}, model.Sources...)
)

func pick[T any](rng *rand.Rand, xs []T) T { return xs[rng.IntN(len(xs))] }

// randomRecipient draws a contact, often one of the campaign's audience so
// that the rules' finer conditions are reached.
func randomRecipient(rng *rand.Rand, c *model.Company, k *Campaign) *Recipient {
	r := &Recipient{
		Country:        pick(rng, genCountries),
		Relationship:   pick(rng, []string{"", "customer", "inquirer", "prospect"}),
		Source:         pick(rng, genSources),
		Type:           pick(rng, []string{"", "consumer", "business", "sole_trader"}),
		Objected:       rng.IntN(4) == 0,
		OptOutRegister: rng.IntN(3) == 0,
	}
	var businesses []string
	for _, b := range c.Businesses {
		businesses = append(businesses, b.ID)
	}
	r.Business = pick(rng, append(businesses, "", "elsewhere"))
	if rng.IntN(3) > 0 { // one of the audience
		r.Relationship, r.Business, r.Source = whoName[k.Audience.Who], k.Business, k.Origin
		r.Type = pick(rng, []string{typeName[k.Audience.Kind()], ""})
	}
	months := func(n int) time.Time { return asOf.AddDate(0, -n, 0) }
	r.LastPurchase = pick(rng, []time.Time{{}, months(1), months(11), months(13), months(23), months(25), months(40), months(-1)})
	r.LastInquiry = pick(rng, []time.Time{{}, months(3), months(5), months(7), months(13)})
	switch rng.IntN(5) {
	case 0, 1:
		r.Consents = []ConsentRecord{{Purpose: k.Campaign.Purpose, Since: months(6)}}
	case 2:
		r.Consents = []ConsentRecord{{Purpose: k.Campaign.Purpose}}
	case 3:
		r.Consents = []ConsentRecord{{Purpose: "elsewhere", Since: months(6)}, {Purpose: k.Campaign.Purpose, Since: months(-2)}}
	}
	return r
}

// generatedCompanies makes n companies of one campaign each, drawing every
// fact a verdict depends on, in every market Basis judges.
func generatedCompanies(rng *rand.Rand, n int) []*model.Company {
	var out []*model.Company
	for i := range n {
		c := &model.Company{
			Slug: fmt.Sprintf("gen-%d", i), File: fmt.Sprintf("gen-%d/company.yaml", i),
			Country: pick(rng, []string{"DE", "GB", "PL", "VN", "CA"}), Markets: slices.Clone(law.Markets), Languages: []string{"en"},
			Businesses: []model.Business{{ID: "shop"}, {ID: "cafe"}},
			Purposes: []model.Purpose{
				{ID: "news", Basis: model.Consent, Data: []string{"email", "phone"},
					Marketing: &model.Marketing{Channel: pick(rng, model.Channels), Business: "shop", ObjectionAtCollection: true, UnsubscribeInEveryMessage: true}},
				{ID: "offers", Basis: model.LegitimateInterests, Data: []string{"email", "phone", "postal_address"},
					Marketing: &model.Marketing{Channel: pick(rng, model.Channels), Business: pick(rng, []string{"shop", "cafe"}),
						ObjectionAtCollection: rng.IntN(4) > 0, UnsubscribeInEveryMessage: rng.IntN(4) > 0}},
				{ID: "orders", Basis: model.Contract, Data: []string{"email", "phone", "postal_address"}},
			},
		}
		if rng.IntN(3) == 0 {
			c.Businesses = c.Businesses[:1]
		}
		c.Campaigns = []model.Campaign{randomCampaign(rng, c)}
		out = append(out, c)
	}
	return out
}

func randomCampaign(rng *rand.Rand, c *model.Company) model.Campaign {
	who := pick(rng, []model.Who{model.ExistingCustomers, model.Inquirers, model.Prospects})
	sources := map[model.Who][]model.Source{
		model.ExistingCustomers: {"", model.FromSale, model.FromAcquisition},
		model.Inquirers:         {"", model.FromInquiry},
		model.Prospects:         {"", model.FromSignup, model.FromAcquisition, model.FromBoughtList, model.FromRentedList, model.FromReferral, model.FromPublic},
	}
	businesses := []string{""}
	for _, b := range c.Businesses {
		businesses = append(businesses, b.ID)
	}
	k := model.Campaign{
		ID: "c", Purpose: pick(rng, []string{"news", "offers", "orders"}), Kind: pick(rng, model.Kinds),
		Channel: pick(rng, model.Channels),
		Audience: model.Audience{Business: pick(rng, businesses), Who: who,
			Type:    pick(rng, []model.RecipientType{"", model.Consumers, model.BusinessContacts, model.SoleTraders}),
			Source:  pick(rng, sources[who]),
			Recency: pick(rng, []int{0, 0, 12, 36})},
		Promotes:       pick(rng, businesses),
		Data:           []string{"email"},
		Promotion:      rng.IntN(3) == 0,
		ConsentRecords: rng.IntN(3) == 0,
	}
	if rng.IntN(3) > 0 {
		yes := rng.IntN(3) > 0
		k.Similar = &yes
		if rng.IntN(4) > 0 {
			k.SimilarReason = model.Text{Same: "the same need"}
		}
	}
	return k
}
