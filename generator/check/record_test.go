package check

import (
	"slices"
	"testing"

	"github.com/basis-privacy/basis/generator/law"
	"github.com/basis-privacy/basis/generator/model"
)

// recordCompany is formCompany with the data subjects of every purpose and
// the security measures: the record's items are all there.
func recordCompany() *model.Company {
	c := formCompany()
	for i := range c.Purposes {
		c.Purposes[i].Subjects = []string{"customers"}
	}
	c.Security = []model.Text{model.Plain("encrypted backups")}
	return c
}

// TestRecordAndAssessmentRules: a purpose without data subjects and a file
// without security measures warn (record.*), at the key to add; a purpose
// on legitimate interests whose assessment leaves the necessity or the
// balancing open warns, naming what is open, but not a purpose whose
// marketing the existing-customer exception carries; Vietnamese law, which
// knows neither the record nor legitimate interests as Basis verified
// them, gets none of these warnings.
func TestRecordAndAssessmentRules(t *testing.T) {
	full := &model.Assessment{Necessity: model.Plain("n"), Alternatives: model.Plain("a"), Balancing: model.Plain("b")}
	for _, tc := range []struct {
		name  string
		edit  func(c *model.Company)
		rules map[string][]string // rule: the purposes (or "" for the file) it names
	}{
		{"complete", func(c *model.Company) {
			c.Purposes[1].Assessment, c.Purposes[2].Assessment = full, full
		}, nil},
		{"no assessment", nil, map[string][]string{RuleLIAssessment: {"enquiries", "contacts"}}},
		{"balancing open", func(c *model.Company) {
			c.Purposes[1].Assessment, c.Purposes[2].Assessment = &model.Assessment{Necessity: model.Plain("n"), Alternatives: model.Plain("a")}, full
		}, map[string][]string{RuleLIAssessment: {"enquiries"}}},
		{"subjects and security missing", func(c *model.Company) {
			c.Purposes[0].Subjects, c.Security = nil, nil
			c.Purposes[1].Assessment, c.Purposes[2].Assessment = full, full
		}, map[string][]string{RuleRecordSubjects: {"orders"}, RuleRecordSecurity: {""}}},
		{"vietnam", func(c *model.Company) {
			c.Country, c.Markets = "VN", []law.Market{law.VN}
			c.Purposes[0].Subjects, c.Security = nil, nil
		}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := recordCompany()
			if tc.edit != nil {
				tc.edit(c)
			}
			r := Company(c)
			for _, rule := range []string{RuleLIAssessment, RuleRecordSubjects, RuleRecordSecurity} {
				var got []string
				for _, f := range findings(r, rule) {
					p, _ := f.Msg.Args["Purpose"].(string)
					got = append(got, p)
					if f.Severity != Warning || f.Pos.File != "x.yaml" {
						t.Errorf("%s: %+v", rule, f)
					}
				}
				if !slices.Equal(got, tc.rules[rule]) {
					t.Errorf("%s names %q, want %q", rule, got, tc.rules[rule])
				}
			}
		})
	}
	r := Company(recordCompany())
	if f := findings(r, RuleLIAssessment); len(f) == 0 || f[0].Msg.Args["Missing"] != "necessity:, alternatives:, balancing:" {
		t.Errorf("the warning does not say what is open: %+v", f)
	}
}

// TestSubprocessorIsNamed: a recipient the company engages only as a
// sub-processor for its clients is named by the file (no
// recipient.no-purpose warning).
func TestSubprocessorIsNamed(t *testing.T) {
	c := recordCompany()
	c.Recipients = []model.Recipient{{ID: "host", Role: "processor", Country: "DE", Contract: true}}
	if len(findings(Company(c), RuleRecipientNoPurpose)) != 1 {
		t.Fatal("a recipient no purpose names does not warn")
	}
	c.ForClients = []model.ClientProcessing{{ID: "payroll", Subprocessors: []string{"host"}}}
	if f := findings(Company(c), RuleRecipientNoPurpose); len(f) != 0 {
		t.Errorf("a sub-processor warns: %+v", f)
	}
}
