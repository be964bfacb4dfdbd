package load

import (
	"fmt"
	"slices"
	"strings"
	"sync"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
	"gopkg.in/yaml.v3"

	"github.com/basis-privacy/basis/generator/law"
	"github.com/basis-privacy/basis/generator/model"
)

// notCountries are codes CLDR knows as regions that are no country of ISO
// 3166-1: the exceptionally reserved codes (Ascension, Clipperton, Diego
// Garcia, Ceuta and Melilla, the Canary Islands, Tristan da Cunha), the
// eurozone and the United Nations.
var notCountries = []string{"AC", "CP", "DG", "EA", "EZ", "IC", "TA", "UN"}

// countries maps every ISO 3166-1 alpha-2 country code to its English name,
// from CLDR (golang.org/x/text): the codes that name a country, are current
// (not replaced by another) and have a name. XK (Kosovo, a user-assigned
// code CLDR and the EU use) is one of them.
var countries = sync.OnceValue(func() map[string]string {
	en := display.English.Regions()
	out := map[string]string{}
	for a := 'A'; a <= 'Z'; a++ {
		for b := 'A'; b <= 'Z'; b++ {
			code := string([]rune{a, b})
			r, err := language.ParseRegion(code)
			if err != nil || !r.IsCountry() || r.Canonicalize() != r || slices.Contains(notCountries, code) {
				continue
			}
			if name := en.Name(r); name != "" {
				out[code] = name
			}
		}
	}
	return out
})

// isCountry reports whether code is an ISO 3166-1 country code; UK, which
// company files may write for the United Kingdom, is one.
func isCountry(code string) bool {
	_, ok := countries()[law.Country(code)]
	return ok
}

// countryName names the country of code in English ("" for none).
func countryName(code string) string { return countries()[law.Country(code)] }

// countryAliases are codes people write for a country that ISO 3166-1 codes
// otherwise: EL is Greece in the EU's own usage.
var countryAliases = map[string]string{"EL": "GR"}

// names maps the names of every country, in each language Basis writes and
// in the country's own, lower-cased, to its code.
var names = sync.OnceValue(func() map[string]string {
	out := map[string]string{}
	namers := []display.Namer{display.Self}
	for _, l := range model.Languages {
		namers = append(namers, display.Regions(language.Make(l)))
	}
	for code := range countries() {
		r := language.MustParseRegion(code)
		for _, n := range namers {
			if name := n.Name(r); name != "" {
				out[strings.ToLower(name)] = code
			}
		}
	}
	return out
})

// nearestCountry returns the country code a mistaken value most likely
// means, preferring those of prefer (the codes a key accepts, e.g. the
// markets Basis knows), or "": the code of a country written by name in
// any language Basis writes ("Austria", "Österreich"), an alias (EL), the
// code in capitals, or a code one letter away (the same first letter
// first).
func nearestCountry(s string, prefer []string) string {
	v := strings.TrimSpace(s)
	accept := func(code string) bool { return prefer == nil || slices.Contains(prefer, code) }
	if code, ok := names()[strings.ToLower(v)]; ok {
		return code
	}
	if code, ok := countryAliases[strings.ToUpper(v)]; ok {
		return code
	}
	if up := strings.ToUpper(v); up != v && isCountry(up) && accept(up) {
		return up
	}
	if len(v) > 3 {
		var all []string
		for name := range names() {
			all = append(all, name)
		}
		slices.Sort(all)
		if name := closest(strings.ToLower(v), all); name != "" {
			return names()[name]
		}
		return ""
	}
	up := strings.ToUpper(v)
	candidates := prefer
	if candidates == nil {
		for code := range countries() {
			candidates = append(candidates, code)
		}
	}
	if len(up) != 2 {
		return ""
	}
	var near []string
	for _, c := range candidates {
		if len(c) == 2 && distance(up, c) == 1 {
			near = append(near, c)
		}
	}
	// The same first letter first (a slip on the second), then by code.
	slices.SortFunc(near, func(a, b string) int {
		if (a[0] == up[0]) != (b[0] == up[0]) {
			if a[0] == up[0] {
				return -1
			}
			return 1
		}
		return strings.Compare(a, b)
	})
	if len(near) == 0 {
		return ""
	}
	return near[0]
}

// didYouMean is the hint for a mistaken country code.
func didYouMean(s string, prefer []string, otherwise string) string {
	if c := nearestCountry(s, prefer); c != "" {
		return fmt.Sprintf("did you mean %q (%s)? (%s)", c, countryName(c), otherwise)
	}
	return otherwise
}

// marketList is the hint listing the markets Basis knows.
func marketList() string {
	return "a market is a country Basis knows the law of (" + strings.Join(model.Markets, ", ") +
		"), or EU for every EEA state the file does not name"
}

func (d *decoder) country(dst *string, what string) func(*yaml.Node) {
	return func(n *yaml.Node) {
		if !d.scalar(n, what, "a two-letter country code such as DE") {
			return
		}
		v := n.Value
		if !countryPattern.MatchString(v) || !isCountry(v) {
			d.fail(n, didYouMean(v, nil, "write the ISO 3166-1 two-letter code of the country in capitals, e.g. \"DE\" for Germany"),
				"%s %q is not an ISO 3166-1 country code", what, v)
			return
		}
		*dst = v
	}
}

// markets decodes a list of markets: countries Basis knows the law of, or
// EU; UK and GB both name the United Kingdom, once.
func (d *decoder) markets(dst *[]law.Market) func(*yaml.Node) {
	return d.list("market", func(n *yaml.Node) {
		if !d.scalar(n, "market", "a country code such as AT, or EU") {
			return
		}
		v := n.Value
		m, ok := law.ParseMarket(v)
		switch {
		case !ok && isCountry(v) && countryPattern.MatchString(v):
			d.fail(n, didYouMean(v, model.Markets, marketList()), "market %q (%s) is a country whose law Basis does not know", v, countryName(v))
			return
		case !ok:
			d.fail(n, didYouMean(v, model.Markets, marketList()), "market %q is not a country code Basis knows", v)
			return
		case slices.Contains(*dst, m):
			d.fail(n, "remove the repeated entry (UK and GB both name the United Kingdom)", "market %q is listed twice", v)
			return
		}
		*dst = append(*dst, m)
	})
}
