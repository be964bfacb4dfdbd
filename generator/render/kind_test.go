package render

import (
	"slices"
	"strings"
	"testing"

	"github.com/basis-privacy/basis/generator/check"
	"github.com/basis-privacy/basis/generator/model"
)

// TestKindCitesTheVerdictsBasis: the checklist's "kind of message" item of a
// message that advertises nothing cites the legal basis the verdicts rest
// on: Art. 6(1)(b) where a market's verdict is the contract, Art. 6(1)(f)
// where it is legitimate interests (an after-sales message of a purpose
// on legitimate interests), never the contract alone for both.
func TestKindCitesTheVerdictsBasis(t *testing.T) {
	r := newTestRenderer(t)
	checked := 0
	for _, c := range consistencyCompanies(t) {
		if c.Country == "VN" {
			continue // Law 91/2025/QH15 cites its own articles
		}
		outs := check.Company(c).Campaigns
		for i := range c.Campaigns {
			k := &c.Campaigns[i]
			if (k.Kind != model.Transactional && k.Kind != model.AfterSales) || k.Promotion {
				continue
			}
			var kind *Item
			rv := reviewOf(r.printer(c, "en"), c, k)
			for gi := range rv.Groups {
				for ii := range rv.Groups[gi].Items {
					if rv.Groups[gi].Items[ii].Key == "kind" {
						kind = &rv.Groups[gi].Items[ii]
					}
				}
			}
			if kind == nil {
				t.Fatalf("%s/%s: no kind item", c.Slug, k.ID)
			}
			refs := strings.Join(kind.Refs, "; ")
			for basis, art := range map[model.Basis]string{model.Contract: "6(1)(b)", model.LegitimateInterests: "6(1)(f)"} {
				want := slices.ContainsFunc(outs, func(o check.Outcome) bool {
					return o.Company == c.Slug && o.Campaign == k.ID && o.Basis == basis
				})
				if got := strings.Contains(refs, art); got != want {
					t.Errorf("%s/%s: kind cites %q; Art. %s cited: %v, a verdict rests on %s: %v", c.Slug, k.ID, refs, art, got, basis, want)
				}
			}
			checked++
		}
	}
	if checked == 0 {
		t.Fatal("no transactional or after-sales campaign was checked")
	}
}
