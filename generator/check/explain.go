package check

import (
	_ "embed"
	"fmt"
	"slices"
	"strings"

	"github.com/basis-privacy/basis/generator/internal/suggest"
)

// rulesDoc is RULES.md: for each rule, the provisions it applies and the
// sources they were checked against; for each reference, its source.
//
//go:embed RULES.md
var rulesDoc string

// Explanation is what Basis knows about one rule, for basis explain: its
// summary and references from Rules, and its row of RULES.md.
type Explanation struct {
	Rule
	// Detail is the longer statement of the rule in RULES.md, where its
	// row gives one beside the severity; "" where it gives none.
	Detail string
	// Provision is the provisions the rule applies, as RULES.md states
	// them (several laws, with what each says).
	Provision string
	// Sources is what the provisions were checked against (RULES.md).
	Sources string
	// RefSources gives, per reference id of the rule, the source it was
	// checked against (RULES.md, "References"); a reference without a
	// row of its own there is absent.
	RefSources map[string]string
}

// UnknownRuleError is the error of Explain for a rule Basis does not have.
type UnknownRuleError struct {
	ID    string
	Meant string // the closest rule id, or ""
}

func (e *UnknownRuleError) Error() string {
	msg := fmt.Sprintf("Basis has no rule %q", e.ID)
	if e.Meant != "" {
		msg += fmt.Sprintf("; did you mean %q?", e.Meant)
	}
	return msg + " (basis explain without a rule lists them all)"
}

// Explain returns what Basis knows about the rule id (as basis check prints
// it), or an *UnknownRuleError.
//
//	e, err := check.Explain("transfer.adequacy-dpf")
//	// e.Severity == check.Warning, e.Refs == []string{"gdpr-45"}
func Explain(id string) (Explanation, error) {
	i := slices.IndexFunc(Rules, func(r Rule) bool { return r.ID == id })
	if i < 0 {
		ids := make([]string, len(Rules))
		for j, r := range Rules {
			ids[j] = r.ID
		}
		return Explanation{}, &UnknownRuleError{ID: id, Meant: suggest.Closest(id, ids)}
	}
	e := Explanation{Rule: Rules[i]}
	if cells := findingsRow(id); cells != nil {
		if _, detail, ok := strings.Cut(cells[1], ": "); ok {
			e.Detail = detail
		}
		e.Provision, e.Sources = cells[2], cells[3]
		if ref, _, ok := strings.Cut(strings.TrimPrefix(e.Sources, "as for `"), "`"); ok && strings.HasPrefix(e.Sources, "as for `") {
			if other := findingsRow(ref); other != nil {
				e.Sources += " (" + ref + ": " + other[3] + ")"
			}
		}
	}
	for _, ref := range e.Refs {
		if cells := refRow(ref); len(cells) >= 3 {
			if e.RefSources == nil {
				e.RefSources = map[string]string{}
			}
			e.RefSources[ref] = cells[2]
		}
	}
	return e, nil
}

// findingsRow returns the cells of the rule's row of the Findings table
// of RULES.md, or nil; a provision or source "as above" is the nearest
// one above it that says more.
func findingsRow(id string) []string {
	above := make([]string, 4)
	for _, line := range strings.Split(rulesDoc, "\n") {
		cells := splitRow(line)
		if len(cells) < 4 {
			continue
		}
		for i := 2; i < 4; i++ {
			if cells[i] == "as above" {
				cells[i] = above[i]
			}
			above[i] = cells[i]
		}
		if cells[0] == "`"+id+"`" {
			return cells
		}
	}
	return nil
}

// refRow returns the row of the References table that lists ref among the
// ids of its first cell, else such a row of any table of RULES.md, or nil.
func refRow(ref string) []string {
	_, table, _ := strings.Cut(rulesDoc, "\n## References\n")
	table, _, _ = strings.Cut(table, "\n## ")
	if cells := rowListing(table, ref); cells != nil {
		return cells
	}
	// The references of a document's own section (the record's and the
	// assessment's articles) are listed in a table there.
	return rowListing(rulesDoc, ref)
}

// rowListing returns the cells of the first table row of doc whose first
// cell lists ref.
func rowListing(doc, ref string) []string {
	for _, line := range strings.Split(doc, "\n") {
		cells := splitRow(line)
		if len(cells) == 0 {
			continue
		}
		for _, id := range strings.Split(cells[0], ",") {
			if strings.TrimSpace(id) == "`"+ref+"`" {
				return cells
			}
		}
	}
	return nil
}

// splitRow splits a Markdown table row into its trimmed cells; nil for a
// line that is no row.
func splitRow(line string) []string {
	line = strings.TrimSpace(line)
	if !strings.HasPrefix(line, "|") || !strings.HasSuffix(line, "|") || len(line) < 2 {
		return nil
	}
	parts := strings.Split(line[1:len(line)-1], "|")
	for i := range parts {
		parts[i] = strings.TrimSpace(parts[i])
	}
	return parts
}
