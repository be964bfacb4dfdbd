package pdf_test

import (
	"bytes"
	"context"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/basis-privacy/basis/content"
	"github.com/basis-privacy/basis/generator/pdf"
	"github.com/basis-privacy/basis/generator/site"
	"github.com/basis-privacy/basis/locales"
	"github.com/basis-privacy/basis/templates"
)

// The tests in this file hold the warm tabs (a page put into a tab's
// document) to the plain path (a navigation per page) as their oracle, on
// the example companies' real documents.

// example is the example site the tests share: built once, by the first
// test that asks, and only read.
var example struct {
	once sync.Once
	root string
	docs []string
	err  error
}

// exampleSite returns the example site, built without PDFs, and the
// documents a build prints (the pages that link their own PDF), by path
// under its folder. The tests only read it.
func exampleSite(t *testing.T) (string, []string) {
	t.Helper()
	requireTools(t)
	example.once.Do(func() {
		dir, err := os.MkdirTemp("", "basis-pdf-examples-")
		if err != nil {
			example.err = err
			return
		}
		pdf.AfterTests = append(pdf.AfterTests, func() { os.RemoveAll(dir) })
		example.root = filepath.Join(dir, "public")
		example.docs, example.err = buildExamples(dir, example.root)
	})
	if example.err != nil {
		t.Fatal(example.err)
	}
	if len(example.docs) < 20 {
		t.Fatalf("the example site has %d documents: %v", len(example.docs), example.docs)
	}
	return example.root, example.docs
}

// buildExamples builds the embedded example companies, with their
// releases, into root (content and releases go beside it, in dir), and
// lists the documents a build prints. It never reads the live content/
// folder, which may hold a user's own companies.
func buildExamples(dir, root string) ([]string, error) {
	src, err := content.CopyTo(filepath.Join(dir, "content"))
	if err != nil {
		return nil, err
	}
	for _, slug := range content.Examples {
		if rel := filepath.Join("..", "..", "releases", slug); exists(rel) {
			if err := os.CopyFS(filepath.Join(dir, "releases", slug), os.DirFS(rel)); err != nil {
				return nil, err
			}
		}
	}
	_, err = site.Build(context.Background(), site.Options{Content: src, Out: root,
		LinkPDF: true, Templates: templates.FS, Locales: []fs.FS{locales.FS}, Version: "test"})
	if err != nil {
		return nil, fmt.Errorf("build the examples: %w", err)
	}
	var docs []string
	err = fs.WalkDir(os.DirFS(root), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || path.Ext(p) != ".html" {
			return err
		}
		page, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(p)))
		if err == nil && bytes.Contains(page, []byte(`href="`+strings.TrimSuffix(path.Base(p), ".html")+`.pdf"`)) {
			docs = append(docs, p)
		}
		return err
	})
	return docs, err
}

// exists reports whether the file or folder p exists.
func exists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}

// requireTools skips the test without a browser or poppler, unless
// BASIS_REQUIRE_BROWSER=1 makes that a failure.
func requireTools(t *testing.T) {
	t.Helper()
	if testing.Short() {
		t.Skip("-short: the browser tests are left out")
	}
	_, err := pdf.FindBrowser("")
	for _, tool := range []string{"pdftotext", "pdffonts", "pdfinfo"} {
		if err == nil {
			_, err = exec.LookPath(tool)
		}
	}
	if err != nil {
		if os.Getenv("BASIS_REQUIRE_BROWSER") == "1" {
			t.Fatalf("BASIS_REQUIRE_BROWSER=1 but: %v", err)
		}
		t.Skip(err)
	}
}

// jobFor returns the job printing the document rel of the site at root into dir.
func jobFor(t *testing.T, root, rel, dir string) pdf.Job {
	t.Helper()
	page, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(rel)))
	if err != nil {
		t.Fatal(err)
	}
	job := pdf.NewJob(root, rel, page, filepath.Join(dir, strings.ReplaceAll(strings.TrimSuffix(rel, ".html"), "/", "_")+".pdf"))
	job.PageOf = "{page} / {pages}"
	return job
}

// warmCount is a log handler that counts the documents put into warm tabs
// and the fallbacks to navigation.
type warmCount struct {
	mu             sync.Mutex
	put, fallbacks int
}

func (w *warmCount) Enabled(context.Context, slog.Level) bool { return true }
func (w *warmCount) WithAttrs([]slog.Attr) slog.Handler       { return w }
func (w *warmCount) WithGroup(string) slog.Handler            { return w }
func (w *warmCount) Handle(_ context.Context, r slog.Record) error {
	w.mu.Lock()
	defer w.mu.Unlock()
	switch {
	case strings.Contains(r.Message, "put into a warm tab"):
		w.put++
	case strings.Contains(r.Message, "navigating to it instead"):
		w.fallbacks++
	}
	return nil
}

// newPrinter starts a printer on root, closed by the test's cleanup.
func newPrinter(t *testing.T, root string, opts ...pdf.Option) *pdf.Printer {
	t.Helper()
	p, err := pdf.New(append([]pdf.Option{pdf.WithRoot(root)}, opts...)...)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := p.Close(); err != nil {
			t.Error(err)
		}
	})
	return p
}

// TestFastPathMatchesNavigation prints every document a build of the
// examples prints, on warm tabs and by navigation: each pair has the same text (the footer's title and
// page phrase included), fonts, page count, links, title and language.
func TestFastPathMatchesNavigation(t *testing.T) {
	root, docs := exampleSite(t)
	t.Logf("%d documents", len(docs))
	dirs := [2]string{t.TempDir(), t.TempDir()}
	var jobs [2][]pdf.Job
	for _, rel := range docs {
		for i := range dirs {
			jobs[i] = append(jobs[i], jobFor(t, root, rel, dirs[i]))
		}
	}
	count := &warmCount{}
	nav := newPrinter(t, root, pdf.WithNavigation(true))
	fast := newPrinter(t, root, pdf.WithLogger(slog.New(count)))
	if err := nav.PrintAll(context.Background(), jobs[0], nil); err != nil {
		t.Fatalf("by navigation: %v", err)
	}
	if err := fast.PrintAll(context.Background(), jobs[1], nil); err != nil {
		t.Fatalf("on warm tabs: %v", err)
	}
	if count.fallbacks > 0 || count.put < len(docs)/2 {
		t.Errorf("%d of %d documents were put into warm tabs, %d fell back to navigation", count.put, len(docs), count.fallbacks)
	}
	for i, rel := range docs {
		comparePDFs(t, rel, jobs[0][i].Out, jobs[1][i].Out)
	}
}

// TestNoStateLeaksBetweenDocuments prints documents of different
// companies, kinds and languages alternately on one warm tab, each several
// times, and compares each print with a fresh one (a navigation): nothing
// of one document (title, footer, language, styles, scroll) reaches the next.
// A page without a title (an embedding fragment) is navigated to: put into
// the tab it would be printed with the title of the tab's first document;
// and so is the page after it, whose stylesheet the fragment did not load.
func TestNoStateLeaksBetweenDocuments(t *testing.T) {
	root, _ := exampleSite(t)
	docs := []string{"baeckerei-schmidt/de/privacy.html", "sen-vang/vi/checklist.html", "baeckerei-schmidt/en/privacy.fragment.html", "nowak-doradztwo/pl/fields.html", "checklist/en.html"}
	fresh := newPrinter(t, root, pdf.WithNavigation(true), pdf.WithPages(1))
	oracle := map[string]string{}
	dir := t.TempDir()
	for _, rel := range docs {
		job := jobFor(t, root, rel, filepath.Join(dir, "fresh"))
		if err := os.MkdirAll(filepath.Dir(job.Out), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := fresh.Print(context.Background(), job); err != nil {
			t.Fatal(err)
		}
		oracle[rel] = job.Out
	}
	count := &warmCount{}
	warm := newPrinter(t, root, pdf.WithPages(1), pdf.WithLogger(slog.New(count)))
	for round := range 3 {
		for _, rel := range docs {
			job := jobFor(t, root, rel, filepath.Join(dir, "warm", string(rune('a'+round))))
			if err := os.MkdirAll(filepath.Dir(job.Out), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := warm.Print(context.Background(), job); err != nil {
				t.Fatal(err)
			}
			comparePDFs(t, rel, oracle[rel], job.Out)
		}
	}
	// Navigated to: the first document, the untitled one, and the one after
	// it in each round (the untitled one loads no stylesheet the next could
	// take from the memory cache).
	if want := 3*len(docs) - 1 - 3 - 3; count.put != want || count.fallbacks > 0 {
		t.Errorf("%d documents put into the warm tab, %d fell back; want %d and none", count.put, count.fallbacks, want)
	}
}

// comparePDFs fails the test if the PDFs want and got differ in what a
// reader sees: text, fonts, pages, links, title, language.
func comparePDFs(t *testing.T, name, want, got string) {
	t.Helper()
	if sameBytes(t, want, got) {
		return
	}
	a, b := readFacts(t, want), readFacts(t, got)
	for _, f := range []struct{ what, a, b string }{
		{"text", a.text, b.text},
		{"fonts", a.fonts, b.fonts},
		{"page count", a.pages, b.pages},
		{"links", strings.Join(a.links, "\n"), strings.Join(b.links, "\n")},
		{"title", a.title, b.title},
		{"language", a.lang, b.lang},
	} {
		if f.a != f.b {
			t.Errorf("%s: the %s differs:\nnavigation: %.600s\nwarm tab:   %.600s", name, f.what, f.a, f.b)
		}
	}
}

// printStamps are what differs between two prints of one page that print
// the same: the creation and modification dates, and the ids Chromium gives
// the structure tree's elements, which number the DOM nodes of the tab that
// printed it (a warm tab has had other documents in it).
var printStamps = regexp.MustCompile(`/(CreationDate|ModDate) \(D:[^)]*\)|\(node[0-9]+\)`)

// sameBytes reports whether the PDFs want and got are the same bytes but
// for their printStamps: then they have the same facts, and comparePDFs
// need not ask poppler (a fifth of the test's time). Of the example
// documents, all are.
func sameBytes(t *testing.T, want, got string) bool {
	t.Helper()
	a, err := os.ReadFile(want)
	if err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(got)
	if err != nil {
		t.Fatal(err)
	}
	return bytes.Equal(printStamps.ReplaceAll(a, nil), printStamps.ReplaceAll(b, nil))
}

// TestSameBytesIgnoresOnlyPrintStamps: two prints that differ in their
// dates and structure ids are the same bytes; any other difference is not.
func TestSameBytesIgnoresOnlyPrintStamps(t *testing.T) {
	dir := t.TempDir()
	write := func(name, s string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	a := write("a.pdf", "<</CreationDate (D:20261206010203+00'00') /Title (Privacy notice)>> <</ID (node00000051) /Headers [(node00000052)]>>")
	b := write("b.pdf", "<</CreationDate (D:20261206040506+00'00') /Title (Privacy notice)>> <</ID (node00000061) /Headers [(node00000062)]>>")
	c := write("c.pdf", "<</CreationDate (D:20261206010203+00'00') /Title (Privacy policy)>> <</ID (node00000051) /Headers [(node00000052)]>>")
	if !sameBytes(t, a, b) {
		t.Error("prints differing only in dates and structure ids are not the same")
	}
	if sameBytes(t, a, c) {
		t.Error("prints with different titles are the same")
	}
}

// facts is what comparePDFs compares of a PDF.
type facts struct {
	text, fonts, pages, title, lang string
	links                           []string
}

var (
	pagesRE = regexp.MustCompile(`(?m)^Pages:\s+(\d+)$`)
	titleRE = regexp.MustCompile(`(?m)^Title:\s+(.*)$`)
	langRE  = regexp.MustCompile(`/Lang \(([^)]*)\)`)
	destRE  = regexp.MustCompile(`/Dest /[^\s/>\]]+|/URI \([^)]*\)`)
)

// readFacts reads a PDF's facts with poppler's tools and from its bytes:
// pdffonts without the object numbers, and the link annotations' targets
// (addresses and named destinations, which Chromium writes uncompressed).
func readFacts(t *testing.T, file string) facts {
	t.Helper()
	run := func(name string, args ...string) string {
		out, err := exec.Command(name, append(args, file)...).Output()
		if err != nil {
			t.Fatalf("%s %s: %v", name, file, err)
		}
		return string(out)
	}
	var f facts
	f.text = run("pdftotext", "-enc", "UTF-8", "-layout")
	var fonts []string
	for _, line := range strings.Split(run("pdffonts"), "\n")[2:] {
		if fields := strings.Fields(line); len(fields) > 2 {
			fonts = append(fonts, strings.Join(fields[:len(fields)-2], " "))
		}
	}
	f.fonts = strings.Join(fonts, "\n")
	info := run("pdfinfo")
	if m := pagesRE.FindStringSubmatch(info); m != nil {
		f.pages = m[1]
	}
	if m := titleRE.FindStringSubmatch(info); m != nil {
		f.title = m[1]
	}
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if m := langRE.FindSubmatch(data); m != nil {
		f.lang = string(m[1])
	}
	for _, m := range destRE.FindAll(data, -1) {
		f.links = append(f.links, string(m))
	}
	slices.Sort(f.links)
	f.links = append(f.links, strings.Fields(run("pdfinfo", "-url"))...)
	if !bytes.HasPrefix(data, []byte("%PDF-")) {
		t.Fatalf("%s is no PDF", file)
	}
	return f
}
