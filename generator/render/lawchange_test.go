package render

import (
	"strings"
	"testing"

	"github.com/basis-privacy/basis/generator/check"
	"github.com/basis-privacy/basis/generator/law"
)

// TestDocumentsFollowTheLaw: changing one market's rule in package law is
// all it takes for the verdicts, the notice and the checklist to follow.
// Here Poland is given the EU's existing-customer exception (a what-if: it
// has none, art. 398 ust. 1 PKE), then it is taken back.
func TestDocumentsFollowTheLaw(t *testing.T) {
	r, c := newTestRenderer(t), issueCase(t, "pl-shop")
	p := r.printer(nil, "en")
	pl := func() (check.Outcome, string, []Item) {
		var o check.Outcome
		outs := check.Company(c).Campaigns
		for _, x := range outs {
			if x.Campaign == "teapot-sale" && x.Market == law.PL {
				o = x
			}
		}
		notice := section(privacyPage(t, r, c, "en"), "marketing")
		var items []Item
		for _, g := range r.review(p, c, &c.Campaigns[1], outs).Groups {
			for _, it := range g.Items {
				if it.Market == law.PL {
					items = append(items, it)
				}
			}
		}
		return o, notice, items
	}
	o, notice, items := pl()
	if o.Verdict != check.ConsentRequired || !strings.Contains(notice, p.T("ref.pke-398-1")) || len(items) != 1 || items[0].State != NA {
		t.Fatalf("before: %s, notice %q, items %+v", o.Verdict, notice, items)
	}
	restore := law.With(law.PL, func(l *law.Rules) {
		l.Exception, l.NoException = law.For(law.EU).Exception, ""
	})
	o, notice, items = pl()
	restore()
	if o.Verdict != check.Allowed || o.Exception != "eprivacy-13-2" {
		t.Errorf("verdict did not follow: %s %q", o.Verdict, o.Exception)
	}
	if !strings.Contains(notice, p.T("ref.eprivacy-13-2")) || strings.Contains(notice, p.T("ref.pke-398-1")) {
		t.Errorf("notice did not follow:\n%s", notice)
	}
	if len(items) != 5 || items[1].Key != "own_similar" || items[1].State != Yes {
		t.Errorf("checklist did not follow: %+v", items)
	}
	if o, _, _ := pl(); o.Verdict != check.ConsentRequired {
		t.Error("restore did not restore Poland's rule")
	}
}
