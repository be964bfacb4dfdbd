package law

import (
	"slices"
	"strings"
)

// National is the law of one country as a market of its own: how its
// electronic-marketing rule treats e-mail and SMS, business recipients,
// calls and letters; the supervisory authority a complaint goes to; the age
// from which a child consents alone to an information society service. Every
// provision is a reference id (ref.<id> in locales/refs.*.yaml).
//
// Each fact group says whether it was verified against the act's text (an
// official journal or a reproduction quoting it), an official page, or the
// authority's own page, and names that source in Sources. A group that is
// not verified holds what secondary sources say, for the main rules to warn
// about and fall back on the EU baseline; it is never stated as law.
//
//	n, _ := law.NationalOf("AT")
//	n.Marketing.Exception.ID        // "at-tkg-174-4"
//	n.Marketing.Exception.OptOutList // "at-ecg-7-2": check the ECG list first
//	n.Age.Age                       // 14 (§ 4 Abs. 4 DSG)
type National struct {
	// Country is the ISO 3166-1 code (GB for the United Kingdom).
	Country string
	// Regime is the data-protection law of the country's people as Basis
	// knows it: GDPR for the EEA, the UK GDPR, Vietnam's PDPL; "" where
	// Basis applies none (CH, US, CA).
	Regime    Regime
	Marketing Marketing
	// Authority is the key of the supervisory authority in
	// nationalAuthorities (AuthorityFor); "" for Germany, whose private
	// sector is supervised by the authority of each Land.
	Authority string
	// AuthorityVerified: the name, address and website were checked against
	// the authority's own page (the comment above its entry in authority.go
	// names it).
	AuthorityVerified bool
	Age               ChildAge
	// Sources lists what each verified fact was checked against, and what
	// an unverified one rests on.
	Sources []Source
}

// Marketing is a country's rule for direct marketing by electronic mail
// (e-mail and SMS, Art. 13 Directive 2002/58/EC or the country's own rule),
// by phone and by post.
type Marketing struct {
	// Verified: the consent rule and the exception were checked against the
	// act's text or an official page. The channels and the B2B rule carry
	// their own flag.
	Verified bool
	// Consent lists the provisions requiring prior consent for electronic
	// mail; the first is the rule itself. OptOut is set instead where the
	// country allows e-mail marketing until the recipient objects (US
	// CAN-SPAM).
	Consent []string
	OptOut  bool
	// Exception is the existing-customer exception; nil where the country
	// has none.
	Exception *NationalException
	B2B       B2B
	Phone     NationalChannel
	Post      NationalChannel
	// Note says in a sentence what the rule is, for RULES.md.
	Note string
}

// NationalException is a country's form of the existing-customer exception
// (Art. 13(2) Directive 2002/58/EC) with the conditions it adds.
type NationalException struct {
	// ID is the provision.
	ID string
	// Verified: the exception's text or an official page was read.
	Verified bool
	// Negotiations: contact details obtained in negotiations for a sale
	// count (PECR reg. 22(3)(a)).
	Negotiations bool
	// WithinMonths limits the exception to a sale in the months before the
	// message (Ireland: 12); 0 where the law sets no limit.
	WithinMonths int
	// OptOutList is the provision of a national opt-out register the sender
	// must check before relying on the exception (Austria: the ECG list,
	// § 7(2) E-Commerce-Gesetz); "" where there is none.
	OptOutList string
	// LegalPersons: the exception covers customers that are legal persons
	// too, and impersonal addresses of legal persons need no consent
	// (Belgium, AR of 4 April 2003, art. 1).
	LegalPersons bool
}

// B2BRule is how a country's electronic-marketing rule treats recipients at
// business addresses.
type B2BRule string

// The B2B rules.
const (
	// B2BSame: business recipients are protected like consumers.
	B2BSame B2BRule = "same"
	// B2BProfession: e-mail to a business contact without prior consent is
	// allowed, with an opt-out, where it relates to the recipient's
	// profession (France, CNIL).
	B2BProfession B2BRule = "profession"
	// B2BIndividualsOnly: only individuals (natural persons, individual
	// subscribers, sole traders) are protected; mail to legal persons needs
	// no consent but identifies the sender and offers an objection (United
	// Kingdom PECR reg. 22, Sweden 19 § MFL).
	B2BIndividualsOnly B2BRule = "individuals-only"
	// B2BBusinessAddress: mail to an address used mainly for business and
	// relating solely to that business is outside the consent rule
	// (Ireland, S.I. 336/2011 reg. 13).
	B2BBusinessAddress B2BRule = "business-address"
	// B2BDesignated: mail to legal persons, and to natural persons acting
	// in their profession or business, needs no consent at electronic
	// contact details they designated and published for receiving such
	// messages, used for the purposes they attached to them (Netherlands,
	// art. 11.7(3)(a) Telecommunicatiewet).
	B2BDesignated B2BRule = "designated"
	// B2BUnknown: not checked.
	B2BUnknown B2BRule = "unknown"
)

// B2B is a country's rule for business recipients.
type B2B struct {
	Rule     B2BRule
	Refs     []string
	Verified bool
	Note     string
}

// ChannelRule is how a country judges marketing calls or letters.
type ChannelRule string

// The channel rules.
const (
	// ChannelConsent: prior consent.
	ChannelConsent ChannelRule = "consent"
	// ChannelRegister: allowed unless the number or address is on an
	// opt-out register (Register names it) or the person objected.
	ChannelRegister ChannelRule = "register"
	// ChannelObjection: allowed until the person objects (Art. 21(2)-(3)
	// GDPR).
	ChannelObjection ChannelRule = "objection"
	// ChannelUnknown: not checked.
	ChannelUnknown ChannelRule = "unknown"
)

// NationalChannel is a country's rule for marketing calls or letters.
type NationalChannel struct {
	Rule ChannelRule
	// Register is the opt-out register's name (Robinson list, TPS, ...).
	Register string
	Refs     []string
	Verified bool
	Note     string
}

// ChildAge is the age from which a child consents alone to an information
// society service offered directly to it (Art. 8 GDPR or the national
// equivalent).
type ChildAge struct {
	// Age is that age; 0 where the law fixes none (Switzerland: capacity
	// of judgement).
	Age      int
	Refs     []string
	Verified bool
	Note     string
}

// Source is a page a fact group was checked against.
type Source struct {
	// Facts is the group: "marketing", "phone", "post", "b2b", "authority"
	// or "age".
	Facts string
	URL   string
	// Checked is the date the page was read (YYYY-MM-DD), or the month
	// (YYYY-MM) for the checks behind the market table (RULES.md).
	Checked string
	// Kind says what the page is: "official" (journal, government page),
	// "authority" (the authority's own page), "reproduction" (the act's text
	// reproduced), "secondary" (commentary, news, a law firm).
	Kind string
}

// Nationals returns the law of every country Basis knows, sorted by code.
func Nationals() []National {
	out := slices.Clone(nationals)
	slices.SortFunc(out, func(a, b National) int { return strings.Compare(a.Country, b.Country) })
	return out
}

// NationalOf returns the law of the country code names (UK is GB).
func NationalOf(code string) (National, bool) {
	c := Country(code)
	for _, n := range nationals {
		if n.Country == c {
			return n, true
		}
	}
	return National{}, false
}

// NationalCodes lists the codes of the countries Basis knows, sorted.
func NationalCodes() []string {
	var out []string
	for _, n := range Nationals() {
		out = append(out, n.Country)
	}
	return out
}

// Verified reports whether every fact group of n (marketing rule and its
// exception, authority, age) was verified.
func (n National) Verified() bool {
	m := n.Marketing
	return m.Verified && (m.Exception == nil || m.Exception.Verified) && n.AuthorityVerified && n.Age.Verified
}

// Refs lists every reference id n cites, each once, in the order met.
func (n National) Refs() []string {
	var out []string
	add := func(ids ...string) {
		for _, id := range ids {
			if id != "" && !slices.Contains(out, id) {
				out = append(out, id)
			}
		}
	}
	m := n.Marketing
	add(m.Consent...)
	if m.Exception != nil {
		add(m.Exception.ID, m.Exception.OptOutList)
	}
	add(m.B2B.Refs...)
	add(m.Phone.Refs...)
	add(m.Post.Refs...)
	add(n.Age.Refs...)
	return out
}

// refCountries maps the prefixes of reference ids that do not start with a
// country code to the country whose law they are.
var refCountries = map[string]string{
	"uwg-": "DE", "bgh-": "DE", "pke-": "PL", "wsa-": "PL", "pecr-": "GB", "ico-": "GB",
	"uk-": "GB", "casl-": "CA", "vn-": "VN",
}

// RefCountry names the country whose law a reference id belongs to (its
// lower-case prefix, or the law's abbreviation: uwg- is DE), or "" for EU
// law (the GDPR, the directive, the CJEU).
func RefCountry(ref string) string {
	for p, c := range refCountries {
		if strings.HasPrefix(ref, p) {
			return c
		}
	}
	if i := strings.IndexByte(ref, '-'); i == 2 {
		code := strings.ToUpper(ref[:2])
		if _, ok := NationalOf(code); ok {
			return code
		}
	}
	return ""
}
