package cli

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// brokenProject builds three example companies into out, then breaks one
// (sen-vang) as broken says and edits another (nowak-doradztwo), and
// returns the content folder and the page of each as first built.
func brokenProject(t *testing.T, broken func(string) string) (dir, out string, before map[string]string) {
	t.Helper()
	dir = content(t, []string{"baeckerei-schmidt", "nowak-doradztwo", "sen-vang"}, nil)
	out = filepath.Join(t.TempDir(), "public")
	if code, _, errs := run(t, "build", "--no-pdf", "--content", dir, "--out", out); code != ExitOK {
		t.Fatalf("first build: exit %d: %s", code, errs)
	}
	before = map[string]string{}
	for _, slug := range []string{"sen-vang", "nowak-doradztwo"} {
		before[slug] = readFile(t, filepath.Join(out, slug, pageLang(slug), "privacy.html"))
	}
	editFile(t, filepath.Join(dir, "sen-vang", "company.yaml"), broken)
	editFile(t, filepath.Join(dir, "nowak-doradztwo", "company.yaml"), func(s string) string {
		return strings.Replace(s, "name: ", "name: Nowa ", 1)
	})
	return dir, out, before
}

func pageLang(slug string) string {
	if slug == "sen-vang" {
		return "vi"
	}
	return "pl"
}

func readFile(t *testing.T, p string) string {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func editFile(t *testing.T, p string, edit func(string) string) {
	t.Helper()
	b := readFile(t, p)
	if edit(b) == b {
		t.Fatalf("the edit of %s changed nothing", p)
	}
	if err := os.WriteFile(p, []byte(edit(b)), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestOneBrokenCompanyNamesItAndKeepGoingPublishesTheRest: one client's
// broken file (a check error, or a file that cannot be read) stops a
// build, which names the company and the command that builds the others;
// with --keep-going the others are published and the broken company's
// last published pages stay, with exit 1 (as make -k).
func TestOneBrokenCompanyNamesItAndKeepGoingPublishesTheRest(t *testing.T) {
	for _, tt := range []struct {
		name   string
		broken func(string) string
		exit   int
	}{
		{"check error", func(s string) string { return strings.Replace(s, "basis: contract", "basis: legitimate_interests", 1) }, ExitError},
		{"unreadable file", func(s string) string { return s + "\nnot yaml: [\n" }, ExitInput},
	} {
		t.Run(tt.name, func(t *testing.T) {
			dir, out, before := brokenProject(t, tt.broken)
			snap := snapshot(t, out)
			code, _, errs := run(t, "build", "--no-pdf", "--content", dir, "--out", out)
			if code != tt.exit || !strings.Contains(errs, "sen-vang") || !strings.Contains(errs, "--keep-going") {
				t.Fatalf("exit %d, want %d, naming sen-vang and --keep-going:\n%s", code, tt.exit, errs)
			}
			if snapshot(t, out) != snap {
				t.Error("the refused build changed the output")
			}
			code, _, errs = run(t, "build", "--no-pdf", "--keep-going", "--content", dir, "--out", out)
			if code != ExitError || !strings.Contains(errs, "not published, because of the errors above: sen-vang; the last published pages stay") {
				t.Fatalf("--keep-going: exit %d:\n%s", code, errs)
			}
			if got := readFile(t, filepath.Join(out, "sen-vang", "vi", "privacy.html")); got != before["sen-vang"] {
				t.Error("--keep-going changed the broken company's pages")
			}
			if got := readFile(t, filepath.Join(out, "nowak-doradztwo", "pl", "privacy.html")); got == before["nowak-doradztwo"] || !strings.Contains(got, "Nowa ") {
				t.Error("--keep-going did not publish the edited company")
			}
			if !strings.Contains(readFile(t, filepath.Join(out, "index.html")), "sen-vang/") {
				t.Error("the index lost the broken company")
			}
		})
	}
}

// TestInterruptedBuildSaysSo: a build stopped by Ctrl-C says that it was
// interrupted and the output is unchanged, not a context error with a
// staging path.
func TestInterruptedBuildSaysSo(t *testing.T) {
	dir := content(t, []string{"sen-vang"}, nil)
	out := filepath.Join(t.TempDir(), "public")
	if code, _, errs := run(t, "build", "--no-pdf", "--content", dir, "--out", out); code != ExitOK {
		t.Fatalf("first build: exit %d: %s", code, errs)
	}
	editFile(t, filepath.Join(dir, "sen-vang", "company.yaml"), func(s string) string { return strings.Replace(s, "name: ", "name: New ", 1) })
	snap := snapshot(t, out)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var errb strings.Builder
	code := Run(ctx, []string{"build", "--no-pdf", "--content", dir, "--out", out}, &strings.Builder{}, &errb)
	if code != ExitError || errb.String() != "basis: interrupted; "+out+" unchanged\n" {
		t.Errorf("exit %d, %q", code, errb.String())
	}
	if snapshot(t, out) != snap {
		t.Error("the interrupted build changed the output")
	}
}
