package render

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/basis-privacy/basis/generator/load"
	"github.com/basis-privacy/basis/generator/model"
)

// TestScopeAndAccessFromCampaign: the checklist's scope item says how far
// back the list goes (audience recency:), and its access item names the
// teams that use the list (used_by:), established, instead of asking
// because the company file does not say.
func TestScopeAndAccessFromCampaign(t *testing.T) {
	c, err := load.File("testdata/four-lang/company.yaml")
	if err != nil {
		t.Fatal(err)
	}
	r := newTestRenderer(t)
	item := func(c *model.Company, lang, key string) Item {
		rv := reviewOf(r.printer(c, lang), c, &c.Campaigns[0])
		for _, g := range rv.Groups {
			for _, it := range g.Items {
				if it.Key == key {
					return it
				}
			}
		}
		t.Fatalf("no item %s", key)
		return Item{}
	}
	for _, lang := range c.Languages {
		access := item(c, lang, "access")
		if access.State != Noted || !strings.Contains(strings.Join(access.Answer, " "), c.Campaigns[0].UsedBy[0].In(lang)) {
			t.Errorf("%s access: %s %q", lang, access.State, access.Answer)
		}
		scope := item(c, lang, "scope")
		if !slices.ContainsFunc(scope.Answer, func(s string) bool { return strings.Contains(s, "18") }) {
			t.Errorf("%s scope says nothing of the 18 months: %q", lang, scope.Answer)
		}
	}
	c.Campaigns[0].UsedBy, c.Campaigns[0].Audience.Recency = nil, 0
	if access := item(c, "en", "access"); access.State != Open {
		t.Errorf("without used_by the access item is %s", access.State)
	}
}

// TestChecklistJSONEligibility: checklist.json carries, per campaign, the
// same eligibility rules as check's verdicts, and the markets where nobody
// may receive it.
func TestChecklistJSONEligibility(t *testing.T) {
	c, err := load.File("testdata/four-lang/company.yaml")
	if err != nil {
		t.Fatal(err)
	}
	b, err := newTestRenderer(t).ChecklistJSON(judged(c), "en")
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Campaigns []struct {
			Verdicts []struct {
				Market, Verdict string
			}
			Eligibility []struct {
				Market  string
				Verdict string
				Select  []struct{ ID string }
			}
			Excluded []string `json:"excluded_markets"`
		}
	}
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatal(err)
	}
	k := doc.Campaigns[0]
	if len(k.Eligibility) != len(k.Verdicts) || k.Excluded == nil {
		t.Fatalf("%d rules for %d verdicts, excluded %v", len(k.Eligibility), len(k.Verdicts), k.Excluded)
	}
	for i, e := range k.Eligibility {
		if e.Market != k.Verdicts[i].Market || e.Verdict != k.Verdicts[i].Verdict || len(e.Select) == 0 {
			t.Errorf("rule %d: %+v for verdict %+v", i, e, k.Verdicts[i])
		}
	}
}
