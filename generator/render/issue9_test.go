package render

import (
	"html"
	"regexp"
	"strings"
	"testing"

	"github.com/basis-privacy/basis/generator/check"
	"github.com/basis-privacy/basis/generator/load"
	"github.com/basis-privacy/basis/generator/locale"
	"github.com/basis-privacy/basis/generator/model"
)

// The tests of this file reproduce the defects of issue 9 ("One source of
// law") through the documents as a reader gets them.

func issueCase(t *testing.T, slug string) *model.Company {
	t.Helper()
	c, err := load.File("testdata/cases/" + slug + "/company.yaml")
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func printer(t *testing.T, lang string) *locale.Printer {
	t.Helper()
	cat, err := sharedCatalog()
	if err != nil {
		t.Fatal(err)
	}
	return cat.For(lang)
}

func privacyPage(t *testing.T, r *Renderer, c *model.Company, lang string) string {
	t.Helper()
	out, err := r.Privacy(judged(c), lang)
	if err != nil {
		t.Fatal(err)
	}
	return html.UnescapeString(string(out))
}

func checklistPage(t *testing.T, r *Renderer, c *model.Company, lang string) string {
	t.Helper()
	out, err := r.Checklist(judged(c), lang)
	if err != nil {
		t.Fatal(err)
	}
	return html.UnescapeString(string(out))
}

// section returns the notice's section id.
func section(page, id string) string {
	i := strings.Index(page, `<section id="`+id+`"`)
	if i < 0 {
		return ""
	}
	j := strings.Index(page[i:], "</section>")
	return page[i : i+j]
}

// row is one checklist row: its question, answer and result.
type row struct{ question, answer, state string }

var rowRE = regexp.MustCompile(`(?s)<th scope="row">(.*?)</th>\s*<td[^>]*>(.*?)</td>\s*<td[^>]*><span class="state state-(\w+)">`)

// campaignRows returns the checklist rows of campaign id.
func campaignRows(page, id string) []row {
	i := strings.Index(page, `id="campaign-`+id+`"`)
	if i < 0 {
		return nil
	}
	part := page[i:]
	if j := strings.Index(part[1:], `<section class="review"`); j > 0 {
		part = part[:j+1]
	}
	var out []row
	for _, m := range rowRE.FindAllStringSubmatch(part, -1) {
		out = append(out, row{m[1], m[2], m[3]})
	}
	return out
}

// TestIssue9PolishNoticeNoUWG: a Polish company's notice, in every language,
// states Poland's rule (art. 398 ust. 1 PKE) and never the German UWG.
func TestIssue9PolishNoticeNoUWG(t *testing.T) {
	r, c := newTestRenderer(t), issueCase(t, "pl-shop")
	for _, lang := range c.Languages {
		page := privacyPage(t, r, c, lang)
		if strings.Contains(page, "UWG") {
			t.Errorf("%s: the notice of a Polish company cites the UWG:\n%s", lang, section(page, "marketing"))
		}
		if want := printer(t, lang).T("ref.pke-398-1"); !strings.Contains(section(page, "marketing"), want) {
			t.Errorf("%s: the marketing section lacks %q", lang, want)
		}
	}
}

// TestIssue9NoticeStatesEachMarket: a German company writing to Poland
// states both rules: the exception in Germany, consent in Poland.
func TestIssue9NoticeStatesEachMarket(t *testing.T) {
	r, c := newTestRenderer(t), issueCase(t, "de-to-pl")
	for _, lang := range c.Languages {
		p := printer(t, lang)
		m := section(privacyPage(t, r, c, lang), "marketing")
		for _, want := range []string{p.T("ref.uwg-7-3"), p.T("ref.pke-398-1"), p.T("ref.gdpr-95")} {
			if !strings.Contains(m, want) {
				t.Errorf("%s: the marketing section lacks %q:\n%s", lang, want, m)
			}
		}
	}
}

// TestIssue9SoftOptInNotLegitimateInterests: the exception is stated as
// CJEU C-654/23 does, never as legitimate interests, and the right to object
// covers profiling related to direct marketing (Art. 21(2) GDPR).
func TestIssue9SoftOptInNotLegitimateInterests(t *testing.T) {
	r, c := newTestRenderer(t), issueCase(t, "de-to-pl")
	for _, lang := range c.Languages {
		p := printer(t, lang)
		page := privacyPage(t, r, c, lang)
		m := section(page, "marketing")
		// The newsletter is the only purpose on legitimate interests in
		// the file: nowhere is its marketing labelled that way.
		if li := p.T("cite.gdpr.legitimate_interests"); strings.Contains(page, li) {
			t.Errorf("%s: the soft opt-in is labelled %q:\n%s", lang, li, section(page, "purpose-newsletter"))
		}
		if !strings.Contains(m, p.T("ref.cjeu-c-654-23")) {
			t.Errorf("%s: the marketing section does not cite C-654/23", lang)
		}
		if obj := section(page, "objection"); !strings.Contains(strings.ToLower(obj), "profil") {
			t.Errorf("%s: the right to object leaves out profiling related to direct marketing:\n%s", lang, obj)
		}
	}
}

// TestIssue9ChecklistFollowsMarket: a Polish company's checklist cites no
// UWG; where a market has no exception, no exception item is met.
func TestIssue9ChecklistFollowsMarket(t *testing.T) {
	r := newTestRenderer(t)
	for _, tc := range []struct{ slug, campaign, lang string }{
		{"pl-shop", "teapot-sale", "pl"}, {"vn-tet", "tet-sale", "vi"}, {"vn-tet", "tet-sale", "en"},
	} {
		c := issueCase(t, tc.slug)
		p := printer(t, tc.lang)
		page := checklistPage(t, r, c, tc.lang)
		if strings.Contains(page, "UWG") {
			t.Errorf("%s/%s: the checklist cites the UWG", tc.slug, tc.lang)
		}
		rows := campaignRows(page, tc.campaign)
		if len(rows) == 0 {
			t.Fatalf("%s: no rows for %s", tc.slug, tc.campaign)
		}
		for _, key := range []string{"existing_customer", "own_similar", "objection_collection", "objection_every", "in_notice"} {
			q := p.T("checklist.item." + key)
			for _, rw := range rows {
				if strings.Contains(rw.question, q) && rw.state == "yes" {
					t.Errorf("%s/%s: %q is met, but the market has no existing-customer exception", tc.slug, tc.lang, q)
				}
			}
		}
		if !strings.Contains(page, p.T("checklist.state.na")) {
			t.Errorf("%s/%s: no item says not applicable", tc.slug, tc.lang)
		}
	}
}

// TestIssue9AdvertisingIsAdvertising: advertising campaigns never answer
// "no advertising: met"; a message that promotes nothing has no promoted
// products; the butcher campaign says the exception does not apply.
func TestIssue9AdvertisingIsAdvertising(t *testing.T) {
	r := newTestRenderer(t)
	cs, err := load.Dir(exampleDir(t))
	if err != nil {
		t.Fatal(err)
	}
	var bakery, vn *model.Company
	for _, c := range cs {
		switch c.Slug {
		case "baeckerei-schmidt":
			bakery = c
		case "sen-vang":
			vn = c
		}
	}
	for _, tc := range []struct {
		c        *model.Company
		lang     string
		campaign string
	}{{bakery, "de", "christmas-stollen"}, {bakery, "de", "butcher-opening"}, {vn, "vi", "tet-sale"}, {issueCase(t, "pl-shop"), "pl", "teapot-sale"}} {
		p := printer(t, tc.lang)
		q := p.T("checklist.item.promotion")
		for _, rw := range campaignRows(checklistPage(t, r, tc.c, tc.lang), tc.campaign) {
			if strings.Contains(rw.question, q) && rw.state == "yes" {
				t.Errorf("%s: %q answered %q: met", tc.campaign, q, rw.answer)
			}
		}
	}
	p := printer(t, "de")
	page := checklistPage(t, r, bakery, "de")
	for _, rw := range campaignRows(page, "order-confirmation") {
		if strings.Contains(rw.question, p.T("checklist.item.same_business")) && rw.state != "na" {
			t.Errorf("order confirmation: %q is %s (%s), want not applicable", rw.question, rw.state, rw.answer)
		}
	}
	butcher := campaignRows(page, "butcher-opening")
	for _, rw := range butcher {
		if strings.Contains(rw.answer, p.T("checklist.answer.softoptin_na")) {
			t.Errorf("butcher: %q says the exception is not needed", rw.question)
		}
	}
	// The butcher's campaign goes out on recorded consent: the exception's
	// items say so, and the compatibility test of Art. 6(4) GDPR is not
	// applied to it (legal review, December 2026, row 16).
	found := false
	for _, rw := range butcher {
		if rw.state == "na" && strings.Contains(rw.answer, p.T("checklist.answer.exception_consent")) {
			found = true
		}
		if strings.Contains(rw.question, p.T("checklist.item.same_business")) && rw.state != "na" {
			t.Errorf("butcher: %q is %s on recorded consent, want not applicable", rw.question, rw.state)
		}
	}
	if !found {
		t.Errorf("butcher: no row says the campaign rests on recorded consent: %+v", butcher)
	}
}

// TestIssue9VietnameseBlankChecklist: the Vietnamese blank checklist follows
// Law No. 91/2025/QH15 and Decree No. 356/2025/ND-CP, and says that a
// purchased list is prohibited, consent does not cure it.
func TestIssue9VietnameseBlankChecklist(t *testing.T) {
	out, err := newTestRenderer(t).BlankChecklist("vi")
	if err != nil {
		t.Fatal(err)
	}
	page := html.UnescapeString(string(out))
	for _, want := range []string{"356/2025/NĐ-CP", "Điều 7", "Điều 9", "không khắc phục"} {
		if !strings.Contains(page, want) {
			t.Errorf("the Vietnamese blank checklist lacks %q", want)
		}
	}
	if strings.Contains(page, "GDPR") {
		t.Error("the Vietnamese blank checklist cites the GDPR")
	}
}

// TestIssue9UKTransfers: a UK controller's UK recipient is no transfer, in
// the check and in the notice; a German recipient is one.
func TestIssue9UKTransfers(t *testing.T) {
	c := issueCase(t, "uk-shop")
	for _, f := range check.Company(c).Findings {
		if f.Rule == check.RuleTransferSafeguard && f.Msg.Args["Recipient"] == "courier" {
			t.Errorf("UK recipient of a UK controller reported: %+v", f)
		}
	}
	tr := section(privacyPage(t, newTestRenderer(t), c, "en"), "transfers")
	if strings.Contains(tr, "Royal Parcels") {
		t.Errorf("the notice lists the UK recipient as a transfer:\n%s", tr)
	}
	if !strings.Contains(tr, "Rechenzentrum") {
		t.Errorf("the notice omits the German recipient of a UK controller:\n%s", tr)
	}
}

// TestIssue9UKCampaignCitesUKGDPR: a UK-only campaign cites the UK GDPR.
func TestIssue9UKCampaignCitesUKGDPR(t *testing.T) {
	r := check.Company(issueCase(t, "uk-shop"))
	for _, o := range r.Campaigns {
		for _, ref := range o.Refs {
			if strings.HasPrefix(ref, "gdpr-") {
				t.Errorf("%s %s cites %s, not the UK GDPR", o.Campaign, o.Market, ref)
			}
		}
	}
	for _, f := range r.Findings {
		for _, ref := range f.Refs {
			if strings.HasPrefix(ref, "gdpr-") {
				t.Errorf("%s cites %s for a UK controller", f.Rule, ref)
			}
		}
	}
}

// TestIssue9UKChecklistCitesUKGDPR: the checklist of a UK company cites the
// UK GDPR, never the GDPR.
func TestIssue9UKChecklistCitesUKGDPR(t *testing.T) {
	page := checklistPage(t, newTestRenderer(t), issueCase(t, "uk-shop"), "en")
	if m := regexp.MustCompile(`Art\. [0-9()a-z]+ GDPR`).FindString(page); m != "" {
		t.Errorf("the checklist of a UK company cites %q", m)
	}
	if !strings.Contains(page, "UK GDPR") {
		t.Error("the checklist of a UK company does not cite the UK GDPR")
	}
}

// TestCanadaImpliedConsent: a verdict on CASL's implied consent says so and
// cites CASL, never the GDPR's consent (implied consent is none in its
// sense); the German bakery's processing for its Canadian customers rests,
// under the GDPR that applies to it (Art. 3(1)), on legitimate interests.
func TestCanadaImpliedConsent(t *testing.T) {
	c := issueCase(t, "bakery-seed")
	c.Markets = append(c.Markets, "CA")
	r := newTestRenderer(t)
	page := checklistPage(t, r, c, "en")
	row := between(page, `<th scope="row">Canada</th>`, "</tr>")
	details := between(page, `Canada: <span class="verdict`, "</div>")
	if row == "" || details == "" {
		t.Fatal("no verdict for Canada")
	}
	ca := row + details
	if !strings.Contains(row, "implied consent (CASL") || strings.Contains(ca, "6(1)(a) GDPR") || !strings.Contains(row, "legitimate interests (Art. 6(1)(f) GDPR)") {
		t.Errorf("Canada's verdict:\n%s", ca)
	}
}

// between returns the first part of s from start up to end, or "".
func between(s, start, end string) string {
	i := strings.Index(s, start)
	if i < 0 {
		return ""
	}
	j := strings.Index(s[i:], end)
	if j < 0 {
		return ""
	}
	return s[i : i+j]
}
