package locale_test

import (
	"strings"
	"testing"
)

// germanAvoid are turns of phrase a German lawyer would not sign: calques of
// the English and terms other than the act's own, with the wording the
// locales use instead and its source.
var germanAvoid = map[string]string{
	"sichere Antwort":                  "calque of 'the safe answer': 'vorsorglich ist eine Einwilligung einzuholen', 'vorsorglich wird sie als Werbung behandelt'",
	"kostet als":                       "an opt-out 'costs no more than a reply' (15 U.S.C. § 7704(a)(3), 16 C.F.R. § 316.5: no fee and no step beyond a reply or one web page): 'verlangt'",
	"erteilt oder genehmigt":           "Art. 8 Abs. 1 DSGVO: 'durch den Träger der elterlichen Verantwortung für das Kind oder mit dessen Zustimmung erteilt' ('Genehmigung' is only the later approval, § 184 BGB)",
	"s. 9 Data Protection":             "a UK section in German text is 'Sec.', as refs.de.yaml cites the Data Protection Act 2018",
	"ist {{.Values}}":                  "a CRM code after a German verb reads as an English word ('ist customer'): the field's name, then the codes after a colon",
	"vom Typ {{.Values}}":              "a CRM code after a German noun ('vom Typ consumer'): the field's name, then the codes after a colon",
	"Geschäftsbereich {{.Values}}":     "a CRM code as a business's name ('beim Geschäftsbereich yoga'): the field's name, then the codes after a colon",
	"genutzt wird, die ausschließlich": "two relative clauses, the second about the e-mails, not the address: 'E-Mails, die ausschließlich ... betreffen und an eine Adresse gehen, die ...'",
	"wünscht, für Nachrichten":         "the condition trailing after the clause it limits: 'Für Nachrichten, die die berufliche Funktion einer Person betreffen, nimmt das CASL ... an'",
	"des österreichischen Te":          "Austrian acts by their short titles: '§ 174 Abs. 4 TKG 2021 (Österreich)' (GLOSSARY.md)",
}

// TestGermanWording finds none of germanAvoid in a German message.
func TestGermanWording(t *testing.T) {
	msgs := readMessages(t)
	for _, id := range sortedKeys(msgs["de"]) {
		for _, s := range msgs["de"][id].all() {
			for avoid, instead := range germanAvoid {
				if strings.Contains(s, avoid) {
					t.Errorf("de %s says %q (instead: %s): %s", id, avoid, instead, s)
				}
			}
		}
	}
}
