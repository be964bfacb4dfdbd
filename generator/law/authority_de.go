package law

// The German supervisory authorities for the private sector and the table
// that finds a company's Land from its postcode.
//
// Competence: a private company is supervised by the data protection
// authority of the Land where it is established (§ 40(1) BDSG with the Länder
// data protection acts). In fifteen Länder that is the Land's data protection
// commissioner; in Bavaria the private sector has its own authority, the
// Bayerisches Landesamt für Datenschutzaufsicht (BayLDA) in Ansbach (Art. 18
// BayDSG), while the Bavarian commissioner supervises public bodies only.
//
// Names, addresses and websites: the comment above each entry of
// landAuthorities names the page the entry was checked against and when
// ("verified 2026-11 from <url>"), preferring the authority's own privacy
// notice or imprint, or says "unverified" where no copy of such a page could
// be found; the name is the message authority.DE-<Land>.name in
// locales/common.*.yaml. Re-check the unverified ones first when this table
// is reviewed. A company file's authority: key overrides them.
//
// Postcodes: the range table below is the published table "PLZ –
// Bundesland" of cebus.net (https://cebus.net/de/plz-bundesland.htm), which
// lists, per Land, the ranges of five-digit postcodes Deutsche Post assigns
// to places in it. Postcode areas do not follow Land borders everywhere: where
// the table lists a postcode under two Länder (e.g. 07919, 14715, 21039,
// 22113, 59969, 63776, 89081, 97896) Basis is unsure and names no authority,
// and the check warns (notice.authority-unknown) so that the file names it.
// The table is coarse at some borders (12529 Schönefeld, in Brandenburg, lies
// in Berlin's range 10001-14330): authority: is the override.

// postcodeRange is one range of the table: the postcodes from..to (as
// numbers, 01067 = 1067) lie in land (ISO 3166-2 without "DE-").
type postcodeRange struct {
	from, to int
	land     string
}

// postcodeRanges is the cebus.net table, Land by Land, in its order.
var postcodeRanges = []postcodeRange{
	// Sachsen
	{1001, 1936, "SN"}, {2601, 2999, "SN"}, {4001, 4579, "SN"}, {4641, 4889, "SN"},
	{7919, 7919, "SN"}, {7951, 7952, "SN"}, {7982, 7982, "SN"}, {7985, 7985, "SN"},
	{8001, 9669, "SN"},
	// Brandenburg
	{1941, 1998, "BB"}, {3001, 3253, "BB"}, {4891, 4938, "BB"}, {14401, 14715, "BB"},
	{14723, 16949, "BB"}, {17258, 17258, "BB"}, {17261, 17291, "BB"}, {17309, 17309, "BB"},
	{17321, 17321, "BB"}, {17326, 17326, "BB"}, {17335, 17335, "BB"}, {17337, 17337, "BB"},
	{19307, 19357, "BB"},
	// Thüringen
	{4581, 4639, "TH"}, {6551, 6578, "TH"}, {7301, 7950, "TH"}, {7952, 7980, "TH"},
	{7985, 7989, "TH"}, {36401, 36469, "TH"}, {37301, 37359, "TH"}, {96501, 96529, "TH"},
	{98501, 99998, "TH"},
	// Sachsen-Anhalt
	{6001, 6548, "ST"}, {6601, 6928, "ST"}, {14715, 14715, "ST"}, {29401, 29416, "ST"},
	{38481, 38489, "ST"}, {38801, 39649, "ST"},
	// Berlin
	{10001, 14330, "BE"},
	// Mecklenburg-Vorpommern
	{17001, 17256, "MV"}, {17258, 17259, "MV"}, {17301, 17322, "MV"}, {17328, 17331, "MV"},
	{17335, 17335, "MV"}, {17337, 19260, "MV"}, {19273, 19306, "MV"}, {19357, 19417, "MV"},
	{23921, 23999, "MV"},
	// Niedersachsen
	{19271, 19273, "NI"}, {21202, 21449, "NI"}, {21522, 21522, "NI"}, {21601, 21789, "NI"},
	{26001, 27478, "NI"}, {27607, 27809, "NI"}, {28784, 29399, "NI"}, {29431, 31868, "NI"},
	{34331, 34353, "NI"}, {34355, 34355, "NI"}, {37001, 37194, "NI"}, {37197, 37199, "NI"},
	{37401, 37649, "NI"}, {37689, 37691, "NI"}, {37697, 38479, "NI"}, {38501, 38729, "NI"},
	{48442, 48465, "NI"}, {48478, 48480, "NI"}, {48486, 48488, "NI"}, {48497, 48531, "NI"},
	{49001, 49459, "NI"}, {49551, 49849, "NI"},
	// Hamburg
	{20001, 21037, "HH"}, {21039, 21170, "HH"}, {22001, 22113, "HH"}, {22115, 22143, "HH"},
	{22145, 22145, "HH"}, {22147, 22786, "HH"}, {27499, 27499, "HH"},
	// Schleswig-Holstein
	{21039, 21039, "SH"}, {21451, 21521, "SH"}, {21524, 21529, "SH"}, {22113, 22113, "SH"},
	{22145, 22145, "SH"}, {22801, 23919, "SH"}, {24001, 25999, "SH"}, {27483, 27498, "SH"},
	// Bremen
	{27501, 27580, "HB"}, {28001, 28779, "HB"},
	// Nordrhein-Westfalen
	{32001, 33829, "NW"}, {34401, 34439, "NW"}, {37651, 37688, "NW"}, {37692, 37696, "NW"},
	{40001, 48432, "NW"}, {48466, 48477, "NW"}, {48481, 48485, "NW"}, {48489, 48496, "NW"},
	{48541, 48739, "NW"}, {49461, 49549, "NW"}, {50101, 51597, "NW"}, {51601, 53359, "NW"},
	{53581, 53604, "NW"}, {53621, 53949, "NW"}, {57001, 57489, "NW"}, {58001, 59966, "NW"},
	{59969, 59969, "NW"},
	// Hessen
	{34001, 34329, "HE"}, {34355, 34399, "HE"}, {34441, 36399, "HE"}, {37194, 37195, "HE"},
	{37201, 37299, "HE"}, {55240, 55252, "HE"}, {59969, 59969, "HE"}, {60001, 63699, "HE"},
	{63776, 63776, "HE"}, {64201, 65556, "HE"}, {65583, 65620, "HE"}, {65627, 65627, "HE"},
	{65701, 65936, "HE"}, {68501, 68519, "HE"}, {68601, 68649, "HE"}, {69235, 69239, "HE"},
	{69430, 69431, "HE"}, {69434, 69434, "HE"}, {69479, 69488, "HE"}, {69503, 69509, "HE"},
	{69515, 69518, "HE"},
	// Rheinland-Pfalz
	{51598, 51598, "RP"}, {53401, 53579, "RP"}, {53614, 53619, "RP"}, {54181, 55239, "RP"},
	{55253, 56869, "RP"}, {57501, 57648, "RP"}, {65326, 65326, "RP"}, {65391, 65391, "RP"},
	{65558, 65582, "RP"}, {65621, 65626, "RP"}, {65629, 65629, "RP"}, {66461, 66509, "RP"},
	{66841, 67829, "RP"}, {76711, 76891, "RP"},
	// Bayern
	{63701, 63774, "BY"}, {63776, 63928, "BY"}, {63930, 63939, "BY"}, {74594, 74594, "BY"},
	{80001, 87490, "BY"}, {87493, 87561, "BY"}, {87571, 87789, "BY"}, {88101, 88179, "BY"},
	{89081, 89081, "BY"}, {89087, 89087, "BY"}, {89201, 89449, "BY"}, {90001, 96489, "BY"},
	{97001, 97859, "BY"}, {97888, 97892, "BY"}, {97896, 97896, "BY"}, {97901, 97909, "BY"},
	// Baden-Württemberg
	{63928, 63928, "BW"}, {64754, 64754, "BW"}, {68001, 68312, "BW"}, {68520, 68549, "BW"},
	{68701, 69234, "BW"}, {69240, 69429, "BW"}, {69434, 69469, "BW"}, {69489, 69502, "BW"},
	{69510, 69514, "BW"}, {70001, 74592, "BW"}, {74594, 76709, "BW"}, {77601, 79879, "BW"},
	{88001, 88099, "BW"}, {88147, 88147, "BW"}, {88181, 89079, "BW"}, {89081, 89085, "BW"},
	{89090, 89198, "BW"}, {89501, 89619, "BW"}, {97861, 97877, "BW"}, {97893, 97900, "BW"},
	{97911, 97999, "BW"},
	// Saarland
	{66001, 66459, "SL"}, {66511, 66839, "SL"},
}

// landAuthorities is the authority for private companies in each Land.
var landAuthorities = map[string]Authority{
	// unverified: the stored copy of baden-wuerttemberg.datenschutz.de/datenschutz/ predates 2023 (Königstraße 10 a)
	"BW": {"DE-BW", "Lautenschlagerstraße 20, 70173 Stuttgart", "https://www.baden-wuerttemberg.datenschutz.de"},
	// verified 2026-11 from https://lda.dsb-meldung.de/PrivacyPol (the BayLDA's notice for www.lda.bayern.de)
	"BY": {"DE-BY", "Promenade 27, 91522 Ansbach", "https://www.lda.bayern.de"},
	// unverified: https://www.datenschutz-berlin.de/datenschutzerklaerung/ confirms the name, not the address
	"BE": {"DE-BE", "Alt-Moabit 59–61, 10555 Berlin", "https://www.datenschutz-berlin.de"},
	// verified 2026-11 from https://www.stadt-trebbin.de/index.php/datenschutz (a municipality's notice; name from lda.brandenburg.de)
	"BB": {"DE-BB", "Stahnsdorfer Damm 77, 14532 Kleinmachnow", "https://www.lda.brandenburg.de"},
	// verified 2026-11 from https://datenschutz.bremen.de/datenschutzerklaerung-7485
	"HB": {"DE-HB", "Arndtstraße 1, 27570 Bremerhaven", "https://www.datenschutz.bremen.de"},
	// verified 2026-11 from https://datenschutz-hamburg.de/datenschutzerklaerung
	"HH": {"DE-HH", "Ludwig-Erhard-Straße 22, 20459 Hamburg", "https://datenschutz-hamburg.de"},
	// unverified: https://datenschutz.hessen.de/datenschutz confirms the name, not the address
	"HE": {"DE-HE", "Gustav-Stresemann-Ring 1, 65189 Wiesbaden", "https://datenschutz.hessen.de"},
	// verified 2026-11 from https://www.datenschutz-mv.de/datenschutzerklaerung/ (the office; post goes to Lennéstraße 1)
	"MV": {"DE-MV", "Werderstraße 74a, 19055 Schwerin", "https://www.datenschutz-mv.de"},
	// verified 2026-11 from https://www.lfd.niedersachsen.de/wir_ueber_uns/datenschutzerklaerung/datenschutzerklaerung-56146.html
	"NI": {"DE-NI", "Prinzenstraße 5, 30159 Hannover", "https://www.lfd.niedersachsen.de"},
	// verified 2026-11 from https://www.ldi.nrw.de/datenschutzerklaerung
	"NW": {"DE-NW", "Kavalleriestraße 2–4, 40213 Düsseldorf", "https://www.ldi.nrw.de"},
	// unverified: https://www.datenschutz.rlp.de/themen/aufgaben confirms the name, not the address
	"RP": {"DE-RP", "Hintere Bleiche 34, 55116 Mainz", "https://www.datenschutz.rlp.de"},
	// unverified: https://datenschutz.saarland.de/ueber-uns/die-landesbeauftragte confirms the name, not the address
	"SL": {"DE-SL", "Fritz-Dobisch-Straße 12, 66111 Saarbrücken", "https://www.datenschutz.saarland.de"},
	// verified 2026-11 from https://www.datenschutz.sachsen.de/datenschutzerklaerung.html (visitors; post: Postfach 11 01 32, 01330 Dresden)
	"SN": {"DE-SN", "Maternistraße 17, 01067 Dresden", "https://www.datenschutz.sachsen.de"},
	// verified 2026-11 from https://datenschutzarchiv.org/organisationen/bundeslaender/lfd-sachsen-anhalt (a directory; name: landtag.sachsen-anhalt.de)
	"ST": {"DE-ST", "Otto-von-Guericke-Straße 34a, 39104 Magdeburg", "https://datenschutz.sachsen-anhalt.de"},
	// verified 2026-11 from https://www.datenschutzzentrum.de/datenschutzerklaerung/
	"SH": {"DE-SH", "Holstenstraße 98, 24103 Kiel", "https://www.datenschutzzentrum.de"},
	// verified 2026-11 from https://presse-blog.com/2023/05/02/auftaktveranstaltung-zum-jubilaeumsjahr-der-informationsfreiheit-beim-tlfdi-in-kooperation-mit-der-tlm (the TLfDI's own press release, 2023)
	"TH": {"DE-TH", "Häßlerstraße 8, 99096 Erfurt", "https://www.tlfdi.de"},
}
