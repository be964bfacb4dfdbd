package load

import (
	"strings"
	"testing"
)

// TestProjectFileMistakes: each mistake in basis.yaml is an error at its
// position, all at once, with what to do.
func TestProjectFileMistakes(t *testing.T) {
	for _, tt := range []struct {
		name, file, want string
	}{
		{"unknown key", "titel: x\n", `basis.yaml:1:1: unknown key "titel"`},
		{"checklist published", "public:\n  documents: [privacy, checklist]\n", "basis.yaml:2:3: public lists checklist"},
		{"a document twice", "internal:\n  documents: [privacy]\n", "privacy is listed under both public and internal"},
		{"one folder", "internal:\n  folder: public\n", `public and internal share the folder "public"`},
		{"not an address", "base_url: example.com\n", "is not a web address"},
		{"unknown language", "languages: [en, fr]\n", `language "fr" is not known`},
		{"unknown document", "public:\n  documents: [privacy, cookies]\n", `document "cookies" is not known`},
		{"firm without a name", "firm:\n  sign_off: x\n", "basis.yaml:2:3: firm"},
		{"unknown firm key", "firm:\n  name: X\n  signoff: y\n", `basis.yaml:3:3: unknown key "signoff"`},
		{"disclaimer not a boolean", "firm:\n  name: X\n  disclaimer: no thanks\n", "basis.yaml:3:15:"},
	} {
		_, err := ParseProject("basis.yaml", []byte(tt.file))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: %v, want %q", tt.name, err, tt.want)
		}
	}
	p, err := ParseProject("basis.yaml", []byte("base_url: https://example.com/privacy\nlanguages: [de, en]\npublic:\n  documents: [privacy, fields, blank-checklist]\ninternal:\n  documents: [checklist]\n"))
	if err != nil {
		t.Fatal(err)
	}
	if p.BaseURL != "https://example.com/privacy/" || strings.Join(p.Languages, ",") != "de,en" || p.Public.Folder != "public" || len(p.Public.Documents) != 3 {
		t.Errorf("read %+v", p)
	}
}

// TestProjectFirm: the firm is a mapping, or its name alone; Basis's
// notice that it gives no legal advice stays unless the firm turns it off,
// and a sign-off may be one text or one per language.
func TestProjectFirm(t *testing.T) {
	for _, tt := range []struct {
		name, file, firm, signOffDe string
		disclaimer                  bool
	}{
		{"none", "title: x\n", "", "", true},
		{"a name alone", "firm: Example & Partners\n", "Example & Partners", "", true},
		{"a mapping", "firm:\n  name: Kowalska\n  sign_off: |\n    adw. Anna Kowalska\n    Warszawa\n  disclaimer: false\n", "Kowalska", "adw. Anna Kowalska\nWarszawa", false},
		{"a sign-off per language", "firm:\n  name: K\n  sign_off:\n    de: Anna K.\n    pl: Anna K., adwokat\n", "K", "Anna K.", true},
	} {
		p, err := ParseProject("basis.yaml", []byte(tt.file))
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if p.Firm.Name != tt.firm || p.Firm.Disclaimer != tt.disclaimer || p.Firm.SignOff.In("de") != tt.signOffDe {
			t.Errorf("%s: firm %+v, want %q, disclaimer %v, German sign-off %q", tt.name, p.Firm, tt.firm, tt.disclaimer, tt.signOffDe)
		}
	}
}
