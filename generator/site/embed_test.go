package site

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/basis-privacy/basis/generator/load"
)

// embedded builds the examples with a base URL and returns the public
// output.
func embedded(t *testing.T) string {
	t.Helper()
	proj := load.DefaultProject()
	proj.BaseURL = "https://example.com/privacy/"
	public, _ := buildTwoOutputs(t, proj)
	return public
}

// TestFragmentIsTheNoticeWithoutChrome: the fragment of each notice holds
// the notice's sections with their anchors and classes as on the page, no
// script, no page chrome, and absolute links under the base URL.
func TestFragmentIsTheNoticeWithoutChrome(t *testing.T) {
	t.Parallel()
	public := embedded(t)
	page := read(t, filepath.Join(public, "baeckerei-schmidt", "de", "privacy.html"))
	frag := read(t, filepath.Join(public, "baeckerei-schmidt", "de", "privacy.fragment.html"))
	for _, want := range []string{`<div class="basis-notice doc-privacy" lang="de">`, `<section id="controller" aria-labelledby="controller-h">`,
		`<article class="notice">`, `href="#controller"`, `href="https://example.com/privacy/baeckerei-schmidt/de/versions/2026-05-01/privacy.html"`} {
		if !strings.Contains(frag, want) {
			t.Errorf("the fragment lacks %s", want)
		}
	}
	for _, chrome := range []string{"<html", "<head", "<body", "<header", "<main", "<script", `class="skip"`, "assets/basis.css", `href="versions/`} {
		if strings.Contains(frag, chrome) {
			t.Errorf("the fragment holds %s", chrome)
		}
	}
	for _, id := range idAttrRE.FindAllStringSubmatch(frag, -1) {
		if !strings.Contains(page, `id="`+id[1]+`"`) {
			t.Errorf("the fragment's anchor %s is not the page's", id[1])
		}
	}
}

// hostPage is a plain page embedding a fragment, as docs/embedding.md shows.
const hostPage = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Privacy – Example shop</title>
</head>
<body>
<header><p>Example shop</p></header>
<main>
%s</main>
</body>
</html>
`

// hostPages writes each example privacy notice's fragment, from a build
// with a base URL, into a plain page (hostPage) and returns the pages, so
// the HTML checkers (TestHTMLIsValid, TestHTMLValidate) read a fragment as a
// business embeds it.
func hostPages(t *testing.T) []string {
	t.Helper()
	public := embedded(t)
	dir := t.TempDir()
	var pages []string
	for _, rel := range files(t, public) {
		if !strings.HasSuffix(rel, "privacy.fragment.html") {
			continue
		}
		frag := read(t, filepath.Join(public, filepath.FromSlash(rel)))
		p := filepath.Join(dir, strings.ReplaceAll(rel, "/", "_"))
		if err := os.WriteFile(p, []byte(strings.Replace(hostPage, "%s", frag, 1)), 0o644); err != nil {
			t.Fatal(err)
		}
		pages = append(pages, p)
	}
	if len(pages) < 5 {
		t.Fatalf("only %d fragments", len(pages))
	}
	return pages
}

// TestNoticeJSONMatchesItsSchema validates every privacy.json of the
// examples against docs/notice.schema.json, and checks that its sections
// are the page's, in order.
func TestNoticeJSONMatchesItsSchema(t *testing.T) {
	t.Parallel()
	public := embedded(t)
	schema := compileSchema(t, filepath.Join("..", "..", "docs", "notice.schema.json"))
	n := 0
	for _, rel := range files(t, public) {
		if !strings.HasSuffix(rel, "/privacy.json") || strings.Contains(rel, "/versions/") {
			continue
		}
		n++
		data := read(t, filepath.Join(public, filepath.FromSlash(rel)))
		v, err := jsonschema.UnmarshalJSON(strings.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		if err := schema.Validate(v); err != nil {
			t.Errorf("%s: %v", rel, err)
		}
		var doc noticeJSON
		if err := json.Unmarshal([]byte(data), &doc); err != nil {
			t.Fatal(err)
		}
		page := read(t, filepath.Join(public, filepath.FromSlash(strings.TrimSuffix(rel, ".json")+".html")))
		last := 0
		for _, s := range doc.Sections {
			at := strings.Index(page, `id="`+s.ID+`"`)
			if at < last {
				t.Errorf("%s: section %s is not the page's, in order", rel, s.ID)
			}
			last = at
		}
		if doc.Page != "https://example.com/privacy/"+strings.TrimSuffix(rel, ".json")+".html" {
			t.Errorf("%s: page %q", rel, doc.Page)
		}
	}
	if n < 5 {
		t.Errorf("only %d notices as JSON", n)
	}
}

// compileSchema compiles the JSON Schema at p, asserting formats.
func compileSchema(t *testing.T, p string) *jsonschema.Schema {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	if err := c.AddResource(filepath.Base(p), doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile(filepath.Base(p))
	if err != nil {
		t.Fatal(err)
	}
	return s
}
