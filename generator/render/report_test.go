package render

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/basis-privacy/basis/generator/check"
	"github.com/basis-privacy/basis/generator/model"
	"github.com/basis-privacy/basis/generator/redline"
	"github.com/basis-privacy/basis/templates"
)

// exampleNamed returns the example company slug.
func exampleNamed(t *testing.T, slug string) *model.Company {
	t.Helper()
	for _, c := range examples(t) {
		if c.Slug == slug {
			return c
		}
	}
	t.Fatalf("no example %s", slug)
	return nil
}

// noRuleIDsOrPositions fails when the report's text names a rule id or a
// file position: the client reads findings in plain language.
func noRuleIDsOrPositions(t *testing.T, name, text string) {
	t.Helper()
	for _, r := range check.Rules {
		if strings.Contains(text, r.ID) {
			t.Errorf("%s names the rule id %s", name, r.ID)
		}
	}
	if strings.Contains(text, "company.yaml") || strings.Contains(text, ".yaml:") {
		t.Errorf("%s names a file position", name)
	}
}

// TestReportOfExample: the consultancy's report gives each campaign's
// verdict per market with its conditions, the points the client must
// confirm (not the checklist's own sign-off), and the accepted warning with
// its reason in the page's language, naming the recipient by its name, with
// no rule id or file position anywhere.
func TestReportOfExample(t *testing.T) {
	r := newTestRenderer(t)
	c := exampleNamed(t, "nowak-doradztwo")
	for _, tt := range []struct{ lang, title, accepted, reason, verdict, confirm string }{
		{"en", "Report for the client", "Recipient \"MeetSlot Inc.\" in the United States", "is on the list of organisations certified", "Allowed", "Points the company must confirm"},
		{"pl", "Raport dla klienta", "MeetSlot Inc.", "figuruje w wykazie organizacji certyfikowanych", "", "Kwestie do potwierdzenia przez firmę"},
	} {
		page, err := r.Report(judged(c), tt.lang)
		if err != nil {
			t.Fatal(err)
		}
		text := documentText(page)
		for _, want := range []string{tt.title, tt.accepted, tt.reason, tt.verdict, tt.confirm, c.Campaigns[0].Name.In(tt.lang)} {
			if !strings.Contains(text, want) {
				t.Errorf("%s report lacks %q", tt.lang, want)
			}
		}
		noRuleIDsOrPositions(t, tt.lang+" report", text)
	}
	en, _ := r.Report(judged(c), "en")
	text := documentText(en)
	if !strings.Contains(text, "The review found nothing to correct or check.") || !strings.Contains(text, "Conditions that must hold:") {
		t.Error("the English report does not say the file has no open findings, or gives no conditions")
	}
	if strings.Contains(text, "Sign below") {
		t.Error("the report asks the client to sign the checklist")
	}
}

// TestReportFindings: without its acceptance the warning is one to check,
// a processor without a contract one to correct, each with what to do, in
// plain language.
func TestReportFindings(t *testing.T) {
	r := newTestRenderer(t)
	c := *exampleNamed(t, "nowak-doradztwo")
	c.Accept = nil
	c.Recipients = slices.Clone(c.Recipients)
	for i := range c.Recipients {
		if c.Recipients[i].ID == "crm" {
			c.Recipients[i].Contract = false
		}
	}
	page, err := r.Report(judged(&c), "en")
	if err != nil {
		t.Fatal(err)
	}
	text := documentText(page)
	for _, want := range []string{"To be corrected", "To be checked", "What to do:", "No warning has been accepted.", "MeetSlot Inc."} {
		if !strings.Contains(text, want) {
			t.Errorf("the report lacks %q", want)
		}
	}
	noRuleIDsOrPositions(t, "report", text)

	// Market codes and keys of the file as code, the same in every
	// language.
	page, err = r.Report(judged(exampleNamed(t, "four-lang")), "en")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(page), "in <code>PL") {
		t.Error("the report does not set the market codes of a finding as code")
	}
	if !strings.Contains(string(page), "<code>consents:</code>") {
		t.Error("the report does not set the file's keys as code")
	}
}

// TestReportSinceRelease: the report says whether the notice changed since
// its latest release, and which sections; without a release, that there is
// none; without the releases known, nothing.
func TestReportSinceRelease(t *testing.T) {
	c := exampleNamed(t, "baeckerei-schmidt")
	cat, err := sharedCatalog()
	if err != nil {
		t.Fatal(err)
	}
	plain := newTestRenderer(t)
	notice, err := plain.Privacy(judged(c), "en")
	if err != nil {
		t.Fatal(err)
	}
	secs, err := redline.Sections(notice)
	if err != nil {
		t.Fatal(err)
	}
	changed := slices.Clone(secs)
	changed[1].Paras = append(slices.Clone(changed[1].Paras), "A paragraph the current notice no longer has.")
	day := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	for _, tt := range []struct {
		name     string
		released Released
		want     []string
	}{
		{"unchanged", func(*model.Company, string) (time.Time, []redline.Section, bool, error) { return day, secs, true, nil },
			[]string{"The privacy notice is unchanged since the version in force from 1 March 2026."}},
		{"changed", func(*model.Company, string) (time.Time, []redline.Section, bool, error) {
			return day, changed, true, nil
		},
			[]string{"Since the version in force from 1 March 2026, the privacy notice has changed.", "Sections changed:", secs[1].Heading}},
		{"unreleased", func(*model.Company, string) (time.Time, []redline.Section, bool, error) {
			return time.Time{}, nil, false, nil
		},
			[]string{"has not been released in this language yet"}},
	} {
		r, err := New(WithTemplates(templates.FS), WithCatalog(cat), WithVersion("test"), WithReleased(tt.released))
		if err != nil {
			t.Fatal(err)
		}
		page, err := r.Report(judged(c), "en")
		if err != nil {
			t.Fatal(err)
		}
		text := documentText(page)
		for _, want := range tt.want {
			if !strings.Contains(text, want) {
				t.Errorf("%s: the report lacks %q", tt.name, want)
			}
		}
	}
	page, _ := plain.Report(judged(c), "en")
	if strings.Contains(documentText(page), "Changes since the last release") {
		t.Error("without the releases known, the report speaks of them")
	}
}

// TestReportIsFormal: the firm writes to its client formally, in a company
// whose documents address their readers informally too: the report of an
// informal company is word for word that of a formal one.
func TestReportIsFormal(t *testing.T) {
	r := newTestRenderer(t)
	for _, c := range examples(t) {
		formal, informal := *c, *c
		formal.Register, informal.Register = model.Formal, model.Informal
		for _, lang := range c.Languages {
			// One check result, so the findings are the same (an own
			// wording in the other register would add one).
			res := judged(&formal)
			want, err := r.Report(res, lang)
			if err != nil {
				t.Fatal(err)
			}
			other := *res
			other.Company = &informal
			got, err := r.Report(&other, lang)
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != string(want) {
				t.Errorf("%s/%s: the report of an informal company differs from a formal one's", c.Slug, lang)
			}
		}
	}
}

// TestKeysAsCode: the keys of the company file a finding names are set as
// code, with a value that ends the clause; words ending in a colon, other
// languages' letters and web addresses are left alone, and text escaped.
func TestKeysAsCode(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"Add consequence:.", "Add <code>consequence:</code>."},
		{"Rest it on consent (basis: consent), or not", "Rest it on consent (<code>basis: consent</code>), or not"},
		{"add consents: naming where (consent_id: of a box, or source:)", "add <code>consents:</code> naming where (<code>consent_id:</code> of a box, or <code>source:</code>)"},
		{"dla klientów: tak", "dla klientów: tak"},
		{"see https://example.com", "see https://example.com"},
		{"a <b> & c", "a &lt;b&gt; &amp; c"},
		{"Add data_subjects: with people, e.g. [customers] (or [a, b])", "Add <code>data_subjects:</code> with people, e.g. <code>[customers]</code> (or <code>[a, b]</code>)"},
	} {
		if got := string(keysAsCode(tt.in)); got != tt.want {
			t.Errorf("keysAsCode(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
