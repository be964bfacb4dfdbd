package check

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/basis-privacy/basis/generator/internal/golden"

	"github.com/basis-privacy/basis/generator/load"
	"github.com/basis-privacy/basis/generator/locale"
	"github.com/basis-privacy/basis/generator/model"
)

// catalog loads the project's message files once.
func catalog(t *testing.T) *locale.Catalog {
	t.Helper()
	cat, err := locale.Load(os.DirFS("../../locales"))
	if err != nil {
		t.Fatal(err)
	}
	return cat
}

// company loads testdata/<name>/company.yaml.
func company(t *testing.T, name string) *model.Company {
	t.Helper()
	c, err := load.File(filepath.Join("testdata", name, "company.yaml"))
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return c
}

// golden compares got with testdata/<file>, or rewrites it with -update.
func goldenFile(t *testing.T, file string, got []byte) {
	t.Helper()
	golden.Check(t, filepath.Join("testdata", file), got)
}

func TestGolden(t *testing.T) {
	cat := catalog(t)
	cases := []struct {
		name  string
		langs []string // languages of the text report; JSON is English
	}{
		{"bakery", []string{"en", "de"}},
		{"de-new-products", []string{"en", "de"}},
		{"pl-follow-up", []string{"en", "pl"}},
		{"vn-shop", []string{"en", "vi"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r := Company(company(t, tc.name))
			for _, lang := range tc.langs {
				var b bytes.Buffer
				if err := WriteText(&b, r, cat.For(lang)); err != nil {
					t.Errorf("WriteText %s: %v", lang, err)
				}
				goldenFile(t, tc.name+"."+lang+".txt.golden", b.Bytes())
			}
			var b bytes.Buffer
			if err := WriteJSON(&b, r, cat.For("en")); err != nil {
				t.Errorf("WriteJSON: %v", err)
			}
			goldenFile(t, tc.name+".json.golden", b.Bytes())
		})
	}
}
