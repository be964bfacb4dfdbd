package render

import (
	"path"

	"github.com/basis-privacy/basis/generator/check"
	"github.com/basis-privacy/basis/generator/model"
)

// Documents lists the documents rendered per company and language.
var Documents = []string{"privacy", "checklist", "fields"}

// Link is a link in a page's navigation.
type Link struct {
	Href  string
	Label string
	Lang  string
	Here  bool
}

// Page is what every template gets: the page frame plus the document data.
type Page struct {
	Doc       string // privacy, checklist, fields, index, blank-checklist
	Lang      string
	Root      string // relative path to the site root, ending in "/" or empty
	Generator string
	Company   *model.Company
	Langs     []Link    // the same document in the company's other languages
	Docs      []Link    // the company's documents in this language
	Home      string    // the site index in this language, relative to the page
	PDF       string    // this document's PDF, relative to the page; empty when none is built
	Logo      string    // the company's logo, relative to the page; empty when it has none
	Data      any       // document-specific view
	Versions  *Versions // the notice's versions, where it lists them
	Canonical string    // the page's address on the public site; "" when not published there or unknown
	// Alternates are the page's addresses in each language (itself
	// included), with Canonical.
	Alternates []Link
	Title      string // the page's title, where the project names it (the index); "" the built-in one
	// Firm is the firm that prepared the page, on its internal documents;
	// nil elsewhere.
	Firm *FirmLine
	// Regime is the data-protection law the page speaks under (gdpr,
	// ukgdpr, pdpl; "" for a page of no company): check decides it
	// (check.Result.Regime).
	Regime string
}

// siteLangs returns the languages of the indexes and blank checklists.
func (r *Renderer) siteLangs() []string {
	if r.site.langs != nil {
		return r.site.langs
	}
	return model.Languages
}

// address returns the public address of the page rel (a path from the
// site root) of doc, or "" when it is not published or the base unknown.
func (r *Renderer) address(doc, rel string) string {
	if r.site.base == "" || r.site.public == nil || !r.site.public(doc) {
		return ""
	}
	return r.site.base + rel
}

// docsOf lists the documents the navigation of a page of doc links.
func (r *Renderer) docsOf(doc string) []string {
	if r.site.nav != nil {
		return r.site.nav(doc)
	}
	return Documents
}

// IndexFile is the site index in lang, at the site root: index.html in
// English, which a browser opens first, index.<lang>.html in the others.
func IndexFile(lang string) string {
	if lang == "en" {
		return "index.html"
	}
	return "index." + lang + ".html"
}

// pdfOf returns the PDF link of the page doc, or "" when PDFs are not built.
func (r *Renderer) pdfOf(doc string) string {
	if !r.pdf {
		return ""
	}
	return doc + ".pdf"
}

// companyPage builds the frame of a company document in lang.
func (r *Renderer) companyPage(doc string, c *model.Company, lang string, data any) *Page {
	p := &Page{Doc: doc, Lang: lang, Root: "../../", Generator: r.generator(), Company: c, Data: data,
		Home: "../../" + IndexFile(lang), PDF: r.pdfOf(doc), Firm: r.firmOn(doc, lang)}
	if c.Logo != "" {
		p.Logo = "../logo" + path.Ext(c.Logo)
	}
	p.Canonical = r.address(doc, c.Slug+"/"+lang+"/"+doc+".html")
	for _, l := range c.Languages {
		p.Langs = append(p.Langs, Link{Href: "../" + l + "/" + doc + ".html", Label: l, Lang: l, Here: l == lang})
		if p.Canonical != "" {
			p.Alternates = append(p.Alternates, Link{Href: r.site.base + c.Slug + "/" + l + "/" + doc + ".html", Lang: l})
		}
	}
	for _, d := range r.docsOf(doc) {
		p.Docs = append(p.Docs, Link{Href: d + ".html", Label: d, Lang: lang, Here: d == doc})
	}
	return p
}

func (r *Renderer) generator() string {
	if r.version == "" {
		return "Basis"
	}
	return "Basis " + r.version
}

// Privacy renders the privacy notice of the company of res in lang.
func (r *Renderer) Privacy(res *check.Result, lang string) ([]byte, error) {
	c := res.Company
	v, err := r.view(c, lang)
	if err != nil {
		return nil, err
	}
	q := v.p.Track()
	p := r.companyPage("privacy", c, lang, newNotice(q, res))
	p.Regime = string(res.Regime())
	if r.history != nil {
		p.Versions = r.history(c, lang)
	}
	return v.executeWith(q, "privacy.html", p)
}

// Fields renders the field meta-information of the company of res in lang.
func (r *Renderer) Fields(res *check.Result, lang string) ([]byte, error) {
	c := res.Company
	v, err := r.view(c, lang)
	if err != nil {
		return nil, err
	}
	q := v.p.Track()
	page := r.companyPage("fields", c, lang, fieldsIn(q, res, lang))
	page.Regime = string(res.Regime())
	return v.executeWith(q, "fields.html", page)
}
