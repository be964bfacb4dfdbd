package check

import (
	"slices"
	"strings"

	"github.com/basis-privacy/basis/generator/internal/suggest"
	"github.com/basis-privacy/basis/generator/model"
)

// unacceptable are the warnings no acceptance clears: each says what to
// write or do instead, and never fails to apply.
var unacceptable = map[string]string{
	RuleRenamed:         "renamed",
	RuleReleaseDrift:    "release",
	RuleAcceptUnmatched: "accept",
}

// subjectKeys are the template data that name what a finding is about, in
// the order the first present one is taken (see Finding.Subject).
var subjectKeys = []string{"Campaign", "What", "Field", "Purpose", "Recipient", "Form", "Message"}

// subjectOf returns the id of what a finding with the template data kv is
// about: its campaign, purpose, recipient, form field (<form>.<field>) or
// message; "" for a finding about the company as a whole.
func subjectOf(kv []string) string {
	args := map[string]string{}
	for i := 0; i+1 < len(kv); i += 2 {
		args[kv[i]] = kv[i+1]
	}
	for _, k := range subjectKeys {
		v := args[k]
		switch {
		case v == "":
		case k == "Field" && args["Form"] != "":
			return args["Form"] + "." + v
		default:
			return v
		}
	}
	return ""
}

// accept marks the warnings the file accepts (accept:), each with its
// acceptance. An acceptance that names no rule, an error or a warning
// that cannot be accepted is an error; one that matches no warning is a
// warning, naming where the rule does warn.
func (ck *checker) accept() {
	for i := range ck.c.Accept {
		a := &ck.c.Accept[i]
		pos := ck.pos(a.At, "rule")
		rl, known := findRule(a.Rule)
		switch {
		case !known:
			ck.add(pos, RuleAcceptInvalid, "Rule", a.Rule, "At", a.Subject, "Why", "unknown", "Meant", suggest.Closest(a.Rule, ruleIDs()))
			continue
		case unacceptable[a.Rule] != "":
			ck.add(pos, RuleAcceptInvalid, "Rule", a.Rule, "At", a.Subject, "Why", unacceptable[a.Rule])
			continue
		case rl.Severity == Error && !slices.Contains(sometimesWarning, rl.ID):
			ck.add(pos, RuleAcceptInvalid, "Rule", a.Rule, "At", a.Subject, "Why", "error")
			continue
		}
		matched, errs := 0, 0
		var subjects []string
		for j := range ck.r.Findings {
			f := &ck.r.Findings[j]
			if f.Rule != a.Rule {
				continue
			}
			if f.Subject != a.Subject {
				subjects = appendNew(subjects, f.Subject)
				continue
			}
			if f.Severity == Error {
				errs++
				continue
			}
			matched++
			f.Accepted = a
		}
		switch {
		case errs > 0 && matched == 0:
			ck.add(pos, RuleAcceptInvalid, "Rule", a.Rule, "At", a.Subject, "Why", "error")
		case matched == 0:
			ck.add(ck.pos(a.At, "at", "rule"), RuleAcceptUnmatched, "Rule", a.Rule, "At", a.Subject,
				"Subjects", quoted(subjects), "Meant", suggest.Closest(a.Subject, subjects))
		}
	}
}

// sometimesWarning are the rules of severity error whose finding is a
// warning in some cases (see their Summary): only those can be accepted.
var sometimesWarning = []string{RuleConsentNotRecorded, RuleMarketingNoException}

// quoted joins ids as "a", "b".
func quoted(ids []string) string {
	out := make([]string, 0, len(ids))
	for _, id := range ids {
		if id != "" {
			out = append(out, `"`+id+`"`)
		}
	}
	return strings.Join(out, ", ")
}

// findRule returns the rule with id.
func findRule(id string) (Rule, bool) {
	for _, r := range Rules {
		if r.ID == id {
			return r, true
		}
	}
	return Rule{}, false
}

// ruleIDs lists the ids of every rule.
func ruleIDs() []string {
	out := make([]string, len(Rules))
	for i, r := range Rules {
		out[i] = r.ID
	}
	return out
}

// Accepted counts the warnings a reviewer accepted (accept:); Errors and
// Warnings do not count them.
func (r *Report) Accepted() int {
	n := 0
	for _, f := range r.Findings {
		if f.Accepted != nil {
			n++
		}
	}
	return n
}

// acceptedReason is the reason of an accepted finding in lang, or in the
// first language the file gives it in.
func acceptedReason(a *model.Acceptance, lang string) string {
	if s := a.Reason.In(lang); s != "" {
		return s
	}
	for _, l := range model.Languages {
		if s := a.Reason.In(l); s != "" {
			return s
		}
	}
	return ""
}
