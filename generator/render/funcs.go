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
	regions := display.Regions(language.Make(lang))
	return template.FuncMap{
		// t and n return a missing message as an error, which names the
		// template line that asked for it.
		"t": p.Lookup,
		"n": p.LookupN,
		// words writes a count as running text does, in the form a
		// sentence needs (Polish "w czterech celach": "locative").
		"words": p.Number,
		// tx returns company text in the page language.
		"tx": func(t model.Text) string { return t.In(lang) },
		// md renders company Markdown in the page language.
		"md": func(t model.Text) (template.HTML, error) { return r.markdown(t.In(lang)) },
		// basis names a legal basis in the page language.
		"basis": func(b model.Basis) (string, error) { return p.Lookup("basis." + string(b)) },
		// cite cites a legal basis as a regime's law and the page language
		// write it.
		"cite": func(regime string, b model.Basis) (string, error) {
			return p.Lookup("cite." + regime + "." + string(b))
		},
		// data names a category of personal data.
		"data": func(c *model.Company, id string) (string, error) {
			q := p.Track()
			return dataName(q, c, id), q.Err()
		},
		"datalist": func(c *model.Company, ids []string) (string, error) {
			q := p.Track()
			return joinData(q, c, ids), q.Err()
		},
		"date": func(t time.Time) (string, error) {
			q := p.Track()
			return formatDate(q, t), q.Err()
		},
		"isodate": func(t time.Time) string { return t.Format(time.DateOnly) },
		"country": func(code string) (string, error) {
			q := p.Track()
			return countryName(q, regions, code), q.Err()
		},
		// market names a market: its message market.<code> where the
		// locales word it, else the country's name from CLDR.
		"market": func(code law.Market) (string, error) {
			q := p.Track()
			return marketName(q, code), q.Err()
		},
		// countryIn names a country as it follows "in" in running text:
		// English puts "the" before some ("in the United States").
		"countryIn": func(code string) (string, error) {
			q := p.Track()
			name := countryName(q, regions, code)
			if lang == "en" && withThe[law.Country(code)] {
				name = "the " + name
			}
			return name, q.Err()
		},
		// tr is t for a message whose wording depends on the regime the
		// page speaks under: it uses id.<regime> where the locales have it,
		// else id.
		"tr": func(regime string, id string, kv ...any) (string, error) {
			if x := id + "." + regime; regime != "" && p.Has(x) {
				return p.Lookup(x, kv...)
			}
			return p.Lookup(id, kv...)
		},
		// variant is t for id.<suffix> where the locales have it, else id:
		// a form of a message only some languages need (German grammatical
		// gender).
		"variant": func(id, suffix string, kv ...any) (string, error) {
			if x := id + "." + suffix; suffix != "" && p.Has(x) {
				return p.Lookup(x, kv...)
			}
			return p.Lookup(id, kv...)
		},
		// requests gives what a regime's sentence on request periods cites:
		// the provisions of law.RequestsOf, and, while they are unverified,
		// that they were not checked against an official source.
		"requests": func(regime string) (requestCite, error) { return requests(p, regime) },
		"lower":    lowerFirst,
		// afterColon is company text after a colon, as the page language
		// writes it there.
		"afterColon": func(s string) string { return afterColon(lang, s) },
		"withNote":   withNote,
		"unbroken":   unbroken,
		"list":       func(xs ...string) []string { return xs },
		"ext":        path.Ext,
		"inEEA":      model.InEEA,
		"seq":        seq,
		"add":        func(a, b int) int { return a + b },
		"dict":       dict,
		"langname": func(l string) string {
			// A language names itself, so a reader finds their own.
			return display.Self.Name(language.Make(l))
		},
	}
}

// seq returns 1, 2, ..., n.
func seq(n int) []int {
	out := make([]int, n)
	for i := range out {
		out[i] = i + 1
	}
	return out
}

// dict makes a map of key, value pairs, for a template's arguments.
func dict(kv ...any) map[string]any {
	m := map[string]any{}
	for i := 0; i+1 < len(kv); i += 2 {
		m[fmt.Sprint(kv[i])] = kv[i+1]
	}
	return m
}

// requestCite is the citation of a regime's request periods, and the note
// that they are unverified ("" once they are verified).
type requestCite struct{ Cite, Unverified string }

// requests gives what a regime's sentence on request periods cites: the
// provisions of law.RequestsOf, and, while they are unverified, that they
// were not checked against an official source.
func requests(p *locale.Printer, regime string) (requestCite, error) {
	rp, ok := law.RequestsOf(law.Regime(regime))
	if !ok {
		return requestCite{}, nil
	}
	q := p.Track()
	var rc requestCite
	for i, ref := range rp.Refs {
		if i > 0 {
			rc.Cite += "; "
		}
		rc.Cite += q.T("ref." + ref)
	}
	if !rp.Verified {
		rc.Unverified = "; " + q.T("notice.unverified")
	}
	return rc, q.Err()
}

// countryName names a country in p's language: as its legal texts write it
// where the locales say (country.<code>.name, as countryIn), else from CLDR.
func countryName(p *locale.Printer, regions display.Namer, code string) string {
	code = law.Country(code)
	if code == "EU" {
		return p.T("market.EU")
	}
	if id := "country." + code + ".name"; p.Has(id) {
		return p.T(id)
	}
	reg, err := language.ParseRegion(code)
	if err != nil {
		return code
	}
	if name := regions.Name(reg); name != "" {
		return name
	}
	return code
}

// withThe lists the countries whose English name takes "the" in running
// text.
var withThe = map[string]bool{
	"US": true, "GB": true, "NL": true, "PH": true, "AE": true, "CZ": true, "DO": true, "BS": true,
	"GM": true, "MV": true, "CF": true, "KM": true, "CD": true, "CG": true, "SC": true, "SB": true,
	"MH": true, "VA": true, "KY": true, "VG": true, "FO": true, "FK": true, "CI": true,
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
