package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestSeedCasesThroughCLI runs `basis check` on the seed articles' own cases
// (the company files under generator/check/testdata) and checks the exit
// status and the findings a user reads, with their positions.
func TestSeedCasesThroughCLI(t *testing.T) {
	tests := []struct {
		seed  string
		code  int
		lines []string // each must start a line of stdout, after the file name
	}{
		{"bakery", ExitError, []string{
			`:84:15: error soft-opt-in.other-business: campaign "butcher-opening" promotes "butcher" to customers of "bakery"; the existing-customer exception covers only the sender's own similar products (§ 7(3) Nr. 2 UWG). Obtain consent or drop the campaign.`,
			`:70:9: warning consent.not-recorded: campaign "christmas-stollen" needs the recipients' prior consent in PL`,
		}},
		{"de-new-products", ExitError, []string{
			`:58:9: error consent.not-recorded: campaign "new-seeds" needs the recipients' prior consent in DE`,
			`:42:15: error minimisation.required-field: field "date_of_birth" is required`,
			`:43:9: warning minimisation.optional-no-purpose: optional field "gender" has no purpose`,
		}},
		{"pl-follow-up", ExitError, []string{
			`:50:14: error campaign.purpose-not-marketing: campaign "satisfaction" advertises, but its purpose "feedback" neither rests on consent nor describes marketing`,
		}},
		{"vn-shop", ExitError, []string{
			`:24:12: error vn.legitimate-interests: purpose "promotions" rests on legitimate interests, a legal basis that Vietnamese law does not provide`,
			`:54:21: error vn.purchased-data: campaign "bought-list" uses a purchased list; buying and selling personal data is prohibited in Vietnam`,
		}},
	}
	for _, tt := range tests {
		t.Run(tt.seed, func(t *testing.T) {
			dir := t.TempDir()
			src, err := os.ReadFile(filepath.Join("..", "check", "testdata", tt.seed, "company.yaml"))
			if err != nil {
				t.Fatal(err)
			}
			file := filepath.Join(dir, tt.seed, "company.yaml")
			if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(file, src, 0o644); err != nil {
				t.Fatal(err)
			}
			code, out, errs := run(t, "check", "--content", dir)
			if code != tt.code {
				t.Errorf("exit %d, want %d\n%s%s", code, tt.code, out, errs)
			}
			for _, want := range tt.lines {
				if !strings.Contains(out, "\n"+file+want) && !strings.HasPrefix(out, file+want) {
					t.Errorf("output lacks the line\n%s%s\n--- got:\n%s", file, want, out)
				}
			}
		})
	}
	// The Polish follow-up material and survey: allowed on legitimate
	// interests; the survey contested, consent the safe answer.
	dir := t.TempDir()
	src, _ := os.ReadFile(filepath.Join("..", "check", "testdata", "pl-follow-up", "company.yaml"))
	_ = os.MkdirAll(filepath.Join(dir, "pl"), 0o755)
	_ = os.WriteFile(filepath.Join(dir, "pl", "company.yaml"), src, 0o644)
	_, out, _ := run(t, "check", "--content", dir, "--format", "json")
	for _, want := range []string{`"campaign": "breach-guide",
      "market": "PL",
      "verdict": "allowed",
      "basis": "legitimate_interests"`, `"campaign": "satisfaction",
      "market": "PL",
      "verdict": "consent_required"`, `"contested": true`} {
		if !strings.Contains(out, want) {
			t.Errorf("JSON lacks %s", want)
		}
	}
}
