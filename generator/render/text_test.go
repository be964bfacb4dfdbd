package render

import (
	"html"
	"maps"
	"reflect"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/basis-privacy/basis/generator/model"
)

// hidden finds what a reader never sees as text: scripts, styles, comments.
var hidden = regexp.MustCompile(`(?s)<script.*?</script>|<style.*?</style>|<!--.*?-->`)

// blockTag ends a line of text: each paragraph, cell and heading is read on
// its own, so a table cell does not run on into the next.
var blockTag = regexp.MustCompile(`(?i)</?(p|li|tr|td|th|h[1-6]|div|caption|dt|dd|br|section|header|footer|nav|title|pre|code|figcaption|summary|label)\b[^>]*>`)

var anyTag = regexp.MustCompile(`<[^>]*>`)

// documentText is the text a reader sees on an HTML page, one line per
// block, entities decoded. The HTML for web developers (shown as code) is
// text on the page too, and is read like the rest.
func documentText(page []byte) string {
	s := hidden.ReplaceAllString(string(page), " ")
	s = blockTag.ReplaceAllString(s, "\n")
	s = anyTag.ReplaceAllString(s, "")
	s = html.UnescapeString(s)
	var lines []string
	for _, l := range strings.Split(s, "\n") {
		if l = strings.Join(strings.Fields(l), " "); l != "" {
			lines = append(lines, l)
		}
	}
	return strings.Join(lines, "\n")
}

// companyStrings returns every text the company file gives, in every
// language, longest first: what the company wrote is its own wording, not
// Basis's, and a test of Basis's wording blanks it out.
func companyStrings(c *model.Company) []string {
	seen := map[string]bool{}
	var walk func(v reflect.Value)
	walk = func(v reflect.Value) {
		switch v.Kind() {
		case reflect.Pointer, reflect.Interface:
			if !v.IsNil() {
				walk(v.Elem())
			}
		case reflect.Struct:
			if t, ok := v.Interface().(model.Text); ok {
				for _, s := range append([]string{t.Same}, slices.Collect(maps.Values(t.ByLang))...) {
					seen[s] = true
					// Embedded in a sentence: lower-case first letter,
					// no full stop of its own.
					seen[strings.TrimSuffix(lowerFirst(s), ".")] = true
					// Markdown reads without its markup, line by line.
					for _, line := range strings.Split(markup.Replace(s), "\n") {
						seen[strings.TrimSpace(strings.TrimLeft(line, "#-*> "))] = true
					}
				}
				return
			}
			for i := 0; i < v.NumField(); i++ {
				if v.Type().Field(i).IsExported() {
					walk(v.Field(i))
				}
			}
		case reflect.Slice:
			for i := 0; i < v.Len(); i++ {
				walk(v.Index(i))
			}
		case reflect.String:
			seen[v.String()] = true
		}
	}
	walk(reflect.ValueOf(c))
	var out []string
	for s := range seen {
		if len(s) > 3 {
			out = append(out, s)
		}
	}
	sort.Slice(out, func(i, j int) bool { return len(out[i]) > len(out[j]) || len(out[i]) == len(out[j]) && out[i] < out[j] })
	return out
}

// markup is the Markdown emphasis a company's text may carry.
var markup = strings.NewReplacer("**", "", "__", "", "`", "")

// basisText is the text of a page without what the company wrote.
func basisText(c *model.Company, page []byte) string {
	s := documentText(page)
	for _, cs := range companyStrings(c) {
		s = strings.ReplaceAll(s, cs, " ")
	}
	return s
}

// document is one rendered document of a company in a language.
type document struct {
	name string
	page []byte
}

// companyDocuments renders every HTML document of c in lang.
func companyDocuments(t *testing.T, r *Renderer, c *model.Company, lang string) []document {
	t.Helper()
	var docs []document
	for _, d := range []struct {
		name   string
		render func() ([]byte, error)
	}{
		{"privacy", func() ([]byte, error) { return r.Privacy(judged(c), lang) }},
		{"checklist", func() ([]byte, error) { return r.Checklist(judged(c), lang) }},
		{"fields", func() ([]byte, error) { return r.Fields(judged(c), lang) }},
		{"report", func() ([]byte, error) { return r.Report(judged(c), lang) }},
		{"record", func() ([]byte, error) { return r.Record(judged(c), lang) }},
		{"assessment", func() ([]byte, error) { return r.Assessment(judged(c), lang) }},
	} {
		page, err := d.render()
		if err != nil {
			t.Fatalf("%s/%s/%s: %v", c.Slug, lang, d.name, err)
		}
		docs = append(docs, document{d.name, page})
	}
	return docs
}
