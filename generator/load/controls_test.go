package load

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"
)

// TestControlCharacters: a control character in company text (which no
// document can show, and which a Word document cannot even hold) is an
// error at the key that holds it, in company.yaml, in a message file and
// in a section file, where it is. Before, check passed it and build --docx
// failed without a position (issue 19, D11).
func TestControlCharacters(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		pos   string // file:line:column, file relative to the folder
		want  string
	}{
		{"name", map[string]string{FileName: strings.Replace(valid, "name: Test GmbH", `name: "Test \x01 GmbH"`, 1)},
			"company.yaml:2:3", `name holds the control character U+0001`},
		{"text in one language", map[string]string{FileName: strings.Replace(valid, `retention: {de: "10 Jahre", en: "10 years"}`, `retention: {de: "10 Jahre", en: "10\u0085years"}`, 1)},
			"company.yaml:17:33", `en holds the control character U+0085`},
		{"escape", map[string]string{FileName: strings.Replace(valid, "name: Test GmbH", `name: "Test\x1bGmbH"`, 1)},
			"company.yaml:2:3", `name holds the control character U+001B`},
		{"noncharacter", map[string]string{FileName: strings.Replace(valid, "name: Test GmbH", `name: "Test \uFFFF GmbH"`, 1)},
			"company.yaml:2:3", `name holds the character U+FFFF, which is not text`},
		{"list item", map[string]string{FileName: strings.Replace(valid, "markets: [DE]", `markets: ["D\x00E"]`, 1)},
			"company.yaml:6:11", `markets holds the control character U+0000`},
		{"message", map[string]string{"locales/notice.en.yaml": "notice.toc: \"Con\\x07tents\"\n"},
			"locales/notice.en.yaml:1:1", `notice.toc holds the control character U+0007`},
		{"section file", map[string]string{FileName: valid + "sections:\n  - title: Cookies\n    file: cookies.md\n", "cookies.md": "# Cookies\n\nWe use \x02 one cookie.\n"},
			"cookies.md:3:8", `section file "cookies.md" holds the control character U+0002`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := company(t, tt.files)
			_, err := File(p, WithCatalog(sharedCatalog(t)))
			var es Errors
			if !errors.As(err, &es) {
				t.Fatalf("want Errors, got %v", err)
			}
			if got, want := es[0].Pos.String(), filepath.Join(filepath.Dir(p), filepath.FromSlash(tt.pos)); got != want || !strings.Contains(es[0].Msg, tt.want) || es[0].Hint == "" {
				t.Errorf("first error %s: %s (%s), want at %s: %q", got, es[0].Msg, es[0].Hint, want, tt.want)
			}
		})
	}
	// Tabs and line breaks are text.
	p := company(t, map[string]string{FileName: strings.Replace(valid, "name: Test GmbH", "name: \"Test\\tGmbH\\r\\n\"", 1)})
	if _, err := File(p); err != nil {
		t.Errorf("a tab and a line break: %v", err)
	}
}
