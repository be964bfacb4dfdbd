package site

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/basis-privacy/basis/generator/check"
	"github.com/basis-privacy/basis/generator/load"
	"github.com/basis-privacy/basis/generator/release"
	"github.com/basis-privacy/basis/locales"
	"github.com/basis-privacy/basis/templates"
)

// freshCheckout copies the embedded examples and the repository's
// releases/ of them into a temp folder, as a fresh checkout in CI has
// them, and returns that folder: never the live content/, which may hold
// a user's own companies.
func freshCheckout(t *testing.T) string {
	t.Helper()
	return filepath.Dir(exampleDir(t))
}

func read(t *testing.T, p string) string {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestVersionsFromFreshCheckout: a build from a fresh copy of content/ and
// releases/ publishes each released notice byte for byte under versions/,
// a What changed page for the second version that names the added section
// and marks inserted and deleted words with text labels, and the list of
// versions in the current notice.
func TestVersionsFromFreshCheckout(t *testing.T) {
	t.Parallel()
	root := freshCheckout(t)
	out := filepath.Join(root, "public")
	if _, err := Build(context.Background(), opts(filepath.Join(root, "content"), out)); err != nil {
		t.Fatal(err)
	}
	slug := "baeckerei-schmidt"
	for _, lang := range []string{"de", "en"} {
		for _, date := range []string{"2026-05-01", "2026-11-01"} {
			released := read(t, filepath.Join(root, "releases", slug, date, lang, "privacy.html"))
			if read(t, filepath.Join(out, slug, lang, "versions", date, "privacy.html")) != released {
				t.Errorf("%s %s: the published version is not byte for byte the release", lang, date)
			}
		}
		if _, err := os.Stat(filepath.Join(out, slug, lang, "versions", "2026-05-01", "changes.html")); err == nil {
			t.Errorf("%s: the first version has a What changed page", lang)
		}
		notice := read(t, filepath.Join(out, slug, lang, "privacy.html"))
		for _, want := range []string{`<section id="versions"`, `href="versions/2026-11-01/changes.html"`, `href="versions/2026-05-01/privacy.html"`} {
			if !strings.Contains(notice, want) {
				t.Errorf("%s notice lacks %s", lang, want)
			}
		}
	}
	changes := read(t, filepath.Join(out, slug, "en", "versions", "2026-11-01", "changes.html"))
	for _, want := range []string{
		`<p>Sections added:</p>`, `">Cookies on our website</a></li>`,
		`<ins><span class="sr-only">inserted: </span>accept and</ins>`,
		`<del><span class="sr-only">deleted: </span>May</del> <ins><span class="sr-only">inserted: </span>November</ins>`,
		`Cookies on our website <span class="mark">(section added)</span>`,
		`href="privacy.html">Version of 1 November 2026</a>`, `href="../2026-05-01/privacy.html">Version of 1 May 2026</a>`,
	} {
		if !strings.Contains(changes, want) {
			t.Errorf("What changed page lacks %s", want)
		}
	}
	if !regexp.MustCompile(`<li><a href="#change-\d+">[^<]+</a>: 2 words inserted</li>`).MatchString(changes) {
		t.Errorf("What changed page has no summary line for the changed sentence")
	}
	de := read(t, filepath.Join(out, slug, "de", "versions", "2026-11-01", "changes.html"))
	if !strings.Contains(de, `<ins><span class="sr-only">eingefügt: </span>annehmen und</ins>`) || !strings.Contains(de, "<p>Neue Abschnitte:</p>") {
		t.Errorf("German What changed page lacks its marks")
	}
}

// bakeryProject writes the bakery into root/content and releases it.
func bakeryProject(t *testing.T) (root, file string) {
	t.Helper()
	root = t.TempDir()
	content := filepath.Join(root, "content")
	file = filepath.Join(content, "baeckerei-schmidt", "company.yaml")
	if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(file, []byte(example(t, "baeckerei-schmidt")), 0o644); err != nil {
		t.Fatal(err)
	}
	copyExtras(t, "baeckerei-schmidt", filepath.Dir(file))
	freeze(t, file)
	return root, file
}

func freeze(t *testing.T, file string) {
	t.Helper()
	cs, err := load.Files([]string{file})
	if err != nil {
		t.Fatal(err)
	}
	content := filepath.Dir(filepath.Dir(file))
	if _, err := release.Freeze(check.Company(cs[0]).Results[0], release.Options{Archive: release.Folder(content), Templates: templates.FS, Locales: []fs.FS{locales.FS}}); err != nil {
		t.Fatal(err)
	}
}

func edit(t *testing.T, file, from, to string) {
	t.Helper()
	b := read(t, file)
	if !strings.Contains(b, from) {
		t.Fatalf("%s lacks %q", file, from)
	}
	if err := os.WriteFile(file, []byte(strings.Replace(b, from, to, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestChangedNoticeWithoutNewDateWarns: a build whose notice text differs
// from the latest release of the same effective date warns, per language,
// at effective:, with the check's rule release.drift among the findings it
// counts; the same text, or a new date, does not.
func TestChangedNoticeWithoutNewDateWarns(t *testing.T) {
	t.Parallel()
	root, file := bakeryProject(t)
	build := func() []string {
		t.Helper()
		res, err := Build(context.Background(), opts(filepath.Join(root, "content"), filepath.Join(root, "public")))
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Warnings) != 0 {
			t.Errorf("warnings outside the report: %q", res.Warnings)
		}
		var out []string
		for _, f := range res.Report.Findings {
			if f.Rule == check.RuleReleaseDrift {
				out = append(out, fmt.Sprintf("%s: %s %s %s", f.Pos, f.Severity, f.Msg.Args["Lang"], f.Msg.Args["Release"]))
			}
		}
		if res.Report.Warnings() < len(out) {
			t.Errorf("the report counts %d warnings for %d release.drift findings", res.Report.Warnings(), len(out))
		}
		return out
	}
	if w := build(); len(w) != 0 {
		t.Fatalf("unchanged notice: warnings %v", w)
	}
	edit(t, file, "Without these details we cannot accept and deliver your order.", "Without these details we cannot deliver your order.")
	w := build()
	want := file + fmt.Sprintf(":%d:12:", lineOf(t, file, "effective:")) + " warning en 2026-11-01"
	if len(w) != 1 || w[0] != want {
		t.Errorf("changed English text: warnings %q, want %q", w, want)
	}
	edit(t, file, "effective: 2026-11-01", "effective: 2026-12-01")
	if w := build(); len(w) != 0 {
		t.Errorf("new effective date: warnings %v", w)
	}
}

// TestNewReleaseRebuildsNotice: with the build cache, a new release alone
// renders the notice again with the new version listed and publishes it.
func TestNewReleaseRebuildsNotice(t *testing.T) {
	t.Parallel()
	root, file := bakeryProject(t)
	o := opts(filepath.Join(root, "content"), filepath.Join(root, "public"))
	o.Cache = filepath.Join(root, ".basis-cache")
	if _, err := Build(context.Background(), o); err != nil {
		t.Fatal(err)
	}
	edit(t, file, "effective: 2026-11-01", "effective: 2026-12-01")
	edit(t, file, "Without these details we cannot accept and deliver your order.", "Without these details we cannot deliver your order.")
	if _, err := Build(context.Background(), o); err != nil {
		t.Fatal(err)
	}
	freeze(t, file)
	res, err := Build(context.Background(), o)
	if err != nil {
		t.Fatal(err)
	}
	if res.UpToDate {
		t.Fatal("the build after a release did nothing")
	}
	notice := read(t, filepath.Join(root, "public", "baeckerei-schmidt", "en", "privacy.html"))
	if !strings.Contains(notice, `href="versions/2026-12-01/changes.html"`) {
		t.Errorf("the notice does not list the new release")
	}
	changes := read(t, filepath.Join(root, "public", "baeckerei-schmidt", "en", "versions", "2026-12-01", "changes.html"))
	if !strings.Contains(changes, `<del><span class="sr-only">deleted: </span>accept and</del>`) {
		t.Errorf("the new What changed page does not mark the deleted words")
	}
}

// lineOf returns the number of the first line of file that starts with prefix.
func lineOf(t *testing.T, file, prefix string) int {
	t.Helper()
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	for i, l := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(l, prefix) {
			return i + 1
		}
	}
	t.Fatalf("%s has no line starting %q", file, prefix)
	return 0
}

// TestInternalVersionsFromFreshCheckout: the record of processing
// activities and the legitimate-interests assessment released with each
// version of the bakery are kept in internal/ as released (without the
// links to the public documents, which internal/ lacks), with a What
// changed page for the second version marking the security measure and
// the safeguard it added; the current documents list their versions;
// public/ holds none of them.
func TestInternalVersionsFromFreshCheckout(t *testing.T) {
	t.Parallel()
	root := freshCheckout(t)
	o := opts(filepath.Join(root, "content"), filepath.Join(root, "public"))
	o.Internal = filepath.Join(root, "internal")
	if _, err := Build(context.Background(), o); err != nil {
		t.Fatal(err)
	}
	slug := "baeckerei-schmidt"
	for _, lang := range []string{"de", "en"} {
		for _, kind := range release.InternalKinds {
			for _, date := range []string{"2026-05-01", "2026-11-01"} {
				// As released, but for the links to the public documents.
				released := unlinkKinds([]byte(read(t, filepath.Join(root, "releases", slug, date, lang, kind+".html"))), []string{"privacy", "fields"})
				if read(t, filepath.Join(o.Internal, slug, lang, "versions", date, kind+".html")) != string(released) {
					t.Errorf("%s %s %s: the kept version is not the release", lang, kind, date)
				}
				for _, name := range []string{kind + ".html", kind + "-changes.html"} {
					if _, err := os.Stat(filepath.Join(o.Out, slug, lang, "versions", date, name)); err == nil {
						t.Errorf("public/ holds the internal %s of %s (%s)", name, date, lang)
					}
				}
			}
			if _, err := os.Stat(filepath.Join(o.Internal, slug, lang, "versions", "2026-05-01", kind+"-changes.html")); err == nil {
				t.Errorf("%s: the first version of the %s has a What changed page", lang, kind)
			}
		}
	}
	dir := filepath.Join(o.Internal, slug, "en", "versions", "2026-11-01")
	for kind, want := range map[string][]string{
		"record": {`<h1>What changed: Record of processing activities</h1>`,
			`<ins><span class="sr-only">inserted: </span>Daily encrypted backup of the order system.</ins>`,
			`href="record.html">Version of 1 November 2026</a>`, `href="../2026-05-01/record.html">Version of 1 May 2026</a>`},
		"assessment": {`<h1>What changed: Legitimate-interests assessment</h1>`,
			`<ins><span class="sr-only">inserted: </span>At most one email a month.</ins>`},
	} {
		page := read(t, filepath.Join(dir, kind+"-changes.html"))
		for _, w := range want {
			if !strings.Contains(page, w) {
				t.Errorf("What changed in the %s lacks %s", kind, w)
			}
		}
	}
	// The current documents list their versions, and an archived one links
	// the current one.
	for _, kind := range release.InternalKinds {
		page := read(t, filepath.Join(o.Internal, slug, "en", kind+".html"))
		for _, want := range []string{`<section id="versions"`, `href="versions/2026-11-01/` + kind + `-changes.html"`, `href="versions/2026-05-01/` + kind + `.html"`} {
			if !strings.Contains(page, want) {
				t.Errorf("the current %s lacks %s", kind, want)
			}
		}
		if old := read(t, filepath.Join(o.Internal, slug, "en", "versions", "2026-05-01", kind+".html")); !strings.Contains(old, `href="../../`+kind+`.html"`) {
			t.Errorf("the archived %s does not link the current one", kind)
		}
	}
	de := read(t, filepath.Join(o.Internal, slug, "de", "versions", "2026-11-01", "record-changes.html"))
	if !strings.Contains(de, `<ins><span class="sr-only">eingefügt: </span>Tägliche verschlüsselte Sicherung des Bestellsystems.</ins>`) {
		t.Error("the German What changed page of the record lacks its mark")
	}
}
