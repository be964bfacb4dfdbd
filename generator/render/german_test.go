package render

import (
	"regexp"
	"strings"
	"testing"
)

// germanBareName is a state or union named after "in" without its article.
// German declines these names with an article ("im Vereinigten Königreich",
// "in den Vereinigten Staaten", "in der Europäischen Union", "in der
// Schweiz"); a name from the market or country list pasted after "in"
// reads "in Vereinigtes Königreich". Such a name goes in parentheses or
// after a colon instead.
var germanBareName = regexp.MustCompile(`\bin (Vereinigtes Königreich|Vereinigte Staaten|Europäische Union|Schweiz|Niederlande|Türkei|Slowakei|Tschechien|Vereinigte Arabische Emirate)\b`)

// germanBareSubject is such a name as the subject of a sentence without its
// article: "Vereinigte Staaten kennt keine Ausnahme" (for "Die Vereinigten
// Staaten kennen keine ...").
var germanBareSubject = regexp.MustCompile(`(^|: |\. )(Vereinigtes Königreich|Vereinigte Staaten|Europäische Union|Schweiz|Niederlande|Türkei|Slowakei|Vereinigte Arabische Emirate) (kennt|hat|ist|sieht|erlaubt|verlangt)\b`)

// TestGermanNamesAfterIn renders every document of every example, test case
// and generated company in German and finds no such name after "in" (a
// recipient abroad in the notice, the age of consent per market in the
// checklist).
func TestGermanNamesAfterIn(t *testing.T) {
	r := newTestRenderer(t)
	n := 0
	for _, c := range consistencyCompanies(t) {
		for _, d := range companyDocuments(t, r, c, "de") {
			n++
			for _, line := range strings.Split(basisText(c, d.page), "\n") {
				if m := germanBareName.FindString(line); m != "" {
					t.Errorf("%s/de/%s: %q lacks the article: %s", c.Slug, d.name, m, line)
				}
				if m := germanBareSubject.FindString(line); m != "" {
					t.Errorf("%s/de/%s: %q lacks the article: %s", c.Slug, d.name, m, line)
				}
			}
		}
	}
	if n == 0 {
		t.Fatal("no German document rendered")
	}
}

// germanArticleName is an article before the controller's name as the test
// below sets it: a sole trader named after a person takes none ("die Hans
// Müller" is wrong), nor does a masculine or neuter company name take "die".
var germanArticleName = regexp.MustCompile(`\b(die|der|den|dem|des) Hans Müller\b`)

// TestGermanControllerWithoutArticle renders the field texts of every
// company in German with a controller named after a person and finds the
// name in them, never after an article.
func TestGermanControllerWithoutArticle(t *testing.T) {
	r := newTestRenderer(t)
	named := 0
	for _, c := range consistencyCompanies(t) {
		c.Controller.Name = "Hans Müller"
		page, err := r.Fields(judged(c), "de")
		if err != nil {
			t.Fatalf("%s: %v", c.Slug, err)
		}
		text := documentText(page)
		if strings.Contains(text, "Hans Müller") {
			named++
		}
		for _, line := range strings.Split(text, "\n") {
			if m := germanArticleName.FindString(line); m != "" {
				t.Errorf("%s/de/fields: %q: %s", c.Slug, m, line)
			}
		}
	}
	if named == 0 {
		t.Fatal("no German field text names the controller")
	}
}
