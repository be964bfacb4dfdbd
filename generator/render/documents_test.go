package render

import (
	"html"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/basis-privacy/basis/content"

	"github.com/basis-privacy/basis/generator/law"
	"github.com/basis-privacy/basis/generator/load"
	"github.com/basis-privacy/basis/generator/locale"
	"github.com/basis-privacy/basis/generator/model"
)

// exampleDir writes the embedded examples into a temp folder: tests never
// read the live content/ listing, which may hold a user's own companies.
func exampleDir(t *testing.T) string {
	t.Helper()
	dir, err := content.CopyTo(filepath.Join(t.TempDir(), "content"))
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

func examples(t *testing.T) []*model.Company {
	t.Helper()
	cs, err := load.Dir(exampleDir(t))
	if err != nil {
		t.Fatal(err)
	}
	fl, err := load.File("testdata/four-lang/company.yaml")
	if err != nil {
		t.Fatal(err)
	}
	return append(cs, fl)
}

// TestArticle13 checks every example notice in every language it is
// published in, item by item against Art. 13 GDPR (or the matching items of
// Law No. 91/2025/QH15): each item's section is there and carries the
// company's own facts and the citation in the reader's language. It runs on
// the documents as each company words them: with the company's own wording
// of shared messages (the examples', and one that rewords items it checks).
func TestArticle13(t *testing.T) {
	cat, err := sharedCatalog()
	if err != nil {
		t.Fatal(err)
	}
	r := newTestRenderer(t)
	for _, c := range append(examples(t), reworded(t, cat)) {
		for _, lang := range c.Languages {
			t.Run(c.Slug+"/"+lang, func(t *testing.T) {
				out, err := r.Privacy(judged(c), lang)
				if err != nil {
					t.Fatal(err)
				}
				page := html.UnescapeString(string(out))
				p, err := r.Printer(c, lang)
				if err != nil {
					t.Fatal(err)
				}
				reg := string(judged(c).Regime())
				need := func(item, want string) {
					t.Helper()
					if want == "" {
						t.Errorf("%s: nothing to look for (empty text)", item)
					} else if !strings.Contains(page, want) {
						t.Errorf("%s: the notice lacks %q", item, want)
					}
				}
				for _, id := range []string{"controller", "purposes", "recipients", "transfers", "retention", "rights", "objection", "complaint", "requirement", "automated", "changes"} {
					need("section "+id, `id="`+id+`"`)
				}
				need("13(1)(a) controller", c.Controller.Name)
				need("13(1)(a) address", c.Controller.Address)
				need("13(1)(a) email", c.Controller.Email)
				if c.Controller.DPO != nil {
					need("13(1)(b) DPO", c.Controller.DPO.Email)
				}
				for _, pur := range c.Purposes {
					need("13(1)(c) purpose", pur.Name.In(lang))
					if bs := newNotice(p, judged(c)).Bases[pur.ID]; len(bs) > 0 {
						// Marketing: the basis in each market, from the verdicts.
						for _, b := range bs {
							need("13(1)(c) basis per market", b)
						}
					} else {
						need("13(1)(c) basis", p.T("basis."+string(pur.Basis)))
						need("13(1)(c) citation", p.T("cite."+reg+"."+string(pur.Basis)))
					}
					need("13(2)(a) retention", pur.Retention.In(lang))
					if pur.Basis == model.LegitimateInterests && !newNotice(p, judged(c)).Exception[pur.ID] {
						need("13(1)(d) interest", pur.Interest.In(lang))
					}
					if pur.Requirement != "" {
						need("13(2)(e) requirement", p.T("notice.requirement."+pur.Requirement))
					}
					if pur.Basis == model.Consent {
						need("13(2)(c) withdrawal", `id="consent"`)
					}
					if pur.Marketing != nil {
						need("21(4) marketing section", `id="marketing"`)
					}
				}
				for _, rc := range c.Recipients {
					need("13(1)(e) recipient", rc.Name)
					if law.Abroad(c.Country, rc.Country) {
						need("13(1)(f) transfer", rc.Name)
					}
				}
				for _, right := range []string{"access", "rectification", "erasure", "restriction", "portability", "objection"} {
					need("13(2)(b) right "+right, p.T("cite."+reg+".right."+right))
				}
				res := judged(c)
				for _, g := range res.Regimes {
					for _, a := range authorities(p, c, g) {
						need("13(2)(d) authority", a.Name)
					}
					if g.Regime != res.Regime() {
						for _, right := range []string{"access", "objection"} {
							need("rights under "+string(g.Regime), p.T("cite."+string(g.Regime)+".right."+right))
						}
					}
				}
				need("13(2)(f) automated decisions", p.T("notice.automated.none."+reg))
				need("effective date", p.T("date.month."+itoa(int(c.Effective.Month()))))
			})
		}
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

// words matches a run of at least five words of letters, the length from
// which an English sentence fragment would be noticed by a reader.
var words = regexp.MustCompile(`[A-Za-z][A-Za-z'’-]*(?:[ ,]+[A-Za-z][A-Za-z'’-]*){4,}`)

// fragment is a run of five words of an English message (id).
type fragment struct{ id, text string }

// englishFragments are the runs of five words of every English message.
func englishFragments(t *testing.T, cat *locale.Catalog) []fragment {
	t.Helper()
	var fragments []fragment
	en := cat.For("en")
	placeholder := regexp.MustCompile(`\{\{[^}]*\}\}|\{[a-z]+\}`)
	for _, id := range cat.IDs("en") {
		if !en.Has(id) {
			continue
		}
		for _, part := range placeholder.Split(rawMessage(t, cat, id), -1) {
			for _, f := range words.FindAllString(part, -1) {
				fragments = append(fragments, fragment{id, f})
			}
		}
	}
	if len(fragments) < 100 {
		t.Fatalf("found only %d English fragments to look for", len(fragments))
	}
	return fragments
}

// englishIn returns the English fragments a page in lang contains. A
// fragment of a message that the same message in lang writes too is a
// proper name (an authority's name in its own language, "Prezes Urzędu
// Ochrony Danych Osobowych"), not English.
func englishIn(cat *locale.Catalog, fragments []fragment, page, lang string) []string {
	var out []string
	for _, f := range fragments {
		if strings.Contains(page, f.text) && !strings.Contains(cat.For(lang).T(f.id), f.text) {
			out = append(out, f.text)
		}
	}
	return out
}

// TestNoEnglishInOtherLanguages renders every document of every example in
// German, Polish and Vietnamese and looks for any run of five words of an
// English message in it.
func TestNoEnglishInOtherLanguages(t *testing.T) {
	cat, err := sharedCatalog()
	if err != nil {
		t.Fatal(err)
	}
	fragments := englishFragments(t, cat)
	r := newTestRenderer(t)
	// The search must find English where it is: in an English notice.
	enPage, err := r.Privacy(judged(examples(t)[0]), "en")
	if err != nil {
		t.Fatal(err)
	}
	found := 0
	for _, f := range fragments {
		if strings.Contains(html.UnescapeString(string(enPage)), f.text) {
			found++
		}
	}
	if found < 20 {
		t.Fatalf("the search found only %d English fragments in an English notice", found)
	}
	for _, c := range append(examples(t), issueCase(t, "eight-countries")) {
		for _, lang := range c.Languages {
			if lang == "en" {
				continue
			}
			docs := map[string]func() ([]byte, error){
				"privacy":   func() ([]byte, error) { return r.Privacy(judged(c), lang) },
				"checklist": func() ([]byte, error) { return r.Checklist(judged(c), lang) },
				"fields":    func() ([]byte, error) { return r.Fields(judged(c), lang) },
				"blank":     func() ([]byte, error) { return r.BlankChecklist(lang) },
			}
			for name, render := range docs {
				out, err := render()
				if err != nil {
					t.Fatal(err)
				}
				for _, f := range englishIn(cat, fragments, html.UnescapeString(string(out)), lang) {
					t.Errorf("%s/%s/%s contains English: %q", c.Slug, lang, name, f)
				}
			}
		}
	}
}

// rawMessage returns the English text of id with no template data, plural
// forms joined.
func rawMessage(t *testing.T, cat *locale.Catalog, id string) string {
	t.Helper()
	p := cat.For("en")
	s := p.T(id)
	if s == "" {
		s = p.N(id, 1) + " " + p.N(id, 2)
	}
	return s
}
