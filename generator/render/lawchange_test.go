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
	t.Parallel()
	r, c := newTestRenderer(t), issueCase(t, "pl-shop")
	p := r.printer(nil, "en")
	pl := func(l *law.Law) (check.Outcome, string, []Item) {
		var o check.Outcome
		res := check.Company(c, check.WithLaw(l)).Results[0]
		for _, x := range res.Outcomes() {
			if x.Campaign == "teapot-sale" && x.Market == law.PL {
				o = x
			}
		}
		page, err := r.Privacy(res, "en")
		if err != nil {
			t.Fatal(err)
		}
		notice := section(string(page), "marketing")
		var items []Item
		for _, g := range review(p, res, res.Campaign(c.Campaigns[1].ID)).Groups {
			for _, it := range g.Items {
				if it.Market == law.PL {
					items = append(items, it)
				}
			}
		}
		return o, notice, items
	}
	o, notice, items := pl(law.Default())
	if o.Verdict != check.ConsentRequired || !strings.Contains(notice, p.T("ref.pke-398-1")) || len(items) != 1 || items[0].State != NA {
		t.Fatalf("before: %s, notice %q, items %+v", o.Verdict, notice, items)
	}
	what := law.Default().With(law.PL, func(l *law.Rules) {
		l.Exception, l.NoException = law.For(law.EU).Exception, ""
	})
	o, notice, items = pl(what)
	if o.Verdict != check.Allowed || o.Exception != "eprivacy-13-2" {
		t.Errorf("verdict did not follow: %s %q", o.Verdict, o.Exception)
	}
	if !strings.Contains(notice, p.T("ref.eprivacy-13-2")) || strings.Contains(notice, p.T("ref.pke-398-1")) {
		t.Errorf("notice did not follow:\n%s", notice)
	}
	if len(items) != 6 || items[1].Key != "own_similar" || items[1].State != Open {
		t.Errorf("checklist did not follow: %+v", items)
	}
	if o, _, _ := pl(law.Default()); o.Verdict != check.ConsentRequired {
		t.Error("the what-if changed Poland's rule for everyone")
	}
}

// TestDocumentsFollowTheLawOfEachState: the same holds for a state whose
// rules come from the national table, in a company writing to eight
// countries: Austria is given no exception (a what-if: § 174 Abs. 4 TKG 2021
// has one), and its verdict, its notice sentence and its checklist items
// follow, while the seven other markets keep theirs.
func TestDocumentsFollowTheLawOfEachState(t *testing.T) {
	t.Parallel()
	r, c := newTestRenderer(t), issueCase(t, "eight-countries")
	p := r.printer(nil, "en")
	at := func(l *law.Law) (check.Outcome, string, []Item, int) {
		res := check.Company(c, check.WithLaw(l)).Results[0]
		var o check.Outcome
		allowed := 0
		for _, x := range res.Campaign("spring-glasses").Outcomes {
			if x.Market == "AT" {
				o = x
			} else if x.Verdict == check.Allowed {
				allowed++
			}
		}
		page, err := r.Privacy(res, "en")
		if err != nil {
			t.Fatal(err)
		}
		var items []Item
		for _, g := range review(p, res, res.Campaign("spring-glasses")).Groups {
			for _, it := range g.Items {
				if it.Market == "AT" {
					items = append(items, it)
				}
			}
		}
		return o, unbracket.Replace(section(string(page), "marketing")), items, allowed
	}
	o, notice, items, others := at(law.Default())
	if o.Verdict != check.Allowed || o.Exception != "at-tkg-174-4" || !strings.Contains(notice, p.T("ref.at-tkg-174-4")) || len(items) != 7 || others != 7 {
		t.Fatalf("before: %s %q, %d items, %d other markets allowed", o.Verdict, o.Exception, len(items), others)
	}
	what := law.Default().With("AT", func(l *law.Rules) {
		l.Exception, l.NoException = nil, "check.reason.consent-needed"
	})
	o, notice, items, others = at(what)
	if o.Verdict != check.ConsentRequired || o.Exception != "" {
		t.Errorf("verdict did not follow: %s %q", o.Verdict, o.Exception)
	}
	if !strings.Contains(notice, unbracket.Replace(p.T("notice.marketing.rule.consent", "In", customersIn(p, "AT"), "Refs", p.T("ref.at-tkg-174-3")))) {
		t.Errorf("notice did not follow:\n%s", notice)
	}
	if len(items) != 1 || items[0].Key != "exception_none" || others != 7 {
		t.Errorf("checklist did not follow: %+v; %d other markets allowed", items, others)
	}
}
