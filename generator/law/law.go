// Package law is the one place that knows the law Basis applies: each
// jurisdiction once, as data with citations. The verdicts of package check,
// the notice's marketing and transfer sections and the checklist items of
// package render all ask it; none of them decides law itself.
//
// A Market is a group of recipients whose law governs the messages they get
// (EU baseline, DE, PL, UK, VN, CA); For returns its Rules. A Regime is the
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

// Market is a group of recipients whose law Basis knows.
type Market string

// The markets: the EU baseline (Directive 2002/58/EC and the GDPR) and the
// national rules that refine or replace it.
const (
	EU Market = "EU"
	DE Market = "DE"
	PL Market = "PL"
	UK Market = "UK"
	VN Market = "VN"
	CA Market = "CA"
)

// Markets lists the markets in the order verdicts are given.
var Markets = []Market{EU, DE, PL, UK, VN, CA}

// MarketCodes lists the markets as the company file writes them.
func MarketCodes() []string {
	out := make([]string, len(Markets))
	for i, m := range Markets {
		out[i] = string(m)
	}
	return out
}

// ParseMarket returns the market a company file's code names: one of
// MarketCodes, or GB for the United Kingdom.
func ParseMarket(code string) (Market, bool) {
	if code == "GB" {
		return UK, true
	}
	for _, m := range Markets {
		if string(m) == code {
			return m, true
		}
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

// MarketOf returns the market whose national rules apply to customers in
// country, or the EU baseline for another EEA state, or false.
func MarketOf(country string) (Market, bool) {
	if m, ok := ParseMarket(country); ok && m != EU {
		return m, true
	}
	if InEEA(country) {
		return EU, true
	}
	return "", false
}
