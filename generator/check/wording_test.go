package check

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/basis-privacy/basis/generator/load"
	"github.com/basis-privacy/basis/generator/model"
)

// withWording copies testdata/<name> into a temporary folder with the given
// register and files of its own wording (locales/<file>: content), and
// loads it.
func withWording(t *testing.T, name string, reg model.Register, files map[string]string) *model.Company {
	t.Helper()
	src, err := os.ReadFile(filepath.Join("testdata", name, "company.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), name)
	if err := os.MkdirAll(filepath.Join(dir, "locales"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "company.yaml"), append(src, "\nregister: "+string(reg)+"\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	for f, text := range files {
		if err := os.WriteFile(filepath.Join(dir, "locales", f), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	c, err := load.File(filepath.Join(dir, "company.yaml"), load.WithCatalog(catalog(t)))
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// TestOwnWordingInTheOtherRegister: a company's own wording that addresses
// the reader in the other register is a warning at the text (D9): the
// README's formal example in an informal company, "du" in a formal one.
// Wording its documents do not use (the formal message when the informal
// variant is worded too) is not judged.
func TestOwnWordingInTheOtherRegister(t *testing.T) {
	for _, tc := range []struct {
		name  string
		reg   model.Register
		files map[string]string
		want  []string // "line:column form" of each warning, in order
	}{
		{"formal text, informal company", model.Informal,
			map[string]string{"notice.de.yaml": "notice.rights.free: \"Die Ausübung Ihrer Rechte ist kostenlos.\"\n"},
			[]string{"1:21 Ihrer"}},
		{"informal variant worded too", model.Informal,
			map[string]string{"notice.de.yaml": "notice.rights.free: \"Die Ausübung Ihrer Rechte ist kostenlos.\"\nnotice.rights.free.informal: \"Die Ausübung deiner Rechte ist kostenlos.\"\n"},
			nil},
		{"informal text, informal company", model.Informal,
			map[string]string{"notice.de.yaml": "notice.rights.free: \"Die Ausübung deiner Rechte ist kostenlos.\"\n"},
			nil},
		{"informal text, formal company", model.Formal,
			map[string]string{"notice.de.yaml": "notice.rights.free: \"Du kannst deine Rechte kostenlos ausüben.\"\n"},
			[]string{"1:21 Du, deine"}},
		{"unused informal variant, formal company", model.Formal,
			map[string]string{"notice.de.yaml": "notice.rights.free.informal: \"Du kannst deine Rechte kostenlos ausüben.\"\n"},
			nil},
		{"English has one you", model.Informal,
			map[string]string{"notice.en.yaml": "notice.rights.free: \"Using your rights costs you nothing.\"\n"},
			nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := withWording(t, "bakery", tc.reg, tc.files)
			var got []string
			for _, f := range Company(c).Findings {
				if f.Rule != RuleWordingRegister {
					continue
				}
				if f.Severity != Warning || filepath.Base(filepath.Dir(f.Pos.File)) != "locales" {
					t.Errorf("finding %+v, want a warning in the message file", f)
				}
				got = append(got, f.Pos.String()[len(f.Pos.File)+1:]+" "+f.Msg.Args["Forms"].(string))
			}
			if strings.Join(got, "; ") != strings.Join(tc.want, "; ") {
				t.Errorf("warnings %q, want %q", got, tc.want)
			}
		})
	}
}
