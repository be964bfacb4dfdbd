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
//
// Messages are written in the formal register; a Printer in the informal
// one uses an id's ".informal" variant where the language has one:
//
//	p := cat.In("de", locale.Informal)
//	p.T("notice.rights.title") // "Deine Rechte" (formal: "Ihre Rechte")
//
// Counts up to twelve are words (Number), in the case a sentence needs where
// the numeral inflects ("w czterech celach"), and the printed text has one
// full stop after an abbreviation that ends a sentence and square brackets
// inside round ones.
package locale

import (
	"errors"
	"fmt"
	"io/fs"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"

	"github.com/basis-privacy/basis/generator/internal/memo"
	goi18n "github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"
	"gopkg.in/yaml.v3"
)

// Catalog holds the messages of every language Basis writes.
type Catalog struct {
	bundle *goi18n.Bundle
	ids    map[string]map[string]bool            // lang -> message ids
	src    map[string]map[string]*goi18n.Message // lang -> id -> the message as read
	area   map[string]map[string]string          // lang -> id -> the area of its file (see Area)
	// over holds a company's own wording (see Overlay); nil for none.
	over *overlay
}

// Load reads every *.yaml message file (named <area>.<lang>.yaml) from each
// file system in turn; a message in a later one overrides the same id in an
// earlier one, so a project's own locales/ folder overrides the embedded one.
// Files with the same names and contents as a recent Load's give that Load's
// Catalog, which nothing changes (Overlay copies it): a watch, a server or
// a test rebuilding many times parses the messages once.
func Load(fsyses ...fs.FS) (*Catalog, error) {
	files, err := readMessageFiles(fsyses)
	if err != nil {
		return nil, err
	}
	var k memo.Hasher
	for _, f := range files {
		k.File(f.name, f.data)
	}
	if c, ok := loaded.Get(k.Key()); ok {
		return c, nil
	}
	c, err := parseMessageFiles(files)
	if err != nil {
		return nil, err
	}
	loaded.Put(k.Key(), c)
	return c, nil
}

// loaded keeps the Catalogs of the last few Loads.
var loaded = memo.New[*Catalog](8)

// messageFile is one message file as read.
type messageFile struct {
	name string
	data []byte
}

// readMessageFiles reads the *.yaml files of each file system, in the
// order Load applies them.
func readMessageFiles(fsyses []fs.FS) ([]messageFile, error) {
	var files []messageFile
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
			files = append(files, messageFile{name, data})
		}
	}
	return files, nil
}

// parseMessageFiles builds the Catalog of files, a later file's message
// overriding an earlier one's of the same id.
func parseMessageFiles(files []messageFile) (*Catalog, error) {
	b := goi18n.NewBundle(language.English)
	b.RegisterUnmarshalFunc("yaml", yaml.Unmarshal)
	c := &Catalog{bundle: b, ids: map[string]map[string]bool{}, src: map[string]map[string]*goi18n.Message{},
		area: map[string]map[string]string{}}
	for _, f := range files {
		mf, err := b.ParseMessageFileBytes(f.data, f.name)
		if err != nil {
			return nil, fmt.Errorf("locales/%s: %w", f.name, err)
		}
		lang := mf.Tag.String()
		if c.ids[lang] == nil {
			c.ids[lang] = map[string]bool{}
			c.src[lang] = map[string]*goi18n.Message{}
			c.area[lang] = map[string]string{}
		}
		area, _, _ := strings.Cut(f.name, ".")
		for _, m := range mf.Messages {
			c.ids[lang][m.ID] = true
			c.src[lang][m.ID] = m
			c.area[lang][m.ID] = area
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

// Area returns the area of message id in lang: the first part of the name
// of the file that holds it (notice for notice.de.yaml), or "" for an id
// lang lacks. A company words a message in the file of the same area.
func (c *Catalog) Area(lang, id string) string { return c.area[lang][id] }

// Has reports whether lang has a message id.
func (c *Catalog) Has(lang, id string) bool { return c.ids[lang][id] }

// For returns a Printer for lang in the formal register.
func (c *Catalog) For(lang string) *Printer { return c.In(lang, Formal) }

// In returns a Printer for lang in register reg.
func (c *Catalog) In(lang string, reg Register) *Printer {
	p := &Printer{cat: c, lang: lang, reg: reg, loc: goi18n.NewLocalizer(c.bundle, lang), static: &sync.Map{}, misses: &misses{}}
	if c.over != nil {
		p.own = goi18n.NewLocalizer(c.over.bundle, lang)
	}
	return p
}

// Register is the form of address of a document. A message id is written in
// the formal register ("Sie", "Państwo", "Quý khách"); where the informal one
// ("du", "Ty", "bạn") reads differently, the same id with the suffix
// InformalSuffix holds that wording, and an informal Printer uses it.
type Register string

// The two registers.
const (
	Formal   Register = "formal"
	Informal Register = "informal"
)

// InformalSuffix ends the id of a message's informal wording.
const InformalSuffix = ".informal"

// Printer looks up messages in one language. Lookup and LookupN return a
// missing message as an error to the caller that asked (a template names
// its line); T and N return "" for it and remember it for Err. A printer
// shared by many documents is looked up through Lookup, or through a copy
// of its own for each document (Track), so that one document's missing
// message never fails another.
type Printer struct {
	cat    *Catalog
	lang   string
	reg    Register
	loc    *goi18n.Localizer
	own    *goi18n.Localizer // the company's own wording, if any
	static *sync.Map         // id -> text of messages asked for without data, shared by the copies
	misses *misses           // the messages T and N did not find, this copy's own
}

// misses lists the ids of missing messages.
type misses struct {
	mu  sync.Mutex
	ids []string
}

// Track returns a copy of p that looks messages up as p does and remembers
// only the messages missing in its own lookups: one per document (or per
// call) of a printer shared by many.
func (p *Printer) Track() *Printer {
	q := *p
	q.misses = &misses{}
	return &q
}

// Lang returns the printer's language.
func (p *Printer) Lang() string { return p.lang }

// Register returns the printer's register.
func (p *Printer) Register() Register { return p.reg }

// T returns message id with the template data given as key, value pairs;
// a missing message is "", and is remembered for Err.
func (p *Printer) T(id string, kv ...any) string { return p.miss(p.Lookup(id, kv...)) }

// N returns message id in the plural form for count (CLDR rules of the
// language); the data also gets Count (digits) and Number (the count as a
// word, see Number), which kv may override with another form. A missing
// message is "", and is remembered for Err.
func (p *Printer) N(id string, count int, kv ...any) string {
	return p.miss(p.LookupN(id, count, kv...))
}

// Lookup is T returning a missing message as a *MissingError, which it
// does not remember: for a template function, whose error names the
// template line that asked.
func (p *Printer) Lookup(id string, kv ...any) (string, error) { return p.lookup(id, nil, kv) }

// LookupN is N returning a missing message as a *MissingError, which it
// does not remember.
func (p *Printer) LookupN(id string, count int, kv ...any) (string, error) {
	return p.lookup(id, count, append([]any{"Number", p.Number(count, "")}, kv...))
}

// Number writes n as running text does: as a word up to twelve ("fünf",
// "cztery", "bốn") from the messages number.<n>, else in digits. A form
// names a case or use a sentence needs where the language inflects the
// numeral (Polish "w czterech celach": number.4.locative); a language whose
// numeral does not change has no such message and gets the plain word.
func (p *Printer) Number(n int, form string) string {
	id := fmt.Sprintf("number.%d", n)
	if !p.cat.Has(p.lang, id) {
		return fmt.Sprint(n)
	}
	if form != "" && p.cat.Has(p.lang, id+"."+form) {
		id += "." + form
	}
	return p.T(id)
}

// Has reports whether the message exists in the printer's language.
func (p *Printer) Has(id string) bool { return p.cat.Has(p.lang, id) }

func (p *Printer) lookup(id string, count any, kv []any) (string, error) {
	static := count == nil && len(kv) == 0
	if static {
		if s, ok := p.static.Load(id); ok {
			return s.(string), nil
		}
	}
	if !p.cat.Has(p.lang, id) {
		return "", &MissingError{Lang: p.lang, IDs: []string{id}}
	}
	id = p.variant(id)
	data := map[string]any{}
	for i := 0; i+1 < len(kv); i += 2 {
		data[fmt.Sprint(kv[i])] = kv[i+1]
	}
	if count != nil {
		data["Count"] = count
	}
	loc := p.loc
	if p.worded(id) {
		loc = p.own
	}
	s, err := loc.Localize(&goi18n.LocalizeConfig{MessageID: id, TemplateData: data, PluralCount: count})
	if err != nil {
		return "", &MissingError{Lang: p.lang, IDs: []string{id + " (" + err.Error() + ")"}}
	}
	s = bracketNested(singleStop(s))
	if static {
		p.static.Store(id, s)
	}
	return s, nil
}

// doubledStop is a full stop right after a word that ends in one: a name
// ("Wysyłka24 sp. z o.o.") or a date ("2026 r.") put before the full stop
// that ends the sentence.
var doubledStop = regexp.MustCompile(`([^.])\.\.([^.]|$)`)

// bracketNested writes parentheses inside parentheses as square brackets,
// as legal texts do: a citation "(Art. 13 Abs. 2 RL 2002/58/EG; EuGH, C-654/23
// (Inteligo Media))" put in a sentence's brackets reads "(…; EuGH, C-654/23
// [Inteligo Media])". A subdivision's brackets, written without a space
// ("Art. 13(2)"), stay; a closing bracket with none open stays as it is.
func bracketNested(s string) string {
	if strings.Count(s, "(") < 2 {
		return s
	}
	rs := []rune(s)
	var open []rune
	for i, r := range rs {
		switch {
		case r == '(' && len(open) > 0 && i > 0 && unicode.IsSpace(rs[i-1]) && !subdivision(rs[i+1:]):
			open = append(open, '[')
			rs[i] = '['
		case r == '(':
			open = append(open, '(')
		case r == ')' && len(open) > 0:
			if open[len(open)-1] == '[' {
				rs[i] = ']'
			}
			open = open[:len(open)-1]
		}
	}
	return string(rs)
}

// subdivision reports whether rs begins with a subdivision's number or
// lower-case letter and its closing bracket, as in "Art. 21(2) and (3)".
func subdivision(rs []rune) bool {
	for i, r := range rs {
		if r == ')' {
			return i > 0
		}
		if i >= 3 || !unicode.IsLower(r) && !unicode.IsDigit(r) {
			return false
		}
	}
	return false
}

// singleStop writes one full stop where an abbreviation ends the sentence;
// an ellipsis (...) stays.
func singleStop(s string) string {
	if !strings.Contains(s, "..") { // most text: no need for the regular expression
		return s
	}
	return doubledStop.ReplaceAllString(s, "$1.$2")
}

// miss remembers the message that err reports missing, and returns s.
func (p *Printer) miss(s string, err error) string {
	var me *MissingError
	if !errors.As(err, &me) {
		return s
	}
	m := p.misses
	m.mu.Lock()
	defer m.mu.Unlock()
	for _, id := range me.IDs {
		if !slices.Contains(m.ids, id) {
			m.ids = append(m.ids, id)
		}
	}
	return s
}

// Err reports the messages that T and N of this printer (not of its
// copies, see Track) were asked for but are missing in its language, or nil.
func (p *Printer) Err() error {
	m := p.misses
	m.mu.Lock()
	defer m.mu.Unlock()
	if len(m.ids) == 0 {
		return nil
	}
	return &MissingError{Lang: p.lang, IDs: slices.Clone(m.ids)}
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

// variant returns the id of the wording of message id the printer uses: in
// the informal register, the company's own ".informal" wording, else its
// own wording of id (which then stands in either register), else the shared
// ".informal" variant where there is one; in the formal register, id.
func (p *Printer) variant(id string) string {
	if p.reg != Informal {
		return id
	}
	switch informal := id + InformalSuffix; {
	case p.worded(informal):
		return informal
	case p.worded(id):
		return id
	case p.cat.Has(p.lang, informal):
		return informal
	}
	return id
}

// worded reports whether the company words message id itself.
func (p *Printer) worded(id string) bool {
	return p.own != nil && p.cat.over.ids[p.lang][id]
}
