package render

import (
	"encoding/json"
	"os"
	"os/exec"
	"slices"
	"strings"
	"testing"

	"github.com/basis-privacy/basis/generator/check"
	"github.com/basis-privacy/basis/generator/law"
	"github.com/basis-privacy/basis/generator/load"
	"github.com/basis-privacy/basis/generator/model"
)

// consistencyCompanies returns every example, the issue's cases and the
// companies bench/gen writes (one per country and trade).
func consistencyCompanies(t *testing.T) []*model.Company {
	t.Helper()
	cs := examples(t)
	cases, err := load.Dir("testdata/cases")
	if err != nil {
		t.Fatal(err)
	}
	cs = append(cs, cases...)
	if testing.Short() {
		return cs
	}
	dir := t.TempDir()
	out, err := exec.Command("go", "run", "../../bench/gen", "-n", "15", "-out", dir).CombinedOutput()
	if err != nil {
		t.Fatalf("bench/gen: %v\n%s", err, out)
	}
	gen, err := load.Dir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if entries, _ := os.ReadDir(dir); len(gen) != len(entries) || len(gen) == 0 {
		t.Fatalf("bench/gen wrote %d folders, %d loaded", len(entries), len(gen))
	}
	return append(cs, gen...)
}

// printers are the test renderer's printers, for the notice checks.
var printers *Renderer

// exceptionItems are the checklist items that are conditions of the
// existing-customer exception.
var exceptionItems = []string{"existing_customer", "own_similar", "objection_collection", "objection_every", "in_notice"}

// TestConsistency: for every company, campaign and market, no checklist item
// or notice sentence contradicts the Outcome: no exception item met where
// the market has no exception or the verdict rests on consent; no "no
// advertising" met on an advertising campaign; no products promoted by a
// message that promotes nothing; the notice's marketing sentence says what
// the verdict on that marketing says; no transfer for a domestic recipient.
func TestConsistency(t *testing.T) {
	r := newTestRenderer(t)
	printers = r
	companies := consistencyCompanies(t)
	for _, c := range companies {
		res := judged(c)
		outs := res.Outcomes()
		for _, lang := range c.Languages {
			p := r.printer(c, lang)
			for _, k := range res.Campaigns {
				rv := review(p, res, k)
				consistentReview(t, c.Slug+"/"+lang+"/"+k.ID, rv, outs)
			}
			consistentNotice(t, res, lang, newNotice(p, res))
			consistentFields(t, res, lang, fieldsIn(p, res, lang))
		}
	}
	t.Logf("%d companies checked", len(companies))
}

// reporter is the part of testing.T the consistency checks use.
type reporter interface {
	Helper()
	Errorf(format string, args ...any)
}

// fakeT records whether a check failed.
type fakeT struct{ failed bool }

func (f *fakeT) Helper()               {}
func (f *fakeT) Errorf(string, ...any) { f.failed = true }

func consistentReview(t *testing.T, name string, rv Review, outs []check.Outcome) {
	t.Helper()
	consistentReviewT(t, name, rv, outs)
}

func consistentReviewT(t reporter, name string, rv Review, outs []check.Outcome) {
	t.Helper()
	byMarket := map[law.Market]check.Outcome{}
	advertising := false
	for _, o := range outs {
		if o.Campaign == rv.Campaign.ID {
			byMarket[o.Market] = o
			advertising = advertising || o.Advertising
		}
	}
	service := (rv.Campaign.Kind == model.Transactional || rv.Campaign.Kind == model.AfterSales) && !rv.Campaign.Promotion
	for _, g := range rv.Groups {
		for _, it := range g.Items {
			switch {
			case it.Key == "promotion" && advertising && !service && it.State == Yes:
				t.Errorf("%s: %q met on an advertising campaign", name, it.Key)
			case it.Key == "same_business" && service && it.State != NA:
				t.Errorf("%s: products promoted by a message that promotes nothing", name)
			case contains(exceptionItems, it.Key) && it.State == Yes:
				o, ok := byMarket[it.Market]
				switch {
				case it.Market == "":
					t.Errorf("%s: exception item %s names no market", name, it.Key)
				case !ok:
					t.Errorf("%s: exception item %s for %s, which has no verdict", name, it.Key, it.Market)
				case !law.HasException(it.Market):
					t.Errorf("%s: exception item %s met in %s, which has no exception", name, it.Key, it.Market)
				case o.Exception == "":
					t.Errorf("%s: exception item %s met in %s, whose verdict does not rest on it (%s, %s)", name, it.Key, it.Market, o.Verdict, o.Basis)
				}
			}
		}
	}
	for _, m := range rv.Markets {
		o := byMarket[m.Market]
		abroad := law.For(m.Market).Regime == "" && o.Regime != ""
		if o.Exception != "" && !abroad && strings.Contains(m.Basis, "(Art. 6") {
			t.Errorf("%s: %s: the exception is labelled %q", name, m.Market, m.Basis)
		}
		// A market whose data-protection law Basis does not apply: the
		// controller's regime governs the processing, and its basis is named.
		if abroad && o.Verdict != check.NotAllowed && o.Basis == "" {
			t.Errorf("%s: %s: allowed under the market's rule with no basis under %s: %q", name, m.Market, o.Regime, m.Basis)
		}
	}
}

func consistentNotice(t *testing.T, res *check.Result, lang string, n *notice) {
	t.Helper()
	consistentNoticeT(t, res, lang, n)
}

// unbracket writes square brackets as round ones.
var unbracket = strings.NewReplacer("[", "(", "]", ")")

func consistentNoticeT(t reporter, res *check.Result, lang string, n *notice) {
	t.Helper()
	c := res.Company
	p := printers.printer(c, lang)
	for _, mk := range n.Marketing {
		outs := res.Purposes[mk.Purpose.ID].Marketing
		if mk.Consent {
			continue
		}
		if len(mk.Rules) != len(outs) {
			t.Errorf("%s/%s: %d marketing sentences for %d markets", c.Slug, lang, len(mk.Rules), len(outs))
			continue
		}
		for i, o := range outs {
			// A citation inside the sentence's brackets has its own as
			// square ones; compare the wording, not the brackets.
			text := unbracket.Replace(mk.Rules[i].Text)
			l := law.For(o.Market)
			if o.Exception == "" {
				for _, m := range law.Markets {
					if x := law.For(m).Exception; x != nil && strings.Contains(text, p.T("ref."+x.ID)) {
						t.Errorf("%s/%s %s: the notice states an exception (%s) the verdict does not rest on: %s", c.Slug, lang, o.Market, x.ID, text)
					}
				}
			}
			// Consent is cited by a provision of the market the verdict
			// cites (the consent rule for the purpose's channel), or by none
			// where the verdict cites none of the market's (letters to
			// Switzerland: consent is the safe answer).
			if o.Verdict == check.ConsentRequired {
				var own []string
				for _, r := range o.Refs {
					if law.RefMarket(r) == o.Market {
						own = append(own, r)
					}
				}
				cited := slices.ContainsFunc(own, func(r string) bool { return strings.Contains(text, p.T("ref."+r)) })
				if len(own) > 0 && !cited {
					t.Errorf("%s/%s %s: consent required, but the notice cites none of %v: %s", c.Slug, lang, o.Market, own, text)
				}
				if len(own) == 0 && text != unbracket.Replace(p.T("notice.marketing.rule.consent-only", "In", customersIn(p, o.Market))) {
					t.Errorf("%s/%s %s: consent required under no provision of the market, but the notice cites one: %s", c.Slug, lang, o.Market, text)
				}
			}
			if o.Exception != "" && !strings.Contains(text, p.T("ref."+l.Exception.Basis[0])) {
				t.Errorf("%s/%s %s: the exception's provision is missing: %s", c.Slug, lang, o.Market, text)
			}
			if o.Exception != "" && l.Regime != "" && strings.Contains(text, p.T("cite.gdpr.legitimate_interests")) {
				t.Errorf("%s/%s %s: the exception is labelled legitimate interests: %s", c.Slug, lang, o.Market, text)
			}
		}
	}
	for _, rc := range n.Transfers {
		if law.Country(rc.Country) == law.Country(c.Country) || !law.Abroad(c.Country, rc.Country) {
			t.Errorf("%s/%s: domestic recipient %s (%s) listed as a transfer", c.Slug, lang, rc.ID, rc.Country)
		}
	}
	for i := range c.Recipients {
		rc := &c.Recipients[i]
		listed := false
		for _, x := range n.Transfers {
			listed = listed || x == rc
		}
		if listed != law.Abroad(c.Country, rc.Country) {
			t.Errorf("%s/%s: recipient %s in %s: listed as a transfer %v, abroad %v", c.Slug, lang, rc.ID, rc.Country, listed, !listed)
		}
	}
}

func consistentFields(t *testing.T, res *check.Result, lang string, v *fieldsView) {
	t.Helper()
	consistentFieldsT(t, res, lang, v)
}

// consistentFieldsT: the text beside a field follows its form and the
// markets it serves: no objection notice on a contact form's field, none
// for a market whose verdict on that marketing needs consent, at most one
// per field; a consent box (or the form's own checkbox) wherever a market
// the form serves needs prior consent for marketing to the address the
// field collects; every consent box unticked, with its hash.
func consistentFieldsT(t reporter, res *check.Result, lang string, v *fieldsView) {
	t.Helper()
	c := res.Company
	if len(v.Forms) != len(res.Forms) {
		t.Errorf("%s/%s: %d forms rendered of %d", c.Slug, lang, len(v.Forms), len(res.Forms))
		return
	}
	for i, f := range res.Forms {
		for j, fd := range f.Fields {
			fi := v.Forms[i].Fields[j]
			name := c.Slug + "/" + lang + "/" + f.ID + "." + fd.ID
			if fi.ObjectionNotice != "" {
				if f.Kind == model.ContactForm {
					t.Errorf("%s: a contact form's field announces advertising: %q", name, fi.ObjectionNotice)
				}
				if n := strings.Count(fi.Text, fi.ObjectionNotice); n != 1 {
					t.Errorf("%s: the objection notice appears %d times", name, n)
				}
			}
			boxed := map[law.Market]bool{}
			for _, x := range fi.Consents {
				for _, m := range x.Markets {
					boxed[law.Market(m)] = true
				}
				if strings.Contains(x.HTML, "checked") || len(x.SHA256) != 64 || x.ID == "" {
					t.Errorf("%s: consent box %s ticked or without its hash", name, x.ID)
				}
			}
			if fd.Objection != nil {
				for _, m := range fd.Objection.Markets {
					if !law.HasException(m) {
						t.Errorf("%s: an objection notice for %s, which has no exception", name, m)
					}
				}
			}
			if fd.Type != "text" || f.Kind == model.ContactForm {
				continue
			}
			for i := range c.Purposes {
				pur := &c.Purposes[i]
				if pur.Marketing == nil || check.ChannelField(pur.Marketing.Channel) != fd.ID || formHasCheckbox(f, pur.ID) {
					continue
				}
				for _, o := range res.Purposes[pur.ID].Marketing {
					electronic := pur.Marketing.Channel == "email" || pur.Marketing.Channel == "sms"
					needs := o.Verdict == check.ConsentRequired || pur.Basis == model.Consent ||
						(electronic && o.Verdict == check.Allowed && !law.HasException(o.Market))
					if !slices.Contains(f.Markets, o.Market) || !needs {
						continue
					}
					if !boxed[o.Market] {
						t.Errorf("%s: %s needs prior consent for %q, but the form has no consent box for it", name, o.Market, pur.ID)
					}
					if fd.Objection != nil && slices.Contains(fd.Objection.Markets, o.Market) && pur.Basis != model.Consent {
						t.Errorf("%s: an objection notice for %s, whose verdict needs consent", name, o.Market)
					}
				}
			}
		}
	}
}

func formHasCheckbox(f *check.Form, purpose string) bool {
	for _, x := range f.Fields {
		if x.Type == "checkbox" && x.Field.Purpose == purpose {
			return true
		}
	}
	return false
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// TestConsistencyCatches: the consistency checks fail on the contradictions
// issue 9 found, so that a pass means something.
func TestConsistencyCatches(t *testing.T) {
	printers = newTestRenderer(t)
	c := issueCase(t, "vn-tet")
	outs := check.Company(c).Campaigns
	rv := Review{Campaign: &c.Campaigns[0], Groups: []Group{{Key: "softoptin", Items: []Item{{Key: "own_similar", Market: law.VN, State: Yes}}}}}
	ft0 := &fakeT{}
	consistentReviewT(ft0, "vn", rv, outs)
	if !ft0.failed {
		t.Error("an exception item met in Vietnam passed the consistency check")
	}
	// A contact form's field that announces advertising is caught, and so
	// is a form without the consent box a market needs.
	fl := loadFourLang(t)
	res := judged(fl)
	v := fieldsIn(printers.printer(fl, "en"), res, "en")
	res.Forms[0].Kind = model.ContactForm
	ft := &fakeT{}
	consistentFieldsT(ft, res, "en", v)
	if !ft.failed {
		t.Error("a contact form's field announcing advertising passed the consistency check")
	}
	fl = loadFourLang(t)
	res = judged(fl)
	v = fieldsIn(printers.printer(fl, "en"), res, "en")
	v.Forms[0].Fields[0].Consents = nil
	ft = &fakeT{}
	consistentFieldsT(ft, res, "en", v)
	if !ft.failed {
		t.Error("a form without the consent box Poland needs passed the consistency check")
	}
	// A domestic recipient listed as a transfer is caught.
	uk := issueCase(t, "uk-shop")
	n := newNotice(newTestRenderer(t).printer(uk, "en"), judged(uk))
	n.Transfers = append(n.Transfers, &uk.Recipients[0])
	ft = &fakeT{}
	consistentNoticeT(ft, judged(uk), "en", n)
	if !ft.failed {
		t.Error("a UK recipient of a UK controller listed as a transfer passed the consistency check")
	}
}

// TestChecklistJSON: checklist.json carries, per campaign, the verdict per
// market and the same items as checklist.html, with unique stable ids and
// one of the four results.
func TestChecklistJSON(t *testing.T) {
	r := newTestRenderer(t)
	for _, c := range consistencyCompanies(t)[:9] {
		for _, lang := range c.Languages {
			b, err := r.ChecklistJSON(judged(c), lang)
			if err != nil {
				t.Fatal(err)
			}
			var doc jsonChecklist
			if err := json.Unmarshal(b, &doc); err != nil {
				t.Fatal(err)
			}
			if len(doc.Campaigns) != len(c.Campaigns) {
				t.Errorf("%s/%s: %d campaigns", c.Slug, lang, len(doc.Campaigns))
			}
			for i, jc := range doc.Campaigns {
				rv := reviewOf(r.printer(c, lang), c, &c.Campaigns[i])
				n := 0
				for _, g := range rv.Groups {
					n += len(g.Items)
				}
				if len(jc.Items) != n || len(jc.Verdicts) == 0 {
					t.Errorf("%s/%s/%s: %d items (html %d), %d verdicts", c.Slug, lang, jc.ID, len(jc.Items), n, len(jc.Verdicts))
				}
				seen := map[string]bool{}
				for _, it := range jc.Items {
					if seen[it.ID] || it.ID == "" || it.Question == "" {
						t.Errorf("%s/%s/%s: item id %q twice or empty", c.Slug, lang, jc.ID, it.ID)
					}
					seen[it.ID] = true
					if !contains([]string{"met", "not_met", "open", "not_applicable", "established"}, it.Result) {
						t.Errorf("%s: result %q", it.ID, it.Result)
					}
					if it.Market != "" && !strings.HasSuffix(it.ID, "."+it.Market) {
						t.Errorf("%s: market %s not in the id", it.ID, it.Market)
					}
				}
			}
		}
	}
}
