// Package locale loads the go-i18n message files and looks messages up per
// language. A missing message is recorded, never replaced by English, so a
// document in German, Polish or Vietnamese cannot fall back to English text.
//
// A company may word messages itself: Overlay returns a catalog in which its
// messages replace the shared ones of the same id, after Verify checked that
// each keeps the id, the plural forms and the placeholders of the shared one:
//
//	own, err := cat.Overlay(map[string][]locale.Message{
//		"de": {{ID: "notice.effective", Text: "In Kraft seit {{.Date}}"}},
//	})
//	if err != nil {
//		return err // an *OverrideError: what is wrong and how to fix it
//	}
//	p := own.For("de") // p.T("notice.effective", "Date", d) uses the company's text
package locale

import (
	"fmt"
	"io/fs"
	"slices"
	"sort"
	"strings"
	"sync"

	goi18n "github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"
	"gopkg.in/yaml.v3"
)

// Catalog holds the messages of every language Basis writes.
type Catalog struct {
	bundle *goi18n.Bundle
	ids    map[string]map[string]bool            // lang -> message ids
	src    map[string]map[string]*goi18n.Message // lang -> id -> the message as read
	// over holds a company's own wording (see Overlay); nil for none.
	over *overlay
}

// Load reads every *.yaml message file (named <area>.<lang>.yaml) from each
// file system in turn; a message in a later one overrides the same id in an
// earlier one, so a project's own locales/ folder overrides the embedded one.
func Load(fsyses ...fs.FS) (*Catalog, error) {
	b := goi18n.NewBundle(language.English)
	b.RegisterUnmarshalFunc("yaml", yaml.Unmarshal)
	c := &Catalog{bundle: b, ids: map[string]map[string]bool{}, src: map[string]map[string]*goi18n.Message{}}
	for _, fsys := range fsyses {
		names, err := fs.Glob(fsys, "*.yaml")
		if err != nil {
			return nil, fmt.Errorf("locales: %w", err)
		}
		sort.Strings(names)
		for _, name := range names {
			data, err := fs.ReadFile(fsys, name)
			if err != nil {
				return nil, fmt.Errorf("locales: %w", err)
			}
			mf, err := b.ParseMessageFileBytes(data, name)
			if err != nil {
				return nil, fmt.Errorf("locales/%s: %w", name, err)
			}
			lang := mf.Tag.String()
			if c.ids[lang] == nil {
				c.ids[lang] = map[string]bool{}
				c.src[lang] = map[string]*goi18n.Message{}
			}
			for _, m := range mf.Messages {
				c.ids[lang][m.ID] = true
				c.src[lang][m.ID] = m
			}
		}
	}
	return c, nil
}

// Languages returns the languages that have messages, sorted.
func (c *Catalog) Languages() []string {
	var out []string
	for l := range c.ids {
		out = append(out, l)
	}
	sort.Strings(out)
	return out
}

// IDs returns the message ids of lang, sorted.
func (c *Catalog) IDs(lang string) []string {
	var out []string
	for id := range c.ids[lang] {
		out = append(out, id)
	}
	sort.Strings(out)
	return out
}

// Has reports whether lang has a message id.
func (c *Catalog) Has(lang, id string) bool { return c.ids[lang][id] }

// For returns a Printer for lang.
func (c *Catalog) For(lang string) *Printer {
	p := &Printer{cat: c, lang: lang, loc: goi18n.NewLocalizer(c.bundle, lang)}
	if c.over != nil {
		p.own = goi18n.NewLocalizer(c.over.bundle, lang)
	}
	return p
}

// Printer looks up messages in one language and remembers which were missing.
type Printer struct {
	cat  *Catalog
	lang string
	loc  *goi18n.Localizer
	own  *goi18n.Localizer // the company's own wording, if any

	mu      sync.Mutex
	missing []string
	static  sync.Map // id -> text of messages asked for without data
}

// Lang returns the printer's language.
func (p *Printer) Lang() string { return p.lang }

// T returns message id with the template data given as key, value pairs.
func (p *Printer) T(id string, kv ...any) string { return p.lookup(id, nil, kv) }

// N returns message id in the plural form for count (CLDR rules of the
// language); the data also gets Count.
func (p *Printer) N(id string, count int, kv ...any) string { return p.lookup(id, count, kv) }

// Has reports whether the message exists in the printer's language.
func (p *Printer) Has(id string) bool { return p.cat.Has(p.lang, id) }

func (p *Printer) lookup(id string, count any, kv []any) string {
	static := count == nil && len(kv) == 0
	if static {
		if s, ok := p.static.Load(id); ok {
			return s.(string)
		}
	}
	if !p.cat.Has(p.lang, id) {
		p.miss(id)
		return ""
	}
	data := map[string]any{}
	for i := 0; i+1 < len(kv); i += 2 {
		data[fmt.Sprint(kv[i])] = kv[i+1]
	}
	if count != nil {
		data["Count"] = count
	}
	loc := p.loc
	if p.own != nil && p.cat.over.ids[p.lang][id] {
		loc = p.own
	}
	s, err := loc.Localize(&goi18n.LocalizeConfig{MessageID: id, TemplateData: data, PluralCount: count})
	if err != nil {
		p.miss(id + " (" + err.Error() + ")")
		return ""
	}
	if static {
		p.static.Store(id, s)
	}
	return s
}

func (p *Printer) miss(id string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if !slices.Contains(p.missing, id) {
		p.missing = append(p.missing, id)
	}
}

// Err reports the messages that were asked for but are missing in the
// printer's language, or nil.
func (p *Printer) Err() error {
	p.mu.Lock()
	defer p.mu.Unlock()
	if len(p.missing) == 0 {
		return nil
	}
	return &MissingError{Lang: p.lang, IDs: slices.Clone(p.missing)}
}

// MissingError lists messages a document needed that its language lacks.
type MissingError struct {
	Lang string
	IDs  []string
}

// Error names the language and the missing ids.
func (e *MissingError) Error() string {
	return fmt.Sprintf("locales: %d message(s) missing in %s.yaml files: %s; add them to locales/*.%s.yaml",
		len(e.IDs), e.Lang, strings.Join(e.IDs, ", "), e.Lang)
}
