package law

import (
	"regexp"
	"slices"
	"strconv"
)

// Authority is a supervisory authority Basis names by itself. Its name, in
// each language, is the message authority.<Key>.name in locales/common.*.yaml;
// the address and the website are the same in every language.
type Authority struct {
	Key     string // PL, GB, VN, or DE-<Land> (ISO 3166-2) for a German Land
	Address string
	Website string
}

// Certainty says how sure Basis is of the authority it found.
type Certainty int

// Certainties.
const (
	// Unknown: Basis cannot tell the authority (no rule for the country, or a
	// German address without a postcode, or a postcode in no published range).
	Unknown Certainty = iota
	// Unsure: the postcode lies in ranges of more than one Land (a postcode
	// area that straddles a border); the company file must name the authority.
	Unsure
	// Sure: the authority follows from the country or the postcode.
	Sure
)

// AuthorityFor returns the supervisory authority competent for a controller
// established in country at address. A German controller of the private
// sector is supervised by the authority of the Land of its seat (§ 40(1)
// BDSG), found from the postcode by the published range table in
// authority_de.go. It returns Unknown or Unsure, and no authority, when Basis
// cannot tell; the company file's authority: key then names it.
func AuthorityFor(country, address string) (Authority, Certainty) {
	switch country {
	case "DE":
		return germanAuthority(address)
	case "UK":
		country = "GB"
	}
	if a, ok := nationalAuthorities[country]; ok {
		return a, Sure
	}
	return Authority{}, Unknown
}

// AuthorityKeys lists the key of every authority Basis can name, for the
// tests that check each has a name in every language.
func AuthorityKeys() []string {
	var keys []string
	for _, a := range nationalAuthorities {
		keys = append(keys, a.Key)
	}
	for _, a := range landAuthorities {
		keys = append(keys, a.Key)
	}
	slices.Sort(keys)
	return keys
}

// nationalAuthorities are the authorities of countries with one authority
// for every company; the comment above each entry says where it was checked,
// as in landAuthorities.
var nationalAuthorities = map[string]Authority{
	// Prezes Urzędu Ochrony Danych Osobowych (art. 34 ustawy o ochronie
	// danych osobowych z 10 maja 2018 r.).
	// verified 2026-11 from https://www.biznes.gov.pl/en/opisy-procedur/-/proc/877 (the government's business portal)
	"PL": {"PL", "ul. Stawki 2, 00-193 Warszawa", "https://uodo.gov.pl"},
	// Information Commissioner (UK GDPR Art. 51; DPA 2018 s. 114).
	// verified 2026-11 from https://ico.org.uk/make-a-complaint/foi-and-eir-complaints/official-information-complaint/thank-you/ (building; street and postcode from staffslondon.ac.uk)
	"GB": {"GB", "Wycliffe House, Water Lane, Wilmslow, Cheshire SK9 5AF", "https://ico.org.uk"},
	// The authority specialised in personal data protection is the Department
	// of Cybersecurity and High-Tech Crime Prevention (A05), Ministry of
	// Public Security (Decree 13/2023/ND-CP Art. 29(1)); it runs the national
	// personal data protection portal.
	// verified 2026-11 from https://luatvietan.vn/cong-thong-tin-quoc-gia-bao-ve-du-lieu-ca-nhan-theo-nghi-dinh-13-2023-nd-cp.html (a law firm's page, not the authority's)
	"VN": {"VN", "207 Khuất Duy Tiến, Hà Nội", "https://baovedlcn.gov.vn"},
}

// postcode finds a five-digit German postcode in an address: the last run
// of exactly five digits ("Berliner Allee 10, 40212 Düsseldorf" -> 40212).
var postcode = regexp.MustCompile(`(?:^|\D)(\d{5})(?:\D|$)`)

func germanAuthority(address string) (Authority, Certainty) {
	m := postcode.FindAllStringSubmatch(address, -1)
	if m == nil {
		return Authority{}, Unknown
	}
	code, _ := strconv.Atoi(m[len(m)-1][1])
	lands := LandsOf(code)
	switch len(lands) {
	case 0:
		return Authority{}, Unknown
	case 1:
		return landAuthorities[lands[0]], Sure
	}
	return Authority{}, Unsure
}

// LandsOf returns the German Länder (ISO 3166-2 codes without "DE-", e.g.
// "NW") whose postcode ranges contain code: none for a code in no range, two
// or more where the published table puts the code in several Länder.
func LandsOf(code int) []string {
	var out []string
	for _, r := range postcodeRanges {
		if code >= r.from && code <= r.to && !slices.Contains(out, r.land) {
			out = append(out, r.land)
		}
	}
	slices.Sort(out)
	return out
}
