package render

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/basis-privacy/basis/generator/check"
	"github.com/basis-privacy/basis/generator/load"
	"github.com/basis-privacy/basis/generator/model"
)

func loadFourLang(t *testing.T) *model.Company {
	t.Helper()
	c, err := load.File("testdata/four-lang/company.yaml")
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestCompanyTextIsEscaped(t *testing.T) {
	c := loadFourLang(t)
	c.Controller.Name = `<script>alert(1)</script>`
	c.Purposes[0].Description = model.Plain(`<script>alert(2)</script> **bold** [x](javascript:alert(3))`)
	r := newTestRenderer(t)
	for _, render := range []func(*check.Result, string) ([]byte, error){r.Privacy, r.Fields} {
		out, err := render(judged(c), "en")
		if err != nil {
			t.Fatal(err)
		}
		s := string(out)
		if strings.Contains(s, "<script>") || strings.Contains(s, "javascript:") {
			t.Errorf("company text reached the page unescaped:\n%s", s)
		}
		if !strings.Contains(s, "&lt;script&gt;alert(1)&lt;/script&gt;") {
			t.Errorf("the company name is not shown as text")
		}
	}
}

func TestMarkdownHeadingsMoveBelowSection(t *testing.T) {
	r := newTestRenderer(t)
	got, err := r.markdown("# Cookies\n\nWe use *one* cookie.\n\n<b>raw</b>\n")
	if err != nil {
		t.Fatal(err)
	}
	s := string(got)
	for _, want := range []string{"<h3>Cookies</h3>", "<em>one</em>"} {
		if !strings.Contains(s, want) {
			t.Errorf("markdown output lacks %q: %s", want, s)
		}
	}
	if strings.Contains(s, "<b>raw</b>") {
		t.Errorf("raw HTML passed through: %s", s)
	}
}

func TestFieldSentences(t *testing.T) {
	c := loadFourLang(t)
	r := newTestRenderer(t)
	tests := []struct {
		field, lang, want string
	}{
		{"phone", "en", "Providing your phone number allows us to prepare your order and tell you when it is ready. You may leave this field empty."},
		{"email", "en", "We need your email address to prepare your order and tell you when it is ready (performance of a contract). Without it, this is not possible. " +
			"For customers in: Germany. We will also use your email address to send you offers for our own products similar to those you buy from us (Café). " +
			"You can object to this at any time; it costs you nothing beyond the normal cost of sending your objection. " +
			"For customers in: Vietnam. Every advertising email we send you ends with a way to refuse further ones; we stop sending them as soon as you refuse."},
		// One field is "it", not "these details" (legal review row 21).
		{"email", "de", "Wir benötigen Ihre E-Mail-Adresse, um Ihre Bestellung vorzubereiten und Ihnen mitzuteilen, wann sie abholbereit ist (Erfüllung eines Vertrags). Ohne diese Angabe ist das nicht möglich. " +
			"Für Kundinnen und Kunden in: Deutschland. Wir verwenden Ihre E-Mail-Adresse auch, um Ihnen Angebote für eigene Waren und Dienstleistungen zu senden, die den bei uns gekauften ähnlich sind (Café). " +
			"Sie können dieser Verwendung jederzeit widersprechen, ohne dass hierfür andere als die Übermittlungskosten nach den Basistarifen entstehen. " +
			"Für Kundinnen und Kunden in: Vietnam. Jede Werbe-E-Mail, die wir Ihnen senden, bietet am Ende die Möglichkeit, weitere abzulehnen; sobald Sie ablehnen, stellen wir den Versand ein."},
	}
	for _, tt := range tests {
		var got string
		for _, fi := range r.fieldInfos(judged(c), tt.lang) {
			if fi.Field == tt.field {
				got = fi.Text
			}
		}
		if got != tt.want {
			t.Errorf("%s/%s: got %q, want %q", tt.field, tt.lang, got, tt.want)
		}
	}
	c.Forms[0].Fields[1].Explanation = model.Plain("Only for urgent questions about your order.")
	b, err := r.FieldsJSON(judged(c), "en")
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Fields []FieldInfo `json:"fields"`
	}
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatal(err)
	}
	if f := doc.Fields[1]; f.Text != "Only for urgent questions about your order." || f.Required ||
		f.HTML != `<p id="basis-help-order-phone" class="basis-field-help" lang="en">Only for urgent questions about your order.</p>` {
		t.Errorf("override not used or snippet wrong: %+v", f)
	}
}

func TestNoticeCoversArticle13(t *testing.T) {
	c := loadFourLang(t)
	r := newTestRenderer(t)
	out, err := r.Privacy(judged(c), "en")
	if err != nil {
		t.Fatal(err)
	}
	s := string(out)
	// Art. 13 GDPR item by item: what the notice must contain for this company.
	items := []struct{ item, want string }{
		{"13(1)(a) controller", "Café Lumen GmbH"},
		{"13(1)(a) contact", "privacy@cafe-lumen.example"},
		{"13(1)(b) DPO", "dpo@cafe-lumen.example"},
		{"13(1)(c) purpose", "Online orders"},
		{"13(1)(c) basis", "Art. 6(1)(b) GDPR"},
		{"13(1)(e) recipients", "Kasse &amp; Co. KG"},
		{"13(1)(f) transfers", "We do not transfer your personal data to countries outside the European Economic Area."},
		{"13(2)(a) retention", "10 years (German Fiscal Code, s. 147)"},
		{"13(2)(b) access", "Art. 15 GDPR"},
		{"13(2)(b) rectification", "Art. 16 GDPR"},
		{"13(2)(b) erasure", "Art. 17 GDPR"},
		{"13(2)(b) restriction", "Art. 18 GDPR"},
		{"13(2)(b) portability", "Art. 20 GDPR"},
		{"13(2)(b) objection", "Art. 21 GDPR"}, // no purpose rests on legitimate interests: Art. 21(1) is not stated
		{"13(2)(d) complaint", "Art. 77 GDPR"},
		{"13(2)(d) authority", "Berlin Commissioner for Data Protection"},
		{"13(2)(e) requirement", "we need this data to conclude and perform our contract with you."},
		{"13(2)(f) automated decisions", "Art. 22 GDPR"},
		{"21(2) marketing objection", "Art. 21(2) GDPR"},
		{"21(4) separate objection section", `id="objection"`},
		{"soft opt-in named", "Art. 13(2) Directive 2002/58/EC"},
		{"effective date", "1 November 2026"},
	}
	for _, it := range items {
		if !strings.Contains(s, it.want) {
			t.Errorf("Art. %s: notice lacks %q", it.item, it.want)
		}
	}
}

func TestUnknownAuthorityLeavesNoDanglingSentence(t *testing.T) {
	c := loadFourLang(t)
	c.Controller.Address = "Hauptstraße 1, 07919 Pausa-Mühltroff, Deutschland" // a postcode of two Länder
	r := newTestRenderer(t)
	out, err := r.Privacy(judged(c), "en")
	if err != nil {
		t.Fatal(err)
	}
	s := string(out)
	if strings.Contains(s, "The authority responsible for us is:") || !strings.Contains(s, "Art. 77 GDPR") {
		t.Error("without a known authority the notice must state the right to complain and name no authority")
	}
}

// TestEveryLawInEveryLanguage renders every document of a company under each
// law Basis writes for (GDPR, UK GDPR, Vietnam's Law 91/2025/QH15) in every
// language: no message may be missing, and each names its own law.
func TestEveryLawInEveryLanguage(t *testing.T) {
	tests := []struct {
		country, address, want string
	}{
		{"DE", "Friedrichstraße 5, 10117 Berlin", "Art. 6(1)(b) GDPR"},
		{"GB", "1 High Street, London EC1A 1AA", "Art. 6(1)(b) UK GDPR"},
		{"VN", "123 Nguyễn Huệ, Thành phố Hồ Chí Minh", "Art. 19(1)(d), Law No. 91/2025/QH15"},
	}
	for _, tt := range tests {
		c := loadFourLang(t)
		c.Country, c.Controller.Address = tt.country, tt.address
		r := newTestRenderer(t)
		for _, lang := range c.Languages {
			for name, render := range map[string]func() ([]byte, error){
				"privacy":   func() ([]byte, error) { return r.Privacy(judged(c), lang) },
				"checklist": func() ([]byte, error) { return r.Checklist(judged(c), lang) },
				"fields":    func() ([]byte, error) { return r.Fields(judged(c), lang) },
			} {
				out, err := render()
				if err != nil {
					t.Fatalf("%s %s/%s: %v", tt.country, lang, name, err)
				}
				if lang == "en" && name == "privacy" && !strings.Contains(string(out), tt.want) {
					t.Errorf("%s: the English notice does not cite %q", tt.country, tt.want)
				}
			}
		}
	}
}
