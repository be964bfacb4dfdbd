package render

import (
	"regexp"
	"strings"
	"testing"

	"github.com/basis-privacy/basis/templates"
)

// TestBlankChecklistAnswerFields: the blank checklist asks for the market,
// channel, recipients with the list's source and the date; a question
// answered in words gets lines to write on, a yes/no question tick boxes,
// and every question room for its evidence.
func TestBlankChecklistAnswerFields(t *testing.T) {
	r := newTestRenderer(t)
	for _, lang := range []string{"en", "de", "pl", "vi"} {
		b, err := r.BlankChecklist(lang)
		if err != nil {
			t.Fatal(err)
		}
		page := string(b)
		p := r.printer(nil, lang)
		for _, id := range []string{"checklist.campaign_name", "checklist.field.markets", "checklist.field.channel", "checklist.field.audience", "checklist.field.date"} {
			if !strings.Contains(page, `<span class="label">`+p.T(id)+`</span><span class="line"></span>`) {
				t.Errorf("%s: no field %s to fill in", lang, id)
			}
		}
		items := regexp.MustCompile(`(?s)<li><p class="q">(.*?)</p>(.*?)</li>`).FindAllStringSubmatch(page, -1)
		// Under Law No. 91/2025/QH15 there is no existing-customer
		// exception to check, and Decree No. 91/2020/ND-CP adds two items
		// on refusing advertising.
		want := 17
		if lang == "vi" {
			want = 14
		}
		if len(items) != want {
			t.Fatalf("%s: %d questions, want %d", lang, len(items), want)
		}
		for _, it := range items {
			q, body := it[1], it[2]
			written := strings.Contains(body, p.T("checklist.answer_line"))
			ticked := strings.Contains(body, `class="box"`)
			wantWritten := q == p.T("checklist.item.kind") || q == p.T("checklist.item.original_purpose") || q == p.T("checklist.item.access")
			if written != wantWritten || ticked == wantWritten {
				t.Errorf("%s: %q has answer lines %v and tick boxes %v", lang, q, written, ticked)
			}
			if strings.Count(body, `<p class="write">`) < 2 || !strings.Contains(body, p.T("checklist.notes")) {
				t.Errorf("%s: %q leaves no room for evidence", lang, q)
			}
		}
	}
}

// TestPagesLinkTheirPDF: with WithPDF every document links its own PDF,
// without it none.
func TestPagesLinkTheirPDF(t *testing.T) {
	c := issueCase(t, "bakery-seed")
	cat, err := sharedCatalog()
	if err != nil {
		t.Fatal(err)
	}
	for _, on := range []bool{false, true} {
		r, err := New(WithTemplates(templates.FS), WithCatalog(cat), WithPDF(on))
		if err != nil {
			t.Fatal(err)
		}
		pages := map[string]func() ([]byte, error){
			"privacy.pdf":   func() ([]byte, error) { return r.Privacy(judged(c), "en") },
			"fields.pdf":    func() ([]byte, error) { return r.Fields(judged(c), "en") },
			"checklist.pdf": func() ([]byte, error) { return r.Checklist(judged(c), "en") },
			"de.pdf":        func() ([]byte, error) { return r.BlankChecklist("de") },
		}
		for pdf, render := range pages {
			b, err := render()
			if err != nil {
				t.Fatal(err)
			}
			if got := strings.Contains(string(b), `href="`+pdf+`"`); got != on {
				t.Errorf("WithPDF(%v): links %s: %v", on, pdf, got)
			}
		}
	}
}

// TestDetailsSayEqualReasonsOnce: markets with the same verdict, reasons
// and conditions share one entry, with the references of both.
func TestDetailsSayEqualReasonsOnce(t *testing.T) {
	rv := Review{Markets: []Market{
		{Market: "EU", Verdict: "allowed", Reasons: []string{"r"}, Conditions: []string{"c"}, Refs: []string{"a", "b"}},
		{Market: "DE", Verdict: "allowed", Reasons: []string{"r"}, Conditions: []string{"c"}, Refs: []string{"b", "c"}},
		{Market: "PL", Verdict: "consent_required", Reasons: []string{"r"}, Conditions: []string{"c"}},
	}}
	d := rv.Details()
	if len(d) != 2 || len(d[0].Markets) != 2 || d[1].Markets[0] != "PL" {
		t.Fatalf("details: %+v", d)
	}
	if strings.Join(d[0].Refs, " ") != "a b c" {
		t.Errorf("references of EU and DE: %v, want a b c", d[0].Refs)
	}
}
