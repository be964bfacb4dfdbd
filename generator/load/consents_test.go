package load

import (
	"errors"
	"strings"
	"testing"
	"time"
)

// TestConsents: a campaign's consents: say where its recorded consents
// come from (a consent box, or a described collection) and since when;
// the old consent_records: true still loads, as recorded consent, with a
// warning naming consents:; each mistake is refused at its position.
func TestConsents(t *testing.T) {
	const tail = "    data: [name, email]\n"
	if !strings.HasSuffix(valid, tail) {
		t.Fatal("the test company's campaign changed; update this test")
	}
	for _, tc := range []struct {
		name, add string
		err       string // part of the error; "" loads
		line      int    // the error's line
		renamed   bool
	}{
		{"a consent box", "    consents:\n      - {consent_id: checkout.news, since: 2025-03-01}\n", "", 0, false},
		{"a described source, ended", "    consents:\n      - {source: paper cards, since: 2023-01-01, until: 2025-02-28}\n", "", 0, false},
		{"the old key", "    consent_records: true\n", "", 0, true},
		{"neither box nor source", "    consents:\n      - {since: 2025-03-01}\n", "names neither a consent box nor a source", 38, false},
		{"no since", "    consents:\n      - {consent_id: checkout.news}\n", `has no "since"`, 38, false},
		{"until before since", "    consents:\n      - {source: x, since: 2025-03-01, until: 2024-01-01}\n", "until: 2024-01-01 is before since: 2025-03-01", 38, false},
		{"both keys", "    consent_records: true\n    consents:\n      - {source: x, since: 2025-03-01}\n", "both consents: and the old consent_records:", 37, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, err := Parse("company.yaml", []byte(valid+tc.add))
			if tc.err != "" {
				var errs Errors
				if !errors.As(err, &errs) || len(errs) != 1 || !strings.Contains(errs[0].Msg, tc.err) || errs[0].Pos.Line != tc.line {
					t.Fatalf("err %v, want %q at line %d", err, tc.err, tc.line)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			cp := c.Campaigns[0]
			if !cp.ConsentRecords {
				t.Error("consent not recorded")
			}
			if got := len(c.Renamed) == 1 && c.Renamed[0].Old == "consent_records" && strings.HasPrefix(c.Renamed[0].New, "consents:"); got != tc.renamed {
				t.Errorf("renamed %+v", c.Renamed)
			}
			if !tc.renamed && (len(cp.Consents) != 1 || cp.Consents[0].Since.IsZero() || cp.Consents[0].At.At("since").Line != 38) {
				t.Errorf("consents %+v", cp.Consents)
			}
		})
	}
	c, err := Parse("company.yaml", []byte(valid+"    consents:\n      - {consent_id: checkout.news, since: 2025-03-01}\n"))
	if err != nil {
		t.Fatal(err)
	}
	if s := c.Campaigns[0].Consents[0]; s.ConsentID != "checkout.news" || !s.Since.Equal(time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("%+v", s)
	}
}

// TestAcceptances: accept: entries load with their rule, what they are
// about (at:) and the reason; the reason is required.
func TestAcceptances(t *testing.T) {
	c, err := Parse("company.yaml", []byte(valid+"accept:\n  - {rule: transfer.adequacy-dpf, at: crm, reason: DPF certified}\n"))
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Accept) != 1 || c.Accept[0].Rule != "transfer.adequacy-dpf" || c.Accept[0].Subject != "crm" || c.Accept[0].Reason.In("en") != "DPF certified" || c.Accept[0].At.At("rule").Line != 38 {
		t.Errorf("%+v", c.Accept)
	}
	_, err = Parse("company.yaml", []byte(valid+"accept:\n  - {rule: transfer.adequacy-dpf, at: crm}\n"))
	var errs Errors
	if !errors.As(err, &errs) || len(errs) != 1 || !strings.Contains(errs[0].Msg, `has no "reason"`) {
		t.Errorf("without a reason: %v", err)
	}
}
