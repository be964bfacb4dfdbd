package cli

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"io/fs"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/basis-privacy/basis/generator/internal/golden"
)

// project copies the bakery example into root/content and returns root.
func releaseProject(t *testing.T, edit func(string) string) string {
	t.Helper()
	root := t.TempDir()
	dir := content(t, []string{"baeckerei-schmidt"}, func(_, src string) string {
		if edit != nil {
			return edit(src)
		}
		return src
	})
	if err := os.Rename(dir, filepath.Join(root, "content")); err != nil {
		t.Fatal(err)
	}
	return root
}

// files returns every file under dir by its path below dir.
func files(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		out[filepath.ToSlash(rel)] = string(b)
		return err
	})
	if err != nil && !os.IsNotExist(err) {
		t.Fatal(err)
	}
	return out
}

// TestReleaseCommand: release writes the archive next to content/, then
// refuses the same effective date with the position to change and writes
// nothing; an unknown company is a usage error.
func TestReleaseCommand(t *testing.T) {
	root := releaseProject(t, nil)
	c := filepath.Join(root, "content")
	code, stdout, stderr := run(t, "release", "--content", c, "--out", filepath.Join(root, "public"))
	if code != ExitOK {
		t.Fatalf("release: exit %d\n%s", code, stderr)
	}
	dir := filepath.Join(root, "releases", "baeckerei-schmidt", "2026-11-01")
	if !strings.Contains(stdout, "released baeckerei-schmidt, effective 2026-11-01 (de, en), into "+dir) {
		t.Errorf("stdout: %s", stdout)
	}
	got := files(t, filepath.Join(root, "releases"))
	for _, f := range []string{"release.json", "de/privacy.html", "en/privacy.html"} {
		if _, ok := got["baeckerei-schmidt/2026-11-01/"+f]; !ok {
			t.Errorf("release lacks %s; has %v", f, got)
		}
	}
	code, _, stderr = run(t, "release", "--content", c, "baeckerei-schmidt")
	if code != ExitError || !strings.Contains(stderr, "company.yaml:13:12: baeckerei-schmidt was already released on effective date 2026-11-01") ||
		!strings.Contains(stderr, "set effective: to the date the new version takes effect") {
		t.Errorf("second release: exit %d\n%s", code, stderr)
	}
	after := files(t, filepath.Join(root, "releases"))
	if len(after) != len(got) {
		t.Errorf("the refused release changed the archive")
	}
	for k, v := range got {
		if after[k] != v {
			t.Errorf("the refused release changed %s", k)
		}
	}
	code, _, stderr = run(t, "release", "--content", c, "no-such-company")
	if code != ExitInput || !strings.Contains(stderr, `no company "no-such-company"`) || !strings.Contains(stderr, "baeckerei-schmidt") {
		t.Errorf("unknown company: exit %d\n%s", code, stderr)
	}
}

// earlierBakery turns the bakery's file into its first version: effective
// 1 May 2026, a shorter sentence on what happens without the order data, no
// cookie section yet, one security measure fewer and no safeguard in the
// newsletter's assessment (so that the record and the assessment change).
func earlierBakery(t *testing.T, src string) string {
	t.Helper()
	out := src
	for _, r := range [][2]string{
		{"effective: 2026-11-01", "effective: 2026-05-01"},
		{"Ohne diese Angaben können wir Ihre Bestellung nicht annehmen und ausliefern.", "Ohne diese Angaben können wir Ihre Bestellung nicht ausliefern."},
		{"Without these details we cannot accept and deliver your order.", "Without these details we cannot deliver your order."},
		// The record and the assessment change too: the backup and the
		// limit on emails came with the second version.
		{"  - {de: \"Tägliche verschlüsselte Sicherung des Bestellsystems.\", en: \"Daily encrypted backup of the order system.\"}\n", ""},
		{"      safeguards:\n        - {de: \"Höchstens eine E-Mail im Monat.\", en: \"At most one email a month.\"}\n", ""},
	} {
		if !strings.Contains(out, r[0]) {
			t.Fatalf("the bakery example no longer says %q: update earlierBakery", r[0])
		}
		out = strings.Replace(out, r[0], r[1], 1)
	}
	sections := regexp.MustCompile(`(?m)^sections:\n(?:  .*\n)+`)
	if !sections.MatchString(out) {
		t.Fatal("the bakery example has no sections: block: update earlierBakery")
	}
	return sections.ReplaceAllString(out, "")
}

// TestExampleReleases: releases/baeckerei-schmidt holds the bakery's two
// versions exactly as basis release makes them from content/ (the first one
// from earlierBakery). Run with -update after changing the templates, the
// messages or the example, and commit the result.
func TestExampleReleases(t *testing.T) {
	root := releaseProject(t, func(src string) string { return earlierBakery(t, src) })
	c := filepath.Join(root, "content")
	if code, _, stderr := run(t, "release", "--content", c); code != ExitOK {
		t.Fatalf("first release: exit %d\n%s", code, stderr)
	}
	current, err := os.ReadFile(filepath.Join("..", "..", "content", "baeckerei-schmidt", "company.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(c, "baeckerei-schmidt", "company.yaml"), current, 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, stderr := run(t, "release", "--content", c); code != ExitOK {
		t.Fatalf("second release: exit %d\n%s", code, stderr)
	}
	made := filepath.Join(root, "releases", "baeckerei-schmidt")
	repo := filepath.Join("..", "..", "releases", "baeckerei-schmidt")
	if golden.Updating() {
		if err := os.RemoveAll(repo); err != nil {
			t.Fatal(err)
		}
		if err := os.CopyFS(repo, os.DirFS(made)); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, got := files(t, repo), files(t, made)
	for name, data := range got {
		if want[name] != data {
			t.Errorf("releases/baeckerei-schmidt/%s differs from what basis release makes now; run go test ./generator/cli -run TestExampleReleases -update and commit it", name)
		}
	}
	for name := range want {
		if _, ok := got[name]; !ok {
			t.Errorf("releases/baeckerei-schmidt/%s is not made any more; run go test ./generator/cli -run TestExampleReleases -update", name)
		}
	}
}

// TestReleaseRefusesCheckErrors: a company whose check finds errors is not
// released (the findings are printed, nothing is written) unless --force.
func TestReleaseRefusesCheckErrors(t *testing.T) {
	root := releaseProject(t, func(src string) string { return strings.Replace(src, "contract: true", "contract: false", 1) })
	c := filepath.Join(root, "content")
	code, _, stderr := run(t, "release", "--content", c)
	if code != ExitError || !strings.Contains(stderr, "processor.no-contract") || !strings.Contains(stderr, "nothing was released") {
		t.Errorf("release with check errors: exit %d\n%s", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(root, "releases")); !os.IsNotExist(err) {
		t.Errorf("a refused release wrote the archive: %v", err)
	}
	if code, _, stderr := run(t, "release", "--content", c, "--force"); code != ExitOK {
		t.Errorf("release --force: exit %d\n%s", code, stderr)
	}
}

// TestServeShowsNewRelease: basis serve watches releases/ too, so a release
// made while it runs is published without another edit.
func TestServeShowsNewRelease(t *testing.T) {
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	root := releaseProject(t, nil)
	c := filepath.Join(root, "content")
	if code, _, stderr := run(t, "release", "--content", c); code != ExitOK {
		t.Fatalf("release: exit %d\n%s", code, stderr)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var stdout, stderr syncBuffer
	done := make(chan int)
	go func() {
		done <- Run(ctx, []string{"serve", "--content", c, "--out", filepath.Join(root, "public"), "--port", "0"}, &stdout, &stderr)
	}()
	base := waitFor(t, &stdout, regexp.MustCompile(`serving (http://127\.0\.0\.1:\d+/)`))[1]
	file := filepath.Join(c, "baeckerei-schmidt", "company.yaml")
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(file, []byte(strings.Replace(string(b), "effective: 2026-11-01", "effective: 2026-12-01", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	waitFor(t, &stdout, regexp.MustCompile(`company\.yaml: built in`))
	from := len(stdout.String())
	if code, _, errs := run(t, "release", "--content", c); code != ExitOK {
		t.Fatalf("second release: exit %d\n%s", code, errs)
	}
	waitAfter(t, &stdout, from, regexp.MustCompile(`2026-12-01[^\n]*: built in`))
	resp, err := http.Get(base + "baeckerei-schmidt/en/versions/2026-12-01/changes.html")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Errorf("GET the new release's What changed page: %d\n%s", resp.StatusCode, stdout.String())
	}
	cancel()
	if code := <-done; code != ExitOK {
		t.Errorf("serve: exit %d\n%s", code, stderr.String())
	}
}

// TestEditedReleaseIsNotPublished is the reproduction of the review of
// December 2026 (D8): a released notice edited by hand ("10 Jahre" became
// "1 Jahr", and a script was added) with its new SHA-256 put in
// release.json is refused by build, naming the file, and nothing is
// published; before, the build published it as the released version.
func TestEditedReleaseIsNotPublished(t *testing.T) {
	for _, edit := range []struct{ name, from, to, want string }{
		{"text", "10 Jahre", "1 Jahr", "has been edited: its text is not the text released (text_sha256 in release.json)"},
		{"script", "</main>", "<script>alert('tampered')</script></main>", "carries markup Basis does not write (<script>)"},
	} {
		t.Run(edit.name, func(t *testing.T) {
			root := releaseProject(t, nil)
			c := filepath.Join(root, "content")
			if code, _, stderr := run(t, "release", "--content", c); code != ExitOK {
				t.Fatalf("release: exit %d\n%s", code, stderr)
			}
			dir := filepath.Join(root, "releases", "baeckerei-schmidt", "2026-11-01")
			page := filepath.Join(dir, "de", "privacy.html")
			b, _ := os.ReadFile(page)
			edited := strings.Replace(string(b), edit.from, edit.to, 1)
			if edited == string(b) {
				t.Fatalf("the released page has no %q", edit.from)
			}
			if err := os.WriteFile(page, []byte(edited), 0o644); err != nil {
				t.Fatal(err)
			}
			mp := filepath.Join(dir, "release.json")
			m, _ := os.ReadFile(mp)
			sum := func(b []byte) string { s := sha256.Sum256(b); return hex.EncodeToString(s[:]) }
			m = []byte(strings.Replace(string(m), sum(b), sum([]byte(edited)), 1))
			if err := os.WriteFile(mp, m, 0o644); err != nil {
				t.Fatal(err)
			}
			pub := filepath.Join(root, "public")
			code, _, stderr := run(t, "build", "--no-pdf", "--content", c, "--out", pub)
			if code == ExitOK || !strings.Contains(stderr, page+": "+edit.want) {
				t.Errorf("build: exit %d, want an error at %s: %q\n%s", code, page, edit.want, stderr)
			}
			if _, err := os.Stat(pub); !os.IsNotExist(err) {
				t.Errorf("the refused build published %s", pub)
			}
		})
	}
}
