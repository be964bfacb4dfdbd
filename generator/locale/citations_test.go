package locale_test

import (
	"strings"
	"testing"
)

// citedActs are names of acts and judgments that a translation writes as
// the English does: a message that cites one in English cites it in every
// language. (Law No. 91/2025/QH15 is left out: after its first mention a
// Vietnamese notice uses the short title the notice defines.)
var citedActs = []string{"GDPR", "PECR", "UWG", "2002/58", "CASL", "356/2025", "91/2020", "C-654/23", "C-673/17"}

// TestTranslationsCiteWhatEnglishCites: a translation that drops a
// citation says less than the English (the review of December 2026 found
// Vietnamese help texts without the provisions the English names).
func TestTranslationsCiteWhatEnglishCites(t *testing.T) {
	msgs := readMessages(t)
	for _, lang := range []string{"vi"} {
		for _, id := range sortedKeys(msgs["en"]) {
			m, ok := msgs[lang][id]
			if !ok {
				continue
			}
			en := strings.Join(msgs["en"][id].all(), " ")
			tr := strings.Join(m.all(), " ")
			for _, act := range citedActs {
				if strings.Contains(en, act) && !strings.Contains(tr, act) {
					t.Errorf("%s %s does not cite %s, which the English cites", lang, id, act)
				}
			}
		}
	}
}
