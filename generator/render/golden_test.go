package render

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/basis-privacy/basis/generator/check"
	"github.com/basis-privacy/basis/generator/load"
	"github.com/basis-privacy/basis/generator/locale"
	"github.com/basis-privacy/basis/locales"
	"github.com/basis-privacy/basis/templates"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

func newTestRenderer(t testing.TB) *Renderer {
	t.Helper()
	cat, err := locale.Load(locales.FS)
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
	rep := check.Company(c)
	for _, lang := range c.Languages {
		docs := map[string]func() ([]byte, error){
			"privacy.html":   func() ([]byte, error) { return r.Privacy(c, lang) },
			"checklist.html": func() ([]byte, error) { return r.Checklist(c, lang, rep.Campaigns) },
			"fields.html":    func() ([]byte, error) { return r.Fields(c, lang) },
			"fields.json":    func() ([]byte, error) { return r.FieldsJSON(c, lang) },
			"checklist.json": func() ([]byte, error) { return r.ChecklistJSON(c, lang, rep.Campaigns) },
			"blank.html":     func() ([]byte, error) { return r.BlankChecklist(lang) },
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
				golden := filepath.Join("testdata", "golden", lang, name)
				if *update {
					if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
						t.Fatal(err)
					}
					if err := os.WriteFile(golden, got, 0o644); err != nil {
						t.Fatal(err)
					}
					return
				}
				want, err := os.ReadFile(golden)
				if err != nil {
					t.Fatalf("%v (run go test ./generator/render -update)", err)
				}
				if !bytes.Equal(got, want) {
					t.Errorf("%s differs from the golden file; inspect it and run go test ./generator/render -update to accept", golden)
				}
			})
		}
	}
}
