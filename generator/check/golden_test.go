package check

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/basis-privacy/basis/generator/load"
	"github.com/basis-privacy/basis/generator/locale"
	"github.com/basis-privacy/basis/generator/model"
)

var update = flag.Bool("update", false, "rewrite the testdata/*.golden files")

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
func golden(t *testing.T, file string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", file)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./generator/check -update)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the output; run go test ./generator/check -update and review the diff\n--- got:\n%s", path, got)
	}
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
				golden(t, tc.name+"."+lang+".txt.golden", b.Bytes())
			}
			var b bytes.Buffer
			if err := WriteJSON(&b, r, cat.For("en")); err != nil {
				t.Errorf("WriteJSON: %v", err)
			}
			golden(t, tc.name+".json.golden", b.Bytes())
		})
	}
}
