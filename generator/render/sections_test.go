package render

import (
	"strings"
	"testing"

	"github.com/basis-privacy/basis/generator/load"
	"github.com/basis-privacy/basis/generator/model"
)

// TestSectionPlacement checks that an extra section follows the standard
// section its after: names, in the contents and in the body, keeps its
// anchor by the order written, and that one after a section the company
// does not need (consent) follows the section before it.
func TestSectionPlacement(t *testing.T) {
	c, err := load.File("testdata/four-lang/company.yaml")
	if err != nil {
		t.Fatal(err)
	}
	text := func(s string) model.Text {
		return model.Text{ByLang: map[string]string{"en": s, "de": s, "pl": s, "vi": s}}
	}
	c.Sections = []model.Section{
		{Title: text("Video surveillance"), Body: text("Cameras."), After: "rights"},
		{Title: text("Newsletter archive"), Body: text("Archive."), After: "controller"},
		{Title: text("Unplaced"), Body: text("Last."), After: ""},
		{Title: text("Signature"), Body: text("End."), After: "changes"},
		{Title: text("After consent"), Body: text("No consent section here."), After: "consent"},
	}
	if n := newNotice(newTestRenderer(t).printer(c, "en"), judged(c)); len(n.Consents) > 0 {
		t.Fatal("the test needs a company without consent purposes")
	}
	out, err := newTestRenderer(t).Privacy(judged(c), "en")
	if err != nil {
		t.Fatal(err)
	}
	page := string(out)
	start := strings.Index(page, `class="toc"`)
	end := start + strings.Index(page[start:], "</nav>")
	toc, body := page[start:end], page[end:]
	order := func(where, s string, marks ...string) {
		t.Helper()
		at := -1
		for _, m := range marks {
			i := strings.Index(s, m)
			if i < 0 {
				t.Fatalf("%s lacks %q", where, m)
			}
			if i < at {
				t.Errorf("%s: %q comes before what should precede it (%v)", where, m, marks)
			}
			at = i
		}
	}
	order("body", body, `id="controller"`, `id="section-2"`, `id="purposes"`, `id="rights"`, `id="section-1"`, `id="objection"`,
		`id="section-5"`, `id="complaint"`, `id="automated"`, `id="section-3"`, `id="changes"`, `id="section-4"`, "</article>")
	order("contents", toc, `href="#controller"`, `href="#section-2"`, `href="#purposes"`, `href="#rights"`, `href="#section-1"`,
		`href="#objection"`, `href="#section-5"`, `href="#complaint"`, `href="#automated"`, `href="#section-3"`, `href="#changes"`, `href="#section-4"`)
	if strings.Count(page, `id="section-1"`) != 1 {
		t.Errorf("section-1 appears %d times", strings.Count(page, `id="section-1"`))
	}
}
