package render

import (
	"strings"
	"testing"
)

// TestVietnameseNoticeFollowsDecree356: a notice under Law No. 91/2025/QH15
// gives the time limit Decree No. 356/2025/ND-CP sets for answering a
// request (two working days), names the Decree, calls the contact person by
// the Law's term, and names A05 with its seat and portal.
func TestVietnameseNoticeFollowsDecree356(t *testing.T) {
	c := loadFourLang(t)
	c.Country, c.Controller.Address = "VN", "1 Lê Lợi, Hà Nội"
	r := newTestRenderer(t)
	want := map[string][]string{
		"en": {"within two working days", "Decree No. 356/2025/ND-CP", "person in charge of personal data protection", "https://baovedlcn.gov.vn"},
		"vi": {"02 ngày làm việc", "Nghị định số 356/2025/NĐ-CP", "bộ phận, nhân sự bảo vệ dữ liệu cá nhân", "207 Khuất Duy Tiến, Hà Nội"},
		"de": {"innerhalb von zwei Arbeitstagen", "Dekret Nr. 356/2025/ND-CP"},
		"pl": {"w ciągu dwóch dni roboczych", "dekret nr 356/2025/NĐ-CP"},
	}
	for lang, ws := range want {
		out, err := r.Privacy(judged(c), lang)
		if err != nil {
			t.Fatal(err)
		}
		s := string(out)
		for _, w := range ws {
			if !strings.Contains(s, w) {
				t.Errorf("%s: the notice lacks %q", lang, w)
			}
		}
		if strings.Contains(s, "time limits the law sets") || strings.Contains(s, "thời hạn pháp luật quy định") {
			t.Errorf("%s: the notice still gives no concrete time limit", lang)
		}
	}
	// A German company writing to Vietnam too: its notice keeps the GDPR's
	// wording, and adds what Law No. 91/2025/QH15 gives its Vietnamese
	// customers in a section of its own (issue 18, every regime that applies).
	c = loadFourLang(t)
	out, _ := r.Privacy(judged(c), "en")
	if s := section(string(out), "rights"); strings.Contains(s, "356/2025") {
		t.Error("a GDPR notice must keep its own wording")
	}
	if s := string(out); !strings.Contains(s, "data protection officer") || !strings.Contains(section(s, "regime-pdpl"), "within two working days") {
		t.Error("the GDPR notice lacks its DPO or the Vietnamese customers' rights")
	}
}
