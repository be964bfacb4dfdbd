package render

import (
	"html/template"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/basis-privacy/basis/generator/locale"
)

// TestTemplatesParsedOnce: templates with the same names and contents are
// parsed once in a process (each renderer clones them); a changed, added
// or renamed file is parsed anew, and the new text is what executes.
func TestTemplatesParsedOnce(t *testing.T) {
	funcs := template.FuncMap{"upper": strings.ToUpper}
	files := func(name, text string) fstest.MapFS {
		return fstest.MapFS{name: {Data: []byte(text)}}
	}
	first, err := parseTemplates(files("page.html", `<p>{{upper "one"}}</p>`), funcs)
	if err != nil {
		t.Fatal(err)
	}
	again, err := parseTemplates(files("page.html", `<p>{{upper "one"}}</p>`), funcs)
	if err != nil {
		t.Fatal(err)
	}
	if again != first {
		t.Error("the same templates were parsed again")
	}
	changed, err := parseTemplates(files("page.html", `<p>{{upper "two"}}</p>`), funcs)
	if err != nil {
		t.Fatal(err)
	}
	renamed, err := parseTemplates(files("other.html", `<p>{{upper "one"}}</p>`), funcs)
	if err != nil {
		t.Fatal(err)
	}
	if changed == first || renamed == first {
		t.Fatal("a changed or renamed template gave the templates parsed before")
	}
	clone, err := changed.Clone()
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	if err := clone.ExecuteTemplate(&b, "page.html", nil); err != nil || b.String() != "<p>TWO</p>" {
		t.Errorf("the changed template executes to %q (%v)", b.String(), err)
	}
	if _, err := parseTemplates(fstest.MapFS{}, funcs); err == nil {
		t.Error("no templates at all is not an error")
	}
}

// TestVoicesMadeOnFirstUse: a renderer copies the templates for a language
// and register only when a page asks for them, so a build of a German
// company in the formal register makes one of eight copies.
func TestVoicesMadeOnFirstUse(t *testing.T) {
	r := newTestRenderer(t)
	for v, vs := range r.voices {
		if vs.base != nil || vs.set != nil {
			t.Fatalf("%v: templates made before any page asked", v)
		}
	}
	if _, err := r.viewFor("de", nil); err != nil {
		t.Fatal(err)
	}
	for v, vs := range r.voices {
		if made := vs.set != nil; made != (v == voice{"de", locale.Formal}) {
			t.Errorf("%v: templates made: %v", v, made)
		}
	}
	if _, err := r.viewFor("xx", nil); err == nil || !strings.Contains(err.Error(), "not supported") {
		t.Errorf("a language Basis does not write: %v", err)
	}
}
