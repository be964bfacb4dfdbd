package load

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/basis-privacy/basis/generator/locale"
	"github.com/basis-privacy/basis/locales"
)

// company writes the valid company file and the given files (relative
// names) into a fresh company folder and returns the company file's path.
func company(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "acme")
	if _, ok := files[FileName]; !ok {
		files[FileName] = valid
	}
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return filepath.Join(dir, FileName)
}

func sharedCatalog(t testing.TB) *locale.Catalog {
	t.Helper()
	cat, err := locale.Load(locales.FS)
	if err != nil {
		t.Fatal(err)
	}
	return cat
}

// TestMessages reads a company's own wording: one text and plural forms,
// each with the position of its id.
func TestMessages(t *testing.T) {
	p := company(t, map[string]string{
		"locales/notice.de.yaml": "# Eigene Formulierung\nnotice.rights.free: \"Die Ausübung Ihrer Rechte ist kostenlos.\"\nnotice.purposes.intro:\n  one: \"Ein Zweck.\"\n  other: \"{{.Number}} Zwecke.\"\n",
		"locales/notice.en.yaml": "notice.effective: \"In force from {{.Date}}\"\n",
		"locales/.DS_Store":      "ignored",
	})
	c, err := File(p, WithCatalog(sharedCatalog(t)))
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Messages) != 3 {
		t.Fatalf("messages = %+v, want 3", c.Messages)
	}
	m := c.Messages[0]
	if m.Lang != "de" || m.ID != "notice.rights.free" || m.Text != "Die Ausübung Ihrer Rechte ist kostenlos." {
		t.Errorf("first message = %+v", m)
	}
	if got, want := m.Pos.String(), filepath.Join(filepath.Dir(p), "locales", "notice.de.yaml")+":2:1"; got != want {
		t.Errorf("position %s, want %s", got, want)
	}
	if f := c.Messages[1].Forms; f["one"] != "Ein Zweck." || f["other"] != "{{.Number}} Zwecke." {
		t.Errorf("plural forms = %v", f)
	}
	if c.Messages[2].Lang != "en" {
		t.Errorf("third message = %+v", c.Messages[2])
	}
}

// TestMessageErrors checks that each mistake in a message file is an error
// at its file:line:column with a fix, and that all are reported at once.
func TestMessageErrors(t *testing.T) {
	cat := sharedCatalog(t)
	tests := []struct {
		name  string
		files map[string]string
		want  []string // in this order
		pos   string   // file:line:column of the first error, file relative to the folder
	}{
		{"unknown id with suggestion", map[string]string{"locales/notice.de.yaml": "notice.rights.fre: \"Kostenlos.\"\n"},
			[]string{`message notice.rights.fre is not a message of the de locales; did you mean "notice.rights.free"?`}, "locales/notice.de.yaml:1:1"},
		{"placeholder removed", map[string]string{"locales/notice.de.yaml": "notice.toc: Inhalt\nnotice.effective: \"Gültig ab sofort\"\n"},
			[]string{`message notice.effective leaves out {{.Date}}, which the message needs; use exactly the placeholders of the message: {{.Date}}`}, "locales/notice.de.yaml:2:19"},
		{"placeholder added", map[string]string{"locales/notice.en.yaml": "notice.toc: \"Contents of {{.Company}}\"\n"},
			[]string{`message notice.toc uses {{.Company}}, which this message is not given; write the text without placeholders`}, "locales/notice.en.yaml:1:26"},
		{"loop", map[string]string{"locales/notice.en.yaml": "notice.toc: \"{{range 100000}}{{range 100000}}{{end}}{{end}}Contents\"\n"},
			[]string{`message notice.toc uses {{range 100000}}, but a company's own wording holds only text and the placeholders of the shared message; write the text without placeholders`}, "locales/notice.en.yaml:1:14"},
		{"template recursion", map[string]string{"locales/notice.en.yaml": "notice.toc: 'Contents {{define \"a\"}}{{template \"a\"}}{{end}}{{template \"a\"}}'\n"},
			[]string{`message notice.toc uses {{define "a"}}`}, "locales/notice.en.yaml:1:23"},
		{"function", map[string]string{"locales/notice.de.yaml": "notice.effective: Ab {{printf \"%s%s\" .Date .Date}}\n"},
			[]string{`message notice.effective uses {{printf "%s%s" .Date .Date}}, but a company's own wording holds only text and the placeholders of the shared message; use exactly the placeholders of the message: {{.Date}}`}, "locales/notice.de.yaml:1:22"},
		{"pipeline", map[string]string{"locales/notice.de.yaml": "notice.effective: \"Ab {{ .Date | html }}\"\n"},
			[]string{`message notice.effective uses {{ .Date | html }}`}, "locales/notice.de.yaml:1:23"},
		{"comment", map[string]string{"locales/notice.de.yaml": "notice.effective: \"Ab {{.Date}}{{/* x */}}\"\n"},
			[]string{`message notice.effective uses {{/* x */}}`}, "locales/notice.de.yaml:1:32"},
		{"in a plural form", map[string]string{"locales/notice.de.yaml": "notice.purposes.intro:\n  one: Ein Zweck.\n  other: \"{{.Number}} Zwecke{{if .Number}}.{{end}}\"\n"},
			[]string{`message notice.purposes.intro uses {{if .Number}}`}, "locales/notice.de.yaml:3:29"},
		{"in a block of lines", map[string]string{"locales/notice.de.yaml": "notice.toc: |\n  Inhalt\n    und {{with 1}}x{{end}}\n"},
			[]string{`message notice.toc uses {{with 1}}`}, "locales/notice.de.yaml:3:9"},
		{"another area", map[string]string{"locales/ui.en.yaml": "ui.page: Page\nnotice.toc: Contents\n"},
			[]string{`message notice.toc is a message of notice.en.yaml, not of ui.en.yaml; move it to locales/notice.en.yaml`}, "locales/ui.en.yaml:2:1"},
		{"an area with no messages", map[string]string{"locales/notices.en.yaml": "notice.toc: Contents\n"},
			[]string{`message notice.toc is a message of notice.en.yaml, not of notices.en.yaml`}, "locales/notices.en.yaml:1:1"},
		{"bad YAML", map[string]string{"locales/notice.de.yaml": "notice.toc: Inhalt\nnotice.effective: Gültig: ab {{.Date}}\n"},
			[]string{`YAML syntax: mapping values are not allowed in this context`}, "locales/notice.de.yaml:2:25"},
		{"plural as one text", map[string]string{"locales/notice.de.yaml": "notice.purposes.intro: \"{{.Count}} Zwecke\"\n"},
			[]string{`message notice.purposes.intro has plural forms (one, other), not one text; write one:, other: under the id`}, "locales/notice.de.yaml:1:24"},
		{"unknown plural form", map[string]string{"locales/notice.de.yaml": "notice.purposes.intro:\n  one: x\n  othr: \"{{.Count}}\"\n"},
			[]string{`"othr" is not a plural form; did you mean "other"?`}, "locales/notice.de.yaml:3:3"},
		{"empty text", map[string]string{"locales/notice.de.yaml": "notice.toc:\n"},
			[]string{`message notice.toc must be non-empty text, found nothing`}, "locales/notice.de.yaml:1:12"},
		{"broken template", map[string]string{"locales/notice.de.yaml": "notice.effective: \"Ab {{.Date\"\n"},
			[]string{`message notice.effective is not a valid message`}, "locales/notice.de.yaml:1:19"},
		{"worded twice", map[string]string{"locales/notice.de.yaml": "notice.toc: Inhalt\nnotice.toc: Übersicht\n"},
			[]string{`message notice.toc is worded twice in "de" (first at `}, "locales/notice.de.yaml:2:1"},
		{"language not published", map[string]string{"locales/notice.pl.yaml": "notice.toc: Spis treści\n"},
			[]string{`notice.pl.yaml words messages in "pl", which the company does not publish; the company publishes de, en`}, "locales/notice.pl.yaml:1:1"},
		{"not a message file", map[string]string{"locales/notice.de.yml": "notice.toc: Inhalt\n"},
			[]string{`notice.de.yml is not a message file; name message files <area>.<lang>.yaml`}, "locales/notice.de.yml:1:1"},
		{"tag", map[string]string{"locales/notice.de.yaml": "notice.toc: !!binary SW5oYWx0\n"},
			[]string{`YAML tag !!binary is not supported`}, "locales/notice.de.yaml:1:13"},
		{"message of another law", map[string]string{"company.yaml": strings.Replace(valid, "country: DE", "country: VN", 1),
			"locales/notice.de.yaml": "notice.rights.free: \"Kostenlos.\"\n"},
			[]string{`message notice.rights.free is not used in this company's documents: under its law (pdpl) they use notice.rights.free.pdpl; word notice.rights.free.pdpl instead`}, "locales/notice.de.yaml:1:1"},
		{"all at once", map[string]string{"locales/notice.de.yaml": "notice.tocc: Inhalt\nnotice.effective: Gültig\n"},
			[]string{`did you mean "notice.toc"?`, `leaves out {{.Date}}`}, "locales/notice.de.yaml:1:1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := company(t, tt.files)
			_, err := File(p, WithCatalog(cat))
			var es Errors
			if !errors.As(err, &es) {
				t.Fatalf("want Errors, got %v", err)
			}
			all := es.Error()
			at := 0
			for _, w := range tt.want {
				i := strings.Index(all[at:], w)
				if i < 0 {
					t.Fatalf("errors lack (in order) %q:\n%s", w, all)
				}
				at += i
			}
			if got, want := es[0].Pos.String(), filepath.Join(filepath.Dir(p), filepath.FromSlash(tt.pos)); got != want {
				t.Errorf("first error at %s, want %s:\n%s", got, want, all)
			}
			for _, e := range es {
				if e.Hint == "" {
					t.Errorf("error without a hint: %v", e)
				}
			}
		})
	}
}

// TestMessagesWithoutCatalog: without a catalog the files are read and
// their syntax checked, but ids are not looked up.
func TestMessagesWithoutCatalog(t *testing.T) {
	p := company(t, map[string]string{"locales/notice.de.yaml": "notice.anything: \"Text\"\n"})
	c, err := File(p)
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Messages) != 1 {
		t.Errorf("messages = %+v", c.Messages)
	}
}

// TestMessageFileStaysInFolder: a message file that links out of the
// company folder, or a locales folder that does, is refused like a section
// file, and a named pipe never blocks.
func TestMessageFileStaysInFolder(t *testing.T) {
	outside := filepath.Join(t.TempDir(), "notice.de.yaml")
	if err := os.WriteFile(outside, []byte("notice.toc: Geheim\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Run("file link", func(t *testing.T) {
		p := company(t, map[string]string{})
		os.Mkdir(filepath.Join(filepath.Dir(p), "locales"), 0o755)
		if err := os.Symlink(outside, filepath.Join(filepath.Dir(p), "locales", "notice.de.yaml")); err != nil {
			t.Fatal(err)
		}
		_, err := File(p, WithCatalog(sharedCatalog(t)))
		if err == nil || !strings.Contains(err.Error(), `message file "locales/notice.de.yaml" points outside the company folder`) {
			t.Errorf("err = %v", err)
		}
	})
	t.Run("folder link", func(t *testing.T) {
		p := company(t, map[string]string{})
		if err := os.Symlink(filepath.Dir(outside), filepath.Join(filepath.Dir(p), "locales")); err != nil {
			t.Fatal(err)
		}
		_, err := File(p, WithCatalog(sharedCatalog(t)))
		if err == nil || !strings.Contains(err.Error(), "the folder locales cannot be read") {
			t.Errorf("err = %v", err)
		}
	})
}
