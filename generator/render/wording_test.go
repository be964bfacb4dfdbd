package render

import (
	"regexp"
	"strings"
	"testing"

	"github.com/basis-privacy/basis/generator/locale"
	"github.com/basis-privacy/basis/generator/model"
	"github.com/basis-privacy/basis/locales"
)

// wordingCase is one sentence of the legal and language review (issue 11):
// what a document must say, and the wording it replaced.
type wordingCase struct {
	doc  string // <company>/<lang>/<document>, or checklist/<lang> for the blank checklist
	want string
	not  string
}

// wordingCases are the reviewer's German, Polish and Vietnamese fixes, each
// checked in the example document where the reviewer read it.
var wordingCases = []wordingCase{
	// December review of the article fix: the assessment's lead names legitimate
	// interests without "swój" (Art. 6(1)(f) covers a third party's too),
	// and "cel, w przypadku którego" is the idiom.
	{"nowak-doradztwo/pl/assessment", "Dla każdego celu, w przypadku którego", "swój prawnie uzasadniony interes"},
	// German.
	// The name in apposition after "wir", with no article: whether a name
	// takes one, and which, Basis cannot know (German review, December 2026).
	{"baeckerei-schmidt/de/privacy", "wie wir (Bäckerei Schmidt GmbH) Ihre personenbezogenen Daten verwenden", "wie die Bäckerei Schmidt GmbH"},
	{"baeckerei-schmidt/de/privacy", "zu den folgenden fünf Zwecken", "5 Zwecken"},
	// Row 12 of the December review: the address was collected for the
	// order, not for advertising; the campaign reuses it.
	{"baeckerei-schmidt/de/checklist", "Bestellabwicklung und Lieferung: Erfüllung eines Vertrags (Art. 6 Abs. 1 lit. b DSGVO)", "E-Mail-Werbung für ähnliche Backwaren: Wahrung berechtigter Interessen"},
	{"baeckerei-schmidt/de/privacy", "eigenständiger Verantwortlicher", "in eigener Verantwortung"},
	{"baeckerei-schmidt/de/privacy", "Zuständige Aufsichtsbehörde:", "Für uns zuständig ist"},
	{"baeckerei-schmidt/de/fields", "Wir benötigen Ihren Namen, um", "Ihre Angabe im Feld „Name“"},
	{"baeckerei-schmidt/de/fields", "Das Ankreuzen ist freiwillig.", "Sie können dieses Feld leer lassen"},
	{"baeckerei-schmidt/de/checklist", "Checkliste: Zweckprüfung vor Werbung an Bestandskunden", "Checkliste zur Prüfung von Werbezwecken"},
	{"baeckerei-schmidt/de/checklist", "Es sind noch drei Punkte offen und manuell zu bestätigen.", "müssen noch von einem Menschen bestätigt werden"},
	{"baeckerei-schmidt/de/checklist", "Die Datenschutzhinweise (Fassung vom 1. November 2026) nennen diese Werbung", "Die von Basis erstellten"},
	{"checklist/de", "mit welchem Einwilligungstext und auf welchem Weg", "in welchen Text und wie"},
	{"checklist/de", "festhalten sowie, wer sie wann freigegeben hat", "Halten Sie das Ergebnis dieser Prüfung fest und wer"},
	{"checklist/de", "Nachbetreuung nach dem Kauf", "After-Sales"},
	// The legal review of December 2026, rows on the field texts (19-22).
	{"baeckerei-schmidt/de/fields", "Ohne diese Angabe ist das nicht möglich.", "Ohne diese Angaben"},
	{"baeckerei-schmidt/en/fields", "Without it, this is not possible.", "Without these details"},
	{"baeckerei-schmidt/en/fields", "You can object to this at any time; it costs you nothing beyond the normal cost of sending your objection.", "basic rates"},
	{"baeckerei-schmidt/de/fields", "Damit willigen Sie ein, dass wir (Bäckerei Schmidt GmbH) Sie per E-Mail kontaktieren, um für Fleisch- und Wurstwaren der Metzgerei Schmidt zu werben.", "für den Zweck „Neuigkeiten der Metzgerei per E-Mail“"},
	{"baeckerei-schmidt/de/fields", "Ich willige ein, dass die Bäckerei Schmidt GmbH mein Geburtsdatum speichert", "Mit Ihrer Angabe willigen Sie in diese Verwendung ein"},
	// December review, rows 7, 9 and 10: the exception carries the sending
	// only, choosing offers from the order history rests on legitimate
	// interests with the interest stated; the customer has not objected;
	// what is advertised, in plain words.
	{"baeckerei-schmidt/de/privacy", "Auswertung Ihrer Daten (Bestellhistorie), um die Angebote für Sie auszuwählen: berechtigte Interessen (Art. 6 Abs. 1 lit. f DSGVO)", ""},
	{"baeckerei-schmidt/de/privacy", "Direktwerbung für eigene ähnliche Backwaren gegenüber Bestandskunden", ""},
	{"baeckerei-schmidt/de/privacy", "und nur, solange Sie der Verwendung nicht widersprochen haben", ""},
	{"baeckerei-schmidt/de/privacy", "Wir senden Ihnen per E-Mail Werbung für Brot, Kuchen und Gebäck der Bäckerei Schmidt", "unseres Geschäftsbereichs „Bäckerei“"},
	// Rows 8 and 11: retention after BEG IV; the DPO named agrees in gender.
	{"baeckerei-schmidt/de/privacy", "Rechnungen und sonstige Buchungsbelege 8 Jahre", "Bestelldaten 10 Jahre"},
	{"baeckerei-schmidt/de/privacy", "Unsere Datenschutzbeauftragte erreichen Sie unter:", "Unseren Datenschutzbeauftragten"},
	// The German lawyer's review (rev-de): the official and procedural
	// terms, one citation form for Law No. 91/2025/QH15, Art. 7 of that law
	// with its proviso, one name for the company file, plural headings.
	{"four-lang/de/privacy", "Anzeige zu erstatten oder Klage zu erheben", "Klage einzureichen"},
	{"four-lang/de/privacy", "Art. 1 Abs. 2 lit. c des vietnamesischen Gesetzes", "Buchst."},
	{"four-lang/de/privacy", "(Art. 4 Abs. 1 lit. d des Gesetzes Nr. 91/2025/QH15)", "lit. d Gesetz Nr."},
	{"checklist/de", "verboten, soweit kein Gesetz etwas anderes bestimmt (Art. 7 des Gesetzes Nr. 91/2025/QH15)", "ausnahmslos"},
	{"four-lang/de/checklist", "die Unternehmensbeschreibung gibt darüber keine Auskunft", "Unternehmensdatei"},
	{"baeckerei-schmidt/de/checklist", "Fundstellen: BGH, Urt. v. 15.12.2015 – VI ZR 134/15; Art. 6 Abs. 1 lit. b DSGVO", "Fundstelle:"},
	{"four-lang/de/fields", "Für Kundinnen und Kunden in: Deutschland.", "Für Kunden in:"},
	// Rows 23 and 24: contact persons of business clients on lit. f with
	// their employer as the source; claims time-barred in 3 years.
	{"nowak-doradztwo/pl/privacy", "Państwa pracodawca, nasz klient, który wskazał Państwa jako osobę kontaktową", ""},
	{"nowak-doradztwo/pl/privacy", "co do zasady 3 lata, z końcem roku kalendarzowego", "co do zasady 6 lat"},
	// Rows 25-27, 40, 42: the Art. 12(3) extension; where the recipient
	// processes the data; "in the United States"; Vietnamese dates and the
	// question on promotion.
	{"nowak-doradztwo/pl/privacy", "termin ten możemy przedłużyć o kolejne dwa miesiące", "Na żądanie odpowiadamy"},
	{"nowak-doradztwo/pl/privacy", "Kraj przetwarzania", "Kraj siedziby"},
	{"nowak-doradztwo/en/privacy", "in the United States", "in United States"},
	{"sen-vang/vi/privacy", "ngày 01 tháng 12 năm 2026", "ngày 1 tháng 12"},
	// "khuyến mại", the term of the Commercial Law 2005 (Art. 88), not the
	// colloquial "khuyến mãi".
	{"sen-vang/vi/checklist", "Thông điệp có hoàn toàn không chứa nội dung quảng cáo, khuyến mại không, hay phải được coi là tiếp thị?", "quảng cáo, khuyến mãi không"},
	// Polish.
	{"nowak-doradztwo/pl/fields", "abyśmy mogli zapytać, czy nasza usługa spełniła Państwa oczekiwania", "w celu „Badanie satysfakcji klientów”"}, // row 32
	{"nowak-doradztwo/pl/fields", "aby odpowiedzieć na Państwa zapytanie (prawnie uzasadniony interes administratora)", ""},
	{"nowak-doradztwo/pl/privacy", "Z tej informacji dowiedzą się Państwo", "dowiesz się"},
	{"nowak-doradztwo/pl/privacy", "w sześciu następujących celach", "w 5 następujących"},
	{"nowak-doradztwo/pl/privacy", "Obowiązuje od 15 października 2026 r.", "2026 r.."},
	{"nowak-doradztwo/pl/privacy", "Kopię standardowych klauzul umownych", "Kopię zabezpieczeń"},
	{"nowak-doradztwo/pl/privacy", "prawnie uzasadniony interes administratora", "prawnie uzasadnione interesy"},
	{"four-lang/pl/privacy", "Mają Państwo prawo w każdej chwili wnieść sprzeciw wobec przetwarzania swoich danych", "Twoich danych"},
	{"nowak-doradztwo/pl/checklist", "Wysyłka24 sp. z o.o.", "o.o.."},
	{"nowak-doradztwo/pl/checklist", "działalność, w ramach której klienci dokonali zakupu", "u której"},
	// Rows 28-30: a survey on recorded consent states no reasons of the
	// exception, is not called advertising as a fact, and promotes nothing.
	{"nowak-doradztwo/pl/checklist", "Ankieta satysfakcji nie promuje", "Wiadomość jest reklamą i jest oceniana jako reklama"},
	{"nowak-doradztwo/pl/checklist", "Kampania opiera się na zgodzie odbiorców", "Przy zbieraniu adresu nie zapewniono możliwości sprzeciwu"},
	{"nowak-doradztwo/pl/checklist", "przekazać je do weryfikacji prawnikowi", "daj je do sprawdzenia"},
	{"nowak-doradztwo/pl/checklist", "Wyjątek dla dotychczasowych klientów", "obecnych klientów"},
	{"checklist/pl", "dotychczasowymi klientami", "obecnymi klientami"},
	{"four-lang/pl/privacy", "informacje handlowe o naszej ofercie", "z obszaru"},
	{"nowak-doradztwo/pl/fields", "Podanie imienia i nazwiska jest niezbędne", "Dane z pola „Imię i nazwisko”"},
	// Polish review, December 2026: recipients include processors, to whom
	// data are entrusted, not "udostępnione" (art. 4 pkt 9, art. 28 RODO).
	{"four-lang/pl/privacy", "Przekazujemy Państwa dane innym podmiotom tylko wtedy", "Udostępniamy"},
	// CJEU C-654/23 (Inteligo Media), operative part 2: Art. 6(1) GDPR does
	// not apply ("nie ma zastosowania") where Art. 13(2) of the directive
	// governs the sending; the exception covers the sender's own products.
	{"four-lang/pl/privacy", "określone w art. 6 ust. 1 RODO nie mają dodatkowo zastosowania", "nie są stosowane dodatkowo"},
	{"four-lang/pl/privacy", "wyłącznie o naszych własnych produktach lub usługach", "wyłącznie o własnych produktach"},
	// Law No. 91/2025/QH15 named once where its scope article is cited.
	{"four-lang/pl/privacy", "Zgodnie z art. 1 ust. 2 lit. c wietnamskiej ustawy nr 91/2025/QH15 o ochronie danych osobowych ustawę tę stosuje się także", "stosuje się także wietnamską ustawę"},
	{"four-lang/pl/privacy", "mogą Państwo żądać przekazania Państwu swoich danych osobowych", "udostępnili Państwu Państwa"},
	// A signed checklist calls the notice by its title and the company file
	// by its answer column's name; a condition is a fact, not an order.
	{"four-lang/pl/checklist", "Informacja o przetwarzaniu danych (w wersji z 1 listopada 2026 r.)", "Klauzula informacyjna"},
	{"four-lang/pl/checklist", "listę wykluczeń; opis firmy tego nie określa", "plik firmy"},
	{"four-lang/pl/checklist", "Dotychczasowi klienci", "Obecni klienci"},
	{"four-lang/pl/checklist", "Wiadomości są wysyłane wyłącznie do odbiorców", "Wysyłać wyłącznie"},
	{"checklist/pl", "(art. 398 ust. 1 Prawa komunikacji elektronicznej)", "PKE"},
	{"checklist/pl", "przepis 22 ust. 3 lit. c brytyjskiego rozporządzenia PECR", ""},
	// Vietnamese.
	{"sen-vang/vi/fields", "Tôi đồng ý để Công ty TNHH Bán lẻ Sen Vàng xử lý các dữ liệu sau đây của tôi cho mục đích “Ưu đãi sinh nhật”", "Khi cung cấp thông tin này"}, // legal review Dec 2026, row 33
	{"sen-vang/vi/fields", "Để rút lại sự đồng ý, Quý khách có thể xóa ngày sinh trong tài khoản", "trước đó. Xóa ngày sinh"},                                            // row 34
	{"sen-vang/vi/fields", "Mỗi email quảng cáo chúng tôi gửi đều có chức năng từ chối nhận ở cuối thư; chúng tôi ngừng gửi ngay khi Quý khách từ chối.", "giá cước cơ bản"},
	{"sen-vang/vi/privacy", "Bên kiểm soát dữ liệu cá nhân của Quý khách theo Luật Bảo vệ dữ liệu cá nhân là:", "chịu trách nhiệm xử lý dữ liệu cá nhân của"},
	{"sen-vang/vi/privacy", "Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15 (sau đây gọi là Luật Bảo vệ dữ liệu cá nhân)", ""},
	{"sen-vang/vi/privacy", "Quý khách chỉ cần gửi email tới", "gửi một tin nhắn đơn giản"},
	{"sen-vang/vi/checklist", "Loại thông điệp", "Loại tin nhắn"},
	{"sen-vang/vi/checklist", "cần người phụ trách xác nhận", "cần một người xác nhận"},
	{"checklist/vi", "danh sách dữ liệu mua từ bên khác", "danh sách mua lại"},
	{"four-lang/vi/checklist", "điểm b khoản 1 Điều 6 GDPR", "Điều 6 khoản 1"},
	// The Vietnamese reviewer of December 2026 (rev-vi): the Vietnamese text
	// says what the English says; one term for a thing; no English word.
	{"four-lang/vi/privacy", "Mục đích và căn cứ pháp lý", "Mục đích và cơ sở pháp lý"},
	{"four-lang/vi/privacy", "kể cả việc lập hồ sơ cá nhân trong phạm vi", "(profiling)"},
	{"four-lang/vi/privacy", "không chậm trễ bất hợp lý và chậm nhất trong vòng một tháng", "không chậm trễ và chậm nhất"},
	{"sen-vang/vi/privacy", "Cuối mỗi email hoặc tin nhắn SMS quảng cáo của chúng tôi đều có chức năng từ chối nhận quảng cáo", "ở cuối thư"},
	{"sen-vang/vi/privacy", "Quý khách cũng có thể gửi yêu cầu từ chối cho chúng tôi bất cứ lúc nào.", "cũng có thể gửi thư cho chúng tôi"},
	{"sen-vang/vi/checklist", "mô tả của doanh nghiệp không thể cho biết điều này", "tệp thông tin của công ty"},
	// The Vietnamese blank checklist follows Law No. 91/2025/QH15: the
	// sender's address serves the refusal function of Decree 91/2020.
	{"checklist/vi", "Điều 16 (tin nhắn SMS) và khoản 1 Điều 20 (thư điện tử) Nghị định số 91/2020/NĐ-CP", ""},
	{"checklist/vi", "có chức năng từ chối nhận đặt ở cuối thông điệp", "đặt ở cuối thư,"},
	// rev-vi, second pass: the same-business item in Vietnam is about
	// consent, not the EU's existing-customer exception; one term each for
	// profiling, the exception and the supervisory authority.
	{"checklist/vi", "mọi thông điệp quảng cáo đều cần sự đồng ý, dù quảng bá cơ sở kinh doanh nào", "về một cơ sở kinh doanh khác của cùng chủ sở hữu"},
	{"checklist/vi", "4. Ngoại lệ dành cho khách hàng hiện hữu", "Ngoại lệ đối với khách hàng hiện hữu"},
	{"four-lang/vi/privacy", "Quyết định tự động và lập hồ sơ cá nhân", ""},
	{"four-lang/vi/privacy", "đặc biệt là tới cơ quan giám sát của quốc gia", "cơ quan có thẩm quyền về bảo vệ dữ liệu của quốc gia"},
	{"sen-vang/vi/checklist", "căn cứ pháp lý là sự đồng ý đó", "cơ sở là sự đồng ý đó"},
	{"sen-vang/vi/checklist", "nêu rõ bên mà thông điệp được gửi thay mặt", "bên gửi mà thông điệp được gửi thay mặt"},
	{"sen-vang/vi/privacy", "Quý khách có thể liên hệ với bộ phận, nhân sự bảo vệ dữ liệu cá nhân của chúng tôi tại:", ""},
	// The Vietnamese blank checklist asks about the refusal Decree No.
	// 91/2020/ND-CP provides for, as its help explains, not an objection.
	{"checklist/vi", "có nêu rõ người quảng cáo và một địa chỉ hoạt động được để người nhận gửi yêu cầu từ chối không?", "để gửi yêu cầu phản đối không?"},
	// Law No. 91/2025/QH15 Art. 7 prohibits buying and selling personal
	// data "trừ trường hợp luật có quy định khác": not outright.
	{"checklist/en", "prohibited unless a law provides otherwise (Art. 7, Law No. 91/2025/QH15)", "prohibited outright"},
	{"checklist/pl", "jest zakazane, chyba że ustawa stanowi inaczej (art. 7 ustawy nr 91/2025/QH15)", "bezwzględnie"},
	{"checklist/vi", "Mua, bán dữ liệu cá nhân bị nghiêm cấm, trừ trường hợp luật có quy định khác (Điều 7)", ""},
	// A campaign judged in Vietnam only asks the blank checklist's
	// question on the sender: refusal ("từ chối", Decree No. 91/2020/ND-CP,
	// Law No. 91/2025/QH15), not objection.
	{"sen-vang/vi/checklist", "Mỗi thông điệp quảng cáo có nêu rõ người quảng cáo và một địa chỉ hoạt động được để người nhận gửi yêu cầu từ chối không?", "để gửi yêu cầu phản đối không?"},
	{"sen-vang/en/checklist", "name the advertiser and give a working address to which a refusal can be sent?", "give a valid address for an objection"},
	// The blank checklist under Law No. 91/2025/QH15 says what a survey
	// needs in Vietnam, not how Germany and Poland treat it.
	{"checklist/vi", "tại Việt Nam cần có sự đồng ý của chủ thể dữ liệu cá nhân (Điều 9 Luật Bảo vệ dữ liệu cá nhân)", "tại Đức bị coi là quảng cáo"},
	{"checklist/en", "asks how satisfied the customer is; advertising in Germany, contested in Poland.", ""},
	// The suppression list is not all in Austria: § 174(4) Z 4 TKG 2021
	// counts an entry in the ECG list (§ 7(2) ECG) as a refusal in advance.
	{"checklist/en", "also check the addresses against the ECG list kept by the Austrian regulator (RTR) before each sending", ""},
	{"checklist/de", "gleichen Sie die Adressen vor jedem Versand auch mit der ECG-Liste der RTR ab", ""},
	{"checklist/pl", "należy także sprawdzić adresy na liście ECG prowadzonej przez austriackiego regulatora (RTR)", ""},
}

// TestReviewedWording renders the examples and finds each reviewed sentence
// in its new wording and not in its old one.
func TestReviewedWording(t *testing.T) {
	texts := exampleTexts(t)
	for _, tc := range wordingCases {
		text, ok := texts[tc.doc]
		if !ok {
			t.Errorf("%s: no such document", tc.doc)
			continue
		}
		if !strings.Contains(text, tc.want) {
			t.Errorf("%s lacks %q", tc.doc, tc.want)
		}
		if tc.not != "" && strings.Contains(text, tc.not) {
			t.Errorf("%s still says %q", tc.doc, tc.not)
		}
	}
}

// art7Proviso is Art. 7's proviso to its ban on buying and selling
// personal data, as each language words it.
var art7Proviso = map[string]string{
	"en": "unless a law provides otherwise", "de": "soweit kein Gesetz etwas anderes bestimmt",
	"pl": "chyba że ustawa stanowi inaczej", "vi": "trừ trường hợp luật có quy định khác",
}

// TestPurchaseBanProviso: every language's help on purchased lists, under
// the GDPR and under Law No. 91/2025/QH15, states Art. 7's ban with its
// proviso, as the law does.
func TestPurchaseBanProviso(t *testing.T) {
	cat, err := locale.Load(locales.FS)
	if err != nil {
		t.Fatal(err)
	}
	for lang, proviso := range art7Proviso {
		for _, id := range []string{"checklist.help.existing_customer", "checklist.help.existing_customer.pdpl"} {
			if s := cat.For(lang).T(id); !strings.Contains(s, proviso) {
				t.Errorf("%s %s lacks Art. 7's proviso %q: %s", lang, id, proviso, s)
			}
		}
	}
}

// reversedCitation is a Vietnamese citation with the article before its
// clause ("Điều 6 khoản 4"); Vietnamese drafting puts the smallest unit
// first ("khoản 4 Điều 6").
var reversedCitation = regexp.MustCompile(`Điều \d+ (khoản|điểm) `)

// TestVietnameseDrafting: in every Vietnamese document, every citation puts
// the clause before the article, email is no "tin nhắn" (a text message),
// and the notice names Law No. 91/2025/QH15 in full once.
func TestVietnameseDrafting(t *testing.T) {
	n := 0
	for doc, text := range exampleTexts(t) {
		if !strings.Contains(doc, "/vi") && doc != "checklist/vi" {
			continue
		}
		n++
		if m := reversedCitation.FindString(text); m != "" {
			t.Errorf("%s: citation %q puts the article first", doc, m)
		}
		for _, line := range strings.Split(text, "\n") {
			if i := strings.Index(strings.ToLower(line), "tin nhắn"); i >= 0 && !strings.HasPrefix(line[i+len("tin nhắn"):], " SMS") && !strings.HasPrefix(line[i+len("tin nhắn"):], " rác") {
				t.Errorf("%s: %q calls a message that may be an email a text message", doc, line)
			}
		}
		if strings.HasSuffix(doc, "/privacy") && strings.Count(text, "91/2025/QH15") > 1 {
			t.Errorf("%s names Law No. 91/2025/QH15 in full %d times; once, then the short title", doc, strings.Count(text, "91/2025/QH15"))
		}
	}
	if n < 4 {
		t.Fatalf("checked %d Vietnamese documents", n)
	}
}

// TestVietnameseCitesArticles: Vietnamese cites a provision of a foreign
// act as Vietnamese lawyers cite their own, "khoản 3 Điều 7 …", never with
// the German or Austrian "§" ("khoản 3 § 7 UWG" mixed two conventions).
// Only a United States Code or Code of Federal Regulations citation keeps
// its section sign, part of the official designation ("15 U.S.C. § 7704").
func TestVietnameseCitesArticles(t *testing.T) {
	cat, err := locale.Load(locales.FS)
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range cat.IDs("vi") {
		m, _ := cat.Source("vi", id)
		texts := []string{m.Text}
		for _, f := range m.Forms {
			texts = append(texts, f)
		}
		for _, s := range texts {
			s = strings.NewReplacer("U.S.C. §", "", "C.F.R. §", "").Replace(s)
			if strings.Contains(s, "§") {
				t.Errorf("vi %s cites with §: %s", id, s)
			}
		}
	}
}

// exampleTexts renders every document of every example, and the blank
// checklists, as text by <company>/<lang>/<document> (checklist/<lang>).
func exampleTexts(t *testing.T) map[string]string {
	t.Helper()
	r := newTestRenderer(t)
	out := map[string]string{}
	for _, c := range examples(t) {
		for _, lang := range c.Languages {
			for _, d := range companyDocuments(t, r, c, lang) {
				out[c.Slug+"/"+lang+"/"+d.name] = documentText(d.page)
			}
		}
	}
	for _, lang := range model.Languages {
		page, err := r.BlankChecklist(lang)
		if err != nil {
			t.Fatal(err)
		}
		out["checklist/"+lang] = documentText(page)
	}
	return out
}
