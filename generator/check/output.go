package check

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/basis-privacy/basis/generator/locale"
	"github.com/basis-privacy/basis/generator/model"
)

// renderer looks messages up through a printer of its own (see
// locale.Printer.Track), which remembers those that were missing; a
// missing message is written as its id, never in another language.
type renderer struct {
	p *locale.Printer
}

func newRenderer(p *locale.Printer) *renderer { return &renderer{p: p.Track()} }

func (rd *renderer) t(id string, kv ...any) string {
	if s := rd.p.T(id, kv...); s != "" {
		return s
	}
	return id
}

// n is t in the plural form for count; a message that lacks the form the
// language needs counts as missing.
func (rd *renderer) n(id string, count int) string {
	if s := rd.p.N(id, count); s != "" {
		return s
	}
	return fmt.Sprintf("%s %d", id, count)
}

func (rd *renderer) msg(m Message) string {
	if m.ID == "" { // an input finding: the loader's own text
		text, _ := m.Args["Text"].(string)
		return text
	}
	return rd.t(m.ID, m.kv()...)
}

// RuleInput is the rule of a finding about input that could not be loaded
// (a YAML mistake, an unknown key, a file Basis refuses to read). Its message
// is the loader's, "what is wrong; how to fix it", in English.
const RuleInput = "input"

// InputFinding is the error finding for a problem in loading the input at
// pos, so that tools see it among the other findings.
func InputFinding(pos model.Pos, text string) Finding {
	return Finding{Pos: pos, Severity: Error, Rule: RuleInput, Msg: Message{Args: map[string]any{"Text": text}}}
}

// Campaign returns the id of the campaign a finding is about (its message's
// Campaign), or "" for a finding about the file.
func (f Finding) Campaign() string {
	id, _ := f.Msg.Args["Campaign"].(string)
	return id
}

func (rd *renderer) msgs(ms []Message) []string {
	out := make([]string, len(ms))
	for i, m := range ms {
		out[i] = rd.msg(m)
	}
	return out
}

func (rd *renderer) refs(ids []string) []string {
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = rd.t("ref." + id)
	}
	return out
}

// message is a finding's statement followed by its fix.
func (rd *renderer) message(f Finding) string {
	s := sentence(rd.msg(f.Msg))
	if f.Fix.ID != "" {
		s += " " + rd.msg(f.Fix)
	}
	return s
}

func (rd *renderer) err() error { return rd.p.Err() }

// sentence ends s with a full stop unless it ends with one already (an
// input finding's hint may end with a question: did you mean "x"?).
func sentence(s string) string {
	if strings.HasSuffix(s, ".") || strings.HasSuffix(s, "?") || strings.HasSuffix(s, "!") {
		return s
	}
	return s + "."
}

// WriteText writes the report for people: one finding per line
// ("file:line:column: severity rule: message (references). fix"), each note
// ("file:line:column: note kind: message"), then a
// verdict table for each campaign with the conditions, reasons and
// references of each market, then the number of errors and warnings.
func WriteText(w io.Writer, r *Report, p *locale.Printer) error {
	rd := newRenderer(p)
	var b strings.Builder
	for _, f := range r.Findings {
		s := rd.msg(f.Msg)
		if len(f.Refs) > 0 {
			s += " (" + strings.Join(rd.refs(f.Refs), "; ") + ")"
		}
		s = sentence(s)
		if f.Accepted != nil {
			fmt.Fprintf(&b, "%s: %s %s (%s): %s %s\n", f.Pos, f.Severity, f.Rule, rd.t("check.text.accepted"), s, rd.accepted(f))
			continue
		}
		if f.Fix.ID != "" {
			s += " " + rd.msg(f.Fix)
		}
		fmt.Fprintf(&b, "%s: %s %s: %s\n", f.Pos, f.Severity, f.Rule, s)
	}
	for _, n := range r.Notes {
		fmt.Fprintf(&b, "%s: note %s: %s\n", n.Pos, n.Kind, rd.msg(n.Msg))
	}
	for i := 0; i < len(r.Campaigns); {
		j := i
		for j < len(r.Campaigns) && r.Campaigns[j].Company == r.Campaigns[i].Company && r.Campaigns[j].Campaign == r.Campaigns[i].Campaign {
			j++
		}
		rd.campaign(&b, r.Campaigns[i:j])
		i = j
	}
	b.WriteString("\n")
	switch {
	case len(r.Findings) == 0:
		b.WriteString(rd.t("check.text.no-findings"))
	case r.Accepted() > 0:
		b.WriteString(rd.n("check.text.errors", r.Errors()) + ", " + rd.n("check.text.warnings", r.Warnings()) +
			", " + rd.n("check.text.accepted-count", r.Accepted()))
	default:
		b.WriteString(rd.n("check.text.errors", r.Errors()) + ", " + rd.n("check.text.warnings", r.Warnings()))
	}
	b.WriteString("\n")
	if _, err := io.WriteString(w, b.String()); err != nil {
		return err
	}
	return rd.err()
}

// accepted says where and why a reviewer accepted the warning f.
func (rd *renderer) accepted(f Finding) string {
	a := f.Accepted
	pos := a.At.At("reason")
	if pos.File == "" {
		pos.File = f.Pos.File
	}
	return sentence(rd.t("check.text.accepted-because", "Pos", pos.String(), "Reason", acceptedReason(a, rd.p.Lang())))
}

// campaign writes the verdicts on one campaign.
func (rd *renderer) campaign(b *strings.Builder, os []Outcome) {
	o := os[0]
	fmt.Fprintf(b, "\n%s: %s\n", o.Pos, rd.t("check.text.campaign", "Campaign", o.Campaign, "Company", o.Company))
	var table strings.Builder
	tw := tabwriter.NewWriter(&table, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "  %s\t%s\t%s\t\n", rd.t("check.text.market"), rd.t("check.text.verdict"), rd.t("check.text.basis"))
	for _, o := range os {
		note := ""
		if o.Contested {
			note = rd.t("check.text.contested")
		}
		fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\n", o.Market, rd.t("check.verdict."+string(o.Verdict)), rd.basis(o), note)
	}
	tw.Flush()
	for _, line := range strings.SplitAfter(table.String(), "\n") {
		b.WriteString(strings.TrimRight(line, " \n"))
		if strings.HasSuffix(line, "\n") {
			b.WriteString("\n")
		}
	}
	for _, o := range os {
		fmt.Fprintf(b, "  %s:\n", o.Market)
		rd.list(b, "check.text.reasons", rd.msgs(o.Reasons))
		rd.list(b, "check.text.conditions", rd.msgs(o.Conditions))
		if len(o.Refs) > 0 {
			fmt.Fprintf(b, "    %s: %s\n", rd.t("check.text.refs"), strings.Join(rd.refs(o.Refs), "; "))
		}
	}
}

func (rd *renderer) list(b *strings.Builder, label string, items []string) {
	if len(items) == 0 {
		return
	}
	fmt.Fprintf(b, "    %s:\n", rd.t(label))
	for _, s := range items {
		fmt.Fprintf(b, "      - %s\n", s)
	}
}

func (rd *renderer) basis(o Outcome) string {
	rule := rd.rule(o)
	switch {
	case rule == "" && o.Basis == "":
		return rd.t("check.basis.none")
	case rule == "":
		return rd.t("check.basis." + string(o.Basis))
	case o.Basis != model.LegitimateInterests:
		return rule
	}
	// A market whose data-protection law Basis does not apply: the basis
	// under the controller's regime, beside the market's rule.
	return rd.t("check.basis."+string(o.Basis)) + "; " + rule
}

// rule names the market's rule an allowed verdict rests on beside or
// instead of a basis, or "".
func (rd *renderer) rule(o Outcome) string {
	switch {
	case o.Exception != "":
		return rd.t("check.basis.exception", "Ref", rd.t("ref."+o.Exception))
	case o.Implied():
		return rd.t("check.basis.implied", "Ref", rd.t("ref."+o.ImpliedRef()))
	case o.OptOut():
		return rd.t("check.basis.opt-out", "Ref", rd.t("ref."+o.OptOutRef()))
	}
	return ""
}

// jsonFinding and jsonOutcome are the stable JSON shape of WriteJSON.
type jsonFinding struct {
	File     string   `json:"file"`
	Line     int      `json:"line"`
	Column   int      `json:"column"`
	Severity Severity `json:"severity"`
	Rule     string   `json:"rule"`
	Message  string   `json:"message"`
	Refs     []string `json:"refs"`
	// Accepted is set on a warning a reviewer accepted (accept:).
	Accepted *jsonAccepted `json:"accepted,omitempty"`
}

// jsonAccepted is where and why a warning was accepted.
type jsonAccepted struct {
	File   string `json:"file"`
	Line   int    `json:"line"`
	Column int    `json:"column"`
	Reason string `json:"reason"`
}

type jsonOutcome struct {
	Company  string  `json:"company"`
	Campaign string  `json:"campaign"`
	Market   string  `json:"market"`
	Verdict  Verdict `json:"verdict"`
	Basis    string  `json:"basis"`
	// Regime is the data-protection regime the basis is cited under
	// (gdpr, ukgdpr, pdpl): the market's own, or the controller's in a
	// market whose data-protection law Basis does not apply; "" for none.
	Regime     string   `json:"regime"`
	Exception  string   `json:"exception"`
	OptOut     string   `json:"opt_out"`
	Conditions []string `json:"conditions"`
	Reasons    []string `json:"reasons"`
	Refs       []string `json:"refs"`
	Contested  bool     `json:"contested"`
	// Eligibility is who may receive the campaign in the market.
	Eligibility *EligibilityJSON `json:"eligibility,omitempty"`
}

type jsonReport struct {
	Findings  []jsonFinding `json:"findings"`
	Campaigns []jsonOutcome `json:"campaigns"`
	Notes     []jsonNote    `json:"notes"`
}

// jsonNote is the stable JSON shape of a Note.
type jsonNote struct {
	File    string `json:"file"`
	Line    int    `json:"line"`
	Column  int    `json:"column"`
	Company string `json:"company"`
	Kind    string `json:"kind"`
	Message string `json:"message"`
}

// WriteJSON writes the report for tools, with messages and references
// rendered through p:
//
//	{"findings":[{"file","line","column","severity","rule","message","refs","accepted"?}],
//	 "campaigns":[{"company","campaign","market","verdict","basis","exception",
//	               "opt_out","conditions","reasons","refs","contested","eligibility"}],
//	 "notes":[{"file","line","column","company","kind","message"}]}
//
// accepted, only on a warning a reviewer accepted (accept:), is
// {"file","line","column","reason"}: where and why; such a warning is not
// counted. A note is neither an error nor a warning: kind "reworded" is a message the
// company words itself (content/<slug>/locales/). basis is the legal basis id (consent, contract, legitimate_interests, ...;
// "" when not allowed or when the verdict rests on an exception); exception
// is the reference id of the existing-customer exception the verdict rests
// on (eprivacy-13-2, uwg-7-3, pecr-22-3), or ""; opt_out is the reference id
// of the rule that allows the message without consent until the recipient
// refuses, where Basis applies no data-protection law of the market
// (us-can-spam, ch-uwg-3-1-u), or "". eligibility is who may receive the
// campaign in the market (EligibilityJSON, the shape
// docs/eligibility.schema.json describes). Lists are never null.
func WriteJSON(w io.Writer, r *Report, p *locale.Printer) error {
	rd := newRenderer(p)
	out := jsonReport{Findings: []jsonFinding{}, Campaigns: []jsonOutcome{}, Notes: []jsonNote{}}
	for _, n := range r.Notes {
		out.Notes = append(out.Notes, jsonNote{File: n.Pos.File, Line: n.Pos.Line, Column: n.Pos.Column,
			Company: n.Company, Kind: n.Kind, Message: rd.msg(n.Msg)})
	}
	for _, f := range r.Findings {
		jf := jsonFinding{
			File: f.Pos.File, Line: f.Pos.Line, Column: f.Pos.Column,
			Severity: f.Severity, Rule: f.Rule, Message: rd.message(f), Refs: rd.refs(f.Refs),
		}
		if a := f.Accepted; a != nil {
			pos := a.At.At("reason")
			if pos.File == "" {
				pos.File = f.Pos.File
			}
			jf.Accepted = &jsonAccepted{File: pos.File, Line: pos.Line, Column: pos.Column, Reason: acceptedReason(a, rd.p.Lang())}
		}
		out.Findings = append(out.Findings, jf)
	}
	for _, o := range r.Campaigns {
		jo := jsonOutcome{
			Company: o.Company, Campaign: o.Campaign, Market: string(o.Market), Verdict: o.Verdict,
			Basis: string(o.Basis), Regime: string(o.Regime), Exception: o.Exception, OptOut: o.OptOutRef(), Conditions: rd.msgs(o.Conditions), Reasons: rd.msgs(o.Reasons),
			Refs: rd.refs(o.Refs), Contested: o.Contested,
		}
		if o.Eligibility != nil {
			e := rd.eligibility(o.Eligibility)
			jo.Eligibility = &e
		}
		out.Campaigns = append(out.Campaigns, jo)
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(out); err != nil {
		return err
	}
	return rd.err()
}
