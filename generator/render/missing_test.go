package render

import (
	"errors"
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/basis-privacy/basis/generator/locale"
	"github.com/basis-privacy/basis/templates"
)

// templatesWith returns the embedded templates with the text add put at
// the start of the body of the template name.
func templatesWith(t *testing.T, name, add string) fs.FS {
	t.Helper()
	out := fstest.MapFS{}
	err := fs.WalkDir(templates.FS, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(templates.FS, p)
		if p == name {
			s := string(b)
			i := strings.Index(s, "<main")
			b = []byte(s[:i] + add + s[i:])
		}
		out[p] = &fstest.MapFile{Data: b}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestMissingMessageStaysWithItsPage is the probe of issue 26: a page that
// asks for a message the locales lack fails with the template line that
// asked, and only that page: a later page of another company in the same
// language renders, although the printers of a language are shared.
func TestMissingMessageStaysWithItsPage(t *testing.T) {
	cat, err := sharedCatalog()
	if err != nil {
		t.Fatal(err)
	}
	r, err := New(WithTemplates(templatesWith(t, "fields.html", `{{if .Company.Purposes}}{{t "no.such.message"}}{{end}}`)), WithCatalog(cat))
	if err != nil {
		t.Fatal(err)
	}
	asks := loadFourLang(t)
	other := loadFourLang(t)
	other.Slug, other.Purposes = "other", nil
	_, err = r.Fields(judged(asks), "en")
	var merr *locale.MissingError
	if !errors.As(err, &merr) || len(merr.IDs) != 1 || merr.IDs[0] != "no.such.message" {
		t.Fatalf("Fields = %v, want the missing message no.such.message", err)
	}
	if !strings.Contains(err.Error(), "fields.html:") {
		t.Errorf("the error does not name the template line that asked: %v", err)
	}
	for name, render := range map[string]func() ([]byte, error){
		"Privacy":    func() ([]byte, error) { return r.Privacy(judged(other), "en") },
		"Fields":     func() ([]byte, error) { return r.Fields(judged(other), "en") },
		"FieldsJSON": func() ([]byte, error) { return r.FieldsJSON(judged(other), "en") },
		"Checklist":  func() ([]byte, error) { return r.Checklist(judged(other), "en") },
	} {
		if _, err := render(); err != nil {
			t.Errorf("%s of another company after the failed page: %v", name, err)
		}
	}
	p, err := r.Printer(other, "en")
	if err != nil {
		t.Fatal(err)
	}
	if err := p.Err(); err != nil {
		t.Errorf("the printer of another company reports the other page's miss: %v", err)
	}
}
