package serve

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkInject measures writing the live script (and an overlay) into
// a built privacy notice.
func BenchmarkInject(b *testing.B) {
	ts := newTestSite(b)
	if _, err := ts.build(context.Background(), nil); err != nil {
		b.Fatal(err)
	}
	page, err := os.ReadFile(filepath.Join(ts.out, "sen-vang", "vi", "privacy.html"))
	if err != nil {
		b.Fatal(err)
	}
	for _, st := range []struct {
		name string
		st   State
	}{
		{"ok", State{Version: "abc-1"}},
		{"errors", State{Version: "abc-1", Errors: []string{"content/x/company.yaml:3:5: unknown key \"<b>\"", "content/x/company.yaml:9:1: more"}}},
	} {
		b.Run(st.name, func(b *testing.B) {
			b.SetBytes(int64(len(page)))
			for b.Loop() {
				Inject(page, st.st)
			}
		})
	}
}

// BenchmarkServePage measures one GET of a page through the handler.
func BenchmarkServePage(b *testing.B) {
	ts := newTestSite(b)
	srv, err := New(WithRoot(ts.out), WithBuild(ts.build))
	if err != nil {
		b.Fatal(err)
	}
	defer srv.Close()
	if _, err := srv.Rebuild(context.Background()); err != nil {
		b.Fatal(err)
	}
	req := httptest.NewRequest(http.MethodGet, "/sen-vang/vi/privacy.html", nil)
	for b.Loop() {
		rec := httptest.NewRecorder()
		srv.ServeHTTP(rec, req)
		if rec.Code != http.StatusOK {
			b.Fatal(rec.Code)
		}
	}
}

// BenchmarkServeCachedPDF measures one GET of a PDF already printed: the
// page and what it loads are copied and hashed, then the PDF is served
// from memory.
func BenchmarkServeCachedPDF(b *testing.B) {
	ts := newTestSite(b)
	srv, err := New(WithRoot(ts.out), WithBuild(ts.build), WithPrinter(func(string) (Printer, error) { return &fakePrinter{}, nil }))
	if err != nil {
		b.Fatal(err)
	}
	defer srv.Close()
	if _, err := srv.Rebuild(context.Background()); err != nil {
		b.Fatal(err)
	}
	req := httptest.NewRequest(http.MethodGet, "/sen-vang/vi/privacy.pdf", nil)
	for b.Loop() {
		rec := httptest.NewRecorder()
		srv.ServeHTTP(rec, req)
		if rec.Code != http.StatusOK {
			b.Fatal(rec.Code)
		}
	}
}
