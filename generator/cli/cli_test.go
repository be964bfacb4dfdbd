package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func run(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := Run(context.Background(), args, &out, &errb)
	return code, out.String(), errb.String()
}

// content copies example companies into a temp content folder, applying edits.
func content(t *testing.T, slugs []string, edit func(slug, src string) string) string {
	t.Helper()
	dir := t.TempDir()
	for _, slug := range slugs {
		b, err := os.ReadFile(filepath.Join("..", "..", "content", slug, "company.yaml"))
		if err != nil {
			t.Fatal(err)
		}
		src := string(b)
		if edit != nil {
			src = edit(slug, src)
		}
		if err := os.MkdirAll(filepath.Join(dir, slug), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, slug, "company.yaml"), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
		// The files beside company.yaml: section files, logo, its own
		// wording in locales/.
		from := filepath.Join("..", "..", "content", slug)
		err = filepath.WalkDir(from, func(p string, d fs.DirEntry, err error) error {
			rel, _ := filepath.Rel(from, p)
			if err != nil || d.IsDir() || rel == "company.yaml" {
				return err
			}
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			if err := os.MkdirAll(filepath.Join(dir, slug, filepath.Dir(rel)), 0o755); err != nil {
				return err
			}
			return os.WriteFile(filepath.Join(dir, slug, rel), b, 0o644)
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestUsageAndVersion(t *testing.T) {
	tests := []struct {
		args      []string
		code      int
		out, errs string
	}{
		{nil, ExitInput, "", "Usage:"},
		{[]string{"--help"}, ExitOK, "basis build", ""},
		{[]string{"version"}, ExitOK, "basis ", ""},
		{[]string{"bild"}, ExitInput, "", `unknown command "bild"`},
		{[]string{"check", "--format", "xml"}, ExitInput, "", "--format must be text or json"},
		{[]string{"build", "--nope"}, ExitInput, "", "flag provided but not defined: -nope"},
	}
	for _, tt := range tests {
		code, out, errs := run(t, tt.args...)
		if code != tt.code || !strings.Contains(out, tt.out) || !strings.Contains(errs, tt.errs) {
			t.Errorf("basis %v: exit %d, stdout %q, stderr %q; want exit %d with %q / %q", tt.args, code, out, errs, tt.code, tt.out, tt.errs)
		}
	}
}

func TestCheckExitStatus(t *testing.T) {
	clean := content(t, []string{"nowak-doradztwo"}, nil)
	if code, out, errs := run(t, "check", "--content", clean); code != ExitOK {
		t.Fatalf("clean example: exit %d\n%s%s", code, out, errs)
	}
	broken := content(t, []string{"nowak-doradztwo"}, func(_, s string) string {
		return strings.Replace(s, "kind: after_sales", "kind: aftersales", 1)
	})
	code, out, errs := run(t, "check", "--content", broken)
	if code != ExitError || !strings.Contains(out, "company.yaml:") || !strings.Contains(out, `did you mean "after_sales"?`) {
		t.Errorf("typo: exit %d, stdout %q, stderr %q", code, out, errs)
	}
	if code, _, errs := run(t, "check", "--content", filepath.Join(t.TempDir(), "missing")); code != ExitInput {
		t.Errorf("missing folder: exit %d, stderr %q", code, errs)
	}
}

func TestCheckJSON(t *testing.T) {
	dir := content(t, []string{"baeckerei-schmidt"}, nil)
	code, out, errs := run(t, "check", "--content", dir, "--format", "json")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var doc struct {
		Findings  []map[string]any `json:"findings"`
		Campaigns []map[string]any `json:"campaigns"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	if len(doc.Campaigns) == 0 {
		t.Fatal("no campaign verdicts")
	}
	for _, key := range []string{"company", "campaign", "market", "verdict", "basis", "conditions", "reasons", "refs", "contested"} {
		if _, ok := doc.Campaigns[0][key]; !ok {
			t.Errorf("campaign verdict lacks %q", key)
		}
	}
}

func TestBuildReportsPositionsAndWritesNothing(t *testing.T) {
	dir := content(t, []string{"sen-vang"}, func(_, s string) string {
		return strings.Replace(s, "    basis: contract", "    basis: contact", 1)
	})
	out := filepath.Join(t.TempDir(), "public")
	code, _, errs := run(t, "build", "--content", dir, "--out", out, "--no-pdf")
	if code != ExitError {
		t.Fatalf("exit %d, want %d: %s", code, ExitError, errs)
	}
	if !strings.Contains(errs, filepath.Join(dir, "sen-vang", "company.yaml")+":") || !strings.Contains(errs, `did you mean "contract"?`) {
		t.Errorf("error lacks file:line:column or the fix: %s", errs)
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Errorf("a failed build created %s", out)
	}
}

func TestBuildHTMLOnly(t *testing.T) {
	dir := content(t, []string{"sen-vang"}, nil)
	out := filepath.Join(t.TempDir(), "public")
	code, stdout, errs := run(t, "build", "--content", dir, "--out", out, "--no-pdf")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if !strings.Contains(stdout, "not legal advice") {
		t.Errorf("build output lacks the disclaimer: %s", stdout)
	}
	if _, err := os.Stat(filepath.Join(out, "sen-vang", "vi", "privacy.html")); err != nil {
		t.Error(err)
	}
}
