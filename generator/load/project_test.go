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
