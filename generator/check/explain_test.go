package check

import (
	"errors"
	"strings"
	"testing"
)

// TestExplainEveryRule: every rule has its provision and sources from
// RULES.md, and each of its references the source it was checked against,
// but those of the national table, whose rows are countries (a rule's own
// sources name them).
func TestExplainEveryRule(t *testing.T) {
	for _, r := range Rules {
		e, err := Explain(r.ID)
		if err != nil {
			t.Fatalf("%s: %v", r.ID, err)
		}
		if e.Provision == "" || e.Sources == "" || e.Sources == "as above" || e.Provision == "as above" {
			t.Errorf("%s: no provision or sources from RULES.md: %+v", r.ID, e)
		}
		for _, ref := range r.Refs {
			_, national, _ := strings.Cut(rulesDoc, "## Law per country")
			national, _, _ = strings.Cut(national, "\n## ")
			if e.RefSources[ref] == "" && !strings.Contains(national, "`"+ref+"`") {
				t.Errorf("%s: no source for its reference %s", r.ID, ref)
			}
		}
	}
}

// TestExplain: a rule's row is read cell by cell; an unknown rule is a
// typed error with the likely rule meant.
func TestExplain(t *testing.T) {
	e, err := Explain(RuleTransferDPF)
	if err != nil {
		t.Fatal(err)
	}
	if e.Severity != Warning || !strings.Contains(e.Provision, "Data Privacy Framework") || !strings.Contains(e.RefSources["gdpr-45"], "GDPR") {
		t.Errorf("Explain(%s) = %+v", RuleTransferDPF, e)
	}
	e, _ = Explain(RuleConsentPreTicked)
	if !strings.HasPrefix(e.Detail, "a consent checkbox with `checked: true`") || !strings.Contains(e.Provision, "C-673/17") {
		t.Errorf("Explain(%s) = %+v", RuleConsentPreTicked, e)
	}
	e, _ = Explain(RuleSoftOptInUnsubscribe) // "as above"
	if !strings.Contains(e.Sources, "C-654/23") {
		t.Errorf("Explain(%s).Sources = %q, want the row above's", RuleSoftOptInUnsubscribe, e.Sources)
	}
	e, _ = Explain(RuleFormLegacy) // "as for `soft-opt-in.objection-at-collection`"
	if !strings.Contains(e.Sources, "soft-opt-in.objection-at-collection: UWG and PECR texts") {
		t.Errorf("Explain(%s).Sources = %q, want the named row's", RuleFormLegacy, e.Sources)
	}
	_, err = Explain("transfer.adequacy-dfp")
	var u *UnknownRuleError
	if !errors.As(err, &u) || u.Meant != RuleTransferDPF {
		t.Errorf("Explain of a typo = %v, want the rule meant", err)
	}
}
