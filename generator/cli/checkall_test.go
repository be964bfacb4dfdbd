package cli

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

// checkDoc is the JSON report of basis check --format json.
type checkDoc struct {
	Findings []struct {
		File     string `json:"file"`
		Line     int    `json:"line"`
		Column   int    `json:"column"`
		Severity string `json:"severity"`
		Rule     string `json:"rule"`
		Message  string `json:"message"`
	} `json:"findings"`
	Campaigns []struct {
		Company  string `json:"company"`
		Campaign string `json:"campaign"`
		Market   string `json:"market"`
		Verdict  string `json:"verdict"`
	} `json:"campaigns"`
	Notes []any `json:"notes"`
}

func decodeCheck(t *testing.T, out string) checkDoc {
	t.Helper()
	var doc checkDoc
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("stdout is not the JSON report: %v\n%q", err, out)
	}
	if doc.Findings == nil || doc.Campaigns == nil || doc.Notes == nil {
		t.Errorf("a list is null or missing: %s", out)
	}
	return doc
}

// TestCheckReportsEveryReadableCompany: one client's broken file (a YAML
// slip, or a wrong value) does not hide the others (D7). check gives the
// verdicts of every company it can read, the broken one's errors as
// positioned findings, and an exit status that still says there were
// errors (2 when a file cannot be read as YAML, 1 otherwise).
func TestCheckReportsEveryReadableCompany(t *testing.T) {
	slugs := []string{"baeckerei-schmidt", "nowak-doradztwo", "sen-vang"}
	for _, tc := range []struct {
		name, old, new string
		code           int
		line           int
		want           string
	}{
		{"YAML slip", "effective: 2026-12-01", "effective: [2026-12-01", ExitInput, 18, "YAML syntax"},
		{"wrong value", "effective: 2026-12-01", "effective: 2027-02-30", ExitError, 18, `effective "2027-02-30" is not a date`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := content(t, slugs, func(slug, s string) string {
				if slug != "sen-vang" {
					return s
				}
				return strings.Replace(s, tc.old, tc.new, 1)
			})
			broken := filepath.Join(dir, "sen-vang", "company.yaml")

			code, out, errs := run(t, "check", "--content", dir)
			if code != tc.code {
				t.Errorf("text: exit %d, want %d\n%s%s", code, tc.code, out, errs)
			}
			for _, want := range []string{`campaign "christmas-stollen" (baeckerei-schmidt)`, `campaign "satisfaction-survey" (nowak-doradztwo)`,
				broken + ":" + itoa(tc.line) + ":", "error input: " + tc.want} {
				if !strings.Contains(out, want) {
					t.Errorf("text report lacks %q:\n%s", want, out)
				}
			}
			if strings.Contains(out, "No problems found") {
				t.Errorf("the report says no problems:\n%s", out)
			}

			code, out, _ = run(t, "check", "--content", dir, "--format", "json")
			doc := decodeCheck(t, out)
			if code != tc.code {
				t.Errorf("json: exit %d, want %d", code, tc.code)
			}
			companies := map[string]bool{}
			for _, c := range doc.Campaigns {
				companies[c.Company] = true
			}
			if !companies["baeckerei-schmidt"] || !companies["nowak-doradztwo"] || companies["sen-vang"] {
				t.Errorf("json: verdicts for %v, want baeckerei-schmidt and nowak-doradztwo", companies)
			}
			found := false
			for _, f := range doc.Findings {
				if f.File == broken && f.Line == tc.line && f.Column > 0 && f.Rule == "input" && f.Severity == "error" && strings.Contains(f.Message, tc.want) {
					found = true
				}
			}
			if !found {
				t.Errorf("json: no positioned input finding for %s:\n%s", broken, out)
			}
		})
	}
}

func itoa(n int) string {
	b, _ := json.Marshal(n)
	return string(b)
}

// TestCheckCampaignJSON: check --campaign ID --format json answers in the
// JSON shape of check --format json, restricted to that campaign (D8), also
// when the campaign is unknown or another company's file is broken.
func TestCheckCampaignJSON(t *testing.T) {
	dir := content(t, []string{"baeckerei-schmidt", "nowak-doradztwo"}, nil)
	code, out, errs := run(t, "check", "--content", dir, "--format", "json", "--campaign", "butcher-opening")
	doc := decodeCheck(t, out)
	if code != ExitOK || len(doc.Campaigns) == 0 {
		t.Fatalf("exit %d, %d verdicts: %s%s", code, len(doc.Campaigns), out, errs)
	}
	for _, c := range doc.Campaigns {
		if c.Campaign != "butcher-opening" || c.Company != "baeckerei-schmidt" || c.Verdict == "" {
			t.Errorf("verdict on another campaign: %+v", c)
		}
	}
	full := decodeCheck(t, func() string { _, o, _ := run(t, "check", "--content", dir, "--format", "json"); return o }())
	var want []string
	for _, f := range full.Findings {
		if strings.Contains(f.Message, "butcher-opening") {
			want = append(want, f.Rule)
		}
	}
	var got []string
	for _, f := range doc.Findings {
		got = append(got, f.Rule)
	}
	if strings.Join(got, ",") != strings.Join(want, ",") {
		t.Errorf("findings %v, want those on the campaign: %v", got, want)
	}

	code, out, _ = run(t, "check", "--content", dir, "--format", "json", "--campaign", "butcher-openin")
	doc = decodeCheck(t, out)
	if code != ExitInput || len(doc.Findings) != 1 || !strings.Contains(doc.Findings[0].Message, `did you mean "butcher-opening"?`) {
		t.Errorf("unknown campaign: exit %d, %s", code, out)
	}

	broken := content(t, []string{"baeckerei-schmidt", "nowak-doradztwo"}, func(slug, s string) string {
		if slug == "nowak-doradztwo" {
			return strings.Replace(s, "effective: 2026-10-15", "effective: 2026-10-32", 1)
		}
		return s
	})
	code, out, _ = run(t, "check", "--content", broken, "--format", "json", "--campaign", "butcher-opening")
	doc = decodeCheck(t, out)
	if code != ExitError || len(doc.Campaigns) == 0 || len(doc.Findings) != 1 || doc.Findings[0].Rule != "input" {
		t.Errorf("with another company broken: exit %d, %s", code, out)
	}
	code, out, errs = run(t, "check", "--content", broken, "--campaign", "butcher-opening")
	if code != ExitError || !strings.Contains(out, "DE ") || !strings.Contains(errs, "error") {
		t.Errorf("text, with another company broken: exit %d\n%s%s", code, out, errs)
	}
}
