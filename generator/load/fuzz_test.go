package load

import (
	"errors"
	"os"
	"testing"
)

// FuzzParse feeds the loader arbitrary YAML: it must never panic, and it must
// return either a company or positioned Errors, never both or neither.
func FuzzParse(f *testing.F) {
	f.Add([]byte(valid))
	for _, p := range []string{"../../content/baeckerei-schmidt/company.yaml", "../../content/sen-vang/company.yaml"} {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b)
		}
	}
	f.Add([]byte("controller: [\n"))
	f.Add([]byte("languages: [en, en]\npurposes: {}\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := Parse("company.yaml", data)
		if (c == nil) == (err == nil) {
			t.Fatalf("want exactly one of company and error; got %v, %v", c, err)
		}
		if err == nil {
			return
		}
		var es Errors
		if !errors.As(err, &es) || len(es) == 0 {
			t.Fatalf("want Errors, got %T %v", err, err)
		}
		for _, e := range es {
			if e.Pos.File != "company.yaml" || e.Pos.Line < 1 || e.Msg == "" {
				t.Fatalf("error without position or message: %#v", e)
			}
		}
	})
}
