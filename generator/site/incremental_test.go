package site

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"testing/fstest"

	"github.com/basis-privacy/basis/generator/load"
	"github.com/basis-privacy/basis/locales"
	"github.com/basis-privacy/basis/templates"
)

// stamp identifies a file on disk: a rewritten file gets a new inode or
// modification time, a carried-over one keeps both.
type stamp struct {
	ino   uint64
	mtime int64
}

func stamps(t *testing.T, dir string) map[string]stamp {
	t.Helper()
	out := map[string]stamp{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		st, err := os.Stat(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		out[filepath.ToSlash(rel)] = stamp{st.Sys().(*syscall.Stat_t).Ino, st.ModTime().UnixNano()}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// changed lists the files that are new or rewritten between two stamps.
func changed(before, after map[string]stamp) []string {
	var out []string
	for rel, s := range after {
		if b, ok := before[rel]; !ok || b != s {
			out = append(out, rel)
		}
	}
	return out
}

type incremental struct {
	t       testing.TB
	content string
	o       Options
}

func newIncremental(t testing.TB) *incremental {
	content := writeContent(t, map[string]string{
		"baeckerei-schmidt": example(t, "baeckerei-schmidt"),
		"nowak-doradztwo":   example(t, "nowak-doradztwo"),
	})
	dir := t.TempDir()
	o := opts(content, filepath.Join(dir, "public"))
	o.Cache = filepath.Join(dir, "cache")
	return &incremental{t: t, content: content, o: o}
}

// smallSite is newIncremental's site built with smallOpts: the sites the
// tests that stop a rebuild at each of its changes on disk rebuild.
func smallSite(t *testing.T) *incremental {
	t.Helper()
	in := newIncremental(t)
	in.o = smallOpts(in.content, in.o.Out, in.o.Cache)
	return in
}

// smallOpts are the options of smallSite's builds, in a test and in the
// child processes of TestKilledBuildLeavesPreviousOrNewSite: only the
// privacy notices, and the index in one language. A rebuild after an edit
// of one company still makes every kind of change on disk a larger site
// makes, only fewer of each.
func smallOpts(content, out, cache string) Options {
	o := opts(content, out)
	o.Cache = cache
	p := load.DefaultProject()
	p.Languages = p.Languages[:1]
	p.Public.Documents, p.Internal.Documents = []string{load.DocPrivacy}, nil
	o.Project = p
	return o
}

// smallReference builds the site of content with smallOpts into a new
// folder, as a first build, and returns its tree.
func smallReference(t *testing.T, content string) map[string]string {
	t.Helper()
	ref := smallOpts(content, filepath.Join(t.TempDir(), "public"), "")
	if _, err := Build(context.Background(), ref); err != nil {
		t.Fatal(err)
	}
	return tree(t, ref.Out)
}

func (in *incremental) build() *Result {
	in.t.Helper()
	res, err := Build(context.Background(), in.o)
	if err != nil {
		in.t.Fatal(err)
	}
	return res
}

func (in *incremental) edit(slug, old, new string) {
	in.t.Helper()
	p := filepath.Join(in.content, slug, "company.yaml")
	b, err := os.ReadFile(p)
	if err != nil {
		in.t.Fatal(err)
	}
	if !strings.Contains(string(b), old) {
		in.t.Fatalf("%s lacks %q", slug, old)
	}
	if err := os.WriteFile(p, []byte(strings.Replace(string(b), old, new, 1)), 0o644); err != nil {
		in.t.Fatal(err)
	}
}

func TestNoOpRebuildChangesNothing(t *testing.T) {
	t.Parallel()
	in := newIncremental(t)
	first := in.build()
	if first.UpToDate || first.Rendered == 0 {
		t.Fatalf("first build: %+v", first)
	}
	before := stamps(t, in.o.Out)
	second := in.build()
	if !second.UpToDate || second.Rendered != 0 || second.Printed != 0 {
		t.Errorf("second build did work: %+v", second)
	}
	if c := changed(before, stamps(t, in.o.Out)); len(c) > 0 {
		t.Errorf("a no-op rebuild rewrote %v", c)
	}
}

func TestOneCompanyEditTouchesOnlyIt(t *testing.T) {
	t.Parallel()
	in := newIncremental(t)
	in.build()
	before := stamps(t, in.o.Out)
	in.edit("nowak-doradztwo", "Do wniesienia sprzeciwu, nie dłużej niż 3 lata", "Do wniesienia sprzeciwu, nie dłużej niż 2 lata")
	res := in.build()
	got := changed(before, stamps(t, in.o.Out))
	if len(got) == 0 {
		t.Fatal("the edit changed no file")
	}
	for _, rel := range got {
		if !strings.HasPrefix(rel, "nowak-doradztwo/pl/") {
			t.Errorf("editing the Polish text of nowak-doradztwo rewrote %s", rel)
		}
	}
	// The retention period appears only in the notice (and the fragment and
	// JSON made from it), the record of processing activities and the
	// legitimate-interests assessment; the company's other documents are
	// rendered again but, being equal, carried over.
	slices.Sort(got)
	if want := retentionFiles("nowak-doradztwo/pl/"); res.Rendered != len(want) || !slices.Equal(got, want) {
		t.Errorf("want only %v written, got %v (%+v)", want, got, res)
	}
}

// retentionFiles are the files of the language folder dir that state a
// purpose's retention period: the notice's files, the record and the
// assessment, sorted.
func retentionFiles(dir string) []string {
	out := append(noticeFiles(dir), dir+"record.html", dir+"assessment.html")
	slices.Sort(out)
	return out
}

// noticeFiles are the files of the notice in the language folder dir: the
// page, and the fragment and JSON made from it, sorted.
func noticeFiles(dir string) []string {
	return []string{dir + "privacy.fragment.html", dir + "privacy.html", dir + "privacy.json"}
}

func TestTemplateEditRedoesOnlyItsDocuments(t *testing.T) {
	t.Parallel()
	in := newIncremental(t)
	in.build()
	before := stamps(t, in.o.Out)
	fields, err := fs.ReadFile(templates.FS, "fields.html")
	if err != nil {
		t.Fatal(err)
	}
	override := fstest.MapFS{"fields.html": {Data: []byte(strings.Replace(string(fields), `<p class="lead">`, `<p class="lead intro">`, 1))}}
	in.o.Templates = Overlay(override, templates.FS)
	in.build()
	for _, rel := range changed(before, stamps(t, in.o.Out)) {
		if !strings.HasSuffix(rel, "/fields.html") {
			t.Errorf("editing fields.html rewrote %s", rel)
		}
	}
}

func TestLocaleEditRedoesOnlyItsLanguage(t *testing.T) {
	t.Parallel()
	in := newIncremental(t)
	in.build()
	before := stamps(t, in.o.Out)
	in.o.Locales = []fs.FS{locales.FS, fstest.MapFS{"ui.de.yaml": {Data: []byte("ui.skip: \"Direkt zum Inhalt\"\n")}}}
	in.build()
	got := changed(before, stamps(t, in.o.Out))
	if len(got) == 0 {
		t.Fatal("the locale edit changed no file")
	}
	for _, rel := range got {
		if !strings.Contains(rel, "/de/") && rel != "checklist/de.html" && rel != "index.de.html" {
			t.Errorf("editing a German message rewrote %s", rel)
		}
	}
}

func TestDeletingTheCacheIsSafe(t *testing.T) {
	t.Parallel()
	in := newIncremental(t)
	in.build()
	want := tree(t, in.o.Out)
	if err := os.RemoveAll(in.o.Cache); err != nil {
		t.Fatal(err)
	}
	res := in.build()
	if res.UpToDate {
		t.Error("without its cache a build cannot know it is up to date")
	}
	if got := tree(t, in.o.Out); len(got) != len(want) {
		t.Errorf("rebuild without cache wrote %d files, want %d", len(got), len(want))
	}
	// A file removed by hand is noticed.
	if err := os.Remove(filepath.Join(in.o.Out, "index.html")); err != nil {
		t.Fatal(err)
	}
	if res := in.build(); res.UpToDate {
		t.Error("a removed output went unnoticed")
	}
	if _, err := os.Stat(filepath.Join(in.o.Out, "index.html")); err != nil {
		t.Error(err)
	}
}

func TestRemovedCompanyIsRemoved(t *testing.T) {
	t.Parallel()
	in := newIncremental(t)
	in.build()
	if err := os.RemoveAll(filepath.Join(in.content, "nowak-doradztwo")); err != nil {
		t.Fatal(err)
	}
	in.build()
	if _, err := os.Stat(filepath.Join(in.o.Out, "nowak-doradztwo")); !os.IsNotExist(err) {
		t.Errorf("the removed company's documents are still published: %v", err)
	}
	index, _ := os.ReadFile(filepath.Join(in.o.Out, "index.html"))
	if strings.Contains(string(index), "nowak-doradztwo/") || !strings.Contains(string(index), "baeckerei-schmidt/de/privacy.html") {
		t.Error("the index does not list exactly the remaining company")
	}
}

func TestFailedIncrementalBuildChangesNothing(t *testing.T) {
	t.Parallel()
	in := newIncremental(t)
	in.build()
	before := stamps(t, in.o.Out)
	in.edit("nowak-doradztwo", "basis: contract", "basis: kontrakt")
	if _, err := Build(context.Background(), in.o); err == nil {
		t.Fatal("a broken company file built")
	}
	if c := changed(before, stamps(t, in.o.Out)); len(c) > 0 {
		t.Errorf("a failed build changed %v", c)
	}
	in.edit("nowak-doradztwo", "basis: kontrakt", "basis: contract")
	if res := in.build(); !res.UpToDate {
		t.Errorf("after undoing the edit the site should be up to date: %+v", res)
	}
}
