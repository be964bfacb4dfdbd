package check

import (
	"slices"

	"github.com/basis-privacy/basis/generator/model"
)

// record reports what the record of processing activities (Art. 30 GDPR)
// and the legitimate-interests assessment cannot state because the file
// does not: the categories of data subjects of a purpose, the security
// measures, and the reviewer's answers on necessity and balancing. The
// documents print each as an open item; check says where to add it.
func (ck *checker) record() {
	if !ck.gdpr() {
		return
	}
	c := ck.c
	for i := range c.Purposes {
		p := &c.Purposes[i]
		if len(p.Subjects) == 0 {
			ck.add(ck.pos(p.At, "data_subjects", "data"), RuleRecordSubjects, "Purpose", p.ID)
		}
		if pu := ck.res.Purposes[p.ID]; pu != nil && pu.RestsOnInterests {
			if missing := AssessmentOpen(p.Assessment); len(missing) > 0 {
				ck.add(ck.pos(p.At, "assessment", "basis"), RuleLIAssessment, "Purpose", p.ID, "Missing", joinKeys(missing))
			}
		}
	}
	if len(c.Purposes) > 0 && len(c.Security) == 0 {
		ck.add(ck.pos(c.At, "security", ""), RuleRecordSecurity)
	}
}

// AssessmentOpen lists the keys of the legitimate-interests assessment a
// (nil: none written) that leave the necessity or the balancing test
// unanswered: necessity, alternatives, balancing.
func AssessmentOpen(a *model.Assessment) []string {
	if a == nil {
		return []string{"necessity", "alternatives", "balancing"}
	}
	var out []string
	for _, k := range []struct {
		key string
		t   model.Text
	}{{"necessity", a.Necessity}, {"alternatives", a.Alternatives}, {"balancing", a.Balancing}} {
		if k.t.IsZero() {
			out = append(out, k.key)
		}
	}
	return out
}

// joinKeys writes keys as a file spells them: "necessity:, balancing:".
func joinKeys(keys []string) string {
	out := ""
	for i, k := range keys {
		if i > 0 {
			out += ", "
		}
		out += k + ":"
	}
	return out
}

// subprocessor reports whether a recipient is engaged as a sub-processor
// in the company's processing for its clients.
func subprocessor(c *model.Company, id string) bool {
	return slices.ContainsFunc(c.ForClients, func(cp model.ClientProcessing) bool { return slices.Contains(cp.Subprocessors, id) })
}
