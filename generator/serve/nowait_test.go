package serve

import (
	"bytes"
	"context"
	"image"
	"image/color"
	"image/png"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/basis-privacy/basis/generator/pdf"
)

// fakePrinter writes a tiny PDF naming the page it printed, after holding
// each print until hold yields, if hold is set.
type fakePrinter struct {
	started chan pdf.Job  // gets each job as it starts, if not nil
	hold    chan struct{} // each print waits for a value or its closing, if not nil

	mu    sync.Mutex
	pages []string // the HTML each print read, at the moment it printed
}

func (fp *fakePrinter) Print(_ context.Context, job pdf.Job) error {
	if fp.started != nil {
		fp.started <- job
	}
	if fp.hold != nil {
		<-fp.hold
	}
	page, err := os.ReadFile(job.HTML)
	if err != nil {
		return err
	}
	fp.mu.Lock()
	fp.pages = append(fp.pages, string(page))
	fp.mu.Unlock()
	return os.WriteFile(job.Out, []byte("%PDF-1.4 fake\n%%EOF\n"), 0o644)
}

func (fp *fakePrinter) Close() error { return nil }

func (fp *fakePrinter) printed() []string {
	fp.mu.Lock()
	defer fp.mu.Unlock()
	return append([]string(nil), fp.pages...)
}

// TestPagesNeverWaitForPrintOrBuild holds a rebuild in the middle of its
// build and a PDF in the middle of its print: a page must still be served,
// the rebuild must finish while the print goes on, and the print must see
// the page as it was when it was asked for.
func TestPagesNeverWaitForPrintOrBuild(t *testing.T) {
	ts := newTestSite(t)
	building, proceed := make(chan struct{}), make(chan struct{})
	var holdBuild bool
	build := func(ctx context.Context, swap sync.Locker) (bool, error) {
		if holdBuild {
			building <- struct{}{}
			<-proceed
		}
		return ts.build(ctx, swap)
	}
	fp := &fakePrinter{started: make(chan pdf.Job, 1), hold: make(chan struct{})}
	srv, err := New(WithRoot(ts.out), WithBuild(build), WithPrinter(func(string) (Printer, error) { return fp, nil }))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := srv.Rebuild(context.Background()); err != nil {
		t.Fatal(err)
	}
	hs := httptest.NewServer(srv)
	t.Cleanup(func() { hs.Close(); srv.Close() })
	t.Cleanup(func() { close(proceed); close(fp.hold) }) // runs first: nothing stays blocked

	// A rebuild, stopped in the middle of its build.
	holdBuild = true
	ts.write(t, strings.ReplaceAll(string(ts.good), "baomatdulieu@senvang.example", "privacy@senvang.example"))
	rebuilt := make(chan error, 1)
	go func() {
		_, err := srv.Rebuild(context.Background())
		rebuilt <- err
	}()
	<-building
	if !srv.site.TryRLock() {
		t.Fatal("a build in progress holds the site's lock: every page request waits for it")
	}
	srv.site.RUnlock()

	// A PDF, stopped in the middle of its print.
	pdfDone := make(chan int, 1)
	go func() {
		resp, err := hs.Client().Get(hs.URL + "/sen-vang/en/privacy.pdf")
		if err != nil {
			pdfDone <- 0
			return
		}
		resp.Body.Close()
		pdfDone <- resp.StatusCode
	}()
	<-fp.started
	if !srv.site.TryLock() {
		t.Fatal("a print in progress holds the site's lock: a rebuild waits for it, and every page for the rebuild")
	}
	srv.site.Unlock()

	if code, _, body := get(t, hs.Client(), http.MethodGet, hs.URL+"/sen-vang/en/privacy.html"); code != http.StatusOK || !strings.Contains(body, "baomatdulieu@senvang.example") {
		t.Fatalf("page during a build and a print: %d", code)
	}

	// The build goes on and publishes while the print still runs.
	proceed <- struct{}{}
	if err := <-rebuilt; err != nil {
		t.Fatal(err)
	}
	if _, _, body := get(t, hs.Client(), http.MethodGet, hs.URL+"/sen-vang/en/privacy.html"); !strings.Contains(body, "privacy@senvang.example") {
		t.Fatal("the rebuilt page is not served")
	}
	fp.hold <- struct{}{}
	if code := <-pdfDone; code != http.StatusOK {
		t.Fatalf("PDF: %d", code)
	}
	if got := fp.printed(); len(got) != 1 || !strings.Contains(got[0], "baomatdulieu@senvang.example") {
		t.Error("the print did not see the page as it was when it was asked for")
	}
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

// TestPDFReprintedAfterLogoChange changes only the logo, which the page
// loads but its HTML does not contain: the PDF must be printed again.
func TestPDFReprintedAfterLogoChange(t *testing.T) {
	ts := newTestSite(t)
	ts.write(t, strings.Replace(string(ts.good), "country: VN", "logo: logo.png\ncountry: VN", 1))
	logo := filepath.Join(filepath.Dir(ts.yaml), "logo.png")
	if err := os.WriteFile(logo, pngOf(t, color.RGBA{R: 255, A: 255}), 0o644); err != nil {
		t.Fatal(err)
	}
	fp := &fakePrinter{}
	srv, err := New(WithRoot(ts.out), WithBuild(ts.build), WithPrinter(func(string) (Printer, error) { return fp, nil }))
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	fetch := func() {
		t.Helper()
		if _, err := srv.Rebuild(context.Background()); err != nil {
			t.Fatal(err)
		}
		rec := httptest.NewRecorder()
		srv.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/sen-vang/vi/privacy.pdf", nil))
		if rec.Code != http.StatusOK {
			t.Fatalf("GET: %d %s", rec.Code, rec.Body)
		}
	}
	fetch()
	fetch()
	if n := len(fp.printed()); n != 1 {
		t.Fatalf("two GETs without a change printed %d times, want 1", n)
	}
	if err := os.WriteFile(logo, pngOf(t, color.RGBA{B: 255, A: 255}), 0o644); err != nil {
		t.Fatal(err)
	}
	fetch()
	if n := len(fp.printed()); n != 2 {
		t.Errorf("after a new logo: %d prints in all, want 2", n)
	}
}
