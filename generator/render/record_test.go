package render

import (
	"fmt"
	"html"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/basis-privacy/basis/generator/check"
	"github.com/basis-privacy/basis/generator/law"
	"github.com/basis-privacy/basis/generator/model"
)

// entry is what a privacy notice or a record of processing activities
// states of one purpose: its name, data, recipients and retention, as
// rendered (HTML-escaped text).
type entry struct {
	Name, Data, Retention string
	Recipients            []string
}

// sectionRE matches a purpose's section in the notice (purpose-<id>) or
// the record (activity-<id>), with its heading and body.
var sectionRE = regexp.MustCompile(`(?s)<section class="(?:purpose|activity)" id="(?:purpose|activity)-([^"]+)"[^>]*>\s*<h3[^>]*>(.*?)</h3>(.*?)</section>`)

// recordNameRE matches a recipient's name in the record's list of
// recipients: "<li>Name: role, country".
var recordNameRE = regexp.MustCompile(`<li>([^<]*?): `)

// dd returns the description of the term label in body ("" if none): the
// record's terms carry a citation after the label.
func dd(body, label string) string {
	re := regexp.MustCompile(`(?s)<dt>` + regexp.QuoteMeta(html.EscapeString(label)) + `(?: <span class="cite">[^<]*</span>)?</dt><dd>(.*?)</dd>`)
	if m := re.FindStringSubmatch(body); m != nil {
		return m[1]
	}
	return ""
}

// entries reads the purposes of a rendered notice or record, by purpose
// id. labels are the terms of the data, recipients and retention; the
// notice separates recipients with sep.
func entries(page string, labels [3]string, sep string, record bool) map[string]entry {
	out := map[string]entry{}
	for _, m := range sectionRE.FindAllStringSubmatch(page, -1) {
		e := entry{Name: strings.TrimSpace(m[2]), Data: dd(m[3], labels[0]), Retention: dd(m[3], labels[2])}
		recipients := dd(m[3], labels[1])
		if record {
			e.Retention, _, _ = strings.Cut(e.Retention, "\n<ul")
			for _, n := range recordNameRE.FindAllStringSubmatch(recipients, -1) {
				e.Recipients = append(e.Recipients, n[1])
			}
		} else if recipients != "" {
			e.Recipients = strings.Split(recipients, html.EscapeString(sep))
		}
		slices.Sort(e.Recipients)
		out[m[1]] = e
	}
	return out
}

// mismatches lists, in both directions, the purposes of the notice that
// the record lacks or states otherwise, and the record's entries that the
// notice lacks.
func mismatches(notice, record map[string]entry) []string {
	var out []string
	for id, n := range notice {
		r, ok := record[id]
		switch {
		case !ok:
			out = append(out, fmt.Sprintf("purpose %s of the notice is not in the record", id))
		case fmt.Sprint(n) != fmt.Sprint(r):
			out = append(out, fmt.Sprintf("purpose %s: the notice says %+v, the record %+v", id, n, r))
		}
	}
	for id := range record {
		if _, ok := notice[id]; !ok {
			out = append(out, fmt.Sprintf("the record's entry %s is not in the notice", id))
		}
	}
	slices.Sort(out)
	return out
}

// TestRecordMatchesNotice: for every example (and the four-language test
// company) in each of its languages, every purpose of the privacy notice is
// an entry of the record of processing activities, and every entry of the
// record a purpose of the notice, with the same name, data, recipients and
// retention. A record that leaves out a purpose, or adds one, is caught.
func TestRecordMatchesNotice(t *testing.T) {
	cat, err := sharedCatalog()
	if err != nil {
		t.Fatal(err)
	}
	r := newTestRenderer(t)
	for _, c := range examples(t) {
		res := judged(c)
		for _, lang := range c.Languages {
			p := cat.For(lang)
			notice, err := r.Privacy(res, lang)
			if err != nil {
				t.Fatal(err)
			}
			record, err := r.Record(res, lang)
			if err != nil {
				t.Fatal(err)
			}
			n := entries(string(notice), [3]string{p.T("notice.purpose.data"), p.T("notice.purpose.recipients"), p.T("notice.purpose.retention")}, p.T("list.separator"), false)
			rec := entries(string(record), [3]string{p.T("record.data"), p.T("record.recipients"), p.T("record.retention")}, "", true)
			if len(n) != len(c.Purposes) {
				t.Fatalf("%s (%s): read %d purposes of the notice, want %d", c.Slug, lang, len(n), len(c.Purposes))
			}
			for _, m := range mismatches(n, rec) {
				t.Errorf("%s (%s): %s", c.Slug, lang, m)
			}
		}
	}
}

// TestRecordMismatchIsCaught: the comparison of TestRecordMatchesNotice
// reports a purpose the record leaves out, one it adds, and one whose
// recipients differ.
func TestRecordMismatchIsCaught(t *testing.T) {
	notice := map[string]entry{"orders": {Name: "Orders", Recipients: []string{"Courier"}}, "news": {Name: "News"}}
	record := map[string]entry{"orders": {Name: "Orders"}, "hr": {Name: "HR"}}
	got := mismatches(notice, record)
	want := []string{"purpose news of the notice is not in the record", "purpose orders: the notice says",
		"the record's entry hr is not in the notice"}
	if len(got) != len(want) {
		t.Fatalf("mismatches = %q", got)
	}
	for i := range want {
		if !strings.HasPrefix(got[i], want[i]) {
			t.Errorf("mismatch %d = %q, want %q...", i, got[i], want[i])
		}
	}
}

// TestOpenItemsNeverGuessed: the bakery example, which gives every item,
// leaves no open item in its record or its assessment; without its data
// subjects, its security measures and its newsletter's assessment, each
// missing item is an open item for the reviewer (counted, and marked in
// the page), never a text Basis made up.
func TestOpenItemsNeverGuessed(t *testing.T) {
	r := newTestRenderer(t)
	var bakery *model.Company
	for _, c := range examples(t) {
		if c.Slug == "baeckerei-schmidt" {
			bakery = c
		}
	}
	if bakery == nil {
		t.Fatal("no bakery example")
	}
	for _, tc := range []struct {
		name             string
		edit             func(c *model.Company)
		record, assessed int // open items
	}{
		{"complete", func(*model.Company) {}, 0, 0},
		{"missing", func(c *model.Company) {
			c.Security = nil
			for i := range c.Purposes {
				if c.Purposes[i].ID == "newsletter" {
					c.Purposes[i].Subjects, c.Purposes[i].Assessment = nil, nil
				}
			}
		}, 2, 5}, // record: subjects, security; assessment: necessity, alternatives, subjects, expectations, balancing
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := *bakery
			c.Purposes = slices.Clone(bakery.Purposes)
			tc.edit(&c)
			res := judged(&c)
			p := r.printers[voiceOf(&c, "en")].Track()
			if got := newRecord(p, res).Open; got != tc.record {
				t.Errorf("record: %d open items, want %d", got, tc.record)
			}
			if got := newAssessment(p, res).Open; got != tc.assessed {
				t.Errorf("assessment: %d open items, want %d", got, tc.assessed)
			}
			for name, render := range map[string]func(*check.Result, string) ([]byte, error){"record": r.Record, "assessment": r.Assessment} {
				page, err := render(res, "en")
				if err != nil {
					t.Fatal(err)
				}
				want := map[string]int{"record": tc.record, "assessment": tc.assessed}[name]
				if got := strings.Count(string(page), `class="open-item"`); (got == 0) != (want == 0) {
					t.Errorf("%s marks %d open items, want %d", name, got, want)
				}
			}
		})
	}
}

// TestProcessorRecord: a company that processes data for its clients (the
// consultancy example, an outsourced data protection officer) gets its
// record as processor with the items of Art. 30(2)(a)-(d) GDPR and the
// annex with those of Art. 28(3): its clients, the categories of
// processing, the transfer by a sub-processor with its ground, the
// subject matter, duration, nature, data and data subjects, the
// sub-processors from recipients:, and an open item for the agreement's
// own terms, which the file cannot show.
func TestProcessorRecord(t *testing.T) {
	r := newTestRenderer(t)
	for _, c := range examples(t) {
		if c.Slug != "nowak-doradztwo" {
			continue
		}
		page, err := r.Record(judged(c), "en")
		if err != nil {
			t.Fatal(err)
		}
		text := string(page)
		for _, id := range []string{"processor", "annex"} {
			if !strings.Contains(text, `<section id="`+id+`"`) {
				t.Errorf("the record has no section %s", id)
			}
		}
		for _, want := range []string{
			"Art. 30(2) GDPR", "Hotel Pod Wawelem sp. z o.o., ul. Grodzka 1, 31-006 Kraków",
			"Receiving, logging and preparing answers to requests",
			"ClientDesk Inc., United States: standard data protection clauses (Art. 46(2)(c) GDPR)",
			"Art. 28(3) GDPR", "For the term of the data protection officer service agreement",
			"people who make requests about their data to our clients", "ChmuraPL sp. z o.o.: ",
			"confirm that it sets out the obligations and rights of the controller",
		} {
			if !strings.Contains(text, html.EscapeString(want)) {
				t.Errorf("the record as processor lacks %q", want)
			}
		}
		return
	}
	t.Fatal("no consultancy example")
}

// TestAssessmentSources: the assessment follows the EDPB's guidelines
// under the GDPR (with the DSK's for a German company), and the ICO's, not
// the EDPB's, for a company under the UK GDPR alone.
func TestAssessmentSources(t *testing.T) {
	r := newTestRenderer(t)
	var bakery *model.Company
	for _, c := range examples(t) {
		if c.Slug == "baeckerei-schmidt" {
			bakery = c
		}
	}
	uk := *bakery
	uk.Country, uk.Markets = "GB", []law.Market{law.UK}
	p := r.printers[voiceOf(bakery, "en")].Track()
	for _, tc := range []struct {
		c          *model.Company
		want, none []string
	}{
		{bakery, []string{"ref.edpb-1-2024", "ref.dsk-direktwerbung-2022"}, []string{"ref.ico-lia"}},
		{&uk, []string{"ref.ico-lia"}, []string{"ref.edpb-1-2024", "ref.dsk-direktwerbung-2022"}},
	} {
		res := judged(tc.c)
		if res.Regime() != law.GDPR && res.Regime() != law.UKGDPR {
			t.Fatalf("%s: regime %s", tc.c.Country, res.Regime())
		}
		got := assessmentSources(p, res)
		for _, id := range tc.want {
			if !slices.Contains(got, p.T(id)) {
				t.Errorf("%s: the assessment does not follow %s: %q", tc.c.Country, id, got)
			}
		}
		for _, id := range tc.none {
			if slices.Contains(got, p.T(id)) {
				t.Errorf("%s: the assessment follows %s: %q", tc.c.Country, id, got)
			}
		}
	}
}
