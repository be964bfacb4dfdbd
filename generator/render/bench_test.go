package render

import (
	"testing"

	"github.com/basis-privacy/basis/generator/check"
	"github.com/basis-privacy/basis/generator/load"
)

// BenchmarkPages renders the three pages and two JSON files of one company
// in one language, as the build does per company and language.
//
//	go test -run '^$' -bench Pages -benchmem ./generator/render
func BenchmarkPages(b *testing.B) {
	c, err := load.File("testdata/four-lang/company.yaml")
	if err != nil {
		b.Fatal(err)
	}
	verdicts := check.Company(c).Campaigns
	r := newTestRenderer(b)
	b.ReportAllocs()
	for b.Loop() {
		for _, lang := range c.Languages {
			if _, err := r.Privacy(c, lang); err != nil {
				b.Fatal(err)
			}
			if _, err := r.Checklist(c, lang, verdicts); err != nil {
				b.Fatal(err)
			}
			if _, err := r.Fields(c, lang); err != nil {
				b.Fatal(err)
			}
			if _, err := r.FieldsJSON(c, lang); err != nil {
				b.Fatal(err)
			}
			if _, err := r.ChecklistJSON(c, lang, verdicts); err != nil {
				b.Fatal(err)
			}
		}
	}
}
