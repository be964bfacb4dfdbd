package render

import (
	"strings"
	"testing"
)

// TestPolishPunctuation: in the Polish notice the note that a source is
// public stands before the source's full stop, not after it, and the
// company's withdrawal sentence after "purpose:" starts in lower case, as
// Polish writes after a colon (Polish review, December 2026).
func TestPolishPunctuation(t *testing.T) {
	r := newTestRenderer(t)
	page := privacyPage(t, r, issueCase(t, "pl-software"), "pl")
	for _, want := range []string{
		"Publiczne strony internetowe firm (źródło publicznie dostępne).",
		"<strong>Informacje o produktach dla firm:</strong> link rezygnacji w każdym e-mailu.",
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the Polish notice lacks %q", want)
		}
	}
	for _, not := range []string{"firm. (źródło", "firm:</strong> Link"} {
		if strings.Contains(page, not) {
			t.Errorf("the Polish notice still says %q", not)
		}
	}
}

// TestAfterColon: Polish lowers the first letter after a colon, except in
// the capitalised forms of address and in acronyms; other languages keep
// the company's text as written.
func TestAfterColon(t *testing.T) {
	for _, tc := range []struct{ lang, in, want string }{
		{"pl", "Wystarczy kliknąć link.", "wystarczy kliknąć link."},
		{"pl", "Państwa zgodę można wycofać.", "Państwa zgodę można wycofać."},
		{"pl", "Twoją zgodę możesz wycofać.", "Twoją zgodę możesz wycofać."},
		{"pl", "RODO pozwala wycofać zgodę.", "RODO pozwala wycofać zgodę."},
		{"pl", "", ""},
		{"de", "Eine formlose Nachricht genügt.", "Eine formlose Nachricht genügt."},
		{"en", "Email us.", "Email us."},
	} {
		if got := afterColon(tc.lang, tc.in); got != tc.want {
			t.Errorf("afterColon(%s, %q) = %q, want %q", tc.lang, tc.in, got, tc.want)
		}
	}
}

// TestWithNote: a note in parentheses goes before the text's full stop.
func TestWithNote(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Publiczne strony firm.", "Publiczne strony firm (źródło)."},
		{"Publiczne strony firm", "Publiczne strony firm (źródło)"},
		{"Strony firm. ", "Strony firm (źródło)."},
	} {
		if got := withNote(tc.in, "źródło"); got != tc.want {
			t.Errorf("withNote(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
