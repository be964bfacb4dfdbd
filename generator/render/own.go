package render

import (
	"errors"
	"fmt"
	"html/template"

	"github.com/basis-privacy/basis/generator/locale"
	"github.com/basis-privacy/basis/generator/model"
)

// view is what renders a document in one language: the template set and
// the printer, with the company's own wording where it has any.
type view struct {
	set *template.Template
	p   *locale.Printer
}

// view returns the view of c's documents in lang: the shared one, or, when
// c words messages of lang itself, a copy of the templates bound to a
// printer with c's wording (see Printer).
func (r *Renderer) view(c *model.Company, lang string) (*view, error) {
	if _, ok := r.sets[lang]; !ok {
		return nil, fmt.Errorf("render: language %q is not supported", lang)
	}
	p, err := r.Printer(c, lang)
	if err != nil {
		return nil, err
	}
	if p == r.printers[lang] {
		return &view{set: r.sets[lang], p: p}, nil
	}
	set, err := r.base[lang].Clone()
	if err != nil {
		return nil, fmt.Errorf("templates: %w", err)
	}
	return &view{set: set.Funcs(r.funcs(p)), p: p}, nil
}

// Printer returns the printer c's documents in lang are written with: the
// shared messages, with c's own wording (model.Company.Messages) in place
// of the shared one. A message that cannot replace the shared one (see
// locale.Catalog.Verify) is an error at its position.
func (r *Renderer) Printer(c *model.Company, lang string) (*locale.Printer, error) {
	var own []locale.Message
	for _, m := range c.Messages {
		if m.Lang == lang {
			own = append(own, locale.Message{ID: m.ID, Text: m.Text, Forms: m.Forms})
		}
	}
	if len(own) == 0 {
		return r.printers[lang], nil
	}
	cat, err := r.cat.Overlay(map[string][]locale.Message{lang: own})
	var oe *locale.OverrideError
	if errors.As(err, &oe) {
		for _, m := range c.Messages {
			if m.Lang == lang && m.ID == oe.ID {
				return nil, fmt.Errorf("%s: message %s %s; %s", m.Value, m.ID, oe.Message(), oe.Hint())
			}
		}
	}
	if err != nil {
		return nil, err
	}
	return cat.For(lang), nil
}
