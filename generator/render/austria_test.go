package render

import (
	"strings"
	"testing"
)

// TestAustrianObjectionWording: the Vienna studio writes to customers in
// Austria and Germany. The objection sentences of its German field texts
// and notice give Austrian customers the wording of § 174(4) Z 3 TKG 2021
// ("kostenfrei und problemlos abzulehnen"), and only German customers the
// UWG's "Übermittlungskosten nach den Basistarifen" (§ 7(3) Nr. 4 UWG).
func TestAustrianObjectionWording(t *testing.T) {
	r := newTestRenderer(t)
	c := issueCase(t, "vienna-studio")
	fields, err := r.Fields(judged(c), "de")
	if err != nil {
		t.Fatal(err)
	}
	notice := section(privacyPage(t, r, c, "de"), "marketing")
	for _, tc := range []struct{ doc, text, want string }{
		{"fields", documentText(fields), "Für Kundinnen und Kunden in: Österreich. Wir verwenden deine E-Mail-Adresse auch"},
		{"fields", documentText(fields), "Du kannst diese Nutzung jederzeit kostenfrei und problemlos ablehnen."},
		{"fields", documentText(fields), "Für Kundinnen und Kunden in: Deutschland. Wir verwenden deine E-Mail-Adresse auch"},
		{"privacy", notice, "Für Kundinnen und Kunden in: Österreich. Du kannst der Direktwerbung jederzeit kostenfrei und problemlos widersprechen (§ 174 Abs. 4 TKG 2021, Österreich)."},
		{"privacy", notice, "Für Kundinnen und Kunden in: Deutschland. Du kannst der Direktwerbung jederzeit widersprechen. Dafür entstehen dir keine Kosten außer den Übermittlungskosten nach den Basistarifen."},
	} {
		if !strings.Contains(tc.text, tc.want) {
			t.Errorf("vienna-studio/de/%s lacks %q", tc.doc, tc.want)
		}
	}
	if n := strings.Count(documentText(fields), "Basistarifen"); n != strings.Count(documentText(fields), "Für Kundinnen und Kunden in: Deutschland. Wir verwenden") {
		t.Errorf("vienna-studio/de/fields: %d sentences with the UWG's Basistarife, not each for Germany only", n)
	}
}
