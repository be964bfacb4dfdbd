package check

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/basis-privacy/basis/generator/law"
	"github.com/basis-privacy/basis/generator/load"
	"github.com/basis-privacy/basis/generator/model"
)

const seedCase = "../render/testdata/cases/bakery-seed/company.yaml"

// TestSeed001NewBakeryProducts: seed 001's "new products in the bakery" is a
// similar-products case: allowed in DE, EU and UK under the exception with
// the two objection conditions; the butcher's shop of the same owner needs
// consent.
func TestSeed001NewBakeryProducts(t *testing.T) {
	c, err := load.File(seedCase)
	if err != nil {
		t.Fatal(err)
	}
	c.Markets = append(c.Markets, law.EU)
	r := Company(c)
	for _, m := range []string{"EU", "DE", "UK"} {
		o := outcome(t, r, "new-bakery-products", m)
		if o.Verdict != Allowed || o.Exception != law.For(law.Market(m)).Exception.ID {
			t.Errorf("new-bakery-products %s: %s, exception %q", m, o.Verdict, o.Exception)
		}
		for _, cond := range []string{"check.cond.objection-at-collection", "check.cond.objection-every-message"} {
			if !slices.ContainsFunc(o.Conditions, func(x Message) bool { return x.ID == cond }) {
				t.Errorf("new-bakery-products %s lacks %s", m, cond)
			}
		}
		if b := outcome(t, r, "butcher-opening", m); b.Verdict != ConsentRequired || !slices.Contains(b.Unmet, UnmetOtherBusines) {
			t.Errorf("butcher-opening %s: %s %v", m, b.Verdict, b.Unmet)
		}
	}
	if f := findings(r, RuleRenamed); len(f) != 0 {
		t.Errorf("the new spelling warns: %+v", f)
	}
	// Without the reason, the exception is not relied on, and check says
	// what to add.
	c.Campaigns[0].SimilarReason = model.Text{}
	r = Company(c)
	if o := outcome(t, r, "new-bakery-products", "DE"); o.Verdict != ConsentRequired {
		t.Errorf("similar without a reason: %s", o.Verdict)
	}
	if f := findings(r, RuleSoftOptInSimilarReason); len(f) != 1 || f[0].Severity != Warning {
		t.Errorf("soft-opt-in.similar-reason-missing: %+v", f)
	}
	// Nor is similarity inferred from the business line.
	c.Campaigns[0].Similar = nil
	if f := findings(Company(c), RuleSoftOptInSimilarUnset); len(f) != 1 {
		t.Errorf("soft-opt-in.similar-unstated: %+v", f)
	}
}

// TestOldSpellings: kind: new_products keeps loading with its old meaning
// and a warning naming the new spelling; no verdict changes without a word.
// similar: is a current key (with similar_reason:) and does not warn.
func TestOldSpellings(t *testing.T) {
	src, err := os.ReadFile(seedCase)
	if err != nil {
		t.Fatal(err)
	}
	old := strings.Replace(string(src), "    kind: advertising\n    channel: email\n    audience: {business: bakery, who: existing_customers}\n    promotes: bakery\n",
		"    kind: new_products\n    channel: email\n    audience: {business: bakery, who: existing_customers}\n    promotes: bakery\n", 1)
	old = strings.Replace(old, "    promotes: butcher\n", "    promotes: butcher\n    similar: false\n", 1)
	if old == string(src) {
		t.Fatal("the seed case changed; adapt the test")
	}
	path := filepath.Join(t.TempDir(), "company.yaml")
	if err := os.WriteFile(path, []byte(old), 0o644); err != nil {
		t.Fatal(err)
	}
	c, err := load.File(path)
	if err != nil {
		t.Fatal(err)
	}
	if c.Campaigns[0].Kind != model.NewProducts {
		t.Fatalf("kind %s", c.Campaigns[0].Kind)
	}
	r := Company(c)
	// The old meaning: new_products is "not similar", so consent.
	if o := outcome(t, r, "new-bakery-products", "DE"); o.Verdict != ConsentRequired {
		t.Errorf("old spelling new_products: %s, want its old verdict consent_required", o.Verdict)
	}
	got := map[string]string{}
	for _, f := range findings(r, RuleRenamed) {
		got[f.Msg.Args["Old"].(string)] = f.Msg.Args["New"].(string)
		if f.Severity != Warning || f.Pos.Line == 0 {
			t.Errorf("%+v", f)
		}
	}
	if got["kind: new_products"] != "kind: advertising" || len(got) != 1 {
		t.Errorf("renamed warnings %v", got)
	}
}
