package render

import (
	"html/template"
	"strings"
	"testing"
	"testing/fstest"
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
