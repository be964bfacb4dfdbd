package render

import (
	"bytes"
	"fmt"
	"io"
	"path"
	"slices"

	"github.com/basis-privacy/basis/generator/model"
)

// Listed is what the site index needs of a company: a build keeps it for
// every company while it renders them a batch at a time.
type Listed struct {
	Slug      string   `json:"slug"`
	Name      string   `json:"name"`
	Languages []string `json:"languages"`
	Logo      string   `json:"logo,omitempty"` // the logo's file name in the company folder
}

// ListedOf returns what the site index shows of c.
func ListedOf(c *model.Company) Listed {
	return Listed{Slug: c.Slug, Name: c.Controller.Name, Languages: c.Languages, Logo: c.Logo}
}

// IndexEntry is one company as the site index lists it.
type IndexEntry struct {
	Slug      string
	Name      string
	Languages []string
	Logo      string // the logo's path from the site root; empty when it has none
}

// Index renders the site's front page in lang (see IndexFile), listing every
// company and document, with a link to the index in each other language.
func (r *Renderer) Index(companies []Listed, lang string) ([]byte, error) {
	var buf bytes.Buffer
	if err := r.WriteIndex(&buf, companies, lang); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// WriteIndex writes the site index in lang to w, as Index renders it. The
// index lists every company (about 2.5 kB each per language), so a site
// of many companies writes it to its file rather than holding it in memory.
func (r *Renderer) WriteIndex(w io.Writer, companies []Listed, lang string) error {
	if !slices.Contains(model.Languages, lang) {
		return fmt.Errorf("render: language %q is not supported", lang)
	}
	entries := make([]IndexEntry, len(companies))
	for i, c := range companies {
		entries[i] = IndexEntry{Slug: c.Slug, Name: c.Name, Languages: c.Languages}
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
	return r.executeTo(w, "index.html", lang, page)
}
