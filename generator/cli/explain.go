package cli

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/basis-privacy/basis/generator/check"
	"github.com/basis-privacy/basis/generator/locale"
)

const explainUsage = "basis explain [--format text|json] [RULE]"

// runExplain prints what Basis knows about a rule: its text, the
// provisions it applies and the sources they were checked against
// (generator/check/RULES.md); without a rule, every rule in one line.
func runExplain(args []string, stdout, stderr io.Writer) int {
	fset := newFlags("explain", stderr)
	format := fset.String("format", "text", "output format: text or json")
	rest, code, ok := parseFlags(fset, "explain", args, stdout, stderr)
	if !ok {
		return code
	}
	if *format != "text" && *format != "json" {
		fmt.Fprintf(stderr, "basis explain: --format must be text or json, not %q\n", *format)
		return ExitInput
	}
	if len(rest) > 1 {
		fmt.Fprintf(stderr, "basis explain: one rule at a time, not %d\nusage: %s\n", len(rest), explainUsage)
		return ExitInput
	}
	if len(rest) == 0 {
		return listRules(stdout, *format == "json")
	}
	e, err := check.Explain(rest[0])
	var unknown *check.UnknownRuleError
	if errors.As(err, &unknown) {
		fmt.Fprintln(stderr, "basis explain:", err)
		return ExitInput
	}
	_, locs := sources()
	cat, err := locale.Load(locs...)
	if err != nil {
		return exitFor(err, stderr, false)
	}
	p := cat.For("en")
	if *format == "json" {
		return writeJSON(stdout, stderr, ruleJSONOf(e, p))
	}
	writeExplanation(stdout, e, p)
	return ExitOK
}

// ruleJSON is a rule as basis explain --format json writes it.
type ruleJSON struct {
	ID         string            `json:"id"`
	Severity   string            `json:"severity"`
	Summary    string            `json:"summary"`
	Refs       []string          `json:"refs"`
	Detail     string            `json:"detail,omitempty"`
	Provision  string            `json:"provision,omitempty"`
	Sources    string            `json:"sources,omitempty"`
	Citations  map[string]string `json:"citations,omitempty"`   // per reference id, its citation in English
	RefSources map[string]string `json:"ref_sources,omitempty"` // per reference id, the source it was checked against
}

func ruleJSONOf(e check.Explanation, p *locale.Printer) ruleJSON {
	refs := e.Refs
	if refs == nil {
		refs = []string{}
	}
	j := ruleJSON{ID: e.ID, Severity: string(e.Severity), Summary: e.Summary, Refs: refs, Detail: e.Detail,
		Provision: e.Provision, Sources: e.Sources, RefSources: e.RefSources}
	if p != nil {
		j.Citations = citations(p, e.Refs)
	}
	return j
}

// citations returns the English citation of each reference id.
func citations(p *locale.Printer, refs []string) map[string]string {
	if len(refs) == 0 {
		return nil
	}
	out := map[string]string{}
	for _, ref := range refs {
		out[ref] = p.T("ref." + ref)
	}
	return out
}

// writeExplanation writes a rule as text.
func writeExplanation(w io.Writer, e check.Explanation, p *locale.Printer) {
	fmt.Fprintf(w, "%s (%s)\n\n%s\n", e.ID, e.Severity, e.Summary)
	if e.Detail != "" {
		fmt.Fprintf(w, "\nIn detail: %s\n", e.Detail)
	}
	fmt.Fprintf(w, "\nProvisions: %s\nSources checked: %s\n", e.Provision, e.Sources)
	if len(e.Refs) > 0 {
		fmt.Fprintln(w, "\nCited as:")
		for _, ref := range e.Refs {
			fmt.Fprintf(w, "  - %s [%s]", p.T("ref."+ref), ref)
			if src := e.RefSources[ref]; src != "" {
				fmt.Fprintf(w, ", checked against: %s", src)
			}
			fmt.Fprintln(w)
		}
	}
	fmt.Fprintln(w, "\nBasis produces documents, not legal advice; the provisions and sources are those of generator/check/RULES.md.")
}

// listRules writes every rule: its id, severity and summary.
func listRules(w io.Writer, asJSON bool) int {
	if asJSON {
		out := make([]ruleJSON, len(check.Rules))
		for i, r := range check.Rules {
			out[i] = ruleJSONOf(check.Explanation{Rule: r}, nil)
		}
		return writeJSON(w, io.Discard, out)
	}
	for _, r := range check.Rules {
		fmt.Fprintf(w, "%-38s %-7s %s\n", r.ID, r.Severity, r.Summary)
	}
	fmt.Fprintln(w, "\nbasis explain RULE prints a rule's provisions and sources.")
	return ExitOK
}

// writeJSON writes v as indented JSON.
func writeJSON(w, stderr io.Writer, v any) int {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		fmt.Fprintln(stderr, "basis:", strings.TrimSpace(err.Error()))
		return ExitError
	}
	return ExitOK
}
