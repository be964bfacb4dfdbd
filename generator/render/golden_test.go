package render

import (
	"bytes"
	"path/filepath"
	"sync"
	"testing"

	"github.com/basis-privacy/basis/generator/internal/golden"
	"github.com/basis-privacy/basis/generator/model"

	"github.com/basis-privacy/basis/generator/check"
	"github.com/basis-privacy/basis/generator/load"
	"github.com/basis-privacy/basis/generator/locale"
	"github.com/basis-privacy/basis/locales"
	"github.com/basis-privacy/basis/templates"
)

// catalog is the embedded locales, read once: a Catalog is never changed
// (Overlay returns a new one), and the tests only read it.
var catalog struct {
	once sync.Once
	cat  *locale.Catalog
	err  error
}

// sharedCatalog returns the catalogue of the embedded locales.
func sharedCatalog() (*locale.Catalog, error) {
	catalog.once.Do(func() { catalog.cat, catalog.err = locale.Load(locales.FS) })
	return catalog.cat, catalog.err
}

func newTestRenderer(t testing.TB) *Renderer {
	t.Helper()
	cat, err := sharedCatalog()
	if err != nil {
		t.Fatal(err)
	}
	r, err := New(WithTemplates(templates.FS), WithCatalog(cat), WithVersion("test"))
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// TestGolden renders one company in all four languages and compares every
// document with testdata/golden; run with -update to accept changes.
func TestGolden(t *testing.T) {
	c, err := load.File("testdata/four-lang/company.yaml")
	if err != nil {
		t.Fatal(err)
	}
	r := newTestRenderer(t)
	for _, lang := range c.Languages {
		docs := map[string]func() ([]byte, error){
			"privacy.html":    func() ([]byte, error) { return r.Privacy(judged(c), lang) },
			"checklist.html":  func() ([]byte, error) { return r.Checklist(judged(c), lang) },
			"fields.html":     func() ([]byte, error) { return r.Fields(judged(c), lang) },
			"fields.json":     func() ([]byte, error) { return r.FieldsJSON(judged(c), lang) },
			"checklist.json":  func() ([]byte, error) { return r.ChecklistJSON(judged(c), lang) },
			"blank.html":      func() ([]byte, error) { return r.BlankChecklist(lang) },
			"record.html":     func() ([]byte, error) { return r.Record(judged(c), lang) },
			"assessment.html": func() ([]byte, error) { return r.Assessment(judged(c), lang) },
		}
		for name, render := range docs {
			t.Run(lang+"/"+name, func(t *testing.T) {
				got, err := render()
				if err != nil {
					t.Fatal(err)
				}
				again, _ := render()
				if !bytes.Equal(got, again) {
					t.Fatal("rendering twice gave different bytes")
				}
				golden.Check(t, filepath.Join("testdata", "golden", lang, name), got)
			})
		}
	}
}

// judged is what check decides about c, for rendering it.
func judged(c *model.Company) *check.Result { return check.Company(c).Results[0] }

// reviewOf is the checklist of campaign k of c, in the language of p.
func reviewOf(p *locale.Printer, c *model.Company, k *model.Campaign) Review {
	res := judged(c)
	return review(p, res, res.Campaign(k.ID))
}
