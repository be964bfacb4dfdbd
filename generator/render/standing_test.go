package render

import (
	"strings"
	"testing"

	"github.com/basis-privacy/basis/generator/law"
	"github.com/basis-privacy/basis/generator/load"
	"github.com/basis-privacy/basis/generator/model"
)

// TestExceptionItemForNonCustomers: an advertising e-mail to people who
// are not customers, in a market that has an existing-customer exception
// (Germany), answers the exception's item by saying the exception covers
// only customers and citing the condition, not that "the exception
// concerns electronic mail; letters and calls follow their own rules",
// which was false for an e-mail (helper finding, December 2026).
func TestExceptionItemForNonCustomers(t *testing.T) {
	c, err := load.File("testdata/four-lang/company.yaml")
	if err != nil {
		t.Fatal(err)
	}
	k := &c.Campaigns[0]
	k.Channel, k.Kind, k.Audience.Who, k.Audience.Source = "email", model.Advertising, model.Prospects, ""
	r := newTestRenderer(t)
	for _, lang := range c.Languages {
		p := r.printer(c, lang)
		var found bool
		for _, g := range reviewOf(p, c, k).Groups {
			for _, it := range g.Items {
				if g.Key != "softoptin" || it.Market != law.DE {
					continue
				}
				found = true
				answer := strings.Join(it.Answer, " ")
				if answer == p.T("checklist.answer.exception_channel") || answer != p.T("checklist.answer.exception_not_customers") {
					t.Errorf("%s: the exception's item for prospects in Germany answers %q", lang, answer)
				}
				if len(it.Refs) == 0 || it.Refs[0] != p.T("ref.uwg-7-3-1") {
					t.Errorf("%s: the item cites %q, want the exception's condition of a customer", lang, it.Refs)
				}
			}
		}
		if !found {
			t.Fatalf("%s: no item on the exception for Germany", lang)
		}
	}
}
