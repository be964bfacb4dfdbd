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
var germanArticleName = regexp.MustCompile(`\b(die|der|den|dem|des|das|vom|zum|zur|beim|im) Hans Müller\b`)

// TestGermanControllerWithoutArticle renders every German document of every
// company with a controller named after a person and finds the name in
// them, never after an article.
func TestGermanControllerWithoutArticle(t *testing.T) {
	r := newTestRenderer(t)
	named := map[string]bool{}
	for _, c := range consistencyCompanies(t) {
		c.Controller.Name = "Hans Müller"
		for _, d := range companyDocuments(t, r, c, "de") {
			text := documentText(d.page)
			if strings.Contains(text, "Hans Müller") {
				named[d.name] = true
			}
			for _, line := range strings.Split(text, "\n") {
				if m := germanArticleName.FindString(line); m != "" {
					t.Errorf("%s/de/%s: %q: %s", c.Slug, d.name, m, line)
				}
			}
		}
	}
	for _, doc := range []string{"privacy", "fields", "record", "assessment"} {
		if !named[doc] {
			t.Errorf("no German %s names the controller", doc)
		}
	}
}

// nameVars are the message placeholders that hold the name of a company, a
// firm or a person: the controller, the sender of advertising, the law
// firm, a recipient.
const nameVars = `Company|Controller|Firm|Sender|Recipient`

// germanArticleVar is an article, or a preposition merged with one, right
// before such a placeholder in a German message.
var germanArticleVar = regexp.MustCompile(`(?i)\b(der|die|das|den|dem|des|vom|zum|zur|beim|im|am|ins)\s+[„"]?\{\{-?\s*\.(` + nameVars + `)\b`)

// TestGermanMessagesNameWithoutArticle: no German message, in any register
// or variant, puts an article before a name. Whether a name takes an
// article, and which, depends on a gender Basis does not know ("die Muster
// GmbH", "das Lumen Studio"), and many names take none ("Bäckerei Schmidt",
// "Hans Müller"); the messages name it in apposition ("wir (…)", "der
// Verantwortliche (…)"), as subject, or after "von" (German review,
// December 2026).
func TestGermanMessagesNameWithoutArticle(t *testing.T) {
	cat, err := sharedCatalog()
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, id := range cat.IDs("de") {
		m, ok := cat.Source("de", id)
		if !ok {
			continue
		}
		for _, text := range append([]string{m.Text}, sortedValues(m.Forms)...) {
			n++
			if x := germanArticleVar.FindString(text); x != "" {
				t.Errorf("%s: %q: %s", id, x, text)
			}
		}
	}
	if n == 0 {
		t.Fatal("no German message read")
	}
}

// sortedValues returns m's values in the order of its keys.
func sortedValues(m map[string]string) []string {
	var out []string
	for _, k := range sortedLangs(m) {
		out = append(out, m[k])
	}
	return out
}

// TestGermanArticleVarCatches: the pattern finds an article before a name
// placeholder, and passes the name in apposition or after "von".
func TestGermanArticleVarCatches(t *testing.T) {
	for _, tc := range []struct {
		text string
		bad  bool
	}{
		{"wie die {{.Company}} Ihre Daten verwendet", true},
		{"der Zuständigkeit der {{.Company}} unterliegen", true},
		{"Dokumente der {{.Company}}", true},
		{"dass der {{.Controller}} verarbeitet", true},
		{"Übermittlung an den „{{.Recipient}}“", true},
		{"wie wir ({{.Company}}) Ihre Daten verwenden", false},
		{"Dokumente von {{.Company}}", false},
		{"der Verantwortliche ({{.Controller}})", false},
		{"Fassung vom {{.Date}}", false},
	} {
		if got := germanArticleVar.MatchString(tc.text); got != tc.bad {
			t.Errorf("%q: found %v, want %v", tc.text, got, tc.bad)
		}
	}
}
