package render

import (
	"strings"
	"testing"

	"github.com/basis-privacy/basis/generator/check"
	"github.com/basis-privacy/basis/generator/law"
	"github.com/basis-privacy/basis/generator/model"
)

// TestEveryRegimeThatApplies: a Vietnamese exporter writing to Polish
// customers gets a Polish notice that gives them what the GDPR gives them
// (Art. 3(2)(a)): the RODO bases, the RODO rights, the Polish authority and
// the EU representative, beside the notice under Law No. 91/2025/QH15 (issue
// 18, every regime that applies). Before, the notice spoke of Vietnamese law
// only while the checklist cited art. 6 RODO.
func TestEveryRegimeThatApplies(t *testing.T) {
	t.Parallel()
	r, c := newTestRenderer(t), issueCase(t, "hanoi-tea")
	res := judged(c)
	if res.Regime() != law.PDPL || len(res.Regimes) != 2 || res.Regimes[1].Regime != law.GDPR {
		t.Fatalf("regimes %+v", res.Regimes)
	}
	p := printer(t, "pl")
	page := privacyPage(t, r, c, "pl")
	if !strings.Contains(page, p.T("notice.lead.pdpl", "Company", c.Controller.Name)[:40]) {
		t.Error("the notice is not written under Law No. 91/2025/QH15")
	}
	gdpr := section(page, "regime-gdpr")
	for _, want := range []string{
		p.T("cite.gdpr.contract"), p.T("cite.gdpr.consent"), // the bases under the RODO
		p.T("cite.gdpr.right.access"), p.T("cite.gdpr.right.objection"), // the rights under the RODO
		p.T("authority.PL.name"), "ul. Stawki 2", // UODO
		"EU-Rep Sp. z o.o.", p.T("ref.gdpr-3-2-a"),
	} {
		if !strings.Contains(gdpr, want) {
			t.Errorf("the RODO section lacks %q:\n%s", want, gdpr)
		}
	}
	if strings.Contains(section(page, "controller"), "EU-Rep") {
		t.Error("the EU representative is named under Vietnamese law")
	}
	if f := findings(check.Company(c), check.RuleNoticeRepresentative); len(f) != 0 {
		t.Errorf("representative named, yet: %+v", f)
	}
}

// TestBusinessRecipients: business contacts are judged by each market's
// rule for them: a corporate subscriber in the UK on legitimate interests,
// business addresses in Poland and Germany as consumers; a call to a
// business in Germany on presumed consent (issue 18).
func TestBusinessRecipients(t *testing.T) {
	t.Parallel()
	c := issueCase(t, "pl-software")
	res := judged(c)
	want := map[string]map[law.Market]check.Verdict{
		"release-news": {law.PL: check.ConsentRequired, law.DE: check.ConsentRequired, law.UK: check.Allowed},
		"client-calls": {law.DE: check.Allowed, law.PL: check.ConsentRequired},
	}
	for id, markets := range want {
		for _, o := range res.Campaign(id).Outcomes {
			if v, ok := markets[o.Market]; ok && o.Verdict != v {
				t.Errorf("%s %s: %s, want %s (reasons %v)", id, o.Market, o.Verdict, v, o.Reasons)
			}
			if id == "release-news" && o.Market == law.UK && o.Basis != model.LegitimateInterests {
				t.Errorf("UK corporate subscribers: basis %s", o.Basis)
			}
		}
	}
	page := privacyPage(t, newTestRenderer(t), c, "en")
	if uk := section(page, "regime-ukgdpr"); !strings.Contains(uk, "UK Rep Ltd") || !strings.Contains(uk, "Information Commissioner") {
		t.Errorf("the UK GDPR section lacks the UK representative or the ICO:\n%s", uk)
	}
}

func findings(r *check.Report, rule string) []check.Finding {
	var out []check.Finding
	for _, f := range r.Findings {
		if f.Rule == rule {
			out = append(out, f)
		}
	}
	return out
}

// TestChildrenInTheDocuments: a purpose and campaign aimed at children get
// the ages in the notice, the rule of each regime in its words, and a
// checklist item naming each market's age (issue 18, section 6).
func TestChildrenInTheDocuments(t *testing.T) {
	t.Parallel()
	r, c := newTestRenderer(t), issueCase(t, "kids-club")
	p := printer(t, "en")
	page := privacyPage(t, r, c, "en")
	for _, want := range []string{p.T("notice.purpose.children.ages", "From", 10, "To", 15), "Art. 8 GDPR", "Art. 8 UK GDPR"} {
		if !strings.Contains(page, want) {
			t.Errorf("the notice lacks %q", want)
		}
	}
	// Art. 8(1) UK GDPR itself sets 13; s. 9 Data Protection Act 2018,
	// which once did, is omitted from the Act (RULES.md, uk-gdpr-8-1).
	if strings.Contains(page, "s. 9 Data Protection Act 2018") {
		t.Error("the notice cites s. 9 Data Protection Act 2018, omitted from the Act")
	}
	res := judged(c)
	rv := review(p, res, res.Campaign("birthday-club"))
	var item *Item
	for gi := range rv.Groups {
		for ii := range rv.Groups[gi].Items {
			if rv.Groups[gi].Items[ii].Key == "children" {
				item = &rv.Groups[gi].Items[ii]
			}
		}
	}
	if item == nil || item.State != Open || !strings.Contains(strings.Join(item.Answer, " "), "16 in Germany") {
		t.Errorf("children item %+v", item)
	}
}
