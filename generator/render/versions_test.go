package render

import (
	"html"
	"strings"
	"testing"
	"time"

	"github.com/basis-privacy/basis/generator/load"
	"github.com/basis-privacy/basis/generator/model"
	"github.com/basis-privacy/basis/generator/redline"
	"github.com/basis-privacy/basis/templates"
)

// TestVersionPagesInEveryLanguage renders the list of versions (on an
// archived copy, which uses every message of it) and a What changed page
// with sections added, removed and changed in en, de, pl and vi: every
// message exists, inserted and deleted words carry their label in the
// page's language, and no German, Polish or Vietnamese page has English.
func TestVersionPagesInEveryLanguage(t *testing.T) {
	c, err := load.File("testdata/four-lang/company.yaml")
	if err != nil {
		t.Fatal(err)
	}
	cat, err := sharedCatalog()
	if err != nil {
		t.Fatal(err)
	}
	day := func(s string) time.Time { d, _ := time.Parse(time.DateOnly, s); return d }
	history := func(_ *model.Company, _ string) *Versions {
		return &Versions{Effective: day("2026-11-01"), Archived: true, Current: "privacy.html", Entries: []Version{
			{Date: day("2026-11-01"), Href: "versions/2026-11-01/privacy.html", Changes: "versions/2026-11-01/changes.html", Here: true},
			{Date: day("2026-05-01"), Href: "versions/2026-05-01/privacy.html"},
		}}
	}
	r, err := New(WithTemplates(templates.FS), WithCatalog(cat), WithHistory(history))
	if err != nil {
		t.Fatal(err)
	}
	sec := func(id, h string, p ...string) redline.Section {
		return redline.Section{ID: id, Heading: h, Level: 2, Paras: p}
	}
	red := redline.Compare(
		[]redline.Section{sec("a", "Alpha", "one two three"), sec("b", "Beta", "gone")},
		[]redline.Section{sec("a", "Alpha!", "one 2 three four"), sec("c", "Gamma", "new")})
	data := &ChangesData{Date: day("2026-11-01"), Previous: day("2026-05-01"), Here: "privacy.html", Before: "../2026-05-01/privacy.html", Redline: red}
	var english []string
	for _, id := range cat.IDs("en") {
		if strings.HasPrefix(id, "versions.") || strings.HasPrefix(id, "changes.") || strings.HasPrefix(id, "doc.changes.") {
			english = append(english, words.FindAllString(rawMessage(t, cat, id), -1)...)
		}
	}
	if len(english) < 10 {
		t.Fatalf("only %d English fragments to look for", len(english))
	}
	for _, lang := range model.Languages {
		p := cat.For(lang)
		notice, err := r.Privacy(judged(c), lang)
		if err != nil {
			t.Fatalf("%s notice: %v", lang, err)
		}
		changes, err := r.Changes(c, lang, data)
		if err != nil {
			t.Fatalf("%s What changed: %v", lang, err)
		}
		for _, want := range []string{
			`<ins><span class="sr-only">` + p.T("changes.mark.inserted") + ` </span>2 three four</ins>`,
			`<del><span class="sr-only">` + p.T("changes.mark.deleted") + ` </span>gone</del>`,
			p.T("changes.section.added"), p.T("changes.section.removed"), p.N("changes.inserted", 3), p.N("changes.deleted", 2),
		} {
			if !strings.Contains(html.UnescapeString(string(changes)), want) {
				t.Errorf("%s What changed page lacks %q", lang, want)
			}
		}
		if !strings.Contains(string(notice), `<p class="archived">`) || !strings.Contains(string(notice), `href="versions/2026-11-01/changes.html"`) {
			t.Errorf("%s notice lacks the list of versions", lang)
		}
		if lang == "en" {
			continue
		}
		for _, page := range []string{html.UnescapeString(string(notice)), html.UnescapeString(string(changes))} {
			for _, f := range english {
				if strings.Contains(page, f) {
					t.Errorf("%s page contains English: %q", lang, f)
				}
			}
		}
	}
}
