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

// IndexDoc is a column of the site index: a document of each company in
// each of its languages, as a page (with its PDF, when the site has them)
// and, with JSON, its data.
type IndexDoc struct {
	Kind string // privacy, checklist, fields
	JSON bool   // <kind>.json beside the page
}

// IndexSpec says what an index lists: its documents, the languages of
// its blank checklists, its title and, for an internal index, the firm.
type IndexSpec struct {
	Docs     []IndexDoc
	Blank    []string // languages of the blank checklists listed; none: no such section
	Langs    []string // languages of the index itself (linked from each other)
	Title    string   // "" the built-in title
	Internal bool     // an index of internal documents
	Firm     Firm     // the firm preparing internal documents; Name "" none
	Base     string   // the public address of the index's site, ending in "/"; "" unknown or internal
}

// DefaultIndex is the index of a site holding every document.
func DefaultIndex() IndexSpec {
	return IndexSpec{Docs: []IndexDoc{{Kind: "privacy"}, {Kind: "checklist", JSON: true}, {Kind: "fields", JSON: true}},
		Blank: model.Languages, Langs: model.Languages}
}

// WriteIndex writes the site index in lang to w, as Index renders it. The
// index lists every company (about 2.5 kB each per language), so a site
// of many companies writes it to its file rather than holding it in memory.
func (r *Renderer) WriteIndex(w io.Writer, companies []Listed, lang string) error {
	return r.WriteIndexOf(w, companies, lang, DefaultIndex())
}

// WriteIndexOf writes the index in lang of the documents spec names.
func (r *Renderer) WriteIndexOf(w io.Writer, companies []Listed, lang string, spec IndexSpec) error {
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
		Docs      []IndexDoc
		Internal  bool
		Firm      string
	}{entries, spec.Blank, r.pdf, spec.Docs, spec.Internal, spec.Firm.Name}
	doc := "index"
	if spec.Internal {
		doc = "internal-index"
	}
	page := &Page{Doc: doc, Lang: lang, Root: "", Generator: r.generator(), Data: data, Title: spec.Title}
	if spec.Internal {
		page.Firm = firmLine(spec.Firm, lang)
	}
	if spec.Base != "" {
		page.Canonical = spec.Base + IndexFile(lang)
	}
	for _, l := range spec.Langs {
		page.Langs = append(page.Langs, Link{Href: IndexFile(l), Lang: l, Here: l == lang})
		if spec.Base != "" {
			page.Alternates = append(page.Alternates, Link{Href: spec.Base + IndexFile(l), Lang: l})
		}
	}
	return r.executeTo(w, "index.html", lang, page)
}
