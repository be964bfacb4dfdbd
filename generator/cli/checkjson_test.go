package cli

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

// TestCheckJSONLoadErrors: with --format json, problems that stop a file
// from loading are findings on stdout, each with its position.
func TestCheckJSONLoadErrors(t *testing.T) {
	dir := content(t, []string{"nowak-doradztwo"}, func(_, s string) string {
		return strings.Replace(s, "kind: after_sales", "kind: aftersales", 1)
	})
	type finding struct {
		File     string `json:"file"`
		Line     int    `json:"line"`
		Column   int    `json:"column"`
		Severity string `json:"severity"`
		Rule     string `json:"rule"`
		Message  string `json:"message"`
	}
	decode := func(out string) []finding {
		t.Helper()
		var doc struct {
			Findings  []finding `json:"findings"`
			Campaigns []any     `json:"campaigns"`
		}
		if err := json.Unmarshal([]byte(out), &doc); err != nil {
			t.Fatalf("stdout is not the JSON report: %v\n%q", err, out)
		}
		if doc.Campaigns == nil {
			t.Error("campaigns is null, want []")
		}
		return doc.Findings
	}
	code, out, _ := run(t, "check", "--content", dir, "--format", "json")
	fs := decode(out)
	if code != ExitError || len(fs) != 1 {
		t.Fatalf("exit %d with %d findings, want %d with 1: %s", code, len(fs), ExitError, out)
	}
	f := fs[0]
	if f.File != filepath.Join(dir, "nowak-doradztwo", "company.yaml") || f.Line == 0 || f.Column == 0 ||
		f.Severity != "error" || f.Rule != "input" || !strings.Contains(f.Message, `did you mean "after_sales"?`) {
		t.Errorf("finding %+v", f)
	}

	missing := filepath.Join(t.TempDir(), "missing")
	code, out, _ = run(t, "check", "--content", missing, "--format", "json")
	if fs := decode(out); code != ExitInput || len(fs) != 1 || fs[0].File != missing || !strings.Contains(fs[0].Message, "there is no folder "+missing) {
		t.Errorf("missing folder: exit %d, findings %+v", code, fs)
	}
}
