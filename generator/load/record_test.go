package load

import (
	"errors"
	"strings"
	"testing"
)

// recordKeys adds to valid what a record of processing activities and a
// legitimate-interests assessment need: categories of data subjects, an
// erasure limit, an assessment, a joint controller, security measures and
// a processing for clients.
const recordKeys = `subject_categories:
  - id: members
    name: {de: Mitglieder, en: members}
security:
  - {de: "Verschlüsselte Sicherungen", en: "Encrypted backups"}
  - "2FA"
joint_controllers:
  - name: Partner GmbH
    email: privacy@partner.example
    purposes: [orders]
    arrangement: {de: "Anfragen gehen an uns", en: "Requests go to us"}
processing_for_clients:
  - id: payroll
    name: {de: Lohnabrechnung, en: Payroll}
    nature: {de: Abrechnung, en: Calculation}
    duration: {de: Vertragslaufzeit, en: Term of the contract}
    data: [name, bank_account]
    data_subjects: [employees, members]
    subprocessors: [courier]
    clients:
      - {name: Kunde AG, email: privacy@kunde.example}
`

// purposeKeys are the purpose keys of the record and the assessment,
// indented under the purpose orders of valid.
const purposeKeys = `    data_subjects: [customers, members]
    erasure:
      - data: [email]
        period: {de: "3 Jahre", en: "3 years"}
    assessment:
      necessity: {de: "Nötig", en: "Needed"}
      safeguards: [{de: "Widerspruch", en: "Objection"}]
`

func withPurposeKeys(src, keys string) string {
	return strings.Replace(src, "    recipients: [courier]\n", "    recipients: [courier]\n"+keys, 1)
}

func TestParseRecordKeys(t *testing.T) {
	c, err := Parse("company.yaml", []byte(withPurposeKeys(valid, purposeKeys)+recordKeys))
	if err != nil {
		t.Fatal(err)
	}
	p := c.Purposes[0]
	if strings.Join(p.Subjects, ",") != "customers,members" || len(p.Erasure) != 1 || p.Erasure[0].Data[0] != "email" ||
		p.Erasure[0].Period.In("en") != "3 years" {
		t.Errorf("purpose: %+v", p)
	}
	if a := p.Assessment; a == nil || a.Necessity.In("de") != "Nötig" || !a.Balancing.IsZero() || len(a.Safeguards) != 1 {
		t.Errorf("assessment: %+v", p.Assessment)
	}
	if len(c.Security) != 2 || c.Security[1].In("en") != "2FA" {
		t.Errorf("security: %+v", c.Security)
	}
	if len(c.JointControllers) != 1 || c.JointFor("orders")[0].Name != "Partner GmbH" || len(c.JointFor("other")) != 0 {
		t.Errorf("joint controllers: %+v", c.JointControllers)
	}
	cp := c.ForClients
	if len(cp) != 1 || cp[0].Subprocessors[0] != "courier" || cp[0].Clients[0].Email != "privacy@kunde.example" ||
		c.SubjectCategoryByID("members").Name.In("de") != "Mitglieder" {
		t.Errorf("processing for clients: %+v", cp)
	}
}

// TestParseRecordMistakes: each mistake in the new keys is reported where
// it is, saying how to fix it.
func TestParseRecordMistakes(t *testing.T) {
	for _, tc := range []struct {
		name, src, want string
	}{
		{"unknown subject", withPurposeKeys(valid, "    data_subjects: [custmers]\n"),
			`company.yaml:19:21: data_subjects "custmers" names no category of data subjects of this company; did you mean "customers"?`},
		{"erasure of data not listed", withPurposeKeys(valid, "    erasure:\n      - data: [phone]\n        period: {de: x, en: x}\n"),
			`company.yaml:20:15: erasure names "phone", which purpose "orders" does not list under data; add it to the purpose's data:, or remove it from erasure:`},
		{"erasure twice", withPurposeKeys(valid, "    erasure:\n      - data: [email]\n        period: {de: x, en: x}\n      - data: [email]\n        period: {de: y, en: y}\n"),
			`erasure gives "email" two time limits in purpose "orders"`},
		{"sub-processor is a controller", strings.Replace(valid+recordKeys, "role: processor", "role: controller", 1),
			`sub-processor "courier" of processing "payroll" is a controller, not a processor`},
		{"built-in subject category", strings.Replace(valid+recordKeys, "id: members", "id: customers", 1),
			`category of data subjects "customers" is built in`},
		{"joint controller without arrangement", strings.Replace(valid+recordKeys, `    arrangement: {de: "Anfragen gehen an uns", en: "Requests go to us"}`+"\n", "", 1),
			"arrangement"},
		{"processing without data subjects", strings.Replace(valid+recordKeys, "    data_subjects: [employees, members]\n", "", 1),
			"data_subjects"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse("company.yaml", []byte(tc.src))
			var errs Errors
			if !errors.As(err, &errs) || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error = %v, want %q", err, tc.want)
			}
		})
	}
}
