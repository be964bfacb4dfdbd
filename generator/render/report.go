package render

import (
	"html/template"
	"regexp"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/basis-privacy/basis/generator/check"
	"github.com/basis-privacy/basis/generator/locale"
	"github.com/basis-privacy/basis/generator/model"
	"github.com/basis-privacy/basis/generator/redline"
)

// Released returns the latest released privacy notice of c in lang: its
// effective date and its sections; ok false when c has released none in
// lang; an error when a release cannot be read.
type Released func(c *model.Company, lang string) (date time.Time, sections []redline.Section, ok bool, err error)

// WithReleased sets where the client report finds the latest release of a
// notice, to say what changed since; without it the report says nothing
// of releases.
func WithReleased(f Released) Option { return func(c *config) { c.released = f } }

// ReportData is the view of the client report: what a firm tells its
// client about the company file, in plain language, without rule ids or
// file positions.
type ReportData struct {
	Errors    []ReportFinding // what must be corrected before the documents are used
	Warnings  []ReportFinding // what the client must look at
	Accepted  []ReportFinding // warnings a reviewer accepted, each with the reason
	Campaigns []ReportCampaign
	Since     *ReportSince // nil: releases not known to the renderer
}

// ReportFinding is one finding as the client reads it: the keys of the
// company file it names set as code.
type ReportFinding struct {
	Text   template.HTML // what is wrong
	Fix    template.HTML // what to do; "" for an accepted warning
	Reason string        // why a reviewer accepted it; "" unless accepted
}

// ReportCampaign is one campaign: its verdicts with their conditions, and
// what the client must still confirm.
type ReportCampaign struct {
	Name    string
	Details []Detail
	Open    []OpenItem
}

// OpenItem is a point of a campaign's checklist the client must confirm.
type OpenItem struct {
	Question string   // the checklist's question, with its market
	Answer   []string // what the company file says of it
}

// ReportSince is what changed in the privacy notice since its latest
// release.
type ReportSince struct {
	Released bool      // the notice has a release in this language
	Date     time.Time // the latest release's effective date
	Changed  []string  // headings of the sections whose text changed
	Added    []string
	Removed  []string
}

// Report renders the client report of res in lang. The firm writes to
// its client in the formal register, whatever register the company's own
// documents use with their readers.
func (r *Renderer) Report(res *check.Result, lang string) ([]byte, error) {
	formal := *res.Company
	formal.Register = model.Formal
	c := &formal
	v, err := r.view(c, lang)
	if err != nil {
		return nil, err
	}
	q := v.p.Track()
	d := &ReportData{}
	for _, f := range res.Findings {
		rf := ReportFinding{Text: reportHTML(q, c, f.Msg, true)}
		switch {
		case f.Accepted != nil:
			rf.Reason = f.Accepted.Reason.In(lang)
			d.Accepted = append(d.Accepted, rf)
		case f.Severity == check.Error:
			rf.Fix = reportHTML(q, c, f.Fix, false)
			d.Errors = append(d.Errors, rf)
		case f.Severity == check.Warning:
			rf.Fix = reportHTML(q, c, f.Fix, false)
			d.Warnings = append(d.Warnings, rf)
		}
	}
	for _, k := range res.Campaigns {
		d.Campaigns = append(d.Campaigns, reportCampaign(q, review(q, res, k)))
	}
	if d.Since, err = r.since(res, lang); err != nil {
		return nil, err
	}
	page := r.companyPage("report", c, lang, d)
	page.Regime = string(res.Regime())
	return v.executeWith(q, "report.html", page)
}

// reportCampaign is a campaign's review as the report gives it.
func reportCampaign(p *locale.Printer, rv Review) ReportCampaign {
	rc := ReportCampaign{Name: rv.Name, Details: rv.Details()}
	for _, g := range rv.Groups {
		for _, it := range g.Items {
			// The checklist's own sign-off is no point for the client.
			if it.State != Open || it.Key == "documented_basis" {
				continue
			}
			q := it.question(p)
			if it.Market != "" {
				q = marketName(p, it.Market) + ": " + q
			}
			rc.Open = append(rc.Open, OpenItem{Question: q, Answer: it.Answer})
		}
	}
	return rc
}

// since compares the notice of res in lang with its latest release.
func (r *Renderer) since(res *check.Result, lang string) (*ReportSince, error) {
	if r.released == nil {
		return nil, nil
	}
	date, secs, ok, err := r.released(res.Company, lang)
	if err != nil {
		return nil, err
	}
	if !ok {
		return &ReportSince{}, nil
	}
	page, err := r.Privacy(res, lang)
	if err != nil {
		return nil, err
	}
	now, err := redline.Sections(page)
	if err != nil {
		return nil, err
	}
	cmp := redline.Compare(secs, now)
	s := &ReportSince{Released: true, Date: date, Added: cmp.Added, Removed: cmp.Removed}
	for _, ch := range cmp.Changed() {
		s.Changed = append(s.Changed, ch.Heading)
	}
	return s, nil
}

// sentenceOf starts s with a capital and ends it with a full stop, as a
// finding's message (written to follow a file position) reads on its own.
func sentenceOf(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	s = string(unicode.ToUpper(r)) + s[n:]
	if strings.HasSuffix(s, ".") || strings.HasSuffix(s, "?") || strings.HasSuffix(s, "!") {
		return s
	}
	return s + "."
}

// marketsMark stands in a finding's message for the markets it names,
// which reportHTML sets as code: their codes read the same in every
// language, where their names would need each language's form after "in".
const marketsMark = "\uE000"

// reportHTML prints a finding's message as message does, as HTML: the
// keys of the company file and the market codes it names set as code.
func reportHTML(p *locale.Printer, c *model.Company, m check.Message, asSentence bool) template.HTML {
	args := make(map[string]any, len(m.Args))
	codes := ""
	for k, v := range m.Args {
		if s, ok := v.(string); ok && (k == "Markets" || k == "Market") && s != "" {
			codes, v = s, marketsMark
		}
		args[k] = v
	}
	text := message(p, c, check.Message{ID: m.ID, Args: args})
	if asSentence {
		text = sentenceOf(text)
	}
	out := string(keysAsCode(text))
	return template.HTML(strings.ReplaceAll(out, marketsMark, "<code>"+template.HTMLEscapeString(codes)+"</code>"))
}

// fileKey matches a key of the company file a message names, with its
// value where one follows it to the end of a clause: "consents:",
// "basis: consent"; or a list of values as the file writes it: "[customers]".
var fileKey = regexp.MustCompile(`\b[a-z][a-z0-9_]*:(?: [a-z][a-z0-9_]*(?:[),;.]|$))?|\[[a-z][a-z0-9_]*(?:, [a-z][a-z0-9_]*)*\]`)

// keysAsCode escapes s and sets the keys of the company file it names as
// code, which the client passes on as written, untranslated.
func keysAsCode(s string) template.HTML {
	var b strings.Builder
	last := 0
	for _, m := range fileKey.FindAllStringIndex(s, -1) {
		end := m[1]
		if strings.HasPrefix(s[end:], "//") {
			continue // an address (https://...), not a key
		}
		if r, _ := utf8.DecodeLastRuneInString(s[:m[0]]); unicode.IsLetter(r) {
			continue // the end of a word ("klientów:"), whose \b is ASCII only
		}
		if strings.ContainsAny(s[end-1:end], "),;.") {
			end--
		}
		b.WriteString(template.HTMLEscapeString(s[last:m[0]]))
		b.WriteString("<code>" + template.HTMLEscapeString(s[m[0]:end]) + "</code>")
		last = end
	}
	b.WriteString(template.HTMLEscapeString(s[last:]))
	return template.HTML(b.String())
}
