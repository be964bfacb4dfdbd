package locale_test

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/basis-privacy/basis/generator/locale"
)

func loadShared(t *testing.T) *locale.Catalog {
	t.Helper()
	cat, err := locale.Load(os.DirFS(localesDir))
	if err != nil {
		t.Fatal(err)
	}
	return cat
}

// TestOverlay checks that a company's own wording replaces the shared
// message in its catalog only, in its language only, and that plural forms
// and placeholders still work.
func TestOverlay(t *testing.T) {
	cat := loadShared(t)
	own, err := cat.Overlay(map[string][]locale.Message{
		"de": {
			{ID: "notice.effective", Text: "In Kraft seit {{.Date}}"},
			{ID: "notice.purposes.intro", Forms: map[string]string{"one": "Ein Zweck.", "other": "{{.Number}} Zwecke."}},
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	de := own.For("de")
	if got := de.T("notice.effective", "Date", "1. November 2026"); got != "In Kraft seit 1. November 2026" {
		t.Errorf("overridden message = %q", got)
	}
	if got := de.N("notice.purposes.intro", 3, "Number", "drei"); got != "drei Zwecke." {
		t.Errorf("overridden plural = %q", got)
	}
	if got := de.N("notice.purposes.intro", 1); got != "Ein Zweck." {
		t.Errorf("overridden plural (1) = %q", got)
	}
	if got, want := de.T("notice.toc"), cat.For("de").T("notice.toc"); got != want {
		t.Errorf("a message not overridden = %q, want the shared %q", got, want)
	}
	if got := own.For("en").T("notice.effective", "Date", "X"); strings.Contains(got, "Kraft") {
		t.Errorf("English took the German override: %q", got)
	}
	if got := cat.For("de").T("notice.effective", "Date", "X"); strings.Contains(got, "In Kraft") {
		t.Errorf("the shared catalog changed: %q", got)
	}
	if err := de.Err(); err != nil {
		t.Error(err)
	}
	if got := own.Overridden("de"); strings.Join(got, ",") != "notice.effective,notice.purposes.intro" {
		t.Errorf("Overridden(de) = %v", got)
	}
	if got := own.Overridden("en"); len(got) != 0 {
		t.Errorf("Overridden(en) = %v", got)
	}
}

// TestVerify checks each reason an override cannot replace a message.
func TestVerify(t *testing.T) {
	cat := loadShared(t)
	tests := []struct {
		name string
		m    locale.Message
		want locale.Problem
		msg  string // in Message()
	}{
		{"fine", locale.Message{ID: "notice.effective", Text: "Ab {{.Date}} gültig"}, 0, ""},
		{"fine spaced", locale.Message{ID: "notice.effective", Text: "Ab {{ .Date }} gültig"}, 0, ""},
		{"unknown id", locale.Message{ID: "notice.efective", Text: "x"}, locale.Unknown, "is not a message of the de locales"},
		{"dropped", locale.Message{ID: "notice.effective", Text: "Gültig"}, locale.Dropped, "leaves out {{.Date}}"},
		{"added", locale.Message{ID: "notice.effective", Text: "Ab {{.Date}} für {{.Company}}"}, locale.Added, "uses {{.Company}}"},
		{"syntax", locale.Message{ID: "notice.effective", Text: "Ab {{.Date"}, locale.Syntax, "is not a valid message"},
		{"plural as text", locale.Message{ID: "notice.purposes.intro", Text: "{{.Count}} Zwecke"}, locale.Plural, "has plural forms (one, other)"},
		{"text as plural", locale.Message{ID: "notice.effective", Forms: map[string]string{"one": "{{.Date}}", "other": "{{.Date}}"}}, locale.NotPlural, "is one text"},
		{"wrong forms", locale.Message{ID: "notice.purposes.intro", Forms: map[string]string{"few": "{{.Count}}", "other": "{{.Count}}"}}, locale.Forms, "needs the plural forms one, other, found few, other"},
		{"plural dropped count", locale.Message{ID: "notice.purposes.intro", Forms: map[string]string{"one": "Ein Zweck", "other": "Mehrere Zwecke"}}, locale.Dropped, "{{.Number}}"},
		{"loop", locale.Message{ID: "notice.toc", Text: "{{range 100000}}{{range 100000}}{{end}}{{end}}Inhalt"}, locale.Action, "uses {{range 100000}}, but"},
		{"recursion", locale.Message{ID: "notice.toc", Text: `Inhalt{{define "a"}}{{template "a"}}{{end}}{{template "a"}}`}, locale.Action, `uses {{define "a"}}`},
		{"own template named as the message", locale.Message{ID: "notice.toc", Text: `{{define "message"}}Inhalt{{end}}`}, locale.Action, `uses {{define "message"}}`},
		{"block", locale.Message{ID: "notice.toc", Text: `{{block "b" .}}Inhalt{{end}}`}, locale.Action, `uses {{block "b" .}}`},
		{"if", locale.Message{ID: "notice.effective", Text: "Ab {{if .Date}}{{.Date}}{{end}}"}, locale.Action, "uses {{if .Date}}"},
		{"function", locale.Message{ID: "notice.effective", Text: `Ab {{printf "%s" .Date}}`}, locale.Action, `uses {{printf "%s" .Date}}`},
		{"pipeline", locale.Message{ID: "notice.effective", Text: `Ab {{.Date | len}}`}, locale.Action, `uses {{.Date | len}}`},
		{"variable", locale.Message{ID: "notice.effective", Text: `Ab {{$d := .Date}}{{$d}}`}, locale.Action, `uses {{$d := .Date}}`},
		{"dot", locale.Message{ID: "notice.effective", Text: `Ab {{.Date}} {{.}}`}, locale.Action, `uses {{.}}`},
		{"field of a field", locale.Message{ID: "notice.effective", Text: `Ab {{.Date.Year}}`}, locale.Action, `uses {{.Date.Year}}`},
		{"comment", locale.Message{ID: "notice.effective", Text: `Ab {{.Date}}{{/* note */}}`}, locale.Action, `uses {{/* note */}}`},
		{"a long action is cut", locale.Message{ID: "notice.toc", Text: "{{range 1}}{{range 2}}{{range 3}}{{range 4}}{{end}}{{end}}{{end}}{{end}}"}, locale.Action, "uses {{range 1}}, but"},
		{"in a plural form", locale.Message{ID: "notice.purposes.intro", Forms: map[string]string{"one": "Ein Zweck", "other": "{{.Number}} Zwecke{{range .Number}}!{{end}}"}}, locale.Action, "uses {{range .Number}}"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := cat.Verify("de", tt.m)
			if tt.want == 0 {
				if err != nil {
					t.Fatalf("Verify = %v, want nil", err)
				}
				return
			}
			var oe *locale.OverrideError
			if !errors.As(err, &oe) {
				t.Fatalf("Verify = %v, want *OverrideError", err)
			}
			if oe.Problem != tt.want {
				t.Errorf("problem %d, want %d (%v)", oe.Problem, tt.want, err)
			}
			if !strings.Contains(oe.Message(), tt.msg) || oe.Hint() == "" {
				t.Errorf("message %q (hint %q), want it to contain %q", oe.Message(), oe.Hint(), tt.msg)
			}
			if _, err := cat.Overlay(map[string][]locale.Message{"de": {tt.m}}); err == nil {
				t.Error("Overlay accepted what Verify refuses")
			}
		})
	}
}

// A company words one German message itself; the shared catalog keeps the
// shared wording, and a text that drops a placeholder is refused.
func ExampleCatalog_Overlay() {
	cat, err := locale.Load(os.DirFS(localesDir))
	if err != nil {
		fmt.Println(err)
		return
	}
	own, err := cat.Overlay(map[string][]locale.Message{
		"de": {{ID: "notice.effective", Text: "In Kraft seit {{.Date}}"}},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(own.For("de").T("notice.effective", "Date", "1. November 2026"))
	fmt.Println(cat.For("de").T("notice.effective", "Date", "1. November 2026"))
	_, err = cat.Overlay(map[string][]locale.Message{"de": {{ID: "notice.effective", Text: "Gültig"}}})
	fmt.Println(err)
	// Output:
	// In Kraft seit 1. November 2026
	// Gültig ab 1. November 2026
	// locales: message notice.effective (de): leaves out {{.Date}}, which the message needs; use exactly the placeholders of the message: {{.Date}}
}

// TestVerifyPlaces checks where Verify places what is at fault in a
// company's text: the plural form and the byte offset of the "{{" that
// opens it, which the loader turns into a file:line:column.
func TestVerifyPlaces(t *testing.T) {
	cat := loadShared(t)
	tests := []struct {
		m      locale.Message
		form   string
		offset int
		got    string
	}{
		{locale.Message{ID: "notice.toc", Text: "Inhalt {{range 5}}x{{end}}"}, "", 7, "{{range 5}}"},
		{locale.Message{ID: "notice.effective", Text: "Ab {{ .Date }}, {{- .Date | printf \"%s\"}}"}, "", 16, `{{- .Date | printf "%s"}}`},
		{locale.Message{ID: "notice.effective", Text: "Ab {{.Date}} für {{.Company}}"}, "", 18, ""},
		{locale.Message{ID: "notice.purposes.intro", Forms: map[string]string{"one": "Ein {{with 1}}{{end}}Zweck", "other": "{{.Number}} Zwecke"}}, "one", 4, "{{with 1}}"},
		{locale.Message{ID: "notice.toc", Text: "{{template \"" + strings.Repeat("x", 60) + "\"}}"}, "", 0, "{{template \"" + strings.Repeat("x", 27) + "…"},
	}
	for _, tt := range tests {
		var oe *locale.OverrideError
		if err := cat.Verify("de", tt.m); !errors.As(err, &oe) {
			t.Errorf("%+v: Verify = %v, want an *OverrideError", tt.m, err)
			continue
		}
		if oe.Form != tt.form || oe.Offset != tt.offset {
			t.Errorf("%+v: at form %q offset %d, want %q %d (%v)", tt.m, oe.Form, oe.Offset, tt.form, tt.offset, oe)
		}
		if tt.got != "" && (len(oe.Got) != 1 || oe.Got[0] != tt.got) {
			t.Errorf("%+v: quotes %q, want %q", tt.m, oe.Got, tt.got)
		}
	}
}
