package render

import (
	"fmt"
	"html"
	"io/fs"
	"strings"
	"testing"

	"github.com/basis-privacy/basis/generator/check"
	"github.com/basis-privacy/basis/generator/load"
	"github.com/basis-privacy/basis/generator/locale"
	"github.com/basis-privacy/basis/generator/model"
	"github.com/basis-privacy/basis/locales"
	"gopkg.in/yaml.v3"
)

// reworded is the four-language example with its own wording, in every
// language, of messages the Art. 13 test looks for: the statement on
// automated decisions (Art. 13(2)(f)) and the name of a legal basis.
func reworded(t *testing.T, cat *locale.Catalog) *model.Company {
	t.Helper()
	c, err := load.File("testdata/four-lang/company.yaml", load.WithCatalog(cat))
	if err != nil {
		t.Fatal(err)
	}
	own := *c
	own.Slug += "-reworded"
	for _, lang := range c.Languages {
		for _, id := range []string{"notice.automated.none." + string(judged(c).Regime()), "basis.contract"} {
			text := cat.For(lang).T(id) + " [" + lang + " " + id + "]"
			own.Messages = append(own.Messages, model.Message{Lang: lang, ID: id, Text: text})
		}
	}
	return &own
}

// TestOwnWording checks that a company's own wording of a message appears
// in its documents in that language, in place of the shared wording, and
// nowhere else: not in other languages, not in other companies' documents.
func TestOwnWording(t *testing.T) {
	r := newTestRenderer(t)
	cat := r.cat
	plain, err := load.File("testdata/four-lang/company.yaml", load.WithCatalog(cat))
	if err != nil {
		t.Fatal(err)
	}
	own := *plain
	own.Messages = []model.Message{
		{Lang: "de", ID: "notice.rights.free", Text: "Eigene Formulierung: Ihre Rechte kosten nichts."},
		{Lang: "de", ID: "notice.effective", Text: "In Kraft seit {{.Date}}"},
		{Lang: "de", ID: "checklist.sign.name", Text: "Name der prüfenden Person"},
		{Lang: "de", ID: "fields.required", Text: "Pflichtangabe laut eigener Formulierung."},
	}
	src := readSource(t, "fields.de.yaml")
	for _, id := range []string{"field.purpose.optional", "field.purpose.required", "field.benefit.optional", "field.benefit.required"} {
		own.Messages = append(own.Messages, model.Message{Lang: "de", ID: id, Text: src[id] + " Eigene Formulierung der Feldtexte."})
	}
	shared := cat.For("de").T("notice.rights.free")
	for i := 0; i < 2; i++ { // twice: the shared templates are not changed by the first
		out, err := r.Privacy(judged(&own), "de")
		if err != nil {
			t.Fatal(err)
		}
		page := html.UnescapeString(string(out))
		if !strings.Contains(page, "Eigene Formulierung: Ihre Rechte kosten nichts.") || strings.Contains(page, shared) {
			t.Errorf("the German notice lacks the own wording or keeps the shared one")
		}
		if !strings.Contains(page, "In Kraft seit ") || strings.Contains(page, "Gültig ab ") {
			t.Errorf("the own wording with a placeholder is missing")
		}
		for _, other := range []struct {
			c    *model.Company
			lang string
		}{{&own, "en"}, {plain, "de"}} {
			out, err := r.Privacy(judged(other.c), other.lang)
			if err != nil {
				t.Fatal(err)
			}
			if strings.Contains(string(out), "Eigene Formulierung") {
				t.Errorf("%s (%s) took the own wording of another document", other.c.Slug, other.lang)
			}
		}
	}
	out, err := r.Checklist(judged(&own), "de")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(html.UnescapeString(string(out)), "Name der prüfenden Person") {
		t.Errorf("the checklist lacks the own wording")
	}
	for name, doc := range map[string]func(*check.Result, string) ([]byte, error){"fields.html": r.Fields, "fields.json": r.FieldsJSON} {
		out, err := doc(judged(&own), "de")
		if err != nil {
			t.Fatal(err)
		}
		want := "Eigene Formulierung der Feldtexte."
		if name == "fields.html" {
			want = "Pflichtangabe laut eigener Formulierung."
		}
		if !strings.Contains(html.UnescapeString(string(out)), want) {
			t.Errorf("%s lacks the own wording %q", name, want)
		}
	}
}

// readSource reads the shared message texts of one locales file.
func readSource(t *testing.T, name string) map[string]string {
	t.Helper()
	b, err := fs.ReadFile(locales.FS, name)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	var raw map[string]any
	if err := yaml.Unmarshal(b, &raw); err != nil {
		t.Fatal(err)
	}
	for k, v := range raw {
		if s, ok := v.(string); ok {
			out[k] = s
		}
	}
	return out
}

// TestOwnWordingRefused: a message that cannot replace the shared one is an
// error at its position when rendering too (when loaded without a catalog).
func TestOwnWordingRefused(t *testing.T) {
	r := newTestRenderer(t)
	c, err := load.File("testdata/four-lang/company.yaml")
	if err != nil {
		t.Fatal(err)
	}
	c.Messages = []model.Message{{Lang: "de", ID: "notice.effective", Text: "Gültig", Value: model.Pos{File: "x/locales/notice.de.yaml", Line: 3, Column: 19}}}
	_, err = r.Privacy(judged(c), "de")
	if err == nil || !strings.Contains(err.Error(), "x/locales/notice.de.yaml:3:19: message notice.effective leaves out {{.Date}}") {
		t.Errorf("err = %v", err)
	}
}

// TestOwnWordingKeptApart: companies worded differently get their own
// wording; companies worded alike share one printer (and templates).
func TestOwnWordingKeptApart(t *testing.T) {
	r := newTestRenderer(t)
	base, err := load.File("testdata/four-lang/company.yaml")
	if err != nil {
		t.Fatal(err)
	}
	worded := func(text string) *model.Company {
		c := *base
		c.Messages = []model.Message{{Lang: "de", ID: "notice.rights.free", Text: text}}
		return &c
	}
	a, b, a2 := worded("Fassung A."), worded("Fassung B."), worded("Fassung A.")
	for range maxViews + 2 { // more than the views kept: evicted views are made again
		for _, tt := range []struct {
			c         *model.Company
			want, not string
		}{{a, "Fassung A.", "Fassung B."}, {b, "Fassung B.", "Fassung A."}, {a2, "Fassung A.", "Fassung B."}} {
			out, err := r.Privacy(judged(tt.c), "de")
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(string(out), tt.want) || strings.Contains(string(out), tt.not) {
				t.Fatalf("a company worded %q got another wording", tt.want)
			}
		}
		r.own.put(fmt.Sprint(len(r.own.order), "filler"), &view{})
	}
	va, _ := r.view(a, "de")
	va2, _ := r.view(a2, "de")
	vb, _ := r.view(b, "de")
	if va.p != va2.p || va.p == vb.p {
		t.Error("companies worded alike should share a printer, others not")
	}
	if len(r.own.order) > maxViews || len(r.own.byKey) != len(r.own.order) {
		t.Errorf("%d views kept (%d keys), at most %d", len(r.own.order), len(r.own.byKey), maxViews)
	}
}
