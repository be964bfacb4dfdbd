package render

import (
	"errors"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/basis-privacy/basis/generator/locale"
	"github.com/basis-privacy/basis/generator/model"
	"github.com/basis-privacy/basis/locales"
)

// TestFoldedMessages checks that a message folded into the template at
// parse time is escaped for its context as a looked-up one is, and that a
// missing message is still reported when a page uses it.
func TestFoldedMessages(t *testing.T) {
	cat, err := locale.Load(locales.FS, fstest.MapFS{"x.en.yaml": {Data: []byte(`x.quote: "Tom's <b>&</b> \"Co\""` + "\n")}})
	if err != nil {
		t.Fatal(err)
	}
	tmpl := fstest.MapFS{
		"ok.html":      {Data: []byte(`<p title="{{t "x.quote"}}">{{t "x.quote"}}</p><a href="/{{t "x.quote"}}">{{t "ui.skip" | printf "%s!"}}</a>`)},
		"missing.html": {Data: []byte(`<p>{{t "x.nowhere"}}</p>`)},
	}
	r, err := New(WithTemplates(tmpl), WithCatalog(cat))
	if err != nil {
		t.Fatal(err)
	}
	got, err := r.execute("ok.html", "en", nil)
	if err != nil {
		t.Fatal(err)
	}
	want := `<p title="Tom&#39;s &lt;b&gt;&amp;&lt;/b&gt; &#34;Co&#34;">Tom&#39;s &lt;b&gt;&amp;&lt;/b&gt; &#34;Co&#34;</p>` +
		`<a href="/Tom%27s%20%3cb%3e&amp;%3c/b%3e%20%22Co%22">Skip to content!</a>`
	if string(got) != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	// The folded constant is in the template, not looked up per page.
	if tree := r.voices[voice{"en", locale.Formal}].set.Lookup("ok.html").Tree.Root.String(); strings.Contains(tree, `t "x.quote"`) {
		t.Errorf("the message is looked up on every page: %s", tree)
	}
	_, err = r.execute("missing.html", "en", nil)
	var merr *locale.MissingError
	if !errors.As(err, &merr) || merr.IDs[0] != "x.nowhere" {
		t.Errorf("got %v, want the missing message x.nowhere reported", err)
	}
}

// TestFoldedPerView checks that messages are folded per view: the shared
// wording in each register, and a company's own wording into the copy of
// the templates made for it, never into the templates every view is
// copied from.
func TestFoldedPerView(t *testing.T) {
	cat, err := locale.Load(locales.FS, fstest.MapFS{"x.de.yaml": {Data: []byte(
		"x.hello: Guten Tag, Sie\nx.hello.informal: Hallo, du\n")}})
	if err != nil {
		t.Fatal(err)
	}
	r, err := New(WithTemplates(fstest.MapFS{"hello.html": {Data: []byte(`<p>{{t "x.hello"}}</p>`)}}), WithCatalog(cat))
	if err != nil {
		t.Fatal(err)
	}
	own := func(reg model.Register, text string) *model.Company {
		c := &model.Company{Slug: "own", Register: reg}
		if text != "" {
			c.Messages = []model.Message{{Lang: "de", ID: "x.hello", Text: text}}
		}
		return c
	}
	for _, tc := range []struct {
		c    *model.Company
		want string
	}{
		{own(model.Formal, ""), "Guten Tag, Sie"},
		{own(model.Informal, ""), "Hallo, du"},
		{own(model.Formal, "Grüß Gott, Sie"), "Grüß Gott, Sie"},
		{own(model.Informal, "Servus"), "Servus"},
		{own(model.Formal, "Moin, Sie"), "Moin, Sie"},
		{own(model.Formal, ""), "Guten Tag, Sie"}, // the shared set is untouched by the companies' own
		{own(model.Informal, ""), "Hallo, du"},
	} {
		v, err := r.view(tc.c, "de")
		if err != nil {
			t.Fatal(err)
		}
		got, err := v.execute("hello.html", &Page{Company: tc.c})
		if err != nil {
			t.Fatal(err)
		}
		if want := "<p>" + tc.want + "</p>"; string(got) != want {
			t.Errorf("register %q, own wording %v: got %s, want %s", tc.c.Register, tc.c.Messages, got, want)
		}
		if tree := v.set.Lookup("hello.html").Tree.Root.String(); strings.Contains(tree, `t "x.hello"`) {
			t.Errorf("register %q, own wording %v: the message is not folded: %s", tc.c.Register, tc.c.Messages, tree)
		}
	}
	used := 0
	for vo, vs := range r.voices {
		if vs.base == nil {
			continue // never used
		}
		used++
		if tree := vs.base.Lookup("hello.html").Tree.Root.String(); !strings.Contains(tree, `t "x.hello"`) {
			t.Errorf("%v: the base templates, copied for every wording, are folded: %s", vo, tree)
		}
	}
	if used == 0 {
		t.Error("no voice's templates were made")
	}
}
