// Package render turns a company into HTML documents and JSON in one
// language, using html/template, the go-i18n messages of that language and
// goldmark for company-written Markdown. Output is deterministic.
package render

import (
	"bytes"
	"fmt"
	"html/template"
	"io/fs"

	"github.com/yuin/goldmark"

	"github.com/basis-privacy/basis/generator/locale"
	"github.com/basis-privacy/basis/generator/model"
)

// Renderer renders documents; it is safe for concurrent use.
type Renderer struct {
	sets     map[string]*template.Template // per language
	printers map[string]*locale.Printer    // per language, shared with the template funcs
	cat      *locale.Catalog
	md       goldmark.Markdown
	// Version is written into each page's generator meta tag.
	version string
}

// Option configures a Renderer.
type Option func(*config)

type config struct {
	templates fs.FS
	catalog   *locale.Catalog
	version   string
}

// WithTemplates sets the template tree (*.html at its root).
func WithTemplates(fsys fs.FS) Option { return func(c *config) { c.templates = fsys } }

// WithCatalog sets the message catalog.
func WithCatalog(cat *locale.Catalog) Option { return func(c *config) { c.catalog = cat } }

// WithVersion sets the Basis version named in the generator meta tag.
func WithVersion(v string) Option { return func(c *config) { c.version = v } }

// New parses the templates once per language.
func New(opts ...Option) (*Renderer, error) {
	var cfg config
	for _, o := range opts {
		o(&cfg)
	}
	if cfg.templates == nil || cfg.catalog == nil {
		return nil, fmt.Errorf("render: templates and catalog are required")
	}
	r := &Renderer{sets: map[string]*template.Template{}, printers: map[string]*locale.Printer{},
		cat: cfg.catalog, md: newMarkdown(2), version: cfg.version}
	for _, lang := range model.Languages {
		p := cfg.catalog.For(lang)
		r.printers[lang] = p
		t, err := template.New("").Funcs(r.funcs(p)).ParseFS(cfg.templates, "*.html")
		if err != nil {
			return nil, fmt.Errorf("templates: %w", err)
		}
		foldMessages(t, p)
		r.sets[lang] = t
	}
	return r, nil
}

// execute runs the named template for lang and reports missing messages.
func (r *Renderer) execute(name, lang string, data any) ([]byte, error) {
	set, ok := r.sets[lang]
	if !ok {
		return nil, fmt.Errorf("render: language %q is not supported", lang)
	}
	var buf bytes.Buffer
	if err := set.ExecuteTemplate(&buf, name, data); err != nil {
		return nil, fmt.Errorf("render %s (%s): %w", name, lang, err)
	}
	if err := r.printers[lang].Err(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
