package render

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"strings"
	"testing"

	"github.com/basis-privacy/basis/generator/law"
	"github.com/basis-privacy/basis/generator/model"
)

// fieldOf returns the meta-information of the field id (of the first form
// that has one) of c in lang.
func fieldOf(t *testing.T, r *Renderer, c *model.Company, lang, id string) FieldInfo {
	t.Helper()
	for _, fi := range r.fieldInfos(judged(c), lang) {
		if fi.Field == id {
			return fi
		}
	}
	t.Fatalf("no field %q", id)
	return FieldInfo{}
}

// lastForm is the last form of c.
func lastForm(c *model.Company) *model.Form { return &c.Forms[len(c.Forms)-1] }

// TestObjectionNoticeAtCollection: a company that advertises its own similar
// products by email without consent, relying on the existing-customer
// exception, tells the customer at the email field of its checkout that the
// address will be used for it and that they may object at any time (§ 7(3)
// Nr. 4 UWG, Art. 13(2) Directive 2002/58/EC): in plain words in English,
// Polish and Vietnamese (legal review row 22), in the statute's words in
// German, and only for the markets whose verdict rests on the exception.
func TestObjectionNoticeAtCollection(t *testing.T) {
	r := newTestRenderer(t)
	c := loadFourLang(t) // loyalty: legitimate_interests, email, objection_at_collection, markets DE, PL, VN
	want := map[string]string{
		"en": "For customers in: Germany. We will also use your email address to send you offers for our own products similar to those you buy from us (Café). You can object to this at any time; it costs you nothing beyond the normal cost of sending your objection.",
		"de": "ohne dass hierfür andere als die Übermittlungskosten nach den Basistarifen entstehen",
		"pl": "poza zwykłym kosztem przesłania sprzeciwu nie poniosą Państwo z tego tytułu żadnych kosztów",
		"vi": "ngoài chi phí thông thường để gửi yêu cầu phản đối",
	}
	for lang, w := range want {
		fi := fieldOf(t, r, c, lang, "email")
		if !strings.Contains(fi.ObjectionNotice, w) || !strings.Contains(fi.Text, fi.ObjectionNotice) {
			t.Errorf("%s: the email field lacks the objection notice %q: %q", lang, w, fi.Text)
		}
		for _, formula := range []string{"basic rates", "taryf podstawowych", "giá cước cơ bản"} {
			if strings.Contains(fi.Text, formula) {
				t.Errorf("%s: the literal formula %q of § 7(3) Nr. 4 UWG: %q", lang, formula, fi.Text)
			}
		}
		if fi := fieldOf(t, r, c, lang, "phone"); fi.ObjectionNotice != "" {
			t.Errorf("%s: the phone field carries the email notice", lang)
		}
	}
	b, err := r.FieldsJSON(judged(c), "de")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), `"objection_notice": "Für Kundinnen und Kunden in: Deutschland. Wir verwenden Ihre E-Mail-Adresse auch`) {
		t.Errorf("fields.json lacks objection_notice:\n%s", b)
	}
	for name, edit := range map[string]func(*model.Company){
		"no market with the exception": func(c *model.Company) { c.Markets = []law.Market{law.PL, law.VN} },
		"marketing on consent":         func(c *model.Company) { c.Purposes[1].Basis = model.Consent },
		"no objection at collection":   func(c *model.Company) { c.Purposes[1].Marketing.ObjectionAtCollection = false },
		"a contact form":               func(c *model.Company) { c.Forms[0].Kind = model.ContactForm },
		"a newsletter form":            func(c *model.Company) { c.Forms[0].Kind = model.NewsletterForm },
		"a form for Poland only":       func(c *model.Company) { c.Forms[0].Markets = []law.Market{law.PL} },
	} {
		c := loadFourLang(t)
		edit(c)
		if fi := fieldOf(t, r, c, "en", "email"); fi.ObjectionNotice != "" {
			t.Errorf("%s: the email field carries the objection notice: %q", name, fi.ObjectionNotice)
		}
	}
	// A form for Germany only: the notice is for all its customers.
	c.Forms[0].Markets = []law.Market{law.DE}
	if fi := fieldOf(t, r, c, "en", "email"); !strings.HasPrefix(fi.ObjectionNotice, "We will also use") {
		t.Errorf("a form for Germany only: %q", fi.ObjectionNotice)
	}
}

// TestObjectionNoticeOncePerField: two purposes that advertise by email on
// the exception give one notice, not one each (newcomer trial D2).
func TestObjectionNoticeOncePerField(t *testing.T) {
	r := newTestRenderer(t)
	c := loadFourLang(t)
	second := c.Purposes[1]
	second.ID = "loyalty2"
	c.Purposes = append(c.Purposes, second)
	opening := map[string]string{"en": "We will also use your email address", "de": "Wir verwenden Ihre E-Mail-Adresse auch",
		"pl": "Państwa adres e-mail wykorzystamy również", "vi": "Chúng tôi cũng sử dụng địa chỉ email của Quý khách"}
	for _, lang := range c.Languages {
		fi := fieldOf(t, r, c, lang, "email")
		if n := strings.Count(fi.Text, opening[lang]); n != 1 {
			t.Errorf("%s: the notice appears %d times: %q", lang, n, fi.Text)
		}
	}
}

// TestContactFormAnnouncesNoAdvertising: a contact form collects the
// address to answer an enquiry, not in a sale: its email field announces no
// advertising and gets no marketing box (newcomer trial D2).
func TestContactFormAnnouncesNoAdvertising(t *testing.T) {
	r := newTestRenderer(t)
	c := loadFourLang(t)
	c.Forms[0].Kind = model.ContactForm
	for _, lang := range c.Languages {
		fi := fieldOf(t, r, c, lang, "email")
		if fi.ObjectionNotice != "" || len(fi.Consents) != 0 || fi.RefusalNotice != "" {
			t.Errorf("%s: the contact form's email field announces advertising: %+v", lang, fi)
		}
	}
}

// TestLegacyFields: the fields of an old file are one form whose kind is
// not stated: their help ids stay as they were, and the email field of a
// contract purpose counts as collected in a sale, that of another purpose
// not.
func TestLegacyFields(t *testing.T) {
	r := newTestRenderer(t)
	c := loadFourLang(t)
	c.Forms[0].ID, c.Forms[0].Kind, c.Forms[0].Legacy = "", "", true
	fi := fieldOf(t, r, c, "en", "email")
	if fi.HelpID != "basis-help-email" || fi.Form != "" || fi.ObjectionNotice == "" {
		t.Errorf("legacy form: %+v", fi)
	}
	c.Purposes = append(c.Purposes, model.Purpose{ID: "enquiries", Basis: model.LegitimateInterests, Data: []string{"email"},
		Name: model.Plain("Enquiries"), Interest: model.Plain("answering enquiries")})
	c.Forms[0].Fields[0].Purpose = "enquiries"
	if fi := fieldOf(t, r, c, "en", "email"); fi.ObjectionNotice != "" {
		t.Errorf("a legacy field of a purpose that is no contract announces advertising: %q", fi.ObjectionNotice)
	}
	c = loadFourLang(t)
	if fi := fieldOf(t, r, c, "en", "email"); fi.HelpID != "basis-help-order-email" || fi.Form != "order" || fi.FormKind != "checkout" {
		t.Errorf("named form: %+v", fi)
	}
}

// TestConsentBoxWhereMarketNeedsConsent: where a market the form serves
// needs prior consent for the marketing (Poland, Vietnam), the email field
// gets an unticked consent box naming the sender, the channel and what is
// advertised (legal review row 20), never an opt-out sentence.
func TestConsentBoxWhereMarketNeedsConsent(t *testing.T) {
	r := newTestRenderer(t)
	c := loadFourLang(t)
	want := map[string]string{
		"en": "I agree that Café Lumen GmbH may contact me by email to advertise coffee and cakes from Café Lumen.",
		"de": "Ich willige ein, dass mich der Verantwortliche (Café Lumen GmbH) per E-Mail kontaktiert, um für Kaffee und Kuchen des Café Lumen zu werben.",
		"pl": "Wyrażam zgodę na kontaktowanie się ze mną przez Café Lumen GmbH za pośrednictwem poczty elektronicznej w celu marketingu bezpośredniego dotyczącego: kawa i ciasta z Café Lumen.",
		"vi": "Tôi đồng ý để Café Lumen GmbH liên hệ với tôi qua email để quảng cáo về cà phê và bánh ngọt của Café Lumen.",
	}
	for lang, w := range want {
		fi := fieldOf(t, r, c, lang, "email")
		if len(fi.Consents) != 1 {
			t.Fatalf("%s: %d consent boxes", lang, len(fi.Consents))
		}
		box := fi.Consents[0]
		if box.Text != w || box.Kind != "marketing" || strings.Join(box.Markets, ",") != "PL,VN" || box.ID != "order.marketing.loyalty" {
			t.Errorf("%s: box %+v\nwant %q", lang, box, w)
		}
		if strings.Contains(box.HTML, "checked") || !strings.Contains(box.HTML, `type="checkbox"`) || !strings.Contains(box.Notice, p(lang)) {
			t.Errorf("%s: box snippet %q, notice %q", lang, box.HTML, box.Notice)
		}
	}
	// A form for Germany only needs no box; a form for Poland only gets one
	// that is not limited to some of its markets.
	c.Forms[0].Markets = []law.Market{law.DE}
	if fi := fieldOf(t, r, c, "en", "email"); len(fi.Consents) != 0 {
		t.Errorf("a form for Germany only gets a box: %+v", fi.Consents)
	}
	c.Forms[0].Markets = []law.Market{law.PL}
	if fi := fieldOf(t, r, c, "en", "email"); len(fi.Consents) != 1 || strings.Contains(fi.Consents[0].Notice, "This box is for") {
		t.Errorf("a form for Poland only: %+v", fi.Consents)
	}
	// A checkbox of the file for the purpose replaces the box Basis adds.
	c = loadFourLang(t)
	c.Forms[0].Fields = append(c.Forms[0].Fields, model.Field{ID: "ads", Type: "checkbox", Purpose: "loyalty", Label: model.Plain("Yes, send me offers.")})
	if fi := fieldOf(t, r, c, "en", "email"); len(fi.Consents) != 0 {
		t.Errorf("a second box beside the form's own checkbox: %+v", fi.Consents)
	}
}

// p is the first words of the withdrawal sentence in lang.
func p(lang string) string {
	return map[string]string{"en": "You can withdraw", "de": "Sie können Ihre Einwilligung", "pl": "Zgodę mogą Państwo", "vi": "Quý khách có thể rút lại"}[lang]
}

// withConsentCheckbox adds a newsletter on consent and a checkbox for it.
func withConsentCheckbox(c *model.Company) {
	c.Purposes = append(c.Purposes, model.Purpose{ID: "news", Basis: model.Consent, Data: []string{"name", "email"},
		Name: model.Text{ByLang: map[string]string{"en": "Newsletter", "de": "Newsletter", "pl": "Newsletter", "vi": "Bản tin"}},
		Withdraw: model.Text{ByLang: map[string]string{"en": "Click the unsubscribe link in any email.",
			"de": "Klicken Sie auf den Abmeldelink in jeder E-Mail.", "pl": "Wystarczy kliknąć link rezygnacji w każdej wiadomości.",
			"vi": "Nhấn vào liên kết hủy đăng ký trong mỗi email."}}})
	f := lastForm(c)
	f.Fields = append(f.Fields, model.Field{ID: "news_optin", Type: "checkbox", Purpose: "news",
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
		"vi": "Việc đánh dấu vào ô này là tự nguyện. Khi đánh dấu, Quý khách đồng ý để chúng tôi sử dụng dữ liệu của Quý khách cho mục đích “Bản tin”. " +
			"Quý khách có thể rút lại sự đồng ý bất cứ lúc nào; việc rút lại không ảnh hưởng đến tính hợp pháp của việc xử lý dữ liệu đã thực hiện trước đó. " +
			"Để rút lại sự đồng ý, Quý khách có thể nhấn vào liên kết hủy đăng ký trong mỗi email.",
	}
	for lang, w := range want {
		if fi := fieldOf(t, r, c, lang, "news_optin"); fi.Text != w {
			t.Errorf("%s:\n got %q\nwant %q", lang, fi.Text, w)
		}
	}
	for _, lang := range c.Languages {
		fi := fieldOf(t, r, c, lang, "news_optin")
		if strings.Contains(fi.Text, lowerFirst(fi.Label)) || fi.ConsentNotice == "" || fi.Type != "checkbox" {
			t.Errorf("%s: broken checkbox text %+v", lang, fi)
		}
		if len(fi.Consents) != 1 || fi.Consents[0].Kind != "checkbox" || fi.Consents[0].Text != fi.Label || fi.Consents[0].ID != "order.news_optin" {
			t.Errorf("%s: the checkbox's consent %+v", lang, fi.Consents)
		}
	}
	lastForm(c).Fields[2].Checked = true
	c.Purposes[len(c.Purposes)-1].Withdraw = model.Text{}
	if fi := fieldOf(t, r, c, "en", "news_optin"); !strings.HasSuffix(fi.Text, "To withdraw it, write to us at privacy@cafe-lumen.example.") {
		t.Errorf("without withdraw: the text does not say how: %q", fi.Text)
	}
	out, err := r.Fields(judged(c), "en")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(out), `type="checkbox" id="news_optin" name="news_optin" value="`) || strings.Contains(string(out), " checked") {
		t.Error("the snippet of a checkbox is not an unticked checkbox with its consent hash as value")
	}
}

// TestConsentUnderVietnameseLaw: under Law No. 91/2025/QH15 the consent text
// names the controller, the purpose, the data and the person's rights (Art. 9).
func TestConsentUnderVietnameseLaw(t *testing.T) {
	r := newTestRenderer(t)
	c := loadFourLang(t)
	c.Country, c.Controller.Address = "VN", "1 Lê Lợi, Hà Nội"
	withConsentCheckbox(c)
	fi := fieldOf(t, r, c, "vi", "news_optin")
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

// TestConsentNotInferredFromAField: a field the person fills in on consent
// (a date of birth for a birthday card) no longer says that filling it in
// is the consent (legal review rows 19, 33; Art. 4(11), 7(2) GDPR; Law No.
// 91/2025/QH15 Art. 9): it gets its own unticked box, in the company's
// words where it gives them.
func TestConsentNotInferredFromAField(t *testing.T) {
	r := newTestRenderer(t)
	c := loadFourLang(t)
	withConsentCheckbox(c)
	f := lastForm(c)
	f.Fields[len(f.Fields)-1].Type = "text"
	f.Fields[len(f.Fields)-1].ID = "date_of_birth"
	f.Fields[len(f.Fields)-1].Label = model.Text{ByLang: map[string]string{"en": "Date of birth", "de": "Geburtsdatum", "pl": "Data urodzenia", "vi": "Ngày sinh"}}
	c.Purposes[len(c.Purposes)-1].Data = []string{"name", "date_of_birth"}
	inferred := map[string]string{"en": "By providing it", "de": "Mit Ihrer Angabe willigen Sie", "pl": "Podając te dane, wyrażają", "vi": "Khi cung cấp thông tin này"}
	box := map[string]string{
		"en": "I agree that Café Lumen GmbH may process the following data about me for “Newsletter”: name, date of birth.",
		"de": "Ich willige ein, dass der Verantwortliche (Café Lumen GmbH) folgende Daten zu meiner Person für den Zweck „Newsletter“ verarbeitet: Name, Geburtsdatum.",
		"pl": "Wyrażam zgodę na przetwarzanie przez Café Lumen GmbH następujących moich danych: imię i nazwisko, data urodzenia – w celu: newsletter.",
		"vi": "Tôi đồng ý để Café Lumen GmbH xử lý các dữ liệu sau đây của tôi cho mục đích “Bản tin”: họ và tên, ngày sinh.",
	}
	for _, lang := range c.Languages {
		fi := fieldOf(t, r, c, lang, "date_of_birth")
		if strings.Contains(fi.Text, inferred[lang]) {
			t.Errorf("%s: consent inferred from filling in the field: %q", lang, fi.Text)
		}
		if len(fi.Consents) != 1 || fi.Consents[0].Kind != "field" || fi.Consents[0].Text != box[lang] || fi.Consents[0].ID != "order.date_of_birth.consent" {
			t.Errorf("%s: box %+v\nwant %q", lang, fi.Consents, box[lang])
			continue
		}
		if !strings.Contains(fi.Consents[0].Notice, p(lang)) || strings.Contains(fi.Consents[0].HTML, "checked") {
			t.Errorf("%s: box notice %q", lang, fi.Consents[0].Notice)
		}
	}
	f.Fields[len(f.Fields)-1].Consent = model.Text{ByLang: map[string]string{"en": "I agree.", "de": "Ich willige ein.", "pl": "Zgadzam się.", "vi": "Tôi đồng ý."}}
	if fi := fieldOf(t, r, c, "de", "date_of_birth"); fi.Consents[0].Text != "Ich willige ein." {
		t.Errorf("the company's wording is not used: %q", fi.Consents[0].Text)
	}
}

// TestConsentIDsAndHashes: every consent box has a stable id, the same in
// every language, and the SHA-256 of its exact wording, which differs per
// language, in fields.json and as the value of the checkbox in the snippet
// (issue 22, section 3).
func TestConsentIDsAndHashes(t *testing.T) {
	r := newTestRenderer(t)
	c := loadFourLang(t)
	withConsentCheckbox(c)
	seen := map[string]map[string]string{} // id -> lang -> hash
	for _, lang := range c.Languages {
		b, err := r.FieldsJSON(judged(c), lang)
		if err != nil {
			t.Fatal(err)
		}
		var doc struct {
			Forms  []FormInfo
			Fields []FieldInfo
		}
		if err := json.Unmarshal(b, &doc); err != nil {
			t.Fatal(err)
		}
		if len(doc.Forms) != 1 || doc.Forms[0].Form != "order" || doc.Forms[0].Kind != "checkout" {
			t.Errorf("%s: forms %+v", lang, doc.Forms)
		}
		page, err := r.Fields(judged(c), lang)
		if err != nil {
			t.Fatal(err)
		}
		for _, fi := range doc.Fields {
			for _, x := range fi.Consents {
				sum := sha256.Sum256([]byte(x.Text))
				if x.ID == "" || x.SHA256 != hex.EncodeToString(sum[:]) || x.Text == "" {
					t.Errorf("%s: consent %+v", lang, x)
				}
				if !strings.Contains(string(page), x.SHA256) || (x.HTML != "" && !strings.Contains(x.HTML, `value="`+x.SHA256+`"`)) {
					t.Errorf("%s: the page's snippet lacks the hash of %s", lang, x.ID)
				}
				if seen[x.ID] == nil {
					seen[x.ID] = map[string]string{}
				}
				seen[x.ID][lang] = x.SHA256
			}
		}
	}
	if len(seen) != 2 {
		t.Errorf("consent ids %v, want the marketing box and the newsletter checkbox", seen)
	}
	for id, byLang := range seen {
		if len(byLang) != len(c.Languages) || byLang["en"] == byLang["de"] {
			t.Errorf("%s: hashes %v", id, byLang)
		}
	}
}

// TestVietnameseRefusalNotice: where a form asks for consent to advertising
// by email for Vietnam, the email field says that every advertising email
// ends with a refusal function and that sending stops on refusal (Decree
// No. 91/2020/ND-CP Art. 20(1), 13), with no EU formula.
func TestVietnameseRefusalNotice(t *testing.T) {
	r := newTestRenderer(t)
	c := loadFourLang(t)
	fi := fieldOf(t, r, c, "vi", "email")
	want := "Áp dụng cho khách hàng tại: Việt Nam. Mỗi email quảng cáo chúng tôi gửi đều có chức năng từ chối nhận ở cuối thư; chúng tôi ngừng gửi ngay khi Quý khách từ chối."
	if fi.RefusalNotice != want || !strings.HasSuffix(fi.Text, want) {
		t.Errorf("refusal notice %q\nwant %q", fi.RefusalNotice, want)
	}
	c.Forms[0].Markets = []law.Market{law.DE, law.PL}
	if fi := fieldOf(t, r, c, "vi", "email"); fi.RefusalNotice != "" {
		t.Errorf("a form not for Vietnam: %q", fi.RefusalNotice)
	}
}
