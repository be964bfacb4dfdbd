package release

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/basis-privacy/basis/generator/check"
	"github.com/basis-privacy/basis/generator/load"
	"github.com/basis-privacy/basis/generator/locale"
	"github.com/basis-privacy/basis/generator/model"
	"github.com/basis-privacy/basis/generator/render"
	"github.com/basis-privacy/basis/locales"
	"github.com/basis-privacy/basis/templates"
)

// bakery loads the bakery example.
func bakery(t *testing.T) *model.Company {
	t.Helper()
	cs, err := load.Files([]string{filepath.Join("..", "..", "content", "baeckerei-schmidt", "company.yaml")})
	if err != nil {
		t.Fatal(err)
	}
	return cs[0]
}

func options(archive, out string) Options {
	return Options{Archive: archive, Out: out, Templates: templates.FS, Locales: []fs.FS{locales.FS}, Version: "test"}
}

func date(s string) time.Time {
	d, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return d
}

// snapshot lists every file under dir with its content.
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			b, _ := os.ReadFile(p)
			out[p] = string(b)
		} else if err == nil {
			out[p+"/"] = ""
		}
		return nil
	})
	return out
}

func sameTree(t *testing.T, before, after map[string]string) {
	t.Helper()
	if len(before) != len(after) {
		t.Errorf("the archive changed: %d entries before, %d after", len(before), len(after))
	}
	for p, b := range before {
		if after[p] != b {
			t.Errorf("%s changed", p)
		}
	}
}

// TestFreezeRefusesOverwrite: a second release on the same effective date
// (or an earlier one) is refused with the position of effective: and
// leaves the archive as it was.
func TestFreezeRefusesOverwrite(t *testing.T) {
	c := bakery(t)
	archive := filepath.Join(t.TempDir(), "releases")
	res, err := Freeze(check.Company(c).Results[0], options(archive, ""))
	if err != nil {
		t.Fatal(err)
	}
	if res.Version.Dir != filepath.Join(archive, c.Slug, "2026-11-01") {
		t.Errorf("released into %s", res.Version.Dir)
	}
	before := snapshot(t, archive)
	_, err = Freeze(check.Company(c).Results[0], options(archive, ""))
	var exists *ExistsError
	if !errors.As(err, &exists) {
		t.Fatalf("second release: %v, want an ExistsError", err)
	}
	for _, want := range []string{c.At.At("effective").String() + ": ", "already released", "set effective:"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q lacks %q", err, want)
		}
	}
	sameTree(t, before, snapshot(t, archive))

	c.Effective = date("2026-10-01")
	_, err = Freeze(check.Company(c).Results[0], options(archive, ""))
	var earlier *EarlierError
	if !errors.As(err, &earlier) || !strings.Contains(err.Error(), "before") {
		t.Fatalf("release dated before the latest: %v, want an EarlierError", err)
	}
	sameTree(t, before, snapshot(t, archive))
}

// TestFreezeWritesManifest: the release holds each language's page as served
// from versions/<date>/ and a manifest whose sums match the files.
func TestFreezeWritesManifest(t *testing.T) {
	c := bakery(t)
	archive := t.TempDir()
	if _, err := Freeze(check.Company(c).Results[0], options(archive, "")); err != nil {
		t.Fatal(err)
	}
	vs, err := Read(archive, c.Slug)
	if err != nil || len(vs) != 1 {
		t.Fatalf("read: %v, %d versions", err, len(vs))
	}
	v := vs[0]
	if v.Name() != "2026-11-01" || len(v.Manifest.Documents) != len(c.Languages) {
		t.Fatalf("manifest %+v", v.Manifest)
	}
	for _, lang := range c.Languages {
		d, ok := v.Doc(lang)
		if !ok {
			t.Fatalf("no %s document", lang)
		}
		page, err := v.File(d.HTML, d.HTMLSum)
		if err != nil {
			t.Fatal(err)
		}
		if h, _ := TextHash(page); h != d.Text {
			t.Errorf("%s: text hash %s, manifest %s", lang, h, d.Text)
		}
		for _, want := range []string{`href="../../../../assets/basis.css"`, `<p class="archived">`, `href="../../privacy.html"`} {
			if !strings.Contains(string(page), want) {
				t.Errorf("%s: archived page lacks %s", lang, want)
			}
		}
	}
}

// TestReadRefusesEditedRelease: a released file edited afterwards is not
// served; the error names it and says to restore it.
func TestReadRefusesEditedRelease(t *testing.T) {
	c := bakery(t)
	archive := t.TempDir()
	if _, err := Freeze(check.Company(c).Results[0], options(archive, "")); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(archive, c.Slug, "2026-11-01", "de", "privacy.html")
	b, _ := os.ReadFile(p)
	os.WriteFile(p, append(b, ' '), 0o644)
	vs, err := Read(archive, c.Slug)
	if err != nil {
		t.Fatal(err)
	}
	d, _ := vs[0].Doc("de")
	_, err = vs[0].File(d.HTML, d.HTMLSum)
	var ae *ArchiveError
	if !errors.As(err, &ae) || ae.Path != p || !strings.Contains(err.Error(), "restore it from version control") {
		t.Errorf("edited release: %v", err)
	}
}

// TestReadRejectsStrangeFolders: a folder not named for a date, or whose
// manifest names another date, is reported at its path.
func TestReadRejectsStrangeFolders(t *testing.T) {
	for _, tc := range []struct{ dir, manifest, want string }{
		{"latest", `{}`, "is not a release"},
		{"2026-01-01", `{"company":"x","effective":"2026-02-01","documents":[]}`, "says effective"},
		{"2026-01-01", `{"company":"y","effective":"2026-01-01","documents":[]}`, "is a release of"},
		{"2026-01-01", `{"company":"x","effective":"2026-01-01","documents":[{"lang":"en"}]}`, "lacks the html"},
		{"2026-01-01", `nonsense`, "is not a release manifest"},
	} {
		archive := t.TempDir()
		dir := filepath.Join(archive, "x", tc.dir)
		os.MkdirAll(dir, 0o755)
		os.WriteFile(filepath.Join(dir, ManifestName), []byte(tc.manifest), 0o644)
		_, err := Read(archive, "x")
		if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), dir) {
			t.Errorf("%s %s: %v, want %q at its path", tc.dir, tc.manifest, err, tc.want)
		}
	}
	if vs, err := Read(t.TempDir(), "none"); err != nil || vs != nil {
		t.Errorf("no releases: %v, %v", vs, err)
	}
}

// TestFreezeKeepsThePDFOfTheSameText: the built PDF is released only when
// the built page has the text being released.
func TestFreezeKeepsThePDFOfTheSameText(t *testing.T) {
	c := bakery(t)
	cat, err := locale.Load(locales.FS)
	if err != nil {
		t.Fatal(err)
	}
	r, err := render.New(render.WithTemplates(templates.FS), render.WithCatalog(cat))
	if err != nil {
		t.Fatal(err)
	}
	out := t.TempDir()
	pdf := []byte("%PDF-1.7\nfake\n%%EOF\n")
	for _, lang := range c.Languages {
		page, err := r.Privacy(check.Company(c).Results[0], lang)
		if err != nil {
			t.Fatal(err)
		}
		if lang == "en" {
			page = []byte(strings.Replace(string(page), "Order processing", "Order taking", 1))
		}
		dir := filepath.Join(out, c.Slug, lang)
		os.MkdirAll(dir, 0o755)
		os.WriteFile(filepath.Join(dir, "privacy.html"), page, 0o644)
		os.WriteFile(filepath.Join(dir, "privacy.pdf"), pdf, 0o644)
	}
	archive := t.TempDir()
	res, err := Freeze(check.Company(c).Results[0], options(archive, out))
	if err != nil {
		t.Fatal(err)
	}
	if len(res.NoPDF) != 1 || res.NoPDF[0] != "en" {
		t.Errorf("released without PDF: %v, want [en] (its built page has other text)", res.NoPDF)
	}
	got, err := os.ReadFile(filepath.Join(res.Version.Dir, "de", "privacy.pdf"))
	if err != nil || string(got) != string(pdf) {
		t.Errorf("de PDF not released as built: %v", err)
	}
}

// TestRelocate: every relative link of an archived page reaches what it
// reached from the notice's own folder; links to the other languages reach
// the same version in them.
func TestRelocate(t *testing.T) {
	in := `<link rel="stylesheet" href="../../assets/basis.css"><link rel="alternate" hreflang="en" href="../en/privacy.html">` +
		`<a href="checklist.html"><a href="#purposes"><a href="mailto:a@b.example"><a href="https://x.example/a">` +
		`<img src="../logo.png"><a href="versions/2026-05-01/privacy.html">`
	want := `<link rel="stylesheet" href="../../../../assets/basis.css"><link rel="alternate" hreflang="en" href="../../../en/versions/2026-11-01/privacy.html">` +
		`<a href="../../checklist.html"><a href="#purposes"><a href="mailto:a@b.example"><a href="https://x.example/a">` +
		`<img src="../../../logo.png"><a href="../../versions/2026-05-01/privacy.html">`
	if got := string(relocate([]byte(in), date("2026-11-01"))); got != want {
		t.Errorf("relocate\n got %s\nwant %s", got, want)
	}
}

// TestHistory lists the versions newest first, links each release and its
// "What changed" page, and marks the page's own version.
func TestHistory(t *testing.T) {
	v := func(d string, langs ...string) Version {
		m := Manifest{Effective: d}
		for _, l := range langs {
			m.Documents = append(m.Documents, Document{Lang: l})
		}
		return Version{Date: date(d), Manifest: m}
	}
	vs := []Version{v("2026-01-01", "de"), v("2026-05-01", "de", "en")}
	type entry struct {
		date, href, changes string
		here                bool
	}
	for _, tc := range []struct {
		name, lang, effective string
		archived              bool
		want                  []entry
	}{
		{"current, not released", "de", "2026-11-01", false, []entry{
			{"2026-11-01", "", "", true},
			{"2026-05-01", "versions/2026-05-01/privacy.html", "versions/2026-05-01/changes.html", false},
			{"2026-01-01", "versions/2026-01-01/privacy.html", "", false}}},
		{"current, released", "de", "2026-05-01", false, []entry{
			{"2026-05-01", "versions/2026-05-01/privacy.html", "versions/2026-05-01/changes.html", true},
			{"2026-01-01", "versions/2026-01-01/privacy.html", "", false}}},
		{"a language released once", "en", "2026-05-01", false, []entry{
			{"2026-05-01", "versions/2026-05-01/privacy.html", "", true}}},
		{"archived copy", "de", "2026-11-01", true, []entry{
			{"2026-11-01", "versions/2026-11-01/privacy.html", "versions/2026-11-01/changes.html", true},
			{"2026-05-01", "versions/2026-05-01/privacy.html", "versions/2026-05-01/changes.html", false},
			{"2026-01-01", "versions/2026-01-01/privacy.html", "", false}}},
	} {
		h := History(vs, tc.lang, date(tc.effective), tc.archived)
		var got []entry
		for _, e := range h.Entries {
			got = append(got, entry{e.Date.Format(time.DateOnly), e.Href, e.Changes, e.Here})
		}
		if len(got) != len(tc.want) {
			t.Errorf("%s: %+v, want %+v", tc.name, got, tc.want)
			continue
		}
		for i := range got {
			if got[i] != tc.want[i] {
				t.Errorf("%s: entry %d %+v, want %+v", tc.name, i, got[i], tc.want[i])
			}
		}
		if tc.archived != (h.Current == "privacy.html") {
			t.Errorf("%s: link to the current version %q", tc.name, h.Current)
		}
	}
}
