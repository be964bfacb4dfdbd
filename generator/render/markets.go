package render

import (
	"golang.org/x/text/language"
	"golang.org/x/text/language/display"

	"github.com/basis-privacy/basis/generator/law"
	"github.com/basis-privacy/basis/generator/locale"
)

// marketName names a market in p's language: its message market.<code>
// where the locales word it (EU, and the markets Basis knew first), else the
// country's name (countryIn).
func marketName(p *locale.Printer, m law.Market) string {
	if id := "market." + string(m); p.Has(id) {
		return p.T(id)
	}
	return countryIn(p, string(m))
}

// countryIn names a country in p's language: from CLDR, unless the
// language names it otherwise in its legal texts (country.<code>.name:
// Vietnamese "Ý" for Italy, as its citations write it, where CLDR has
// "Italy").
func countryIn(p *locale.Printer, code string) string {
	if id := "country." + law.Country(code) + ".name"; p.Has(id) {
		return p.T(id)
	}
	return cldrName(p.Lang(), code)
}

// cldrName names the country of an ISO 3166-1 code (UK is GB) in lang,
// from CLDR; the code itself where CLDR has no name.
func cldrName(lang, code string) string {
	code = law.Country(code)
	reg, err := language.ParseRegion(code)
	if err != nil {
		return code
	}
	if name := display.Regions(language.Make(lang)).Name(reg); name != "" {
		return name
	}
	return code
}

// customersIn says "customers in <market>" in p's language, as the notice's
// marketing section heads each market's rule: notice.marketing.in.<code>
// where the locales word it, else notice.marketing.customers with the
// place: the country's form after "in" where the language needs one of its
// own (country.<code>.in: Polish "we Francji", German "in der Schweiz",
// English "in the Netherlands"), else country.in with the CLDR name.
func customersIn(p *locale.Printer, m law.Market) string {
	if id := "notice.marketing.in." + string(m); p.Has(id) {
		return p.T(id)
	}
	return p.T("notice.marketing.customers", "Place", placeIn(p, string(m)))
}

// placeIn says "in <country>" in p's language.
func placeIn(p *locale.Printer, code string) string {
	if id := "country." + law.Country(code) + ".in"; p.Has(id) {
		return p.T(id)
	}
	return p.T("country.in", "Country", countryIn(p, code))
}
