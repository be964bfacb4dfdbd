package law

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/basis-privacy/basis/generator/internal/golden"
)

// TestRulesTable: RULES.md carries the law table as this package writes it,
// so that changing a market's rule here changes the documentation too.
// Regenerate with: go test ./generator/law -run TestRulesTable -update
func TestRulesTable(t *testing.T) {
	path := filepath.Join("..", "check", "RULES.md")
	doc, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	const begin, end = "<!-- law:begin -->\n", "<!-- law:end -->"
	i, j := strings.Index(string(doc), begin), strings.Index(string(doc), end)
	if i < 0 || j < i {
		t.Fatalf("%s lacks the markers %q and %q", path, begin, end)
	}
	got := string(doc[i+len(begin) : j])
	if got != Markdown() {
		if golden.Updating() {
			out := string(doc[:i+len(begin)]) + Markdown() + string(doc[j:])
			if err := os.WriteFile(path, []byte(out), 0o644); err != nil {
				t.Fatal(err)
			}
			return
		}
		t.Errorf("RULES.md's law table differs from law.Markdown(); run go test ./generator/law -run TestRulesTable -update\n--- RULES.md\n%s\n--- law\n%s", got, Markdown())
	}
}

// TestMarkets: every market has rules, UK is one market whatever the
// spelling, and the table is consistent.
func TestMarkets(t *testing.T) {
	for _, m := range Markets {
		r := For(m)
		if r.Market != m || len(r.Consent) == 0 {
			t.Errorf("%s: incomplete rules", m)
		}
		if (r.Exception == nil) == (r.NoException == "") {
			t.Errorf("%s: a market without an exception must say why, and only then", m)
		}
		if r.Exception != nil && !r.LegitimateInterests && r.Regime != "" {
			t.Errorf("%s: an exception without a data-protection basis for the rest", m)
		}
	}
	for _, code := range []string{"UK", "GB"} {
		if m, ok := ParseMarket(code); !ok || m != UK {
			t.Errorf("ParseMarket(%q) = %q, %v", code, m, ok)
		}
		if RegimeOf(code) != UKGDPR || Country(code) != "GB" {
			t.Errorf("%s is not the United Kingdom", code)
		}
	}
	if HasException(PL) || HasException(VN) || !HasException(DE) {
		t.Error("exceptions: PL and VN have none (art. 398 ust. 1 PKE; Art. 9 Law 91/2025/QH15), DE has § 7(3) UWG")
	}
}

// TestAbroad: transfers are judged from the controller's regime.
func TestAbroad(t *testing.T) {
	for _, tc := range []struct {
		controller, recipient string
		want                  bool
	}{
		{"GB", "GB", false}, {"UK", "GB", false}, {"GB", "UK", false}, // UK GDPR: outside the UK
		{"GB", "DE", true}, {"DE", "GB", true}, {"DE", "UK", true}, // GDPR: outside the EEA
		{"DE", "PL", false}, {"DE", "US", true}, {"VN", "VN", false}, {"VN", "DE", true},
		{"PL", "", false},
	} {
		if got := Abroad(tc.controller, tc.recipient); got != tc.want {
			t.Errorf("Abroad(%s, %s) = %v, want %v", tc.controller, tc.recipient, got, tc.want)
		}
	}
	if !Adequate("GB", "DE") || !Adequate("DE", "UK") || Adequate("DE", "US") || Adequate("VN", "DE") {
		t.Error("adequacy: the EEA under UK GDPR, the UK under GDPR; not the US without DPF; none under Law 91/2025")
	}
}
