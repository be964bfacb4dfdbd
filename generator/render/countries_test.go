package render

import (
	"slices"
	"strings"
	"testing"

	"github.com/basis-privacy/basis/generator/check"
	"github.com/basis-privacy/basis/generator/law"
	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
)

// TestEachCountryInTheNotice: the notice of a company writing to AT, FR, IT,
// ES, NL, IE, CH and US states each market's rule under its own provision
// (the national transposition, not Art. 13(2) Directive 2002/58/EC alone;
// the CAN-SPAM Act for the United States), in every language, and names the
// supervisory authority of each customer's country: the controller's own,
// the other states' (Art. 77 GDPR), and the authorities of Switzerland and
// the United States, whose law Basis does not apply.
func TestEachCountryInTheNotice(t *testing.T) {
	r, c := newTestRenderer(t), issueCase(t, "eight-countries")
	res := judged(c)
	provisions := map[law.Market]string{"AT": "at-tkg-174-4", "FR": "fr-cpce-l34-5", "IT": "it-privacy-130-4", "ES": "es-lssi-21-2",
		"NL": "nl-tw-11-7-4", "IE": "ie-si-336-2011-13-11", "CH": "ch-uwg-3-1-o", "US": "us-can-spam"}
	for _, lang := range c.Languages {
		p := r.printer(c, lang)
		page := privacyPage(t, r, c, lang)
		marketing := unbracket.Replace(section(page, "marketing"))
		for m, ref := range provisions {
			sentence := customersIn(p, m) + ":"
			i := strings.Index(marketing, sentence)
			if i < 0 {
				t.Errorf("%s: no sentence for %s (%q)", lang, m, sentence)
				continue
			}
			if end := strings.Index(marketing[i:], "</li>"); !strings.Contains(marketing[i:i+end], p.T("ref."+ref)) {
				t.Errorf("%s %s: the sentence does not cite %s: %s", lang, m, ref, marketing[i:i+end])
			}
		}
		complaint := section(page, "complaint")
		for _, k := range []string{"AT", "FR", "IT", "ES", "NL", "IE", "CH", "US"} {
			if !strings.Contains(complaint, p.T("authority."+k+".name")) {
				t.Errorf("%s: the complaint section does not name the authority of %s", lang, k)
			}
		}
		if !strings.Contains(complaint, p.T("notice.complaint.abroad")) {
			t.Errorf("%s: the authorities of Switzerland and the United States are not set apart", lang)
		}
	}
	// The checklist asks for the conditions Austria's and Ireland's own
	// exceptions add.
	p := r.printer(c, "en")
	var conds []string
	for _, g := range review(p, res, res.Campaign("spring-glasses")).Groups {
		for _, it := range g.Items {
			if it.Key == "national_condition" {
				conds = append(conds, string(it.Market))
			}
		}
	}
	if !slices.Equal(conds, []string{"AT", "IE"}) {
		t.Errorf("national conditions asked for %v, want AT, IE", conds)
	}
}

// TestViennaStudio: the newcomer's Vienna studio writing to Austria and
// Germany: no EU row, no "your German Land" hint; Austrian customers read §
// 174 TKG 2021, German ones § 7 UWG; the notice names the Austrian authority
// and sends customers in Germany to their Land's.
func TestViennaStudio(t *testing.T) {
	r, c := newTestRenderer(t), issueCase(t, "vienna-studio")
	rep := check.Company(c)
	for _, f := range rep.Findings {
		if f.Rule == check.RuleNoticeAuthority || f.Severity == check.Error {
			t.Errorf("finding %s: %+v", f.Rule, f)
		}
	}
	for _, o := range rep.Campaigns {
		if o.Market == law.EU {
			t.Errorf("an EU row nobody asked for: %+v", o)
		}
	}
	p := r.printer(c, "de")
	page := privacyPage(t, r, c, "de")
	marketing := unbracket.Replace(section(page, "marketing"))
	for _, want := range []string{"Kundinnen und Kunden in Österreich:", p.T("ref.at-tkg-174-4"), "Kundinnen und Kunden in Deutschland:", p.T("ref.uwg-7-3")} {
		if !strings.Contains(marketing, want) {
			t.Errorf("the marketing section lacks %q:\n%s", want, marketing)
		}
	}
	complaint := section(page, "complaint")
	for _, want := range []string{p.T("authority.AT.name"), p.T("notice.complaint.land")} {
		if !strings.Contains(complaint, want) {
			t.Errorf("the complaint section lacks %q", want)
		}
	}
}

// TestMarketNames: every market has a name in every language, from the
// locales or CLDR, never its code; "customers in" reads right: a country's
// own form where the language's grammar needs one (Polish locatives for
// every country, "in der Schweiz", "in the Netherlands").
func TestMarketNames(t *testing.T) {
	r := newTestRenderer(t)
	for _, lang := range []string{"en", "de", "pl", "vi"} {
		p := r.printer(nil, lang)
		for _, m := range law.Markets {
			if name := marketName(p, m); name == "" || name == string(m) {
				t.Errorf("%s: market %s has no name (%q)", lang, m, name)
			}
			in := customersIn(p, m)
			if lang == "pl" && m != law.EU && strings.Contains(in, p.T("country.in", "Country", countryIn(p, string(m)))) {
				t.Errorf("pl: %s has no locative of its own: %q", m, in)
			}
		}
	}
	for _, tc := range []struct {
		lang string
		m    law.Market
		want string
	}{
		{"en", "NL", "Customers in the Netherlands"}, {"en", "US", "Customers in the United States"}, {"en", "AT", "Customers in Austria"},
		{"de", "CH", "Kundinnen und Kunden in der Schweiz"}, {"de", "NL", "Kundinnen und Kunden in den Niederlanden"}, {"de", "AT", "Kundinnen und Kunden in Österreich"},
		{"pl", "FR", "Klienci we Francji"}, {"pl", "HU", "Klienci na Węgrzech"}, {"pl", "US", "Klienci w Stanach Zjednoczonych"},
		{"vi", "AT", "Khách hàng tại Áo"}, {"vi", "US", "Khách hàng tại Hoa Kỳ"}, {"vi", "IT", "Khách hàng tại Ý"},
		{"de", "DE", "Kundinnen und Kunden in Deutschland"}, {"pl", "UK", "Klienci w Zjednoczonym Królestwie"},
	} {
		if got := customersIn(r.printer(nil, tc.lang), tc.m); got != tc.want {
			t.Errorf("%s %s: %q, want %q", tc.lang, tc.m, got, tc.want)
		}
	}
}

// TestBlankChecklistHasNoMarket: the blank checklist is the same whatever
// the markets: nothing a national rule adds appears in it.
func TestBlankChecklistHasNoMarket(t *testing.T) {
	r := newTestRenderer(t)
	for _, lang := range []string{"en", "de", "pl", "vi"} {
		b, err := r.BlankChecklist(lang)
		if err != nil {
			t.Fatal(err)
		}
		p := r.printer(nil, lang)
		for _, id := range []string{"checklist.item.national_condition", "check.cond.at-ecg-list", "check.cond.us-opt-out", "ref.at-tkg-174-4"} {
			if strings.Contains(string(b), p.T(id)) {
				t.Errorf("%s: the blank checklist has %s", lang, id)
			}
		}
	}
}

// TestConsentSentenceByChannel: the marketing sentence cites the consent
// rule check found for the channel (check.Outcome.ConsentRule, decided in
// check's TestStatedConsentRuleByChannel), and says consent only where
// there is none Basis knows (letters to Canada, Switzerland, the United
// States).
func TestConsentSentenceByChannel(t *testing.T) {
	p := newTestRenderer(t).printer(nil, "en")
	for _, tc := range []struct {
		market law.Market
		cites  string // "" for no provision
	}{{law.CA, ""}, {"CH", ""}, {law.CA, "casl-6-1"}, {"AT", "at-tkg-174-1"}, {law.VN, "vn-pdpl-9"}, {"US", "us-tcpa"}} {
		o := check.Outcome{Market: tc.market, Verdict: check.ConsentRequired, ConsentRule: tc.cites}
		got := marketingSentence(p, law.Default(), o)
		want := p.T("notice.marketing.rule.consent-only", "In", customersIn(p, tc.market))
		if tc.cites != "" {
			want = p.T("notice.marketing.rule.consent", "In", customersIn(p, tc.market), "Refs", p.T("ref."+tc.cites))
		}
		if got != want {
			t.Errorf("%s %q: %q, want %q", tc.market, tc.cites, got, want)
		}
	}
}

// TestExceptionItemFollowsTheVerdict: where a market has no existing-customer
// exception, the checklist's answer agrees with the verdict. E-mail to the
// United States is allowed without consent until the recipient opts out
// (15 U.S.C. § 7704, the verdict's provision): the answer does not say prior
// consent is required, nor cite the TCPA, a rule for calls and texts.
// Letters are not electronic mail: the answer says the exception concerns
// e-mail, not that consent is required (the verdicts for letters differ by
// market).
func TestExceptionItemFollowsTheVerdict(t *testing.T) {
	r, c := newTestRenderer(t), issueCase(t, "eight-countries")
	res := judged(c)
	for _, lang := range c.Languages {
		p := r.printer(c, lang)
		for campaign, want := range map[string]string{"spring-glasses": "checklist.answer.exception_optout", "catalogue-2027": "checklist.answer.exception_channel"} {
			found := false
			for _, g := range review(p, res, res.Campaign(campaign)).Groups {
				for _, it := range g.Items {
					if it.Market != "US" || g.Key != "softoptin" {
						continue
					}
					found = true
					if got := strings.Join(it.Answer, " "); got != p.T(want) {
						t.Errorf("%s %s US: answer %q, want %s", lang, campaign, got, want)
					}
					for _, ref := range it.Refs {
						if ref == p.T("ref.us-tcpa") {
							t.Errorf("%s %s US: cites the TCPA", lang, campaign)
						}
					}
				}
			}
			if !found {
				t.Errorf("%s %s: no exception item for US", lang, campaign)
			}
		}
		for _, g := range review(p, res, res.Campaign("spring-glasses")).Groups {
			for _, it := range g.Items {
				if it.Key == "kind" && slices.Contains(it.Refs, p.T("ref.us-tcpa")) {
					t.Errorf("%s: the kind of an e-mail to the United States cites the TCPA: %v", lang, it.Refs)
				}
			}
		}
	}
}

// TestCountryNamesAsLegalTextsWriteThem: a country is named as the
// language's legal texts name it wherever Basis names it — the market, the
// customers' heading, the recipients' table and the transfers (the country
// template function): Polish "Niderlandy" and "Zjednoczone Królestwo", as the
// Polish texts of EU law write them (Interinstitutional Style Guide, 7.1.1),
// where CLDR has "Holandia" and "Wielka Brytania".
func TestCountryNamesAsLegalTextsWriteThem(t *testing.T) {
	r := newTestRenderer(t)
	p := r.printer(nil, "pl")
	regions := display.Regions(language.Polish)
	for _, tc := range []struct{ code, name string }{{"NL", "Niderlandy"}, {"GB", "Zjednoczone Królestwo"}, {"UK", "Zjednoczone Królestwo"}, {"FR", "Francja"}} {
		if got := countryName(p, regions, tc.code); got != tc.name {
			t.Errorf("country %s: %q, want %q", tc.code, got, tc.name)
		}
	}
	if got, want := marketName(p, "NL"), "Niderlandy"; got != want {
		t.Errorf("market NL: %q, want %q", got, want)
	}
	if got, want := customersIn(p, "NL"), "Klienci w Niderlandach"; got != want {
		t.Errorf("customers in NL: %q, want %q", got, want)
	}
}

// TestProcessingBasisAbroad: an Austrian controller writing to customers in
// Switzerland and the United States processes their data under the GDPR
// (Art. 3(1)); the Swiss UWG and the CAN-SPAM Act say whether the message
// may go out there, but transpose no Directive 2002/58/EC, so Art. 95 GDPR
// does not set Art. 6(1) aside: the notice names legitimate interests
// (Art. 6(1)(f) GDPR) beside their rule, in the legal-basis column and the
// marketing section, and cites consent under the GDPR where a letter needs
// it. Before, the column named the foreign rule alone, and "consent" with
// no provision.
func TestProcessingBasisAbroad(t *testing.T) {
	r, c := newTestRenderer(t), issueCase(t, "eight-countries")
	res := judged(c)
	for _, lang := range c.Languages {
		p := r.printer(c, lang)
		li, consent := p.T("cite.gdpr.legitimate_interests"), p.T("cite.gdpr.consent")
		for _, tc := range []struct {
			purpose string
			want    string
		}{{"newsletter", li}, {"catalogue", consent}} {
			pu := c.PurposeByID(tc.purpose)
			bases := marketingBases(p, res, pu)
			for _, m := range []law.Market{"CH", "US"} {
				prefix := p.T("notice.purpose.basis.market", "Market", marketName(p, m), "Basis", "")
				i := slices.IndexFunc(bases, func(b string) bool { return strings.HasPrefix(b, prefix) })
				if i < 0 {
					t.Errorf("%s %s: no legal basis for %s in %q", lang, tc.purpose, m, bases)
					continue
				}
				if !strings.Contains(bases[i], tc.want) {
					t.Errorf("%s %s: the legal basis for %s does not cite %q: %s", lang, tc.purpose, m, tc.want, bases[i])
				}
			}
		}
		mk := marketing(p, res, c.PurposeByID("newsletter"))
		for _, rule := range mk.Rules {
			if (rule.Market == "CH" || rule.Market == "US") && !strings.Contains(rule.Text, li) {
				t.Errorf("%s: the marketing sentence for %s does not name the GDPR basis: %s", lang, rule.Market, rule.Text)
			}
			if rule.Market == "AT" && strings.Contains(rule.Text, li) {
				t.Errorf("%s: the exception in Austria is labelled legitimate interests: %s", lang, rule.Text)
			}
		}
	}
}
