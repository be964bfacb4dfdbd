package check

import (
	"strings"
	"testing"

	"github.com/basis-privacy/basis/generator/load"
)

// TestFindingsPointAtWrittenKeys: a finding about a key that is written
// points at that key, not at a neighbour that explains it.
func TestFindingsPointAtWrittenKeys(t *testing.T) {
	const src = `controller:
  name: Test GmbH
  address: Teststraße 1, 10115 Berlin
  email: privacy@test.example
country: DE
markets: [DE]
languages: [en]
effective: 2026-11-01
businesses:
  - id: shop
    name: Shop
purposes:
  - id: orders
    name: Orders
    basis: contract
    data: [name, email]
    retention: 10 years
    recipients: [courier]
    requirement: voluntary
recipients:
  - id: courier
    name: Paket GmbH
    role: processor
    country: DE
    contract: false
campaigns:
  - id: news
    purpose: orders
    kind: new_products
    channel: email
    audience: {business: shop, who: prospects}
    data: [email]
    consent_records: false
`
	line := func(text string) int {
		i := strings.Index(src, text)
		if i < 0 {
			t.Fatalf("%q is not in the file", text)
		}
		return strings.Count(src[:i], "\n") + 1
	}
	c, err := load.Parse("company.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	r := Company(c)
	for rule, key := range map[string]string{
		RuleProcessorContract:  "contract: false",
		RuleNoticeRequirement:  "requirement: voluntary",
		RuleConsentNotRecorded: "consent_records: false",
	} {
		fs := findings(r, rule)
		if len(fs) == 0 {
			t.Errorf("no %s finding", rule)
			continue
		}
		if got, want := fs[0].Pos.Line, line(key); got != want {
			t.Errorf("%s at line %d, want %d (%s)", rule, got, want, key)
		}
	}
}
