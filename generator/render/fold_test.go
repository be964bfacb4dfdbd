package render

import (
	"errors"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/basis-privacy/basis/generator/locale"
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
	if tree := r.sets["en"].Lookup("ok.html").Tree.Root.String(); strings.Contains(tree, `t "x.quote"`) {
		t.Errorf("the message is looked up on every page: %s", tree)
	}
	_, err = r.execute("missing.html", "en", nil)
	var merr *locale.MissingError
	if !errors.As(err, &merr) || merr.IDs[0] != "x.nowhere" {
		t.Errorf("got %v, want the missing message x.nowhere reported", err)
	}
}
