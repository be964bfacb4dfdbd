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

// Verified reports whether the authority's entry was checked against the
// authority's own page (the comment above it says "verified ... from
// <url>"). A notice marks the address of an unverified one (notice.unverified):
// a point Basis could not verify is never stated as fact.
func (a Authority) Verified() bool { return !unverifiedAuthorities[a.Key] }

// unverifiedAuthorities are the keys of the entries of nationalAuthorities
// and landAuthorities whose comment says "unverified:"
// (TestUnverifiedAuthorities keeps the two in step).
var unverifiedAuthorities = map[string]bool{
	"CH": true, "CY": true, "ES": true, "FR": true, "GR": true, "HU": true, "PT": true, "VN": true,
	"DE-BE": true, "DE-BW": true, "DE-HE": true, "DE-RP": true, "DE-SL": true,
}

// LocalName returns the authority's official name in its state's
// language(s) as its pages write it, or "" for a German Land (the message
// authority.<Key>.name gives the name in each language Basis writes, with
// this one in brackets).
func (a Authority) LocalName() string { return localNames[a.Key] }

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
	"PL": {Key: "PL", Address: "ul. Stawki 2, 00-193 Warszawa", Website: "https://uodo.gov.pl"},
	// Information Commissioner (UK GDPR Art. 51; DPA 2018 s. 114).
	// verified 2026-11 from https://ico.org.uk/make-a-complaint/foi-and-eir-complaints/official-information-complaint/thank-you/ (building; street and postcode from staffslondon.ac.uk)
	"GB": {Key: "GB", Address: "Wycliffe House, Water Lane, Wilmslow, Cheshire SK9 5AF", Website: "https://ico.org.uk"},
	// The authority specialised in personal data protection ("cơ quan
	// chuyên trách bảo vệ dữ liệu cá nhân") belongs to the Ministry of Public
	// Security: Law No. 91/2025/QH15 Art. 33 lists it first among the forces
	// protecting personal data (as tracuuquyhoach.com quotes the article),
	// and Decree No. 356/2025/ND-CP Art. 39 (clause 1 as a compliance kit in
	// public source code cites it, "đơn vị thuộc Bộ Công an"; the clause was
	// not read) provides for it and the national portal. Neither text, as
	// far as read, names the department: the national portal
	// https://baovedlcn.gov.vn names the Department of Cybersecurity and
	// High-Tech Crime Prevention (A05) as the agency that handles the
	// personal data protection procedures (thu-tuc-hanh-chinh/ho-so-danh-gia-
	// tac-dong-xu-ly-du-lieu, stored copy read 2026-12; the page still gives
	// the repealed Decree 13/2023 as its basis and no street address). The
	// name and the website are the portal's; the address is not.
	// unverified: address from https://luatvietan.vn/cong-thong-tin-quoc-gia-bao-ve-du-lieu-ca-nhan-theo-nghi-dinh-13-2023-nd-cp.html, a law firm's page (checked 2026-11); no official page giving it was found (2026-12)
	"VN": {Key: "VN", Address: "207 Khuất Duy Tiến, Hà Nội", Website: "https://baovedlcn.gov.vn"},
	// The authorities of the other countries of the national table
	// (national_table.go), checked on 2026-12-05 through stored copies of
	// the pages named. An entry marked unverified holds what secondary
	// lists give; re-check it against the authority's own page first.
	//
	// Österreichische Datenschutzbehörde (§ 18 DSG).
	// verified 2026-12 from https://www.dsb.gv.at/ueber-die-website/datenschutzerklaerung.html (the authority's privacy notice)
	"AT": {Key: "AT", Address: "Barichgasse 40-42, 1030 Wien", Website: "https://www.dsb.gv.at"},
	// verified 2026-12 from https://www.dataprotectionauthority.be/privacy-statement (the authority's privacy statement)
	"BE": {Key: "BE", Address: "Rue de la Presse 35, 1000 Bruxelles", Website: "https://www.autoriteprotectiondonnees.be"},
	// verified 2026-12 from https://cpdp.bg/en/?p=pages&aid=51 (the commission's privacy notice)
	"BG": {Key: "BG", Address: "бул. „Проф. Цветан Лазаров“ 2, 1592 София", Website: "https://www.cpdp.bg"},
	// Office of the Privacy Commissioner of Canada (PIPEDA).
	// verified 2026-12 from https://www.priv.gc.ca/complaint-plainte/pa_e.asp (the office's own page)
	"CA": {Key: "CA", Address: "30 Victoria Street, Gatineau, Quebec K1A 1H3", Website: "https://www.priv.gc.ca"},
	// unverified: address from Federal Administrative Court judgments of 2009 and 2020 (A-5287/2008, A-2564/2018, https://entscheide.weblaw.ch); the FDPIC's own page was reached but shows no address
	"CH": {Key: "CH", Address: "Feldeggweg 1, 3003 Bern", Website: "https://www.edoeb.admin.ch"},
	// unverified: address as the author knows it; not checked against a page
	"CY": {Key: "CY", Address: "Ιάσονος 1, 1082 Λευκωσία", Website: "https://www.dataprotection.gov.cy"},
	// verified 2026-12 from https://uoou.gov.cz/informace-ochrana-soukromi (the office's privacy information)
	"CZ": {Key: "CZ", Address: "Pplk. Sochora 27, 170 00 Praha 7", Website: "https://uoou.gov.cz"},
	// verified 2026-12 from https://admin.datatilsynet.dk/kontakt/skriv-til-os/naar-du-skriver-til-os (the agency's own notice)
	"DK": {Key: "DK", Address: "Carl Jacobsens Vej 35, 2500 Valby", Website: "https://www.datatilsynet.dk"},
	// verified 2026-12 from https://www.aki.ee/en/privacy-policy (the inspectorate's privacy policy)
	"EE": {Key: "EE", Address: "Tatari 39, 10134 Tallinn", Website: "https://www.aki.ee"},
	// unverified: address as the author knows it (the list at hoggo.io gives an older one); not checked against a page
	"ES": {Key: "ES", Address: "C/ Jorge Juan, 6, 28001 Madrid", Website: "https://www.aepd.es"},
	// verified 2026-12 from https://tietosuoja.fi/yhteystiedot (the office's contact page; postal address)
	"FI": {Key: "FI", Address: "PL 800, 00531 Helsinki", Website: "https://tietosuoja.fi"},
	// unverified: address from https://www.dpo-partage.fr/comment-joindre-la-cnil/ (secondary); the stored copies of cnil.fr give the former address
	"FR": {Key: "FR", Address: "3 Place de Fontenoy, TSA 80715, 75334 Paris Cedex 07", Website: "https://www.cnil.fr"},
	// unverified: address from GDPRhub's page on the authority (https://gdprhub.eu/index.php?title=HDPA_(Greece)); the authority's own page was not reached
	"GR": {Key: "GR", Address: "Λεωφόρος Κηφισίας 1-3, 115 23 Αθήνα", Website: "https://www.dpa.gr"},
	// verified 2026-12 from https://azop.hr/zahtjev-za-utvrdivanje-povrede-prava/ (the agency's complaint page)
	"HR": {Key: "HR", Address: "Selska cesta 136, 10000 Zagreb", Website: "https://azop.hr"},
	// unverified: address as the author knows it; not checked against a page
	"HU": {Key: "HU", Address: "Falk Miksa utca 9-11, 1055 Budapest", Website: "https://naih.hu"},
	// Data Protection Commission (Data Protection Act 2018).
	// verified 2026-12 from https://dataprotection.ie/en/about-our-site/data-protection-statement (the authority's data protection statement)
	"IE": {Key: "IE", Address: "21 Fitzwilliam Square South, Dublin 2, D02 RD28", Website: "https://www.dataprotection.ie"},
	// verified 2026-12 from https://island.is/en/data-protection-laws-and-your-rights/who-can-work-with-personal-data (the state portal's page of the authority)
	"IS": {Key: "IS", Address: "Laugavegur 166, 4. hæð, 105 Reykjavík", Website: "https://www.personuvernd.is"},
	// verified 2026-12 from https://g7privacy2024.gpdp.it/privacy-policy/?lang=en (the Garante's privacy notice on its gpdp.it domain)
	"IT": {Key: "IT", Address: "Piazza Venezia 11, 00187 Roma", Website: "https://www.garanteprivacy.it"},
	// verified 2026-12 from https://datenschutzstelle.li/index.php?cID=370 (the authority's privacy notice)
	"LI": {Key: "LI", Address: "Kirchstrasse 8, Postfach 684, 9490 Vaduz", Website: "https://www.datenschutzstelle.li"},
	// verified 2026-12 from https://vdai.lrv.lt/privatumo-politika (the inspectorate's privacy policy)
	"LT": {Key: "LT", Address: "L. Sapiegos g. 17, 10312 Vilnius", Website: "https://vdai.lrv.lt"},
	// verified 2026-12 from https://cnpd.public.lu/en/support/protection-des-donnees.html (the commission's data protection page)
	"LU": {Key: "LU", Address: "15, Boulevard du Jazz, L-4370 Belvaux", Website: "https://cnpd.public.lu"},
	// verified 2026-12 from https://www.dvi.gov.lv/lv/viegli-lasit-0 (the inspectorate's own page)
	"LV": {Key: "LV", Address: "Elijas iela 17, Rīga, LV-1050", Website: "https://www.dvi.gov.lv"},
	// verified 2026-12 from https://idpc.org.mt/data-protection-notice (the commissioner's data protection notice)
	"MT": {Key: "MT", Address: "Floor 2, Airways House, High Street, Sliema SLM 1549", Website: "https://idpc.org.mt"},
	// Autoriteit Persoonsgegevens (art. 6 UAVG).
	// verified 2026-12 from https://avgtekst.nl/document/20-boete-datalek-pvv-overijssel (the AP's letterhead in a decision it published; postal address)
	"NL": {Key: "NL", Address: "Postbus 93374, 2509 AJ Den Haag", Website: "https://www.autoriteitpersoonsgegevens.nl"},
	// verified 2026-12 from https://www.datatilsynet.no/en/about-us/contact-us/how-to-complain-to-the-norwegian-dpa/ (the authority's page; postal address)
	"NO": {Key: "NO", Address: "Postboks 458 Sentrum, 0105 Oslo", Website: "https://www.datatilsynet.no"},
	// unverified: address as the author knows it; the only stored copy of cnpd.pt that gives an address (its 1995 report page) shows the former seat, Rua de São Bento 148, 1200-821 Lisboa (checked 2026-12)
	"PT": {Key: "PT", Address: "Av. D. Carlos I, 134, 1.º, 1200-651 Lisboa", Website: "https://www.cnpd.pt"},
	// verified 2026-12 from https://dataprotection.ro/index.jsp?lang=en&page=Informare_protectia_datelor_conf_GDPR (the authority's information notice)
	"RO": {Key: "RO", Address: "B-dul G-ral. Gheorghe Magheru 28-30, Sector 1, București", Website: "https://www.dataprotection.ro"},
	// Integritetsskyddsmyndigheten (IMY).
	// verified 2026-12 from https://www.imy.se/en/about-us/temporary-problems-with-our-e-services/ (the authority's own page; postal address)
	"SE": {Key: "SE", Address: "Box 8114, 104 20 Stockholm", Website: "https://www.imy.se"},
	// verified 2026-12 from https://www.ip-rs.si/en/about/public-information/about-the-site (the commissioner's site notice)
	"SI": {Key: "SI", Address: "Dunajska cesta 22, 1000 Ljubljana", Website: "https://www.ip-rs.si"},
	// verified 2026-12 from https://dataprotection.gov.sk/en/privacy-notice (the office's privacy notice)
	"SK": {Key: "SK", Address: "Hraničná 12, 820 07 Bratislava", Website: "https://dataprotection.gov.sk"},
	// Federal Trade Commission: enforces CAN-SPAM and COPPA; the United
	// States has no general data protection authority.
	// verified 2026-12 from https://lexbuild.dev/ecfr/title-16/chapter-I/part-0/section-0.2 (16 C.F.R. § 0.2, the Commission's own rule on its official address, eCFR text current to 2026-03-24; the same address in the U.S. Government Manual, https://usgovernmentmanual.gov)
	"US": {Key: "US", Address: "600 Pennsylvania Avenue NW, Washington, DC 20580", Website: "https://www.ftc.gov"},
}

// localNames are the authorities' names in their states' languages, as the
// pages named above nationalAuthorities' entries give them.
var localNames = map[string]string{
	"AT": "Österreichische Datenschutzbehörde",
	"BE": "Autorité de protection des données / Gegevensbeschermingsautoriteit",
	"BG": "Комисия за защита на личните данни",
	"CA": "Office of the Privacy Commissioner of Canada / Commissariat à la protection de la vie privée du Canada",
	"CH": "Eidgenössischer Datenschutz- und Öffentlichkeitsbeauftragter (EDÖB) / Préposé fédéral à la protection des données et à la transparence (PFPDT)",
	"CY": "Γραφείο Επιτρόπου Προστασίας Δεδομένων Προσωπικού Χαρακτήρα",
	"CZ": "Úřad pro ochranu osobních údajů",
	"DK": "Datatilsynet",
	"EE": "Andmekaitse Inspektsioon",
	"ES": "Agencia Española de Protección de Datos",
	"FI": "Tietosuojavaltuutetun toimisto / Dataombudsmannens byrå",
	"FR": "Commission nationale de l'informatique et des libertés (CNIL)",
	"GB": "Information Commissioner's Office",
	"GR": "Αρχή Προστασίας Δεδομένων Προσωπικού Χαρακτήρα",
	"HR": "Agencija za zaštitu osobnih podataka",
	"HU": "Nemzeti Adatvédelmi és Információszabadság Hatóság",
	"IE": "Data Protection Commission / An Coimisiún um Chosaint Sonraí",
	"IS": "Persónuvernd",
	"IT": "Garante per la protezione dei dati personali",
	"LI": "Datenschutzstelle Fürstentum Liechtenstein",
	"LT": "Valstybinė duomenų apsaugos inspekcija",
	"LU": "Commission nationale pour la protection des données",
	"LV": "Datu valsts inspekcija",
	"MT": "Information and Data Protection Commissioner / Kummissarju għall-Informazzjoni u l-Protezzjoni tad-Data",
	"NL": "Autoriteit Persoonsgegevens",
	"NO": "Datatilsynet",
	"PL": "Prezes Urzędu Ochrony Danych Osobowych",
	"PT": "Comissão Nacional de Proteção de Dados",
	"RO": "Autoritatea Națională de Supraveghere a Prelucrării Datelor cu Caracter Personal",
	"SE": "Integritetsskyddsmyndigheten (IMY)",
	"SI": "Informacijski pooblaščenec",
	"SK": "Úrad na ochranu osobných údajov Slovenskej republiky",
	"US": "Federal Trade Commission (FTC)",
	"VN": "Cục An ninh mạng và phòng, chống tội phạm sử dụng công nghệ cao, Bộ Công an",
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
