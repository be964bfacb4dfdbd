package load

import (
	"errors"
	"strings"
	"testing"
)

// TestSectionAfter checks where an extra section is placed: after the
// standard section after: names, by default after "automated", and an
// unknown id is an error at its position listing the valid ids.
func TestSectionAfter(t *testing.T) {
	section := "sections:\n  - title: {de: Cookies, en: Cookies}\n    body: {de: Text, en: Text}\n"
	c, err := Parse("company.yaml", []byte(valid+section+"    after: rights\n  - title: Extra\n    body: Text\n"))
	if err != nil {
		t.Fatal(err)
	}
	if c.Sections[0].After != "rights" || c.Sections[1].After != "automated" {
		t.Errorf("after = %q, %q; want rights, automated", c.Sections[0].After, c.Sections[1].After)
	}
	_, err = Parse("company.yaml", []byte(valid+section+"    after: purpose\n"))
	var es Errors
	if !errors.As(err, &es) {
		t.Fatalf("want Errors, got %v", err)
	}
	want := `company.yaml:40:12: section after: "purpose" is not known; did you mean "purposes"? (one of: controller, purposes, marketing, recipients, transfers, retention, rights, objection, consent, complaint, requirement, automated, changes)`
	if !strings.Contains(es.Error(), want) {
		t.Errorf("errors:\n%s\nwant %s", es, want)
	}
}
