package load

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"github.com/basis-privacy/basis/generator/locale"
	"github.com/basis-privacy/basis/generator/render"
	"github.com/basis-privacy/basis/templates"
)

// fuzzMessages are the messages FuzzMessages words: one without
// placeholders, one with one, and one with plural forms.
var fuzzMessages = []string{"notice.toc", "notice.effective", "notice.purposes.intro"}

// FuzzMessages words a shared message in a company's own file with
// arbitrary text and checks that check and build agree: what the loader
// (which check and build share) accepts, the build's printer (render's
// Overlay) accepts too and prints in bounded time, its output no longer
// than the text with each placeholder filled in; what the build's printer
// refuses, the loader refused, at a position in the message file.
func FuzzMessages(f *testing.F) {
	for _, s := range []string{"Contents", "{{.Date}}", "Ab {{ .Date }}", "{{range 100000}}{{range 100000}}{{end}}{{end}}Contents",
		`{{define "a"}}{{template "a"}}{{end}}{{template "a"}}`, "{{range 100}}Contents{{end}}", `{{printf "%s" .Date}}`, "{{.Number}} purposes", "{{.Date", "{{- .Date -}}", "{{/* x */}}"} {
		for i := range fuzzMessages {
			f.Add(uint8(i), s)
		}
	}
	cat := sharedCatalog(f)
	r, err := render.New(render.WithTemplates(templates.FS), render.WithCatalog(cat))
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, which uint8, text string) {
		id := fuzzMessages[int(which)%len(fuzzMessages)]
		if !utf8.ValidString(text) || strings.TrimSpace(text) == "" {
			return // refused as YAML or as an empty text
		}
		var value any = text
		if id == "notice.purposes.intro" {
			value = map[string]string{"one": text, "other": text}
		}
		b, err := yaml.Marshal(map[string]any{id: value})
		if err != nil {
			t.Fatal(err)
		}
		p := company(t, map[string]string{"locales/notice.en.yaml": string(b)})
		c, err := File(p, WithCatalog(cat))
		var es Errors
		if err != nil && !errors.As(err, &es) {
			t.Fatalf("want Errors, got %v", err)
		}
		for _, e := range es {
			if filepath.Base(e.Pos.File) != "notice.en.yaml" || e.Pos.Line < 1 || e.Pos.Column < 1 || e.Msg == "" || e.Hint == "" {
				t.Fatalf("error without position, message or hint: %#v", e)
			}
		}
		msg := locale.Message{ID: id, Text: text}
		if m, ok := value.(map[string]string); ok {
			msg = locale.Message{ID: id, Forms: m}
		}
		_, oerr := cat.Overlay(map[string][]locale.Message{"en": {msg}})
		if err != nil {
			return // refused (the build's printer may refuse it too, or never see it)
		}
		if oerr != nil {
			t.Fatalf("check accepts %q, the build's printer refuses it: %v", text, oerr)
		}
		printer, err := r.Printer(c, "en")
		if err != nil {
			t.Fatalf("check accepts %q, the build refuses it: %v", text, err)
		}
		const date = "1 November 2026"
		out := printer.T(id, "Date", date)
		if m, ok := value.(map[string]string); ok {
			out = printer.N(id, 3)
			text = m["other"]
		}
		if err := printer.Err(); err != nil {
			t.Fatalf("check accepts %q, the build cannot print it: %v", text, err)
		}
		if limit := len(text) + strings.Count(text, "{{")*len(date); len(out) > limit {
			t.Fatalf("%q printed %d bytes, more than the %d of its text and values", text, len(out), limit)
		}
	})
}
