package render

import (
	"regexp"
	"testing"
)

// polishBareGenitive is a name placeholder straight after a noun that
// governs the genitive ("cel {{.Company}}", "czynności przetwarzania
// {{.Company}}"): Basis cannot decline the name ("Hans Müller" would need
// "Hansa Müllera"), so the nominative reads as an error there. A Polish
// message introduces the name after "firmy", "spółki", "odbiorca", as the
// subject, or after a preposition that leaves it as written.
var polishBareGenitive = regexp.MustCompile(`\b(cel|celu|cele|czynności|przetwarzania|dokumenty|dane|klienci|klientów|zmiany)\s+\{\{-?\s*\.(` + nameVars + `)\b`)

// TestPolishMessagesNameUndeclined: no Polish message puts a company's name
// where Polish would decline it.
func TestPolishMessagesNameUndeclined(t *testing.T) {
	cat, err := sharedCatalog()
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range cat.IDs("pl") {
		m, ok := cat.Source("pl", id)
		if !ok {
			continue
		}
		for _, text := range append([]string{m.Text}, sortedValues(m.Forms)...) {
			if x := polishBareGenitive.FindString(text); x != "" {
				t.Errorf("%s: %q: %s", id, x, text)
			}
		}
	}
	if !polishBareGenitive.MatchString("żaden cel {{.Company}} nie może") || polishBareGenitive.MatchString("Dokumenty firmy {{.Company}}") {
		t.Error("polishBareGenitive does not tell a bare genitive from a name after firmy")
	}
}
