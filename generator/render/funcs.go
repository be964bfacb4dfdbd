package render

import (
	"fmt"
	"html/template"
	"path"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"

	"github.com/basis-privacy/basis/generator/law"
	"github.com/basis-privacy/basis/generator/locale"
	"github.com/basis-privacy/basis/generator/model"
)

// funcs returns the template functions bound to one language.
func (r *Renderer) funcs(p *locale.Printer) template.FuncMap {
	lang := p.Lang()
	return template.FuncMap{
		"t": p.T,
		"n": p.N,
		// words writes a count as running text does, in the form a
		// sentence needs (Polish "w czterech celach": "locative").
		"words": p.Number,
		// tx returns company text in the page language.
		"tx": func(t model.Text) string { return t.In(lang) },
		// md renders company Markdown in the page language.
		"md": func(t model.Text) (template.HTML, error) { return r.markdown(t.In(lang)) },
		// basis names a legal basis in the page language.
		"basis": func(b model.Basis) string { return p.T("basis." + string(b)) },
		// cite cites a legal basis as a regime's law and the page language
		// write it.
		"cite": func(regime string, b model.Basis) string {
			return p.T("cite." + regime + "." + string(b))
		},
		// data names a category of personal data.
		"data":     func(c *model.Company, id string) string { return dataName(p, c, id) },
		"datalist": func(c *model.Company, ids []string) string { return joinData(p, c, ids) },
		"date":     func(t time.Time) string { return formatDate(p, t) },
		"isodate":  func(t time.Time) string { return t.Format(time.DateOnly) },
		"country": func(code string) string {
			if code == "EU" {
				return p.T("market.EU")
			}
			return countryName(lang, code)
		},
		"market": func(code law.Market) string { return marketName(p, code) },
		// tr is t for a message whose wording depends on the regime the
		// page speaks under: it uses id.<regime> where the locales have it,
		// else id.
		"tr": func(regime string, id string, kv ...any) string {
			if x := id + "." + regime; regime != "" && p.Has(x) {
				return p.T(x, kv...)
			}
			return p.T(id, kv...)
		},
		"lower": lowerFirst,
		"list":  func(xs ...string) []string { return xs },
		"ext":   path.Ext,
		"inEEA": model.InEEA,
		"seq": func(n int) []int {
			out := make([]int, n)
			for i := range out {
				out[i] = i + 1
			}
			return out
		},
		"add": func(a, b int) int { return a + b },
		"dict": func(kv ...any) map[string]any {
			m := map[string]any{}
			for i := 0; i+1 < len(kv); i += 2 {
				m[fmt.Sprint(kv[i])] = kv[i+1]
			}
			return m
		},
		"langname": func(l string) string {
			// A language names itself, so a reader finds their own.
			return display.Self.Name(language.Make(l))
		},
	}
}

// formatDate writes a date as running text in p's language does.
func formatDate(p *locale.Printer, t time.Time) string {
	return p.T("date.format", "Day", t.Day(), "Month", p.T(fmt.Sprintf("date.month.%d", int(t.Month()))), "Year", t.Year())
}

// lowerFirst lower-cases the first letter of s ("Date of birth" -> "date of birth").
func lowerFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToLower(r)) + s[n:]
}
