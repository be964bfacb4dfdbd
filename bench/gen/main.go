// Command gen writes N synthetic companies for the benchmarks: each with
// 10 purposes, 5 recipients, 6 form fields and 3 campaigns, in English,
// German, Polish and Vietnamese, with text that uses each language's
// diacritics. The output is deterministic for a given N.
//
//	go run ./bench/gen -n 1000 -out /tmp/bench/content
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

var langs = []string{"en", "de", "pl", "vi"}

// t is one text in the four languages.
type t map[string]string

// country is where a synthetic company sits.
type country struct {
	code, city, street, postcode, land string
	markets                            string
	authority                          t
	authorityAddr, authorityWeb        string
}

var countries = []country{
	{"DE", "Berlin", "Müllerstraße", "13353", "Deutschland", "[DE]",
		t{"en": "Berlin Commissioner for Data Protection and Freedom of Information", "de": "Berliner Beauftragte für Datenschutz und Informationsfreiheit",
			"pl": "Pełnomocnik ds. Ochrony Danych i Wolności Informacji w Berlinie", "vi": "Ủy viên Bảo vệ Dữ liệu và Tự do Thông tin Berlin"},
		"Alt-Moabit 59–61, 10555 Berlin", "https://www.datenschutz-berlin.de"},
	{"PL", "Kraków", "ul. Świętokrzyska", "31-019", "Polska", "[PL]",
		t{"en": "President of the Personal Data Protection Office", "de": "Präsident des Amtes für den Schutz personenbezogener Daten",
			"pl": "Prezes Urzędu Ochrony Danych Osobowych", "vi": "Chủ tịch Văn phòng Bảo vệ Dữ liệu Cá nhân"},
		"ul. Stawki 2, 00-193 Warszawa", "https://uodo.gov.pl"},
	{"VN", "Hà Nội", "Phố Hàng Bạc", "100000", "Việt Nam", "[VN]",
		t{"en": "Department of Cybersecurity and High-Tech Crime Prevention, Ministry of Public Security", "de": "Abteilung für Cybersicherheit, Ministerium für öffentliche Sicherheit",
			"pl": "Departament Cyberbezpieczeństwa Ministerstwa Bezpieczeństwa Publicznego", "vi": "Cục An ninh mạng và phòng, chống tội phạm sử dụng công nghệ cao, Bộ Công an"},
		"47 Phạm Văn Đồng, Cầu Giấy, Hà Nội", "https://bocongan.gov.vn"},
}

var trades = []struct {
	kind     t
	products string
}{
	{t{"en": "Bakery", "de": "Bäckerei", "pl": "Piekarnia", "vi": "Tiệm bánh"}, "[bánh mì, Brötchen, pączki]"},
	{t{"en": "Bookshop", "de": "Buchhandlung", "pl": "Księgarnia", "vi": "Nhà sách"}, "[Bücher, książki, sách]"},
	{t{"en": "Bicycle workshop", "de": "Fahrradwerkstatt", "pl": "Warsztat rowerowy", "vi": "Tiệm sửa xe đạp"}, "[Fahrräder, części, phụ tùng]"},
	{t{"en": "Flower shop", "de": "Blumenladen", "pl": "Kwiaciarnia", "vi": "Cửa hàng hoa"}, "[Sträuße, kwiaty, hoa tươi]"},
	{t{"en": "Language school", "de": "Sprachschule", "pl": "Szkoła językowa", "vi": "Trường ngoại ngữ"}, "[Kurse, lekcje, khóa học]"},
}

var surnames = []string{"Schäfer", "Wróbel", "Nguyễn", "Jäger", "Łukasiewicz", "Trần", "Böhm", "Żuławski", "Phạm", "Größer", "Kościuszko", "Đặng"}

// purpose is one processing purpose template.
type purpose struct {
	id, basis, requirement string
	data, recipients       string
	name, benefit          t
	retention, extra       t
	extraKey, marketing    string
}

var purposes = []purpose{
	{id: "orders", basis: "contract", requirement: "contract", data: "[name, email, postal_address, phone, order_history, payment_data]", recipients: "[courier, payment]",
		name:      t{"en": "Order processing and delivery", "de": "Bestellabwicklung und Lieferung", "pl": "Realizacja i dostawa zamówień", "vi": "Xử lý và giao đơn hàng"},
		benefit:   t{"en": "accept, deliver and invoice your order", "de": "Ihre Bestellung anzunehmen, auszuliefern und abzurechnen", "pl": "przyjąć, dostarczyć i rozliczyć Twoje zamówienie", "vi": "tiếp nhận, giao và lập hóa đơn cho đơn hàng của bạn"},
		retention: t{"en": "For the term of the contract and 2 years after your last order.", "de": "Für die Dauer des Vertrags und 2 Jahre nach Ihrer letzten Bestellung.", "pl": "Przez czas trwania umowy i 2 lata po Twoim ostatnim zamówieniu.", "vi": "Trong thời gian thực hiện hợp đồng và 2 năm sau đơn hàng cuối cùng của bạn."},
		extraKey:  "consequence",
		extra:     t{"en": "Without these details we cannot accept and deliver your order.", "de": "Ohne diese Angaben können wir Ihre Bestellung nicht annehmen und ausliefern.", "pl": "Bez tych danych nie możemy przyjąć ani dostarczyć zamówienia.", "vi": "Nếu không có các thông tin này, chúng tôi không thể tiếp nhận và giao đơn hàng."}},
	{id: "bookkeeping", basis: "legal_obligation", requirement: "statutory", data: "[name, billing_address, order_history, tax_id]", recipients: "[accountant]",
		name:      t{"en": "Bookkeeping and tax", "de": "Buchhaltung und Steuer", "pl": "Księgowość i podatki", "vi": "Kế toán và thuế"},
		retention: t{"en": "10 years from the end of the calendar year, as tax law requires.", "de": "10 Jahre ab Ende des Kalenderjahres, wie es das Steuerrecht verlangt.", "pl": "5 lat od końca roku kalendarzowego, zgodnie z przepisami podatkowymi.", "vi": "10 năm kể từ cuối năm dương lịch, theo quy định về thuế."},
		extraKey:  "consequence",
		extra:     t{"en": "Without these details we may not issue an invoice.", "de": "Ohne diese Angaben dürfen wir keine Rechnung ausstellen.", "pl": "Bez tych danych nie możemy wystawić faktury.", "vi": "Nếu không có các thông tin này, chúng tôi không được xuất hóa đơn."}},
	{id: "support", basis: "contract", requirement: "contract", data: "[name, email, phone, correspondence]", recipients: "[hosting]",
		name:      t{"en": "Customer service", "de": "Kundendienst", "pl": "Obsługa klienta", "vi": "Chăm sóc khách hàng"},
		benefit:   t{"en": "answer your questions and complaints", "de": "Ihre Fragen und Reklamationen zu beantworten", "pl": "odpowiadać na Twoje pytania i reklamacje", "vi": "trả lời câu hỏi và khiếu nại của bạn"},
		retention: t{"en": "Until your request is settled, then 3 years for possible claims.", "de": "Bis Ihr Anliegen erledigt ist, danach 3 Jahre für mögliche Ansprüche.", "pl": "Do załatwienia sprawy, a następnie 3 lata na ewentualne roszczenia.", "vi": "Cho đến khi yêu cầu được giải quyết, sau đó 3 năm cho các khiếu nại có thể phát sinh."},
		extraKey:  "consequence",
		extra:     t{"en": "Without these details we cannot answer you.", "de": "Ohne diese Angaben können wir Ihnen nicht antworten.", "pl": "Bez tych danych nie możemy Ci odpowiedzieć.", "vi": "Nếu không có các thông tin này, chúng tôi không thể trả lời bạn."}},
	{id: "warranty", basis: "legal_obligation", requirement: "statutory", data: "[name, postal_address, order_history]",
		name:      t{"en": "Warranty claims", "de": "Gewährleistung", "pl": "Rękojmia i gwarancja", "vi": "Bảo hành"},
		retention: t{"en": "Until the end of the statutory warranty period.", "de": "Bis zum Ende der gesetzlichen Gewährleistungsfrist.", "pl": "Do końca ustawowego okresu rękojmi.", "vi": "Đến hết thời hạn bảo hành theo luật định."},
		extraKey:  "consequence",
		extra:     t{"en": "Without these details we cannot handle your claim.", "de": "Ohne diese Angaben können wir Ihren Anspruch nicht bearbeiten.", "pl": "Bez tych danych nie możemy rozpatrzyć reklamacji.", "vi": "Nếu không có các thông tin này, chúng tôi không thể xử lý yêu cầu bảo hành."}},
	{id: "newsletter", basis: "legitimate_interests", data: "[name, email, order_history]", recipients: "[mailer]",
		name:      t{"en": "Email about similar products", "de": "E-Mail-Werbung für ähnliche Produkte", "pl": "E-maile o podobnych produktach", "vi": "Email về các sản phẩm tương tự"},
		retention: t{"en": "Until you object, at most 2 years after your last order.", "de": "Bis zu Ihrem Widerspruch, längstens 2 Jahre nach Ihrer letzten Bestellung.", "pl": "Do wniesienia sprzeciwu, nie dłużej niż 2 lata od ostatniego zamówienia.", "vi": "Cho đến khi bạn phản đối, tối đa 2 năm sau đơn hàng cuối cùng."},
		extraKey:  "interest",
		extra:     t{"en": "Direct marketing of our own similar products to existing customers (Recital 47 GDPR).", "de": "Direktwerbung für eigene ähnliche Produkte gegenüber Bestandskunden (Erwägungsgrund 47 DSGVO).", "pl": "Marketing bezpośredni własnych podobnych produktów wobec obecnych klientów (motyw 47 RODO).", "vi": "Tiếp thị trực tiếp các sản phẩm tương tự của chúng tôi tới khách hàng hiện tại."},
		marketing: "{channel: email, business: shop, objection_at_collection: true, unsubscribe_in_every_message: true}"},
	{id: "offers", basis: "consent", data: "[name, email]", recipients: "[mailer]",
		name:      t{"en": "Special offers by email", "de": "Angebote per E-Mail", "pl": "Oferty specjalne e-mailem", "vi": "Ưu đãi qua email"},
		benefit:   t{"en": "send you our special offers", "de": "Ihnen unsere Sonderangebote zu schicken", "pl": "wysyłać Ci nasze oferty specjalne", "vi": "gửi cho bạn các ưu đãi đặc biệt"},
		retention: t{"en": "Until you withdraw your consent.", "de": "Bis zum Widerruf Ihrer Einwilligung.", "pl": "Do wycofania zgody.", "vi": "Cho đến khi bạn rút lại sự đồng ý."},
		extraKey:  "withdraw",
		extra:     t{"en": "Click the unsubscribe link in any email.", "de": "Klicken Sie auf den Abmeldelink in jeder E-Mail.", "pl": "Kliknij link rezygnacji w każdej wiadomości.", "vi": "Nhấn vào liên kết hủy đăng ký trong mỗi email."},
		marketing: "{channel: email, business: shop, objection_at_collection: true, unsubscribe_in_every_message: true}"},
	{id: "birthday", basis: "consent", data: "[name, postal_address, date_of_birth]",
		name:      t{"en": "Birthday card", "de": "Geburtstagsgruß", "pl": "Kartka urodzinowa", "vi": "Thiệp sinh nhật"},
		benefit:   t{"en": "send you a card with a voucher on your birthday", "de": "Ihnen zum Geburtstag eine Karte mit Gutschein zu schicken", "pl": "wysłać Ci kartkę z bonem na urodziny", "vi": "gửi cho bạn thiệp kèm phiếu quà tặng vào ngày sinh nhật"},
		retention: t{"en": "Until you withdraw your consent.", "de": "Bis zum Widerruf Ihrer Einwilligung.", "pl": "Do wycofania zgody.", "vi": "Cho đến khi bạn rút lại sự đồng ý."},
		extraKey:  "withdraw",
		extra:     t{"en": "Delete your date of birth in your account.", "de": "Löschen Sie Ihr Geburtsdatum im Kundenkonto.", "pl": "Usuń datę urodzenia w swoim koncie.", "vi": "Xóa ngày sinh trong tài khoản của bạn."}},
	{id: "survey", basis: "consent", data: "[name, email, survey_answers]", recipients: "[mailer]",
		name:      t{"en": "Satisfaction survey", "de": "Zufriedenheitsumfrage", "pl": "Badanie satysfakcji", "vi": "Khảo sát mức độ hài lòng"},
		benefit:   t{"en": "ask whether you are satisfied with us", "de": "Sie zu fragen, ob Sie mit uns zufrieden sind", "pl": "zapytać, czy jesteś z nas zadowolony", "vi": "hỏi bạn có hài lòng với chúng tôi không"},
		retention: t{"en": "We anonymise answers after 12 months.", "de": "Wir anonymisieren die Antworten nach 12 Monaten.", "pl": "Odpowiedzi anonimizujemy po 12 miesiącach.", "vi": "Chúng tôi ẩn danh câu trả lời sau 12 tháng."},
		extraKey:  "withdraw",
		extra:     t{"en": "Click the opt-out link in any message.", "de": "Klicken Sie auf den Abmeldelink in jeder Nachricht.", "pl": "Kliknij link rezygnacji w każdej wiadomości.", "vi": "Nhấn vào liên kết từ chối trong mỗi tin nhắn."}},
	{id: "security", basis: "legitimate_interests", data: "[ip_address, device_data]", recipients: "[hosting]",
		name:      t{"en": "Website security", "de": "Sicherheit der Website", "pl": "Bezpieczeństwo strony", "vi": "Bảo mật trang web"},
		retention: t{"en": "7 days, longer only to investigate an attack.", "de": "7 Tage, länger nur zur Aufklärung eines Angriffs.", "pl": "7 dni, dłużej tylko w celu wyjaśnienia ataku.", "vi": "7 ngày, lâu hơn chỉ để điều tra một cuộc tấn công."},
		extraKey:  "interest",
		extra:     t{"en": "Keeping our website and your data safe from attacks.", "de": "Schutz unserer Website und Ihrer Daten vor Angriffen.", "pl": "Ochrona naszej strony i Twoich danych przed atakami.", "vi": "Bảo vệ trang web và dữ liệu của bạn khỏi các cuộc tấn công."}},
	{id: "loyalty", basis: "contract", requirement: "contract", data: "[name, email, customer_number, loyalty_points]", recipients: "[hosting]",
		name:      t{"en": "Loyalty programme", "de": "Treueprogramm", "pl": "Program lojalnościowy", "vi": "Chương trình khách hàng thân thiết"},
		benefit:   t{"en": "credit your loyalty points", "de": "Ihre Treuepunkte gutzuschreiben", "pl": "naliczać Twoje punkty lojalnościowe", "vi": "cộng điểm thưởng cho bạn"},
		retention: t{"en": "While you take part, then 1 year.", "de": "Solange Sie teilnehmen, danach 1 Jahr.", "pl": "Przez czas udziału, a następnie 1 rok.", "vi": "Trong thời gian bạn tham gia, sau đó 1 năm."},
		extraKey:  "consequence",
		extra:     t{"en": "Without these details you cannot collect points.", "de": "Ohne diese Angaben können Sie keine Punkte sammeln.", "pl": "Bez tych danych nie możesz zbierać punktów.", "vi": "Nếu không có các thông tin này, bạn không thể tích điểm."}},
}

// yamlMap writes a one-line flow map of a text, quoted.
func yamlMap(x t, suffix string) string {
	parts := make([]string, 0, len(langs))
	for _, l := range langs {
		parts = append(parts, fmt.Sprintf("%s: %q", l, x[l]+suffix))
	}
	return "{" + strings.Join(parts, ", ") + "}"
}

func company(i int) (slug, src string) {
	c := countries[i%len(countries)]
	tr := trades[(i/len(countries))%len(trades)]
	owner := surnames[(i*7)%len(surnames)]
	slug = fmt.Sprintf("co-%05d", i)
	name := fmt.Sprintf("%s %s Nr. %d", tr.kind["de"], owner, i)
	domain := slug + ".example"
	var b strings.Builder
	w := func(format string, a ...any) { fmt.Fprintf(&b, format, a...) }
	w("# Synthetic company %d for the benchmarks (bench/gen).\n", i)
	w("controller:\n  name: %q\n  address: %q\n  email: datenschutz@%s\n  phone: \"+49 30 %07d\"\n  website: https://%s\n",
		name, fmt.Sprintf("%s %d, %s %s, %s", c.street, i%200+1, c.postcode, c.city, c.land), domain, i, domain)
	if i%2 == 0 {
		w("  dpo: {name: %q, email: dpo@%s}\n", "Dr. "+surnames[(i*5+3)%len(surnames)], domain)
	}
	w("country: %s\nmarkets: %s\nlanguages: [en, de, pl, vi]\neffective: 2026-%02d-%02d\n", c.code, c.markets, i%12+1, i%28+1)
	w("businesses:\n  - id: shop\n    name: %s\n    products: %s\n", yamlMap(tr.kind, " "+owner), tr.products)
	w("purposes:\n")
	for _, p := range purposes {
		p = forCountry(p, c.code)
		w("  - id: %s\n    name: %s\n", p.id, yamlMap(p.name, ""))
		if p.benefit != nil {
			w("    benefit: %s\n", yamlMap(p.benefit, ""))
		}
		w("    basis: %s\n", p.basis)
		if p.extraKey != "" {
			w("    %s: %s\n", p.extraKey, yamlMap(p.extra, ""))
		}
		if p.marketing != "" {
			w("    marketing: %s\n", p.marketing)
		}
		w("    data: %s\n", p.data)
		w("    retention: %s\n", yamlMap(p.retention, ""))
		if p.recipients != "" {
			w("    recipients: %s\n", p.recipients)
		}
		if p.requirement != "" {
			w("    requirement: %s\n", p.requirement)
		}
	}
	w("authority:\n  name: %s\n  address: %q\n  website: %s\n", yamlMap(c.authority, ""), c.authorityAddr, c.authorityWeb)
	b.WriteString(`recipients:
  - id: courier
    name: "Szybka Paczka sp. z o.o."
    role: processor
    country: PL
    contract: true
    purpose: {en: "Delivery of orders", de: "Zustellung der Bestellungen", pl: "Dostawa zamówień", vi: "Giao đơn hàng"}
  - id: payment
    name: "ZahlDienst AG"
    role: controller
    country: DE
    purpose: {en: "Payment processing", de: "Zahlungsabwicklung", pl: "Obsługa płatności", vi: "Xử lý thanh toán"}
  - id: accountant
    name: "Steuerkanzlei Größer & Söhne"
    role: processor
    country: DE
    contract: true
    purpose: {en: "Bookkeeping", de: "Buchführung", pl: "Prowadzenie księgowości", vi: "Kế toán"}
  - id: mailer
    name: "Công ty TNHH Gửi thư Sao Mai"
    role: processor
    country: VN
    contract: true
    safeguard: scc
    purpose: {en: "Sending emails", de: "Versand der E-Mails", pl: "Wysyłka e-maili", vi: "Gửi email"}
  - id: hosting
    name: "ChmuraPL sp. z o.o."
    role: processor
    country: PL
    contract: true
    purpose: {en: "Hosting", de: "Hosting", pl: "Hosting", vi: "Lưu trữ máy chủ"}
forms:
  - id: checkout
    kind: checkout
    fields:
      - id: name
        label: {en: "Full name", de: "Vor- und Nachname", pl: "Imię i nazwisko", vi: "Họ và tên"}
        required: true
        purpose: orders
      - id: email
        label: {en: "Email address", de: "E-Mail-Adresse", pl: "Adres e-mail", vi: "Địa chỉ email"}
        required: true
        purpose: orders
      - id: postal_address
        label: {en: "Delivery address", de: "Lieferadresse", pl: "Adres dostawy", vi: "Địa chỉ giao hàng"}
        required: true
        purpose: orders
      - id: date_of_birth
        label: {en: "Date of birth", de: "Geburtsdatum", pl: "Data urodzenia", vi: "Ngày sinh"}
        required: false
        purpose: birthday
      - id: offers_optin
        label: {en: "Yes, send me special offers by email.", de: "Ja, schicken Sie mir Angebote per E-Mail.", pl: "Tak, chcę otrzymywać oferty e-mailem.", vi: "Có, hãy gửi ưu đãi cho tôi qua email."}
        required: false
        type: checkbox
        purpose: offers
      - id: survey_optin
        label: {en: "Yes, you may ask me by email whether I am satisfied.", de: "Ja, Sie dürfen mich per E-Mail fragen, ob ich zufrieden bin.", pl: "Tak, możecie zapytać mnie e-mailem, czy jestem zadowolony.", vi: "Có, hãy hỏi tôi qua email về mức độ hài lòng."}
        required: false
        type: checkbox
        purpose: survey
campaigns:
  - id: order-confirmation
    name: {en: "Order confirmation", de: "Bestellbestätigung", pl: "Potwierdzenie zamówienia", vi: "Xác nhận đơn hàng"}
    purpose: orders
    kind: transactional
    channel: email
    audience: {business: shop, who: existing_customers}
    data: [name, email, order_history]
  - id: similar-products
    name: {en: "Products like your last order", de: "Produkte wie Ihre letzte Bestellung", pl: "Produkty podobne do ostatniego zamówienia", vi: "Sản phẩm giống đơn hàng trước"}
    purpose: newsletter
    kind: advertising
    channel: email
    audience: {business: shop, who: existing_customers}
    promotes: shop
    similar: true
    similar_reason: {en: "The same goods as the customer's last order, in new editions.", de: "Dieselben Waren wie in der letzten Bestellung, in neuen Ausführungen.", pl: "Te same towary co w ostatnim zamówieniu, w nowych wersjach.", vi: "Cùng loại hàng hóa như đơn hàng trước, phiên bản mới."}
    data: [name, email]
` + consentRecords(c.code) + `  - id: seasonal-offer
    name: {en: "Seasonal offer", de: "Saisonangebot", pl: "Oferta sezonowa", vi: "Ưu đãi theo mùa"}
    purpose: offers
    kind: advertising
    channel: email
    audience: {business: shop, who: existing_customers}
    promotes: shop
    data: [name, email]
    consent_records: true
`)
	return slug, b.String()
}

// withdrawals says how to withdraw consent from purposes that need consent
// in Poland (email marketing) or Vietnam (which has no legitimate interests).
var withdrawals = t{"en": "Click the unsubscribe link in any email.", "de": "Klicken Sie auf den Abmeldelink in jeder E-Mail.",
	"pl": "Kliknij link rezygnacji w każdej wiadomości.", "vi": "Nhấn vào liên kết hủy đăng ký trong mỗi email."}

// forCountry adapts a purpose to the law of the controller's country:
// email marketing rests on consent in Poland and Vietnam, and Vietnamese
// law has no legitimate interests at all.
func forCountry(p purpose, code string) purpose {
	if p.basis != "legitimate_interests" {
		return p
	}
	if code == "VN" || (code == "PL" && p.marketing != "") {
		p.basis, p.extraKey, p.extra = "consent", "withdraw", withdrawals
	}
	return p
}

// consentRecords marks the similar-products campaign as sent only to
// recipients whose consent is recorded, where the law asks for consent.
func consentRecords(code string) string {
	if code == "DE" {
		return ""
	}
	return "    consent_records: true\n"
}

func main() {
	n := flag.Int("n", 1000, "number of companies")
	out := flag.String("out", filepath.Join(os.TempDir(), "basis-bench", "content"), "content folder to write the company folders into (existing ones are overwritten, others left alone)")
	flag.Parse()
	if *n < 1 {
		fmt.Fprintln(os.Stderr, "gen: -n must be at least 1")
		os.Exit(2)
	}
	if err := os.MkdirAll(*out, 0o755); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
	for i := range *n {
		slug, src := company(i)
		dir := filepath.Join(*out, slug)
		if err := os.MkdirAll(dir, 0o755); err != nil {
			fmt.Fprintln(os.Stderr, "gen:", err)
			os.Exit(1)
		}
		if err := os.WriteFile(filepath.Join(dir, "company.yaml"), []byte(src), 0o644); err != nil {
			fmt.Fprintln(os.Stderr, "gen:", err)
			os.Exit(1)
		}
	}
	fmt.Printf("wrote %d companies to %s\n", *n, *out)
}
