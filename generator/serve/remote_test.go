//go:build linux

package serve

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/basis-privacy/basis/generator/pdf"
	"github.com/basis-privacy/basis/generator/pdf/pdftest"
)

// TestPDFOnRemoteBrowser prints a page asked for on a remote browser
// (WithEndpoints, basis serve --browser): the PDF carries the page's text,
// which the browser can only have got from the printer.
func TestPDFOnRemoteBrowser(t *testing.T) {
	requireBrowser(t)
	bin, err := pdf.FindBrowser("")
	if err != nil {
		t.Fatal(err)
	}
	pdftotext, err := exec.LookPath("pdftotext")
	if err != nil {
		if os.Getenv("BASIS_REQUIRE_BROWSER") == "1" {
			t.Fatal("BASIS_REQUIRE_BROWSER=1 and no pdftotext (apt-get install poppler-utils)")
		}
		t.Skip(err)
	}
	remote := pdftest.RemoteBrowser(t, bin)
	// No local browser to fall back on: the PDF can only come from remote.
	t.Setenv("BASIS_CHROME", filepath.Join(t.TempDir(), "no-chromium"))
	t.Setenv("PATH", t.TempDir())
	ts := newTestSite(t)
	srv, err := New(WithRoot(ts.out), WithBuild(ts.build), WithEndpoints(remote))
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	if _, err := srv.Rebuild(context.Background()); err != nil {
		t.Fatal(err)
	}
	hs := httptest.NewServer(srv)
	defer hs.Close()
	code, hdr, body := get(t, hs.Client(), http.MethodGet, hs.URL+"/sen-vang/vi/privacy.pdf")
	if code != http.StatusOK || hdr.Get("Content-Type") != "application/pdf" || !strings.HasPrefix(body, "%PDF-") {
		t.Fatalf("GET: %d %s %.200q", code, hdr.Get("Content-Type"), body)
	}
	file := filepath.Join(t.TempDir(), "privacy.pdf")
	if err := os.WriteFile(file, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	text, err := exec.Command(pdftotext, "-enc", "UTF-8", file, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(text), "Công ty TNHH Bán lẻ Sen Vàng") {
		t.Errorf("the PDF printed remotely lacks the company's name:\n%.600s", text)
	}
	if err := srv.Close(); err != nil {
		t.Errorf("Close: %v", err)
	}
}
