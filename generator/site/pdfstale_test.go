package site

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"github.com/basis-privacy/basis/generator/pdf"
	"github.com/basis-privacy/basis/locales"
	"github.com/basis-privacy/basis/templates"
)

// fakePDF is a small but whole PDF that names what it was printed from.
func fakePDF(from []byte) []byte {
	head := fmt.Sprintf("%%PDF-1.4\n%% printed from %x\n", sumBytes(from))
	return fmt.Appendf(nil, "%sxref\n0 1\n0000000000 65535 f \ntrailer\n<< /Size 1 >>\nstartxref\n%d\n%%%%EOF\n", head, len(head))
}

// fakePrinter stands in for the browser: it writes a fakePDF for each job
// and records which pages it printed.
type fakePrinter struct {
	mu      sync.Mutex
	root    string
	printed []string // pages, relative to the root
}

// newFakePrinter returns a fakePrinter; use makes builds print with it.
func newFakePrinter() *fakePrinter { return &fakePrinter{} }

// use makes the builds of o print with fp.
func (fp *fakePrinter) use(o *Options) {
	o.find = func(string) (string, error) { return "fake", nil }
	o.printer = func(pf printerFor) (printer, error) {
		fp.mu.Lock()
		fp.root = pf.root
		fp.mu.Unlock()
		return fp, nil
	}
}

func (fp *fakePrinter) PrintAll(_ context.Context, jobs []pdf.Job, progress func(done, total int)) error {
	for i, j := range jobs {
		page, err := os.ReadFile(j.HTML)
		if err != nil {
			return err
		}
		if err := os.WriteFile(j.Out, fakePDF(page), 0o644); err != nil {
			return err
		}
		rel, _ := filepath.Rel(fp.root, j.Out)
		fp.mu.Lock()
		fp.printed = append(fp.printed, filepath.ToSlash(rel))
		fp.mu.Unlock()
		progress(i+1, len(jobs))
	}
	return nil
}

func (fp *fakePrinter) Close() error { return nil }

// take returns the PDFs printed since the last call, sorted.
func (fp *fakePrinter) take() []string {
	fp.mu.Lock()
	defer fp.mu.Unlock()
	p := fp.printed
	fp.printed = nil
	slices.Sort(p)
	return p
}

// pngOf returns a 1x1 PNG of colour c.
func pngOf(t *testing.T, c color.Color) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, 1, 1))
	img.Set(0, 0, c)
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// pdfSite is a site of one company, with a logo and section files,
// built with PDFs by a fakePrinter.
type pdfSite struct {
	t       *testing.T
	fp      *fakePrinter
	o       Options
	company string            // its folder
	tmpl    fstest.MapFS      // template overrides
	msgs    fstest.MapFS      // message overrides
	all     map[string]string // every PDF of the first build, by path
}

func newPDFSite(t *testing.T) *pdfSite {
	src := strings.Replace(example(t, "baeckerei-schmidt"), "country: DE", "logo: logo.png\ncountry: DE", 1)
	content := writeContent(t, map[string]string{"baeckerei-schmidt": src})
	s := &pdfSite{t: t, fp: newFakePrinter(), company: filepath.Join(content, "baeckerei-schmidt"),
		tmpl: fstest.MapFS{}, msgs: fstest.MapFS{}}
	s.write("logo.png", pngOf(t, color.RGBA{R: 255, A: 255}))
	dir := t.TempDir()
	s.o = opts(content, filepath.Join(dir, "public"))
	s.o.PDF, s.o.Cache = true, filepath.Join(dir, "cache")
	s.fp.use(&s.o)
	s.build()
	s.all = map[string]string{}
	for _, rel := range s.fp.take() {
		s.all[rel] = ""
	}
	// 1 company x 2 languages x every document, 4 blank checklists.
	if want := pdfsOf(1, 2, 4); len(s.all) != want {
		t.Fatalf("the first build printed %d PDFs, want %d", len(s.all), want)
	}
	return s
}

func (s *pdfSite) write(name string, data []byte) {
	s.t.Helper()
	if err := os.WriteFile(filepath.Join(s.company, name), data, 0o644); err != nil {
		s.t.Fatal(err)
	}
}

func (s *pdfSite) build() *Result {
	s.t.Helper()
	s.o.Templates = Overlay(s.tmpl, templates.FS)
	s.o.Locales = []fs.FS{locales.FS, s.msgs}
	res, err := Build(context.Background(), s.o)
	if err != nil {
		s.t.Fatal(err)
	}
	return res
}

// edited returns the text of the embedded file name with old replaced.
func edited(t *testing.T, fsys fs.FS, name, old, new string) []byte {
	t.Helper()
	b, err := fs.ReadFile(fsys, name)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(b, []byte(old)) {
		t.Fatalf("%s lacks %q", name, old)
	}
	return bytes.Replace(b, []byte(old), []byte(new), 1)
}

// TestPDFKeyCoversEverythingThePageLoads changes, in turn, each thing a
// page loads or is made from, and checks that its PDF is printed again.
func TestPDFKeyCoversEverythingThePageLoads(t *testing.T) {
	t.Parallel()
	s := newPDFSite(t)
	const notice = "baeckerei-schmidt/de/privacy.pdf"
	tests := []struct {
		name   string
		change func()
		want   []string // PDFs that must be printed again
	}{
		{"logo", func() { s.write("logo.png", pngOf(t, color.RGBA{B: 255, A: 255})) }, []string{notice}},
		{"CSS", func() {
			s.tmpl["assets/basis.css"] = &fstest.MapFile{Data: edited(t, templates.FS, "assets/basis.css", "{", "{ color: #111;")}
		}, []string{notice, "checklist/en.pdf"}},
		{"font", func() {
			s.tmpl["assets/fonts/noto-sans-latin-400-normal.woff2"] = &fstest.MapFile{Data: []byte("another font")}
		}, []string{notice, "checklist/en.pdf"}},
		{"section file", func() { s.write("cookies.de.md", []byte("Wir setzen nur notwendige Cookies ein.\n")) }, []string{notice}},
		{"template", func() {
			s.tmpl["privacy.html"] = &fstest.MapFile{Data: edited(t, templates.FS, "privacy.html", "<li>", `<li class="toc">`)}
		}, []string{notice}},
		{"messages", func() { s.msgs["ui.de.yaml"] = &fstest.MapFile{Data: []byte("ui.page: \"Seite {page} / {pages}\"\n")} }, []string{notice, "checklist/de.pdf"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.change()
			s.build()
			got := s.fp.take()
			for _, want := range tt.want {
				if !slices.Contains(got, want) {
					t.Errorf("after a change of the %s, %s was not printed again (printed: %v)", tt.name, want, got)
				}
			}
		})
	}
	if res := s.build(); !res.UpToDate || len(s.fp.take()) != 0 {
		t.Errorf("a rebuild without a change printed: %+v", res)
	}
}

// damage overwrites the file at p in place (same inode), with garbage of the
// same size, keeping its modification time when keepTime is set.
func damage(t *testing.T, p string, keepTime bool) {
	t.Helper()
	st, err := os.Stat(p)
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.OpenFile(p, os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.Write(bytes.Repeat([]byte("GARBAGE "), int(st.Size()/8))); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	if keepTime {
		if err := os.Chtimes(p, st.ModTime(), st.ModTime()); err != nil {
			t.Fatal(err)
		}
	}
}

// TestDamagedPDFIsNeverRepublished damages cached and published PDFs; the
// next build must publish only whole PDFs, printing again what it must.
func TestDamagedPDFIsNeverRepublished(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		damage func(s *pdfSite)
	}{
		{"every cached PDF, then the site removed", func(s *pdfSite) {
			cached, _ := filepath.Glob(filepath.Join(s.o.Cache, "pdf", "*.pdf"))
			if len(cached) != len(s.all) {
				t.Fatalf("%d PDFs in the cache, want %d", len(cached), len(s.all))
			}
			for _, p := range cached {
				damage(t, p, false)
			}
			if err := os.RemoveAll(s.o.Out); err != nil {
				t.Fatal(err)
			}
		}},
		{"a published PDF", func(s *pdfSite) {
			damage(t, filepath.Join(s.o.Out, "baeckerei-schmidt", "de", "privacy.pdf"), false)
		}},
		{"a published PDF, keeping its size and time, then another edit", func(s *pdfSite) {
			damage(t, filepath.Join(s.o.Out, "checklist", "en.pdf"), true)
			s.write("cookies.en.md", []byte("We use necessary cookies only.\n"))
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newPDFSite(t)
			tt.damage(s)
			s.o.Force = true
			s.build()
			for rel := range s.all {
				if p := filepath.Join(s.o.Out, rel); !wholePDF(p) {
					t.Errorf("%s was published damaged", rel)
				}
			}
		})
	}
}

// TestWholePDF checks the test of a PDF before it is reused.
func TestWholePDF(t *testing.T) {
	t.Parallel()
	good := fakePDF([]byte("page"))
	tests := []struct {
		name string
		data []byte
		want bool
	}{
		{"whole", good, true},
		{"trailing newlines", append(slices.Clone(good), "\r\n\n"...), true},
		{"empty", nil, false},
		{"garbage", bytes.Repeat([]byte("GARBAGE "), 40), false},
		{"truncated", good[:len(good)-20], false},
		{"no header", append([]byte("%PDX-"), good[5:]...), false},
		{"offset outside", bytes.Replace(good, []byte("startxref\n"), []byte("startxref\n9"), 1), false},
		{"offset not at xref", bytes.Replace(good, []byte("xref\n0 1"), []byte("XREF\n0 1"), 1), false},
		{"too small", []byte("%PDF-1.4\nstartxref\n5\n%%EOF"), false},
	}
	dir := t.TempDir()
	for _, tt := range tests {
		p := filepath.Join(dir, "x.pdf")
		if err := os.WriteFile(p, tt.data, 0o644); err != nil {
			t.Fatal(err)
		}
		if got := wholePDF(p); got != tt.want {
			t.Errorf("%s: wholePDF = %v, want %v", tt.name, got, tt.want)
		}
	}
	if wholePDF(filepath.Join(dir, "none.pdf")) || wholePDF(dir) {
		t.Error("a missing file or a folder passed as a PDF")
	}
}
