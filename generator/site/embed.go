package site

import (
	"bytes"
	"encoding/json"
	"fmt"
	"html"
	"path"
	"regexp"
	"strings"
	"time"

	"github.com/basis-privacy/basis/generator/redline"
)

// A notice is also published in two forms to embed elsewhere, made from
// its page: privacy.fragment.html, the notice without the page's chrome
// (its stable anchors and classes, no script) for a CMS or another static
// site generator, and privacy.json, its sections for a headless CMS (see
// docs/embedding.md; docs/notice.schema.json describes the JSON).

// derived is what a document made from another one's page is made from.
type derived struct {
	page []byte // the page it is made from
	rel  string // the page's path under the output
	base string // the public address of the output, ending in "/"; "" unknown
	lang string
	slug string
	name string // the company's name
	from time.Time
}

var (
	mainOpen  = []byte(`<main id="main">`)
	mainClose = []byte(`</main>`)
	// urlAttr matches the links and sources of Basis's own markup.
	urlAttr = regexp.MustCompile(`\s(href|src)="([^"]*)"`)
)

// mainOf returns what the <main> element of a Basis page holds.
func mainOf(page []byte) ([]byte, error) {
	i := bytes.Index(page, mainOpen)
	j := bytes.LastIndex(page, mainClose)
	if i < 0 || j < i {
		return nil, fmt.Errorf("the page has no <main id=\"main\">")
	}
	return bytes.TrimSpace(page[i+len(mainOpen) : j]), nil
}

// fragment returns the notice of d.page without the page's chrome, in a
// <div class="basis-notice"> with the page's language: its anchors and
// classes as on the page, its relative links made absolute when the
// public address is known (else relative to the notice's page).
func fragment(d derived) ([]byte, error) {
	inner, err := mainOf(d.page)
	if err != nil {
		return nil, err
	}
	if bytes.Contains(bytes.ToLower(inner), []byte("<script")) {
		return nil, fmt.Errorf("the notice holds a script, which Basis never writes")
	}
	inner = absolute(inner, d.base, path.Dir(d.rel))
	var b bytes.Buffer
	fmt.Fprintf(&b, "<!-- %s: privacy notice of %s (%s), from %s; made by Basis, embed as it is. -->\n",
		html.EscapeString(path.Base(d.rel)), html.EscapeString(d.name), d.lang, html.EscapeString(d.rel))
	fmt.Fprintf(&b, "<div class=\"basis-notice doc-privacy\" lang=\"%s\">\n", d.lang)
	b.Write(inner)
	b.WriteString("\n</div>\n")
	return b.Bytes(), nil
}

// absolute makes the relative links and sources of markup absolute under
// base, from the folder dir (a slash path under the output); without a
// base it leaves them as they are.
func absolute(markup []byte, base, dir string) []byte {
	if base == "" {
		return markup
	}
	return urlAttr.ReplaceAllFunc(markup, func(m []byte) []byte {
		sub := urlAttr.FindSubmatch(m)
		ref := html.UnescapeString(string(sub[2]))
		if ref == "" || strings.HasPrefix(ref, "#") || strings.HasPrefix(ref, "/") || strings.Contains(strings.SplitN(ref, "/", 2)[0], ":") {
			return m
		}
		return []byte(" " + string(sub[1]) + `="` + html.EscapeString(base+path.Join(dir, ref)) + `"`)
	})
}

// noticeJSON is privacy.json: the notice's sections, each with its anchor,
// heading, level, text and markup.
type noticeJSON struct {
	Company   string        `json:"company"`
	Slug      string        `json:"slug"`
	Lang      string        `json:"lang"`
	Effective string        `json:"effective,omitempty"` // YYYY-MM-DD
	Page      string        `json:"page"`                // the notice's page: absolute with a base URL, else relative to this file
	Sections  []sectionJSON `json:"sections"`
}

type sectionJSON struct {
	ID      string   `json:"id"`
	Heading string   `json:"heading"`
	Level   int      `json:"level"`
	Text    []string `json:"text"`
	HTML    string   `json:"html"` // the section element, links as in the fragment
}

// sectionsOf returns privacy.json of d.page.
func sectionsOf(d derived) ([]byte, error) {
	secs, err := redline.Sections(d.page)
	if err != nil {
		return nil, err
	}
	inner, err := mainOf(d.page)
	if err != nil {
		return nil, err
	}
	inner = absolute(inner, d.base, path.Dir(d.rel))
	n := noticeJSON{Company: d.name, Slug: d.slug, Lang: d.lang, Page: path.Base(d.rel), Sections: []sectionJSON{}}
	if d.base != "" {
		n.Page = d.base + d.rel
	}
	if !d.from.IsZero() {
		n.Effective = d.from.Format(time.DateOnly)
	}
	for _, s := range secs {
		if s.ID == "" {
			continue // a part of the page that is no section of the notice
		}
		n.Sections = append(n.Sections, sectionJSON{ID: s.ID, Heading: s.Heading, Level: s.Level, Text: nonNil(s.Paras), HTML: string(sectionMarkup(inner, s.ID))})
	}
	b, err := json.MarshalIndent(n, "", "  ")
	return append(b, '\n'), err
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// sectionMarkup returns the element with the id of markup, a <section>,
// whole (with the sections it holds).
func sectionMarkup(markup []byte, id string) []byte {
	start := bytes.Index(markup, []byte(` id="`+id+`"`))
	if start < 0 {
		return nil
	}
	open := bytes.LastIndex(markup[:start], []byte("<section"))
	if open < 0 {
		return nil
	}
	depth := 0
	for i := open; i < len(markup); {
		next := bytes.IndexByte(markup[i:], '<')
		if next < 0 {
			break
		}
		i += next
		switch {
		case bytes.HasPrefix(markup[i:], []byte("<section")):
			depth++
		case bytes.HasPrefix(markup[i:], []byte("</section>")):
			depth--
			if depth == 0 {
				return markup[open : i+len("</section>")]
			}
		}
		i++
	}
	return nil
}
