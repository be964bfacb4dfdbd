package law

import (
	"slices"
	"strings"
)

// refPrefixes maps the prefix of a reference id to the market whose law it
// belongs to; references not listed (the GDPR) belong to every market.
var refPrefixes = []struct {
	prefix string
	market Market
}{
	{"eprivacy-", EU}, {"cjeu-", EU}, {"uwg-", DE}, {"bgh-", DE},
	{"pke-", PL}, {"wsa-", PL}, {"dsk-", DE}, {"uk-gdpr-", UK}, {"pecr-", UK}, {"ico-", UK},
	{"vn-", VN}, {"casl-", CA},
}

// RefMarket names the market whose law a reference id belongs to (a
// country's own provisions: at-tkg-174-3 is AT's), or "" for one that
// belongs to every market (the GDPR).
func RefMarket(ref string) Market {
	for _, p := range refPrefixes {
		if strings.HasPrefix(ref, p.prefix) {
			return p.market
		}
	}
	if m, ok := ParseMarket(RefCountry(ref)); ok {
		return m
	}
	return ""
}

// Refs lists every reference id Basis cites; the citation of id in each
// language is ref.<id> in locales/refs.<lang>.yaml, and RULES.md names the
// source each was checked against.
var Refs = []string{
	"gdpr-5-1-b", "gdpr-5-1-c", "gdpr-6-1-a", "gdpr-6-1-b", "gdpr-6-1-f", "gdpr-6-4",
	"gdpr-7-1", "gdpr-7-3", "gdpr-13-1-c", "gdpr-13-1-d", "gdpr-13-1-f", "gdpr-13-2-c", "gdpr-13-2-d",
	"gdpr-13-2-e", "gdpr-14-2-f", "gdpr-21-2-3", "gdpr-21-4", "gdpr-27", "gdpr-28-3",
	"gdpr-44-46", "gdpr-45", "gdpr-recital-47",
	"eprivacy-13-1", "eprivacy-13-2", "eprivacy-13-3", "cjeu-c-654-23",
	"uwg-7-1", "uwg-7-2-1", "uwg-7-2-2", "uwg-7-3", "uwg-7-3-2",
	"bgh-vi-zr-134-15", "bgh-vi-zr-225-17",
	"uk-gdpr-6-1-b", "uk-gdpr-6-1-f", "uk-gdpr-21-2-3", "pecr-21", "pecr-22-2", "pecr-22-3", "ico-dm",
	"pke-398-1",
	"vn-pdpl", "vn-pdpl-7", "vn-pdpl-9", "vn-pdpl-19-1-d", "vn-decree-91-2020",
	"casl-6-1", "casl-6-6", "casl-10-9", "casl-11",
	"gdpr-95", "uwg-7-3-4", "uk-gdpr-7-1", "uk-gdpr-44-46", "uk-gdpr-45", "vn-pdpl-20", "vn-decree-356-2025", "vn-decree-356-2025-5",
	"uk-gdpr-5-1-b", "uk-gdpr-5-1-c", "uk-gdpr-6-4", "uk-gdpr-7-3", "uk-gdpr-13-1-c", "uk-gdpr-13-1-d", "uk-gdpr-13-1-f",
	"uk-gdpr-13-2-c", "uk-gdpr-13-2-d", "uk-gdpr-13-2-e", "uk-gdpr-14-2-f", "uk-gdpr-21-4", "uk-gdpr-27", "uk-gdpr-28-3",
	"eprivacy-13-4", "eprivacy-13-5", "uwg-7-2-3", "uwg-7-3-1", "uwg-7-3-3", "pecr-22-1", "pecr-23", "casl-10-9-b",
	"gdpr-14-3", "uk-gdpr-14-3",
	"gdpr-3-1", "gdpr-3-2-a", "uk-gdpr-3-1", "uk-gdpr-3-2-a", "vn-pdpl-1-2-a", "vn-pdpl-1-2-c", "gdpr-77", "uk-gdpr-77",
	// The national table (national_table.go): each country's provisions.
	"gdpr-8-2", "gdpr-recital-38", "gdpr-recital-71", "dsa-28-2",
	"gdpr-8-1", "at-tkg-174-1", "at-tkg-174-3", "at-tkg-174-4", "at-ecg-7-2", "at-gewo-151-9",
	"at-dsg-4-4", "be-cde-xii-13", "be-ar-2003-1", "be-cde-vi-110", "be-cde-vi-111", "be-loi-2018-7",
	"ca-crtc-utr", "ca-opc-consent", "ch-uwg-3-1-o", "ch-uwg-3-1-u", "ch-zgb-16", "es-lssi-21-1",
	"es-lssi-21-2", "es-lgtel-66-1-b", "es-lopdgdd-23", "es-lopdgdd-7", "fr-cpce-l34-5", "fr-cnil-b2b",
	"fr-cconso-l223-1", "fr-lil-45", "uk-gdpr-8-1", "ie-si-336-2011-13", "ie-si-336-2011-13-11",
	"ie-dpa-2018-31", "it-privacy-130-2", "it-privacy-130-4", "it-privacy-130-3-bis",
	"it-privacy-2-quinquies", "nl-tw-11-7-1", "nl-tw-11-7-3", "nl-tw-11-7-4", "nl-uavg-5", "se-mfl-19", "se-mfl-20",
	"se-dsl-2-4", "us-can-spam", "us-tcpa", "us-cfr-47-64-1200-a-2", "us-coppa", "vn-pdpl-24", "casl-10-12",
	// The record of processing activities and the legitimate-interests
	// assessment.
	"gdpr-5-2", "gdpr-21-1", "gdpr-26", "gdpr-28-4", "gdpr-30-1-a", "gdpr-30-1-b", "gdpr-30-1-c", "gdpr-30-1-d",
	"gdpr-30-1-e", "gdpr-30-1-f", "gdpr-30-1-g", "gdpr-30-2", "gdpr-32-1", "gdpr-49-1-2",
	"uk-gdpr-5-2", "uk-gdpr-21-1", "uk-gdpr-26", "uk-gdpr-28-4", "uk-gdpr-30-1-a", "uk-gdpr-30-1-b", "uk-gdpr-30-1-c",
	"uk-gdpr-30-1-d", "uk-gdpr-30-1-e", "uk-gdpr-30-1-f", "uk-gdpr-30-1-g", "uk-gdpr-30-2", "uk-gdpr-32-1", "uk-gdpr-49-1-2",
	"edpb-1-2024", "ico-lia", "dsk-direktwerbung-2022", "vn-pdpl-21",
	"vn-pdpl-33-2", "vn-pdpl-38-2-3", "vn-decree-356-2025-41",
	// Forms and consent boxes.
	"gdpr-4-11", "gdpr-7-2", "gdpr-7-4", "uk-gdpr-4-11", "uk-gdpr-7-2", "uk-gdpr-7-4", "cjeu-c-673-17", "vn-decree-91-2020-13", "vn-decree-91-2020-16", "vn-decree-91-2020-20",
}

// pdplEquivalent is the provision of Law No. 91/2025/QH15 that answers a
// GDPR provision, where there is one; the others are cited as the law as a
// whole (vn-pdpl).
var pdplEquivalent = map[string]string{
	"gdpr-6-1-a": "vn-pdpl-9", "gdpr-6-1-b": "vn-pdpl-19-1-d", "gdpr-7-1": "vn-pdpl-9", "gdpr-7-3": "vn-pdpl-9",
	"gdpr-44-46": "vn-pdpl-20", "gdpr-13-1-f": "vn-pdpl-20",
	"gdpr-4-11": "vn-pdpl-9", "gdpr-7-2": "vn-pdpl-9", "gdpr-7-4": "vn-pdpl-9",
}

// Cite returns the provision of regime g that corresponds to the GDPR
// provision ref: the UK GDPR's article of the same number under the UK GDPR,
// the matching provision of Law No. 91/2025/QH15 (or the law as a whole)
// under it, and ref itself otherwise. References of other laws are returned
// as they are.
func Cite(g Regime, ref string) string {
	if !strings.HasPrefix(ref, "gdpr-") {
		return ref
	}
	switch g {
	case UKGDPR:
		if uk := "uk-" + ref; slices.Contains(Refs, uk) {
			return uk
		}
	case PDPL:
		if vn, ok := pdplEquivalent[ref]; ok {
			return vn
		}
		return "vn-pdpl"
	}
	return ref
}
