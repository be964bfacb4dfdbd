package render

import (
	"strings"
	"testing"

	"github.com/basis-privacy/basis/generator/model"
)

// TestNoticePrintsSource: a purpose whose data come from someone else than
// the person names, in the reader's language, where they came from, the
// categories, and when the person is told (Art. 14(1)(d), (2)(f), (3) GDPR).
func TestNoticePrintsSource(t *testing.T) {
	c := loadFourLang(t)
	c.Purposes[0].Source = model.Text{ByLang: map[string]string{
		"en": "the commercial register",
		"de": "dem Handelsregister",
		"pl": "rejestru handlowego",
		"vi": "sổ đăng ký thương mại",
	}}
	c.Purposes[0].SourcePublic = true
	want := map[string][]string{
		"en": {"the commercial register", "the commercial register (a publicly accessible source)", "name, email address", "(Art. 14(1)(d) and (2)(f) GDPR)", "(Art. 14(3) GDPR)"},
		"de": {"dem Handelsregister", "öffentlich zugängliche Quelle", "(Art. 14 Abs. 1 lit. d und Abs. 2 lit. f DSGVO)", "längstens jedoch innerhalb eines Monats"},
		"pl": {"rejestru handlowego", "źródło publicznie dostępne", "(art. 14 ust. 3 RODO)"},
		"vi": {"sổ đăng ký thương mại", "nguồn công khai", "(khoản 3 Điều 14 GDPR)"},
	}
	r := newTestRenderer(t)
	for lang, wants := range want {
		out, err := r.Privacy(judged(c), lang)
		if err != nil {
			t.Fatal(err)
		}
		for _, w := range wants {
			if !strings.Contains(string(out), w) {
				t.Errorf("%s: the notice lacks %q", lang, w)
			}
		}
	}
	c.Country, c.Controller.Address = "VN", "1 Lê Lợi, Hà Nội"
	out, err := r.Privacy(judged(c), "vi")
	if err != nil {
		t.Fatal(err)
	}
	if s := string(out); !strings.Contains(s, "sổ đăng ký thương mại") || strings.Contains(s, "Điều 14 GDPR") {
		t.Error("a notice under Law No. 91/2025/QH15 must name the source and cite no GDPR article")
	}
	c = loadFourLang(t)
	out, _ = r.Privacy(judged(c), "en")
	if strings.Contains(string(out), "Source of the data") {
		t.Error("a purpose without source: must not say where the data came from")
	}
}
