package locale_test

import (
	"strings"
	"testing"

	"github.com/basis-privacy/basis/generator/locale"
)

// TestOwnWordingOfTheRegister: a company that words a message in both
// registers (notice.rights.free and notice.rights.free.informal) gets each
// in the documents of that register; its one wording of a message stands in
// both, as before (D9).
func TestOwnWordingOfTheRegister(t *testing.T) {
	cat := loadShared(t)
	own, err := cat.Overlay(map[string][]locale.Message{"de": {
		{ID: "notice.rights.free", Text: "Formell: Ihre Rechte kosten nichts."},
		{ID: "notice.rights.free.informal", Text: "Informell: deine Rechte kosten nichts."},
		{ID: "notice.toc", Text: "Eigener Inhalt"},
	}})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		reg      locale.Register
		id, want string
	}{
		{locale.Informal, "notice.rights.free", "Informell: deine Rechte kosten nichts."},
		{locale.Formal, "notice.rights.free", "Formell: Ihre Rechte kosten nichts."},
		{locale.Informal, "notice.toc", "Eigener Inhalt"},
		{locale.Formal, "notice.toc", "Eigener Inhalt"},
	} {
		if got := own.In("de", tc.reg).T(tc.id); got != tc.want {
			t.Errorf("%s %s = %q, want %q", tc.reg, tc.id, got, tc.want)
		}
	}
	only, err := cat.Overlay(map[string][]locale.Message{"de": {{ID: "notice.rights.free.informal", Text: "Nur informell."}}})
	if err != nil {
		t.Fatal(err)
	}
	if got := only.In("de", locale.Formal).T("notice.rights.free"); got != cat.For("de").T("notice.rights.free") {
		t.Errorf("formal, with only the informal worded: %q, want the shared formal text", got)
	}
	if got := only.In("de", locale.Informal).T("notice.rights.free"); got != "Nur informell." {
		t.Errorf("informal, with only the informal worded: %q", got)
	}
}

// TestOtherAddress: the forms of address of the other register are found
// (pronouns, possessives, Polish verb forms), and those of the register
// itself are not.
func TestOtherAddress(t *testing.T) {
	for _, tc := range []struct {
		lang string
		reg  locale.Register
		text string
		want string // the forms found, comma-separated
	}{
		{"de", locale.Formal, "Du kannst jederzeit widersprechen.", "Du"},
		{"de", locale.Formal, "Sie können jederzeit widersprechen.", ""},
		{"de", locale.Informal, "Die Ausübung Ihrer Rechte ist kostenlos.", "Ihrer"},
		{"de", locale.Informal, "Wir verwenden Ihre Daten und schreiben Ihnen.", "Ihre,Ihnen"},
		{"de", locale.Informal, "Die Empfänger halten sich daran. Sie handeln nach Weisung.", ""},
		{"pl", locale.Formal, "Możesz wycofać zgodę.", "Możesz"},
		{"pl", locale.Formal, "Administratorem Twoich danych jest:", "Twoich"},
		{"pl", locale.Formal, "Kliknij link.", "Kliknij"},
		{"pl", locale.Formal, "Weź pod uwagę cel.", "Weź"},
		{"pl", locale.Formal, "Mogą Państwo wycofać zgodę. Nasz kwestionariusz już jest.", ""},
		{"pl", locale.Informal, "Przetwarzamy dane Państwa.", "Państwa"},
		{"pl", locale.Informal, "Państwo\nPolska", ""},
		{"vi", locale.Formal, "Quyền của bạn", "bạn"},
		{"vi", locale.Formal, "Quyền của Quý khách", ""},
		{"vi", locale.Informal, "Quyền của Quý khách", "Quý khách"},
		{"en", locale.Informal, "Your rights are free of charge.", ""},
	} {
		if got := strings.Join(locale.OtherAddress(tc.lang, tc.reg, tc.text), ","); got != tc.want {
			t.Errorf("%s %s %q: found %q, want %q", tc.lang, tc.reg, tc.text, got, tc.want)
		}
	}
}
