package locale_test

import (
	"regexp"
	"strings"
	"testing"
)

// polishTerm is one finding of the Polish legal review: the message (and its
// informal variant, where there is one) must say want and must not say not.
type polishTerm struct {
	id, want, not string
}

// polishTerms are the wordings a Polish data-protection lawyer asked for,
// each with the official text it follows.
var polishTerms = []polishTerm{
	// Recipients: "udostępnianie" is, in Polish practice, making data
	// available to another controller; processors are entrusted with data
	// (powierzenie, art. 28 RODO). The notice lists both, so it says the
	// neutral "przekazujemy" (art. 4 pkt 11 RODO: a recipient is the one to
	// whom data are disclosed).
	{"notice.recipients.intro", "Przekazujemy", "Udostępniamy"},
	{"notice.recipients.none", "Nie przekazujemy", "Nie udostępniamy"},
	// C-654/23 Inteligo Media, operative part 2: art. 6 ust. 1 RODO "nie ma
	// zastosowania" where art. 13 ust. 2 of the directive governs the sending.
	{"notice.marketing.rule.separate", "nie mają dodatkowo zastosowania", "nie są stosowane dodatkowo"},
	// § 7 Abs. 3 Nr. 2 UWG, art. 13 ust. 2 dyrektywy 2002/58/WE: the
	// sender's own similar products ("własnych podobnych produktów").
	{"notice.marketing.rule.exception", "o naszych własnych produktach", "nabyto"},
	// Art. 8 RODO: "zgodę wyraziła lub zaaprobowała ją osoba sprawująca
	// władzę rodzicielską lub opiekę nad dzieckiem"; the controller "podejmuje
	// rozsądne starania, by zweryfikować".
	{"notice.children.gdpr", "wyraziła ją lub zaaprobowała osoba sprawująca władzę rodzicielską lub opiekę nad dzieckiem", "w rozsądny sposób weryfikujemy"},
	{"notice.children.ukgdpr", "wyraziła ją lub zaaprobowała osoba sprawująca władzę rodzicielską", "w rozsądny sposób weryfikujemy"},
	{"checklist.help.children", "lub opiekę nad dzieckiem", "zgoda dziecka wymaga zgody"},
	{"check.children.parental-consent", "wyraziła ją lub zaaprobowała osoba sprawująca władzę rodzicielską lub opiekę nad dzieckiem", "zatwierdza"},
	{"check.cond.children-consent", "wyraża lub aprobuje osoba sprawująca władzę rodzicielską lub opiekę nad dzieckiem", "zatwierdza"},
	{"checklist.answer.children_parental", "osoby sprawującej władzę rodzicielską", "Zgoda rodziców"},
	// Law No. 91/2025/QH15 named once in the sentence that cites its
	// scope article, not twice.
	{"notice.regime.applies.pdpl", "ustawę tę stosuje się także", "stosuje się także wietnamską ustawę"},
	{"notice.right.portability.pdpl", "przekazania", "udostępnili Państwu Państwa"},
	// PECR reg. 22(3)(a) and the Polish rule spelled out in the blank
	// checklist, and what consent cannot cure (Art. 7 Law No. 91/2025/QH15).
	{"checklist.help.existing_customer", "art. 398 ust. 1 Prawa komunikacji elektronicznej", "PKE"},
	{"checklist.help.existing_customer", "zgoda nie usuwa tej wady", ""},
	{"check.reason.survey-pl", "w prawie polskim", "PKE"},
	// The blank checklist cites what the English one cites.
	{"checklist.help.not_objected", "§ 7 ust. 3 pkt 3", ""},
	{"checklist.help.not_objected", "przepis 22 ust. 3 lit. c", ""},
	{"checklist.help.sender_identified", "przepis 23", ""},
	// A checklist names the company's file by the term its column uses
	// ("Odpowiedź na podstawie opisu firmy"), existing customers as the
	// exception does ("dotychczasowi"), and a condition as a fact.
	{"checklist.who.existing_customers", "Dotychczasowi klienci", "Obecni"},
	{"check.cond.consent-recorded", "Wiadomości są wysyłane wyłącznie", "Wysyłać"},
	{"checklist.no_campaigns", "należy użyć", "użyj"},
	{"check.notice.authority-unknown.fix", "Należy dodać", "Dodaj"},
	{"check.notice.authority-unknown.fix", "kraju związkowego", ""},
	// PECR reg. 21: live calls, as against automated calling systems
	// (the PKE's "automatyczne systemy wywołujące").
	{"check.reason.phone-uk", "konsultanta", "przez ludzi"},
	{"check.cond.uk-tps", "konsultanta", "przez ludzi"},
	{"field.channel.sms", "wiadomości SMS", ""},
	// The markets' conditions and reasons (CRM eligibility): a market's
	// name cannot agree with a verb ("Stany Zjednoczone nie przewiduje"), so
	// the law of the market is the subject; foreign acts are named as
	// refs.pl.yaml names them; no calques of "costs no more than", "call to".
	{"checklist.answer.exception_none", "prawo tego rynku ({{.Market}}) nie przewiduje", ""},
	{"checklist.item.national_condition", "od którego prawo krajowe uzależnia", "dodaje"},
	{"check.reason.us-sms", "w łączności telefonicznej (TCPA)", "z ustawy"},
	{"check.cond.us-opt-out", "nie wymaga od odbiorcy", "nie kosztuje"},
	{"check.cond.us-identified", "i podaje ważny adres pocztowy nadawcy, a jego nagłówek", ""},
	{"check.cond.ch-asterisk", "za pomocą której", ""},
	{"check.cond.it-register", "pod numery", "do numerów"},
	{"check.reason.eu-listed", "Opis firmy wymienia rynek EU", ""},
	{"notice.complaint.abroad", "tamtejszego organu", "jego organu"},
	// Findings: a data id is named as data; an unverified age is marked in
	// Polish ({{.Ages}} carries the English "(unverified)"); a sender is
	// "wskazany", not "identyfikowany"; CASL "uznaje zgodę za dorozumianą".
	{"check.purpose.data-not-collected", "wykorzystuje dane:", ""},
	{"check.purpose.further-use", "wykorzystuje dane:", ""},
	{"check.children.parental-consent", "wieku nie zweryfikowano dla", "{{.Ages}}"},
	{"check.market.unverified", "a które wskazuje uzasadnienie oceny", "(wskazuje"},
	{"check.cond.ca-identify-unsubscribe", "wskazuje nadawcę", "identyfikuje"},
	{"check.reason.ca-ebr", "uznaje zgodę za dorozumianą", "przyjmuje"},
}

// polishBanned are words no Polish message may use, with what to write.
var polishBanned = []struct {
	re     *regexp.Regexp
	ids    string // message id prefix the rule covers ("" for all)
	reason string
}{
	// The United Kingdom is a state of Great Britain and Northern Ireland;
	// the UK GDPR and PECR apply to all of it ("Zjednoczone Królestwo", as
	// in the Polish texts of EU law).
	{regexp.MustCompile(`Wielk\pL+ Brytani\pL+`), "", "write Zjednoczone Królestwo"},
	// "reg." is English; a UK or Irish regulation's provision is a
	// "przepis".
	{regexp.MustCompile(`\breg\. \d`), "", "write przepis N"},
	// Vietnamese decrees are numbered "NĐ-CP" (Nghị định – Chính phủ), as
	// refs.pl.yaml writes them.
	{regexp.MustCompile(`/ND-CP`), "", "write NĐ-CP"},
	// "bezpieczna odpowiedź" is a calque of "the safe answer".
	{regexp.MustCompile(`bezpieczn\pL+ odpowied`), "", "write najbezpieczniejszym rozwiązaniem"},
	// The checklist is a document the company signs: the notice is the
	// "informacja o przetwarzaniu danych" (its title), the company's file
	// the "opis firmy" (its answer column).
	{regexp.MustCompile(`(?i)klauzul\pL* informacyjn`), "checklist.", "write informacja o przetwarzaniu danych"},
	{regexp.MustCompile(`(?i)\bplik\pL* firmy`), "checklist.", "write opis firmy"},
	{regexp.MustCompile(`(?i)klauzul\pL* informacyjn`), "check.cond.", "write informacja o przetwarzaniu danych"},
	{regexp.MustCompile(`^Plik `), "check.reason.", "write Opis firmy"},
	// Calls by a person, as against automated calling systems (PKE's
	// "automatyczne systemy wywołujące"): "osobiście przez konsultanta".
	{regexp.MustCompile(`przez ludzi`), "", "write osobiście przez konsultanta"},
	// The Netherlands are "Niderlandy" in the Polish texts of EU law
	// (Interinstitutional Style Guide, 7.1.1), the adjective "niderlandzki".
	{regexp.MustCompile(`Holandi\pL*`), "", "write Niderlandy"},
	// "before the message" is "przed wysłaniem wiadomości".
	{regexp.MustCompile(`przed wiadomością`), "", "write przed wysłaniem wiadomości"},
}

// TestPolishLegalTerms holds the Polish wording to the official terms of the
// GDPR's Polish version and of the national acts, in both registers.
func TestPolishLegalTerms(t *testing.T) {
	pl := readMessages(t)["pl"]
	for _, tc := range polishTerms {
		found := false
		for _, id := range []string{tc.id, tc.id + ".informal"} {
			m, ok := pl[id]
			if !ok {
				continue
			}
			found = true
			for _, text := range m.all() {
				if !strings.Contains(text, tc.want) {
					t.Errorf("%s: %q lacks %q", id, text, tc.want)
				}
				if tc.not != "" && strings.Contains(text, tc.not) {
					t.Errorf("%s: %q still says %q", id, text, tc.not)
				}
			}
		}
		if !found {
			t.Errorf("%s: no such Polish message", tc.id)
		}
	}
	for _, id := range sortedKeys(pl) {
		for _, b := range polishBanned {
			if !strings.HasPrefix(id, b.ids) {
				continue
			}
			for _, text := range pl[id].all() {
				if m := b.re.FindString(text); m != "" {
					t.Errorf("%s: %q: %s", id, m, b.reason)
				}
			}
		}
	}
}
