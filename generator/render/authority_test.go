package render

import (
	"strings"
	"testing"

	"github.com/basis-privacy/basis/generator/check"
	"github.com/basis-privacy/basis/generator/law"
)

// TestAuthorityOfEachLand renders the notice of a company in each German
// Land's capital, and at two addresses a substring match got wrong, and
// checks that it names the authority of that Land (§ 40(1) BDSG).
func TestAuthorityOfEachLand(t *testing.T) {
	tests := []struct{ address, want string }{
		{"Königstraße 1, 70173 Stuttgart", "Landesbeauftragter für den Datenschutz und die Informationsfreiheit Baden-Württemberg"},
		{"Marienplatz 1, 80331 München", "Bayerisches Landesamt für Datenschutzaufsicht"},
		{"Unter den Linden 1, 10117 Berlin", "Berliner Beauftragte für Datenschutz und Informationsfreiheit"},
		{"Brandenburger Straße 1, 14467 Potsdam", "Recht auf Akteneinsicht Brandenburg"},
		{"Am Markt 1, 28195 Bremen", "Landesbeauftragte für Datenschutz und Informationsfreiheit Bremen"},
		{"Rathausmarkt 1, 20095 Hamburg", "Der Hamburgische Beauftragte für Datenschutz und Informationsfreiheit"},
		{"Wilhelmstraße 1, 65183 Wiesbaden", "Hessischer Beauftragter für Datenschutz und Informationsfreiheit"},
		{"Marktplatz 1, 19055 Schwerin", "Landesbeauftragter für Datenschutz und Informationsfreiheit Mecklenburg-Vorpommern"},
		{"Georgstraße 1, 30159 Hannover", "Landesbeauftragter für den Datenschutz Niedersachsen"},
		{"Königsallee 1, 40212 Düsseldorf", "Landesbeauftragte für Datenschutz und Informationsfreiheit Nordrhein-Westfalen"},
		{"Berliner Allee 10, 40212 Düsseldorf", "Landesbeauftragte für Datenschutz und Informationsfreiheit Nordrhein-Westfalen"},
		{"Große Bleiche 1, 55116 Mainz", "Landesbeauftragter für den Datenschutz und die Informationsfreiheit Rheinland-Pfalz"},
		{"Bahnhofstraße 1, 66111 Saarbrücken", "Unabhängiges Datenschutzzentrum Saarland"},
		{"Prager Straße 1, 01069 Dresden", "Sächsische Datenschutz- und Transparenzbeauftragte"},
		{"Breiter Weg 1, 39104 Magdeburg", "Landesbeauftragte für den Datenschutz Sachsen-Anhalt"},
		{"Holstenstraße 1, 24103 Kiel", "Unabhängiges Landeszentrum für Datenschutz Schleswig-Holstein"},
		{"Anger 1, 99084 Erfurt", "Thüringer Landesbeauftragter für den Datenschutz und die Informationsfreiheit"},
		{"Hamburger Straße 3, 80331 München", "Bayerisches Landesamt für Datenschutzaufsicht"},
	}
	r := newTestRenderer(t)
	for _, tt := range tests {
		c := loadFourLang(t)
		c.Controller.Address = tt.address
		out, err := r.Privacy(judged(c), "de")
		if err != nil {
			t.Fatal(err)
		}
		s := string(out)
		if !strings.Contains(s, tt.want) {
			t.Errorf("%s: the notice does not name %q", tt.address, tt.want)
		}
		if strings.Contains(tt.address, "Berliner Allee") && strings.Contains(s, "Berliner Beauftragte") {
			t.Errorf("%s: the notice names Berlin's authority", tt.address)
		}
		if f := findingsOf(check.Company(c), "notice.authority-unknown"); f != 0 {
			t.Errorf("%s: the check warns that it cannot tell the authority", tt.address)
		}
	}
}

// TestAuthorityUnsure: a postcode the published table puts in two Länder
// names no authority; the check warns, and authority: in the file overrides.
func TestAuthorityUnsure(t *testing.T) {
	c := loadFourLang(t)
	c.Controller.Address = "Hauptstraße 1, 07919 Pausa-Mühltroff"
	if _, sure := law.AuthorityFor("DE", c.Controller.Address); sure != law.Unsure {
		t.Fatalf("07919 lies in Sachsen and Thüringen: want Unsure, got %v", sure)
	}
	if findingsOf(check.Company(c), "notice.authority-unknown") != 1 {
		t.Error("the check does not warn about an authority it cannot tell")
	}
	r := newTestRenderer(t)
	out, err := r.Privacy(judged(c), "en")
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(out), "The authority responsible for us is:") {
		t.Error("the notice names an authority although the postcode lies in two Länder")
	}
}

// TestAuthorityNamedInEveryLanguage: every authority Basis can name has a
// name in each language.
func TestAuthorityNamedInEveryLanguage(t *testing.T) {
	r := newTestRenderer(t)
	for _, key := range law.AuthorityKeys() {
		for v, p := range r.printers {
			lang := v.lang
			if !p.Has("authority." + key + ".name") {
				t.Errorf("%s: authority.%s.name is missing", lang, key)
			}
		}
	}
}

func findingsOf(r *check.Report, rule string) int {
	n := 0
	for _, f := range r.Findings {
		if f.Rule == rule {
			n++
		}
	}
	return n
}

// TestUnverifiedAuthorityMarked: an authority whose address Basis could not
// check against an official page is named with that said beside it
// (Vietnam's: a law firm's page gives it); a checked one, and one the
// company names itself, is not (legal review of December 2026, row 39).
func TestUnverifiedAuthorityMarked(t *testing.T) {
	r := newTestRenderer(t)
	c := loadFourLang(t)
	c.Country, c.Controller.Address = "VN", "1 Lê Lợi, Hà Nội"
	for lang, want := range map[string]string{
		"vi": "207 Khuất Duy Tiến, Hà Nội (chưa được đối chiếu với nguồn chính thức)",
		"en": "207 Khuất Duy Tiến, Hà Nội (not checked against an official source)",
	} {
		out, err := r.Privacy(judged(c), lang)
		if err != nil {
			t.Fatal(err)
		}
		if s := section(string(out), "complaint"); !strings.Contains(s, want) {
			t.Errorf("%s: the complaint section lacks %q", lang, want)
		}
	}
	c = loadFourLang(t)
	c.Country, c.Controller.Address = "PL", "ul. Prosta 1, 00-838 Warszawa"
	out, err := r.Privacy(judged(c), "en")
	if err != nil {
		t.Fatal(err)
	}
	if s := section(string(out), "complaint"); !strings.Contains(s, "ul. Stawki 2") || strings.Contains(s, "not checked") {
		t.Error("the Polish authority, checked on the government's business portal, is marked or missing")
	}
}

// TestVietnamSectionNamesTheSpecialisedAgency: the section a notice adds for
// customers in Vietnam introduces A05 as the specialised personal data
// protection agency, as the Vietnamese controller's own notice does, not as
// "the supervisory authority of the country where you live" (Art. 77 GDPR,
// a notion Law No. 91/2025/QH15 does not have).
func TestVietnamSectionNamesTheSpecialisedAgency(t *testing.T) {
	r := newTestRenderer(t)
	c := loadFourLang(t)
	for lang, want := range map[string]string{
		"vi": "Cơ quan chuyên trách bảo vệ dữ liệu cá nhân là:",
		"en": "The authority specialised in personal data protection is:",
	} {
		out, err := r.Privacy(judged(c), lang)
		if err != nil {
			t.Fatal(err)
		}
		s := section(string(out), "regime-pdpl")
		if s == "" {
			t.Fatalf("%s: no section for customers in Vietnam", lang)
		}
		if i, j := strings.Index(s, want), strings.Index(s, "Khuất Duy Tiến"); i < 0 || j < i {
			t.Errorf("%s: the Vietnam section does not introduce A05 with %q:\n%s", lang, want, s)
		}
	}
}
