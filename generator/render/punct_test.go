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

// TestAfterColon: Polish lowers the first letter after a colon only where
// the first word is a common word it knows and no capitalised word follows
// it; a name keeps its capital, as do the forms of address and acronyms;
// other languages keep the company's text as written.
func TestAfterColon(t *testing.T) {
	for _, tc := range []struct{ lang, in, want string }{
		// Common words: lowered.
		{"pl", "Wystarczy kliknąć link.", "wystarczy kliknąć link."},
		{"pl", "Kliknij link rezygnacji w każdej wiadomości.", "kliknij link rezygnacji w każdej wiadomości."},
		{"pl", "Link rezygnacji w każdym e-mailu.", "link rezygnacji w każdym e-mailu."},
		{"pl", "Usuń datę urodzenia w swoim koncie.", "usuń datę urodzenia w swoim koncie."},
		{"pl", "E-mail na adres rodo@example.pl.", "e-mail na adres rodo@example.pl."},
		{"pl", "W każdej chwili, bez podania przyczyny.", "w każdej chwili, bez podania przyczyny."},
		{"pl", "Przez SMS o treści STOP.", "przez SMS o treści STOP."},
		{"pl", "Wystarczy Państwa wiadomość.", "wystarczy Państwa wiadomość."},
		// Names: kept, alone, of two words, after a common word.
		{"pl", "Allegro wyśle link rezygnacji.", "Allegro wyśle link rezygnacji."},
		{"pl", "Google Analytics usuwa dane po 14 miesiącach.", "Google Analytics usuwa dane po 14 miesiącach."},
		{"pl", "Polska Press przyjmuje sprzeciw e-mailem.", "Polska Press przyjmuje sprzeciw e-mailem."},
		{"pl", "Kraków, ul. Długa 1: osobiście w biurze.", "Kraków, ul. Długa 1: osobiście w biurze."},
		{"pl", "Nasza Księgarnia przyjmuje rezygnację.", "Nasza Księgarnia przyjmuje rezygnację."},
		{"pl", "Pod Aniołami: w restauracji.", "Pod Aniołami: w restauracji."},
		{"pl", "Zając i Wspólnicy przyjmują rezygnację.", "Zając i Wspólnicy przyjmują rezygnację."},
		// Forms of address and acronyms: kept.
		{"pl", "Państwa zgodę można wycofać.", "Państwa zgodę można wycofać."},
		{"pl", "Twoją zgodę możesz wycofać.", "Twoją zgodę możesz wycofać."},
		{"pl", "RODO pozwala wycofać zgodę.", "RODO pozwala wycofać zgodę."},
		{"pl", "SMS-em o treści STOP.", "SMS-em o treści STOP."},
		{"pl", "", ""},
		{"pl", "24 godziny po wysłaniu.", "24 godziny po wysłaniu."},
		{"de", "Eine formlose Nachricht genügt.", "Eine formlose Nachricht genügt."},
		{"en", "Email us.", "Email us."},
	} {
		if got := afterColon(tc.lang, tc.in); got != tc.want {
			t.Errorf("afterColon(%s, %q) = %q, want %q", tc.lang, tc.in, got, tc.want)
		}
	}
}

// TestPolishCommonWordsAreCommon: every word afterColon may lower is a
// common word the Polish dictionary knows in lower case, so no name slips
// into the list (hunspell-pl, which .ci/run installs).
func TestPolishCommonWordsAreCommon(t *testing.T) {
	needSpeller(t)
	var words []string
	for w := range polishCommon {
		words = append(words, w)
	}
	if len(words) == 0 {
		t.Fatal("no Polish common word listed")
	}
	if bad := misspelt(t, "pl", strings.Join(words, "\n")); len(bad) > 0 {
		t.Errorf("not common Polish words in lower case: %v", bad)
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
