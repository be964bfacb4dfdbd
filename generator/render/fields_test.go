package render

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/basis-privacy/basis/generator/law"
	"github.com/basis-privacy/basis/generator/model"
)

func fieldInfo(t *testing.T, r *Renderer, c *model.Company, lang, id string) FieldInfo {
	t.Helper()
	for _, fi := range r.fieldInfos(judged(c), lang) {
		if fi.Field == id {
			return fi
		}
	}
	t.Fatalf("no field %q", id)
	return FieldInfo{}
}

// TestObjectionNoticeAtCollection: a company that advertises its own similar
// products by email without consent, relying on the existing-customer
// exception, tells the customer at the email field that the address will be
// used for it and that they may object at any time at no cost beyond the
// basic rates (§ 7(3) Nr. 4 UWG, Art. 13(2) Directive 2002/58/EC).
func TestObjectionNoticeAtCollection(t *testing.T) {
	r := newTestRenderer(t)
	c := loadFourLang(t) // loyalty: legitimate_interests, email, objection_at_collection, markets DE, PL, VN
	want := map[string]string{
		"en": "You may object to this use at any time without incurring any costs other than the transmission costs at the basic rates.",
		"de": "ohne dass hierfür andere als die Übermittlungskosten nach den Basistarifen entstehen",
		"pl": "nie ponosząc innych kosztów niż koszty przesłania według taryf podstawowych",
		"vi": "ngoài chi phí truyền tin theo giá cước cơ bản",
	}
	for lang, w := range want {
		fi := fieldInfo(t, r, c, lang, "email")
		if !strings.Contains(fi.ObjectionNotice, w) || !strings.Contains(fi.Text, fi.ObjectionNotice) {
			t.Errorf("%s: the email field lacks the objection notice %q: %q", lang, w, fi.Text)
		}
		if fi := fieldInfo(t, r, c, lang, "phone"); fi.ObjectionNotice != "" {
			t.Errorf("%s: the phone field carries the email notice", lang)
		}
	}
	b, err := r.FieldsJSON(judged(c), "de")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), `"objection_notice": "Wir verwenden Ihre E-Mail-Adresse auch`) {
		t.Error("fields.json lacks objection_notice")
	}
	for name, edit := range map[string]func(*model.Company){
		"no market with the exception": func(c *model.Company) { c.Markets = []law.Market{law.PL, law.VN} },
		"marketing on consent":         func(c *model.Company) { c.Purposes[1].Basis = model.Consent },
		"no objection at collection":   func(c *model.Company) { c.Purposes[1].Marketing.ObjectionAtCollection = false },
	} {
		c := loadFourLang(t)
		edit(c)
		if fi := fieldInfo(t, r, c, "en", "email"); fi.ObjectionNotice != "" {
			t.Errorf("%s: the email field carries the objection notice", name)
		}
	}
}

// withConsentCheckbox adds a newsletter on consent and a checkbox for it.
func withConsentCheckbox(c *model.Company) {
	c.Purposes = append(c.Purposes, model.Purpose{ID: "news", Basis: model.Consent, Data: []string{"name", "email"},
		Name: model.Text{ByLang: map[string]string{"en": "Newsletter", "de": "Newsletter", "pl": "Newsletter", "vi": "Bản tin"}},
		Withdraw: model.Text{ByLang: map[string]string{"en": "Click the unsubscribe link in any email.",
			"de": "Klicken Sie auf den Abmeldelink in jeder E-Mail.", "pl": "Kliknij link rezygnacji w każdej wiadomości.",
			"vi": "Nhấn vào liên kết hủy đăng ký trong mỗi email."}}})
	c.Fields = append(c.Fields, model.Field{ID: "news_optin", Type: "checkbox", Purpose: "news",
		Label: model.Text{ByLang: map[string]string{"en": "I agree to receive the newsletter by email.", "de": "Ich möchte den Newsletter erhalten.",
			"pl": "Wyrażam zgodę na otrzymywanie newslettera.", "vi": "Tôi đồng ý nhận bản tin qua email."}}})
}

// TestConsentCheckbox: a checkbox's label is a sentence and is not woven
// into the text; a consent field says that consent can be withdrawn at any
// time and how (Art. 7(3) GDPR).
func TestConsentCheckbox(t *testing.T) {
	r := newTestRenderer(t)
	c := loadFourLang(t)
	withConsentCheckbox(c)
	want := map[string]string{
		"en": "Ticking this box is voluntary. By ticking it, you consent to the use of your data for “Newsletter”. " +
			"You can withdraw your consent at any time; the withdrawal does not affect the lawfulness of the processing before it. " +
			"Click the unsubscribe link in any email.",
		"de": "Das Ankreuzen ist freiwillig. Damit willigen Sie ein, dass wir Ihre Daten für den Zweck „Newsletter“ verwenden. " +
			"Sie können Ihre Einwilligung jederzeit widerrufen; die Rechtmäßigkeit der bis zum Widerruf erfolgten Verarbeitung wird dadurch nicht berührt. " +
			"Klicken Sie auf den Abmeldelink in jeder E-Mail.",
	}
	for lang, w := range want {
		if fi := fieldInfo(t, r, c, lang, "news_optin"); fi.Text != w {
			t.Errorf("%s:\n got %q\nwant %q", lang, fi.Text, w)
		}
	}
	for _, lang := range c.Languages {
		fi := fieldInfo(t, r, c, lang, "news_optin")
		if strings.Contains(fi.Text, lowerFirst(fi.Label)) || fi.ConsentNotice == "" || fi.Type != "checkbox" {
			t.Errorf("%s: broken checkbox text %+v", lang, fi)
		}
	}
	c.Purposes[len(c.Purposes)-1].Withdraw = model.Text{}
	if fi := fieldInfo(t, r, c, "en", "news_optin"); !strings.HasSuffix(fi.Text, "To withdraw it, write to us at privacy@cafe-lumen.example.") {
		t.Errorf("without withdraw: the text does not say how: %q", fi.Text)
	}
	out, err := r.Fields(judged(c), "en")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(out), `type="checkbox"`) {
		t.Error("the snippet of a checkbox is not a checkbox")
	}
}

// TestConsentUnderVietnameseLaw: under Law No. 91/2025/QH15 the consent text
// names the controller, the purpose, the data and the person's rights (Art. 9).
func TestConsentUnderVietnameseLaw(t *testing.T) {
	r := newTestRenderer(t)
	c := loadFourLang(t)
	c.Country, c.Controller.Address = "VN", "1 Lê Lợi, Hà Nội"
	withConsentCheckbox(c)
	fi := fieldInfo(t, r, c, "vi", "news_optin")
	for _, w := range []string{"Café Lumen GmbH", "bên kiểm soát dữ liệu cá nhân", "“Bản tin”", "họ và tên", "Điều 4 Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15", "rút lại sự đồng ý"} {
		if !strings.Contains(fi.ConsentNotice, w) {
			t.Errorf("the Vietnamese consent text lacks %q: %q", w, fi.ConsentNotice)
		}
	}
	b, err := r.FieldsJSON(judged(c), "en")
	if err != nil {
		t.Fatal(err)
	}
	var doc struct{ Fields []FieldInfo }
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatal(err)
	}
	last := doc.Fields[len(doc.Fields)-1]
	if !strings.Contains(last.ConsentNotice, "allow Café Lumen GmbH, as the personal data controller") {
		t.Errorf("fields.json lacks the consent notice: %+v", last)
	}
}

// TestConsentTextField: a field the person fills in on consent says that
// giving it is the consent, then how to withdraw it.
func TestConsentTextField(t *testing.T) {
	r := newTestRenderer(t)
	c := loadFourLang(t)
	withConsentCheckbox(c)
	c.Fields[len(c.Fields)-1].Type = "text"
	c.Fields[len(c.Fields)-1].Label = model.Text{ByLang: map[string]string{"en": "Date of birth", "de": "Geburtsdatum", "pl": "Data urodzenia", "vi": "Ngày sinh"}}
	fi := fieldInfo(t, r, c, "de", "news_optin")
	want := "Mit Ihrer Angabe willigen Sie in diese Verwendung ein. Sie können Ihre Einwilligung jederzeit widerrufen;"
	if !strings.HasPrefix(fi.ConsentNotice, want) || !strings.Contains(fi.Text, "„Geburtsdatum“") {
		t.Errorf("got %q, want the consent notice to start %q", fi.Text, want)
	}
}
