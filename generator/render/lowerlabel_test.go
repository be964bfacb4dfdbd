package render

import (
	"testing"

	"github.com/basis-privacy/basis/generator/load"
	"github.com/basis-privacy/basis/generator/model"
)

// TestLowerInSentence: a company's label, purpose or withdrawal text set
// inside a sentence is lowered only where its first word is a common word;
// an acronym ("IBAN", "NIP") or a name of several words ("Google
// Analytics", "Apple ID") keeps its capitals: "your iBAN" and "your google
// Analytics" were printed before. Polish goes by its list of common words,
// as after a colon.
func TestLowerInSentence(t *testing.T) {
	for _, tc := range []struct{ lang, in, want string }{
		{"en", "Date of birth", "date of birth"},
		{"en", "E-mail address", "e-mail address"},
		{"en", "IBAN", "IBAN"},
		{"en", "IBAN for refunds", "IBAN for refunds"},
		{"en", "Google Analytics ID", "Google Analytics ID"},
		{"en", "Apple ID", "Apple ID"},
		{"en", "Loyalty card number", "loyalty card number"},
		{"vi", "Địa chỉ email", "địa chỉ email"},
		{"vi", "Zalo ID", "Zalo ID"},
		{"pl", "Newsletter", "newsletter"},
		{"pl", "Program Lojalnościowy Lumen", "Program Lojalnościowy Lumen"},
		{"pl", "Wystarczy kliknąć link", "wystarczy kliknąć link"},
		{"pl", "Allegro Smart", "Allegro Smart"},
		{"pl", "NIP", "NIP"},
		{"", "", ""},
	} {
		if got := lowerInSentence(tc.lang, tc.in); got != tc.want {
			t.Errorf("lowerInSentence(%s, %q) = %q, want %q", tc.lang, tc.in, got, tc.want)
		}
	}
}

// TestFieldObjectKeepsAcronyms: the field text names a field labelled
// "IBAN" as "your IBAN", not "your iBAN".
func TestFieldObjectKeepsAcronyms(t *testing.T) {
	c, err := load.File("testdata/four-lang/company.yaml")
	if err != nil {
		t.Fatal(err)
	}
	p := newTestRenderer(t).printer(c, "en")
	if got := fieldObject(p, &model.Field{ID: "refund-account"}, "IBAN"); got != "your IBAN" {
		t.Errorf("the field labelled IBAN is named %q", got)
	}
}
