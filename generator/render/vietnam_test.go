package render

import (
	"fmt"
	"strings"
	"testing"

	"github.com/basis-privacy/basis/generator/law"
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
		"de": {"innerhalb von zwei Arbeitstagen", "Dekrets Nr. 356/2025/NĐ-CP"},
		"pl": {"w ciągu dwóch dni roboczych", "dekretu nr 356/2025/NĐ-CP"},
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

// TestVietnameseNoticeStatesEachPeriod: the notice states the period for
// each kind of request that Decree No. 356/2025/ND-CP Art. 5(2)-(4) sets, as
// law.RequestsOf gives them, instead of referring the customer to the
// decree (legal review of December 2026, row 36), and says beside the
// citation that the figures were not checked against the decree's text
// while they are not.
func TestVietnameseNoticeStatesEachPeriod(t *testing.T) {
	rp, ok := law.RequestsOf(law.PDPL)
	if !ok {
		t.Fatal("no periods for Law No. 91/2025/QH15")
	}
	c := loadFourLang(t)
	c.Country, c.Controller.Address = "VN", "1 Lê Lợi, Hà Nội"
	r := newTestRenderer(t)
	cite := map[string]string{"vi": "khoản 2, khoản 3 và khoản 4 Điều 5 Nghị định số 356/2025/NĐ-CP", "en": "Art. 5(2) to (4) of Vietnam&#39;s Decree No. 356/2025/ND-CP",
		"de": "Art. 5 Abs. 2 bis 4 des vietnamesischen Dekrets", "pl": "art. 5 ust. 2–4 wietnamskiego dekretu"}
	unverified := map[string]string{"vi": "chưa được đối chiếu với nguồn chính thức", "en": "not checked against an official source",
		"de": "nicht anhand einer amtlichen Quelle geprüft", "pl": "niesprawdzone w źródle urzędowym"}
	days := map[string]string{"vi": "%d ngày", "en": "%d days", "de": "%d Tage", "pl": "%d dni"}
	for lang := range cite {
		out, err := r.Privacy(judged(c), lang)
		if err != nil {
			t.Fatal(err)
		}
		s := section(string(out), "rights")
		for _, d := range []int{rp.Stop, rp.StopVia, rp.Access, rp.AccessVia, rp.Erase, rp.EraseVia} {
			if w := fmt.Sprintf(days[lang], d); !strings.Contains(s, w) {
				t.Errorf("%s: the rights section lacks %q", lang, w)
			}
		}
		if !strings.Contains(s, cite[lang]) {
			t.Errorf("%s: the rights section does not cite %q", lang, cite[lang])
		}
		if got := strings.Contains(s, unverified[lang]); got == rp.Verified {
			t.Errorf("%s: the periods are verified %v, but the notice marks them unverified: %v", lang, rp.Verified, got)
		}
		for _, old := range []string{"quy định đối với từng quyền", "sets for each right", "für das jeweilige Recht vorsieht", "przewiduje dla danego prawa"} {
			if strings.Contains(s, old) {
				t.Errorf("%s: the notice still refers the customer to the decree: %q", lang, old)
			}
		}
	}
}
