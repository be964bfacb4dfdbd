package locale_test

import (
	"strings"
	"testing"
)

// germanCalques are English turns of phrase a German lawyer would not write,
// with the wording the locales use instead.
var germanCalques = map[string]string{
	"sichere Antwort": "vorsorglich ist eine Einwilligung einzuholen; vorsorglich wird sie als Werbung behandelt",
	"kostet als":      "an opt-out 'costs no more than a reply' (15 U.S.C. § 7704: no fee and no step beyond a reply or one web page): 'verlangt'",
}

// TestGermanCalques finds no German message with a calque of the English.
func TestGermanCalques(t *testing.T) {
	msgs := readMessages(t)
	for _, id := range sortedKeys(msgs["de"]) {
		for _, s := range msgs["de"][id].all() {
			for calque, instead := range germanCalques {
				if strings.Contains(s, calque) {
					t.Errorf("de %s says %q (write: %s): %s", id, calque, instead, s)
				}
			}
		}
	}
}
