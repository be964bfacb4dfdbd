package load

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/basis-privacy/basis/content"
)

// TestLanguageSlipReportedOnce: a mistake in languages: is the root cause of
// every text then in a language "not published" (and of every message file
// of the company's own wording). Only the root cause is reported, with the
// right suggestion: the reproductions of the new users' trial (D6) on the
// example bakery, which writes every text in de and en and has its own
// wording in locales/notice.de.yaml and notice.en.yaml.
func TestLanguageSlipReportedOnce(t *testing.T) {
	for _, tc := range []struct {
		name, old, new string
		want           []string // the only errors, in order
	}{
		{"misspelled key", "languages: [de, en]", "langauges: [de, en]",
			[]string{`unknown key "langauges" in the company file; did you mean "languages"?`}},
		{"unknown language", "languages: [de, en]", "languages: [ge, en]",
			[]string{`language "ge" is not known; did you mean "de"?`}},
		{"missing key", "languages: [de, en]\n", "",
			[]string{`the company file has no "languages"; add a line "languages: ..."`}},
		{"empty list", "languages: [de, en]", "languages: []",
			[]string{`languages is empty`}},
		{"not a list", "languages: [de, en]", "languages: de en",
			[]string{`language must be a list, found "de en"`}},
		// A text's own slip is still its own error.
		{"unknown language and a text typo", "languages: [de, en]\n", "languages: [ge, en]\nautomated_decisions: {de: Keine, eng: None}\n",
			[]string{`language "ge" is not known; did you mean "de"?`,
				`automated_decisions has text in "eng", which is not a language; did you mean "en"?`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir, err := content.CopyTo(filepath.Join(t.TempDir(), "content"))
			if err != nil {
				t.Fatal(err)
			}
			p := filepath.Join(dir, "baeckerei-schmidt", FileName)
			b, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(string(b), tc.old) {
				t.Fatalf("the bakery's file has no %q", tc.old)
			}
			if err := os.WriteFile(p, []byte(strings.Replace(string(b), tc.old, tc.new, 1)), 0o644); err != nil {
				t.Fatal(err)
			}
			_, err = File(p, WithCatalog(sharedCatalog(t)))
			var es Errors
			if !errors.As(err, &es) {
				t.Fatalf("want Errors, got %v", err)
			}
			if len(es) != len(tc.want) {
				t.Fatalf("%d errors, want %d:\n%s", len(es), len(tc.want), es)
			}
			for i, w := range tc.want {
				if !strings.Contains(es[i].Error(), w) {
					t.Errorf("error %d = %s\nwant it to say %q", i, es[i], w)
				}
			}
		})
	}
}
