package cli

import (
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"

	"github.com/basis-privacy/basis/generator/law"
	"github.com/basis-privacy/basis/generator/load"
	"github.com/basis-privacy/basis/generator/locale"
	"github.com/basis-privacy/basis/generator/model"
)

const messagesUsage = "basis messages [--content DIR] [--area AREA] [--format text|json] [SLUG]"

// wording is one message a company can word itself: where it goes and its
// current text in each language.
type wording struct {
	ID    string                `json:"id"`
	Area  string                `json:"area"`
	Texts map[string]wordedText `json:"texts"` // by language
}

// wordedText is a message's current text in one language.
type wordedText struct {
	Text  string            `json:"text,omitempty"`
	Forms map[string]string `json:"forms,omitempty"` // plural forms, for a message with a count
	Own   bool              `json:"own,omitempty"`   // the company words it itself
	File  string            `json:"file"`            // where the company words it
}

// runMessages lists the messages a company can word itself, each with its
// current text in each of its languages (its own wording where it has
// one); without a company, those of any company, in every language.
func runMessages(args []string, stdout, stderr io.Writer) int {
	fset := newFlags("messages", stderr)
	content := fset.String("content", "content", "folder of company folders")
	area := fset.String("area", "", "only the messages of this area (notice, fields, checklist, common, ...)")
	format := fset.String("format", "text", "output format: text or json")
	rest, code, ok := parseFlags(fset, "messages", args, stdout, stderr)
	if !ok {
		return code
	}
	if *format != "text" && *format != "json" {
		fmt.Fprintf(stderr, "basis messages: --format must be text or json, not %q\n", *format)
		return ExitInput
	}
	if len(rest) > 1 {
		fmt.Fprintf(stderr, "basis messages: one company at a time, not %d\nusage: %s\n", len(rest), messagesUsage)
		return ExitInput
	}
	_, locs := sources()
	cat, err := locale.Load(locs...)
	if err != nil {
		return exitFor(err, stderr, false)
	}
	var c *model.Company
	if len(rest) == 1 {
		if c, err = oneCompany(*content, rest[0], cat); err != nil {
			return exitFor(err, stderr, false)
		}
	}
	if *area != "" && !slices.Contains(areas(cat), *area) {
		fmt.Fprintf(stderr, "basis messages: --area %q is no area of locales/; the areas are %s\n", *area, strings.Join(areas(cat), ", "))
		return ExitInput
	}
	list := wordings(cat, c, *area)
	if *format == "json" {
		return writeJSON(stdout, stderr, list)
	}
	writeWordings(stdout, list, c)
	return ExitOK
}

// oneCompany loads the company named by arg (its folder name, folder or
// company.yaml).
func oneCompany(content, arg string, cat *locale.Catalog) (*model.Company, error) {
	if err := contentMissing(content); err != nil {
		return nil, err
	}
	slugs, err := companyNames(content, []string{arg})
	if err != nil {
		return nil, err
	}
	cs, err := loadSelected(content, slugs, load.WithCatalog(cat))
	if err != nil {
		return nil, err
	}
	return cs[0], nil
}

// areas lists the areas of the catalog's messages, sorted.
func areas(cat *locale.Catalog) []string {
	var out []string
	for _, id := range cat.IDs("en") {
		if a := cat.Area("en", id); !slices.Contains(out, a) {
			out = append(out, a)
		}
	}
	slices.Sort(out)
	return out
}

// wordings lists the messages c can word itself (any company's when c is
// nil), of area ("" every area), by id. A company's list leaves out what
// its wording would not change: a message its law replaces by a variant
// (notice.rights.free of a company in Vietnam, which uses
// notice.rights.free.pdpl), the variants of other laws, and the informal
// variants in a formal company.
func wordings(cat *locale.Catalog, c *model.Company, area string) []wording {
	langs := model.Languages
	if c != nil {
		langs = c.Languages
	}
	byID := map[string]*wording{}
	var ids []string
	for _, lang := range langs {
		for _, id := range cat.IDs(lang) {
			a := cat.Area(lang, id)
			if (area != "" && a != area) || (c != nil && !rewordable(cat, c, lang, id)) {
				continue
			}
			w := byID[id]
			if w == nil {
				w = &wording{ID: id, Area: a, Texts: map[string]wordedText{}}
				byID[id] = w
				ids = append(ids, id)
			}
			w.Texts[lang] = currentText(cat, c, lang, id, a)
		}
	}
	slices.Sort(ids)
	out := make([]wording, len(ids))
	for i, id := range ids {
		out[i] = *byID[id]
	}
	return out
}

// rewordable reports whether c's wording of message id in lang would
// change its documents (the loader refuses a message its law replaces).
func rewordable(cat *locale.Catalog, c *model.Company, lang, id string) bool {
	regime := law.RegimeOf(c.Country)
	base, informal := strings.CutSuffix(id, locale.InformalSuffix)
	if informal && c.Register != model.Informal {
		return false
	}
	for _, r := range []law.Regime{law.GDPR, law.UKGDPR, law.PDPL} {
		if r != regime && strings.HasSuffix(base, "."+string(r)) {
			return false
		}
	}
	return !cat.Has(lang, base+"."+string(regime))
}

// currentText is message id in lang as c's documents word it: its own
// wording, else the shared one.
func currentText(cat *locale.Catalog, c *model.Company, lang, id, area string) wordedText {
	file := filepath.Join("content", "<slug>", load.MessagesDir, area+"."+lang+".yaml")
	if c != nil {
		file = filepath.Join(c.Dir, load.MessagesDir, area+"."+lang+".yaml")
		for _, m := range c.Messages {
			if m.Lang == lang && m.ID == id {
				return wordedText{Text: m.Text, Forms: m.Forms, Own: true, File: file}
			}
		}
	}
	m, _ := cat.Source(lang, id)
	t := wordedText{Text: m.Text, Forms: m.Forms, File: file}
	if t.Forms != nil {
		t.Text = ""
	}
	return t
}

// writeWordings writes the list as text: each id, then its text per
// language, marked where the company words it itself.
func writeWordings(w io.Writer, list []wording, c *model.Company) {
	langs := model.Languages
	if c != nil {
		langs = c.Languages
	}
	own := 0
	for _, m := range list {
		fmt.Fprintf(w, "%s  [%s]\n", m.ID, m.Area)
		for _, lang := range langs {
			t, ok := m.Texts[lang]
			if !ok {
				continue
			}
			mark := ""
			if t.Own {
				mark, own = "  (own wording, "+t.File+")", own+1
			}
			if t.Forms == nil {
				fmt.Fprintf(w, "  %s: %s%s\n", lang, t.Text, mark)
				continue
			}
			for _, f := range []string{"zero", "one", "two", "few", "many", "other"} {
				if s, ok := t.Forms[f]; ok {
					fmt.Fprintf(w, "  %s (%s): %s%s\n", lang, f, s, mark)
				}
			}
		}
	}
	where := "content/<slug>/" + load.MessagesDir + "/<area>.<lang>.yaml"
	if c != nil {
		where = filepath.Join(c.Dir, load.MessagesDir) + "/<area>.<lang>.yaml"
	}
	fmt.Fprintf(w, "\n%d message(s), %d text(s) worded by the company; word one in %s,\n"+
		"keeping its placeholders ({{.Name}}) and plural forms (README, \"A company's own wording\").\n", len(list), own, where)
}
