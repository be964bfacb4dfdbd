package render

import (
	"testing"

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
	res := judged(c)
	r := newTestRenderer(b)
	b.ReportAllocs()
	for b.Loop() {
		for _, lang := range c.Languages {
			if _, err := r.Privacy(res, lang); err != nil {
				b.Fatal(err)
			}
			if _, err := r.Checklist(res, lang); err != nil {
				b.Fatal(err)
			}
			if _, err := r.Fields(res, lang); err != nil {
				b.Fatal(err)
			}
			if _, err := r.FieldsJSON(res, lang); err != nil {
				b.Fatal(err)
			}
			if _, err := r.ChecklistJSON(res, lang); err != nil {
				b.Fatal(err)
			}
		}
	}
}
