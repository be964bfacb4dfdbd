package render

import (
	"errors"
	"fmt"
	"html/template"
	"maps"
	"slices"
	"strings"
	"sync"

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
// printer with c's wording (see Printer), with that wording folded in
// (see foldMessages).
//
// The views of the last few wordings are kept (see views), so that a
// company's documents in one language, and companies worded alike, share
// one copy of the templates, escaped once, and one printer.
func (r *Renderer) view(c *model.Company, lang string) (*view, error) {
	vo := voiceOf(c, lang)
	vs, ok, err := r.templatesOf(vo)
	if !ok {
		return nil, fmt.Errorf("render: language %q is not supported", lang)
	}
	if err != nil {
		return nil, err
	}
	key := ownKey(c, lang)
	if key == "" {
		return &view{set: vs.set, p: r.printers[vo]}, nil
	}
	key = string(vo.reg) + "\n" + key
	if v := r.own.get(key); v != nil {
		return v, nil
	}
	p, err := r.ownPrinter(c, lang)
	if err != nil {
		return nil, err
	}
	set, err := vs.base.Clone()
	if err != nil {
		return nil, fmt.Errorf("templates: %w", err)
	}
	set = set.Funcs(r.funcs(p))
	foldMessages(set, p)
	v := &view{set: set, p: p}
	r.own.put(key, v)
	return v, nil
}

// ownKey identifies c's own wording in lang: "" for none.
func ownKey(c *model.Company, lang string) string {
	var b strings.Builder
	for _, m := range c.Messages {
		if m.Lang != lang {
			continue
		}
		fmt.Fprintf(&b, "%q %q", m.ID, m.Text)
		for _, f := range slices.Sorted(maps.Keys(m.Forms)) {
			fmt.Fprintf(&b, " %q %q", f, m.Forms[f])
		}
		b.WriteByte('\n')
	}
	if b.Len() == 0 {
		return ""
	}
	return lang + "\n" + b.String()
}

// views keeps the views of the last maxViews wordings.
type views struct {
	mu    sync.Mutex
	byKey map[string]*view
	order []string
}

const maxViews = 32

func (vs *views) get(key string) *view {
	vs.mu.Lock()
	defer vs.mu.Unlock()
	return vs.byKey[key]
}

func (vs *views) put(key string, v *view) {
	vs.mu.Lock()
	defer vs.mu.Unlock()
	if vs.byKey == nil {
		vs.byKey = map[string]*view{}
	}
	if _, ok := vs.byKey[key]; ok {
		return
	}
	if len(vs.order) == maxViews {
		delete(vs.byKey, vs.order[0])
		vs.order = vs.order[1:]
	}
	vs.byKey[key] = v
	vs.order = append(vs.order, key)
}

// Printer returns the printer c's documents in lang are written with: the
// shared messages, with c's own wording (model.Company.Messages) in place
// of the shared one. It is the caller's own copy (locale.Printer.Track):
// its Err reports only the messages missing in the caller's lookups. A message that cannot replace the shared one (see
// locale.Catalog.Verify) is an error at its position.
func (r *Renderer) Printer(c *model.Company, lang string) (*locale.Printer, error) {
	v, err := r.view(c, lang)
	if err != nil {
		return nil, err
	}
	return v.p.Track(), nil
}

// ownPrinter makes the printer of c's own wording in lang.
func (r *Renderer) ownPrinter(c *model.Company, lang string) (*locale.Printer, error) {
	var own []locale.Message
	for _, m := range c.Messages {
		if m.Lang == lang {
			own = append(own, locale.Message{ID: m.ID, Text: m.Text, Forms: m.Forms})
		}
	}
	if len(own) == 0 {
		return r.printer(c, lang), nil
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
	return cat.In(lang, voiceOf(c, lang).reg), nil
}
