// Package render turns a company into HTML documents and JSON in one
// language, using html/template, the go-i18n messages of that language and
// goldmark for company-written Markdown. Output is deterministic.
package render

import (
	"bytes"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"sync"

	"github.com/yuin/goldmark"

	"github.com/basis-privacy/basis/generator/locale"
	"github.com/basis-privacy/basis/generator/model"
)

// Renderer renders documents; it is safe for concurrent use.
type Renderer struct {
	src      *template.Template        // the parsed templates, shared: cloned per voice, never executed
	voices   map[voice]*voiceSet       // per language and register: its templates, made on first use
	printers map[voice]*locale.Printer // per language and register, shared with the template funcs
	cat      *locale.Catalog
	own      views // views of companies' own wording
	md       goldmark.Markdown
	// Version is written into each page's generator meta tag.
	version string
	history History // the versions a notice lists; nil lists none
	// released is the latest release of a notice, for the client report;
	// nil: unknown.
	released Released
	// docHistory: the versions the record and the assessment list; nil
	// lists none.
	docHistory DocHistory
	pdf        bool // the site has a PDF of every document
	site       site // how the site is laid out and addressed
}

// site is what a Renderer knows of the site its pages are in.
type site struct {
	nav    func(doc string) []string // the documents a page of doc links; nil: Documents
	base   string                    // the public site's address, ending in "/"; "" unknown
	public func(doc string) bool     // whether pages of doc are published at base
	langs  []string                  // the languages of the indexes and blank checklists; nil: all
	firm   Firm                      // the firm preparing the internal documents; Name "" none
	// internal reports whether pages of doc are the firm's internal
	// documents, which carry its name; nil: none are.
	internal func(doc string) bool
}

// Option configures a Renderer.
type Option func(*config)

type config struct {
	templates fs.FS
	catalog   *locale.Catalog
	version   string
	history   History
	released  Released
	docHist   DocHistory
	pdf       bool
	site      site
}

// WithTemplates sets the template tree (*.html at its root).
func WithTemplates(fsys fs.FS) Option { return func(c *config) { c.templates = fsys } }

// WithCatalog sets the message catalog.
func WithCatalog(cat *locale.Catalog) Option { return func(c *config) { c.catalog = cat } }

// WithVersion sets the Basis version named in the generator meta tag.
func WithVersion(v string) Option { return func(c *config) { c.version = v } }

// WithPDF says that the site has a PDF of every document, so each page links
// its own; without it no page links a PDF.
func WithPDF(on bool) Option { return func(c *config) { c.pdf = on } }

// WithNav sets the documents a company page links in its navigation, by
// the page's document (privacy, checklist, fields): those of its own
// output. Without it every page links Documents.
func WithNav(nav func(doc string) []string) Option { return func(c *config) { c.site.nav = nav } }

// WithBaseURL sets the address the public site is published at (ending
// in "/"), and which documents are published there: their pages carry
// rel=canonical and absolute hreflang links.
func WithBaseURL(base string, public func(doc string) bool) Option {
	return func(c *config) { c.site.base, c.site.public = base, public }
}

// WithLanguages sets the languages of the site indexes and blank
// checklists, which link each other; without it, all.
func WithLanguages(langs []string) Option { return func(c *config) { c.site.langs = langs } }

// WithFirm sets the firm that prepares the internal documents, the pages
// of the documents internal reports: they carry its name and sign-off
// block in place of "Made with Basis", and Basis's notice that it gives
// no legal advice unless the firm turned it off.
func WithFirm(f Firm, internal func(doc string) bool) Option {
	return func(c *config) { c.site.firm, c.site.internal = f, internal }
}

// New makes a renderer: the templates (parsed once for files of the same
// contents, parseTemplates), cloned for a language and register when a
// page first asks for them (a build in two languages clones two of eight).
func New(opts ...Option) (*Renderer, error) {
	var cfg config
	for _, o := range opts {
		o(&cfg)
	}
	if cfg.templates == nil || cfg.catalog == nil {
		return nil, fmt.Errorf("render: templates and catalog are required")
	}
	r := &Renderer{voices: map[voice]*voiceSet{}, printers: map[voice]*locale.Printer{},
		cat: cfg.catalog, md: newMarkdown(2), version: cfg.version, history: cfg.history, released: cfg.released, docHistory: cfg.docHist, pdf: cfg.pdf, site: cfg.site}
	var err error
	if r.src, err = parseTemplates(cfg.templates, stubs(r.funcs(cfg.catalog.In("en", locale.Formal)))); err != nil {
		return nil, fmt.Errorf("templates: %w", err)
	}
	for _, lang := range model.Languages {
		for _, reg := range []locale.Register{locale.Formal, locale.Informal} {
			v := voice{lang, reg}
			r.printers[v] = cfg.catalog.In(lang, reg)
			r.voices[v] = &voiceSet{}
		}
	}
	return r, nil
}

// voiceSet is the templates of one voice: base, bound to the voice's
// printer and never executed nor folded (cloned for a company's own
// wording), and set, a copy with the messages folded in.
type voiceSet struct {
	once      sync.Once
	base, set *template.Template
	err       error
}

// templatesOf returns the templates of v, cloning them on first use; ok is
// false for a language Basis does not write.
func (r *Renderer) templatesOf(v voice) (vs *voiceSet, ok bool, err error) {
	vs, ok = r.voices[v]
	if !ok {
		return nil, false, nil
	}
	vs.once.Do(func() {
		p := r.printers[v]
		t, err := r.src.Clone()
		if err != nil {
			vs.err = fmt.Errorf("templates: %w", err)
			return
		}
		vs.base = t.Funcs(r.funcs(p))
		if vs.set, err = t.Clone(); err != nil {
			vs.err = fmt.Errorf("templates: %w", err)
			return
		}
		foldMessages(vs.set, p) // the base stays unfolded: own.go folds a company's wording into its copy
	})
	return vs, true, vs.err
}

// voice is a language with a register: the documents of a company speak to
// the reader in the company's register.
type voice struct {
	lang string
	reg  locale.Register
}

// voiceOf is the voice of c's documents in lang; without a company (the
// index, the blank checklist) the formal one.
func voiceOf(c *model.Company, lang string) voice {
	if c != nil && c.Register == model.Informal {
		return voice{lang, locale.Informal}
	}
	return voice{lang, locale.Formal}
}

// printer returns a printer of c's documents in lang in the shared
// wording, for one document: its own copy (locale.Printer.Track), whose Err
// reports only the messages missing in that document.
func (r *Renderer) printer(c *model.Company, lang string) *locale.Printer {
	return r.printers[voiceOf(c, lang)].Track()
}

// viewFor returns the view of lang in the register of the page's company.
func (r *Renderer) viewFor(lang string, data any) (*view, error) {
	var c *model.Company
	if pg, ok := data.(*Page); ok {
		c = pg.Company
	}
	v := voiceOf(c, lang)
	vs, ok, err := r.templatesOf(v)
	if !ok {
		return nil, fmt.Errorf("render: language %q is not supported", lang)
	}
	if err != nil {
		return nil, err
	}
	return &view{set: vs.set, p: r.printers[v]}, nil
}

// execute runs the named template for lang, in the register of the page's
// company. A missing message fails the template line that asked for it.
func (r *Renderer) execute(name, lang string, data any) ([]byte, error) {
	v, err := r.viewFor(lang, data)
	if err != nil {
		return nil, err
	}
	return v.execute(name, data)
}

// executeTo is execute writing to w.
func (r *Renderer) executeTo(w io.Writer, name, lang string, data any) error {
	v, err := r.viewFor(lang, data)
	if err != nil {
		return err
	}
	return v.executeTo(w, name, data)
}

// execute runs the named template of v, giving long words places to wrap
// (see wrapLongWords).
func (v *view) execute(name string, data any) ([]byte, error) {
	var buf bytes.Buffer
	if err := v.executeTo(&buf, name, data); err != nil {
		return nil, err
	}
	return wrapLongWords(buf.Bytes()), nil
}

// executeTo runs the named template of v into w. The template functions
// return a missing message as an error (see funcs), so no printer shared by
// the documents of a language keeps one.
func (v *view) executeTo(w io.Writer, name string, data any) error {
	if err := v.set.ExecuteTemplate(w, name, data); err != nil {
		return fmt.Errorf("render %s (%s): %w", name, v.p.Lang(), err)
	}
	return nil
}

// executeWith is execute for a page whose data was made with q, the
// page's own printer (see locale.Printer.Track): a message missing there
// fails the page too.
func (v *view) executeWith(q *locale.Printer, name string, data any) ([]byte, error) {
	b, err := v.execute(name, data)
	if err != nil {
		return nil, err
	}
	if err := q.Err(); err != nil {
		return nil, fmt.Errorf("render %s (%s): %w", name, q.Lang(), err)
	}
	return b, nil
}
