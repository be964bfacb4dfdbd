package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestReleaseDriftIsACheckWarning: a notice changed without a new
// effective date is the warning release.drift, at effective:, from check
// (text and JSON) as from build, and counted in the totals of both (D13).
func TestReleaseDriftIsACheckWarning(t *testing.T) {
	root := releaseProject(t, nil)
	c := filepath.Join(root, "content")
	if code, _, stderr := run(t, "release", "--content", c); code != ExitOK {
		t.Fatalf("release: exit %d\n%s", code, stderr)
	}
	if code, out, errs := run(t, "check", "--content", c); code != ExitOK || strings.Contains(out, "release.drift") || !strings.Contains(out, "No problems found.") {
		t.Fatalf("check of the released notice: exit %d\n%s%s", code, out, errs)
	}
	file := filepath.Join(c, "baeckerei-schmidt", "company.yaml")
	edit := func(from, to string) {
		t.Helper()
		src, err := os.ReadFile(file)
		if err != nil || !strings.Contains(string(src), from) {
			t.Fatalf("the bakery example no longer says %q (%v)", from, err)
		}
		if err := os.WriteFile(file, []byte(strings.Replace(string(src), from, to, 1)), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	edit("Without these details we cannot accept and deliver your order.", "Without these details we cannot deliver your order.")
	want := file + ":13:12: warning release.drift: the en notice differs from its release of 2026-11-01, but effective: is still 2026-11-01"

	code, out, errs := run(t, "check", "--content", c)
	if code != ExitOK || !strings.Contains(out, want) || !strings.Contains(out, "run basis release baeckerei-schmidt.") || !strings.Contains(out, "0 errors, 1 warning") {
		t.Errorf("check: exit %d, want %q and 1 warning\n%s%s", code, want, out, errs)
	}
	code, out, _ = run(t, "check", "--content", c, "--format", "json")
	doc := decodeCheck(t, out)
	if code != ExitOK || len(doc.Findings) != 1 || doc.Findings[0].Rule != "release.drift" || doc.Findings[0].Severity != "warning" || doc.Findings[0].Line != 13 {
		t.Errorf("check --format json: exit %d\n%s", code, out)
	}

	code, _, errs = run(t, "build", "--no-pdf", "--content", c, "--out", filepath.Join(root, "public"))
	if code != ExitOK || !strings.Contains(errs, want) || !strings.Contains(errs, "0 errors, 1 warning") || strings.Count(errs, "differs from its release") != 1 {
		t.Errorf("build: exit %d, want %q once and 1 warning\n%s", code, want, errs)
	}

	// A damaged release is an error finding at its path; JSON stays JSON.
	manifest := filepath.Join(root, "releases", "baeckerei-schmidt", "2026-11-01", "release.json")
	if err := os.WriteFile(manifest, []byte("{"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, _ = run(t, "check", "--content", c, "--format", "json")
	doc = decodeCheck(t, out)
	if code != ExitError || len(doc.Findings) != 1 || doc.Findings[0].File != manifest || !strings.Contains(doc.Findings[0].Message, "restore it from version control") {
		t.Errorf("check with a damaged release: exit %d\n%s", code, out)
	}

	edit("effective: 2026-11-01", "effective: 2026-12-01")
	if code, out, errs := run(t, "check", "--content", c); code != ExitError || strings.Contains(out, "release.drift") {
		t.Errorf("check with a new effective date: exit %d\n%s%s", code, out, errs)
	}
}
