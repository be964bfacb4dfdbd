package render

import (
	"fmt"
	"path"
	"slices"

	"github.com/basis-privacy/basis/generator/model"
)

// IndexEntry is one company as the site index lists it.
type IndexEntry struct {
	*model.Company
	Logo string // the logo's path from the site root; empty when it has none
}

// Index renders the site's front page in lang (see IndexFile), listing every
// company and document, with a link to the index in each other language.
func (r *Renderer) Index(companies []*model.Company, lang string) ([]byte, error) {
	if !slices.Contains(model.Languages, lang) {
		return nil, fmt.Errorf("render: language %q is not supported", lang)
	}
	entries := make([]IndexEntry, len(companies))
	for i, c := range companies {
		entries[i] = IndexEntry{Company: c}
		if c.Logo != "" {
			entries[i].Logo = c.Slug + "/logo" + path.Ext(c.Logo)
		}
	}
	data := struct {
		Companies []IndexEntry
		Languages []string
		PDF       bool
	}{entries, model.Languages, r.pdf}
	page := &Page{Doc: "index", Lang: lang, Root: "", Generator: r.generator(), Data: data}
	for _, l := range model.Languages {
		page.Langs = append(page.Langs, Link{Href: IndexFile(l), Lang: l, Here: l == lang})
	}
	return r.execute("index.html", lang, page)
}
