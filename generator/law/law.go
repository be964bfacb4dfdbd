// Package law is the one place that knows the law Basis applies: each
// jurisdiction once, as data with citations. The verdicts of package check,
// the notice's marketing and transfer sections and the checklist items of
// package render all ask it; none of them decides law itself.
//
// A Market is a country whose law governs the messages its recipients get
// (every EEA state, CH, UK, US, CA, VN), or the EU baseline; For returns its
// Rules, written out in table.go or made from the country's entry in the
// national table (NationalOf). A Regime is the
// data-protection law a controller is established under (GDPR, UK GDPR, Law
// No. 91/2025/QH15); Abroad judges from it whether a recipient's country is a
// transfer abroad.
//
// Provisions are reference ids: the citation of id in each language is
// ref.<id> in locales/refs.<lang>.yaml, and RULES.md (generated from this
// table, see TestRulesTable) names the source each was checked against.
//
//	r := law.For(law.PL)
//	r.Exception == nil      // no existing-customer exception in Poland
//	r.Consent == "pke-398-1" // art. 398 ust. 1 PKE
//	law.Abroad("GB", "GB")   // false: a UK recipient of a UK controller
package law

import "slices"

// Market is a group of recipients whose law Basis knows: a country (ISO
// 3166-1; the United Kingdom is UK), or EU, the EU baseline, which stands for
// every EEA state the company does not name and for the states whose own
// rules Basis has not verified.
type Market string

// The markets whose rules table.go writes out: the EU baseline (Directive
// 2002/58/EC and the GDPR) and the national rules Basis knew first. Every
// other country of the national table is a market too (Markets).
const (
	EU Market = "EU"
	DE Market = "DE"
	PL Market = "PL"
	UK Market = "UK"
	VN Market = "VN"
	CA Market = "CA"
)

// Markets lists the markets in the order verdicts are given: the EU
// baseline, the markets of table.go, then every other country of the
// national table by its code.
var Markets = markets()

func markets() []Market {
	out := []Market{EU, DE, PL, UK, VN, CA}
	for _, n := range Nationals() {
		if m := Market(n.Country); !IsUK(n.Country) && !slices.Contains(out, m) {
			out = append(out, m)
		}
	}
	return out
}

// MarketCodes lists the codes a company file may write for a market: each
// market's, and GB for the United Kingdom (UK) as ISO 3166-1 writes it.
func MarketCodes() []string {
	var out []string
	for _, m := range Markets {
		out = append(out, string(m))
		if m == UK {
			out = append(out, "GB")
		}
	}
	return out
}

// ParseMarket returns the market a company file's code names: one of
// MarketCodes (GB and UK both name the United Kingdom).
func ParseMarket(code string) (Market, bool) {
	if IsUK(code) {
		return UK, true
	}
	if slices.Contains(Markets, Market(code)) {
		return Market(code), true
	}
	return "", false
}

// IsUK reports whether a country code names the United Kingdom: GB (ISO
// 3166-1) or UK, which company files may write for it. This is the one place
// that knows both spellings.
func IsUK(country string) bool { return country == "GB" || country == "UK" }

// Country returns the ISO 3166-1 code of the country a code names, with UK
// written GB; other codes are returned as they are.
func Country(code string) string {
	if IsUK(code) {
		return "GB"
	}
	return code
}

// EEA lists the member states of the European Economic Area (ISO 3166-1).
var EEA = map[string]bool{
	"AT": true, "BE": true, "BG": true, "HR": true, "CY": true, "CZ": true, "DK": true,
	"EE": true, "FI": true, "FR": true, "DE": true, "GR": true, "HU": true, "IE": true,
	"IT": true, "LV": true, "LT": true, "LU": true, "MT": true, "NL": true, "PL": true,
	"PT": true, "RO": true, "SK": true, "SI": true, "ES": true, "SE": true,
	"IS": true, "LI": true, "NO": true,
}

// InEEA reports whether country is in the EEA ("EU" counts as inside).
func InEEA(country string) bool { return country == "EU" || EEA[country] }

// MarketOf returns the market of customers in country, or false where
// Basis knows no rules for it ("EU" is no country).
func MarketOf(country string) (Market, bool) {
	if m, ok := ParseMarket(country); ok && m != EU {
		return m, true
	}
	return "", false
}
