package serve

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/basis-privacy/basis/generator/pdf/pdftest"
)

// TestPDFErrorHidesTheToken asks for a PDF while the remote browser refuses
// the connection with a page that echoes the request, token and all: the
// answer names the status and shows nothing of the address past its host.
func TestPDFErrorHidesTheToken(t *testing.T) {
	ws := pdftest.Refusing(t, http.StatusUnauthorized, func(w io.Writer, req *http.Request) {
		fmt.Fprintf(w, "<p>Unauthorized request: GET %s HTTP/1.1</p>", req.URL.RequestURI())
	}) + "?token=SECRET123"
	ts := newTestSite(t)
	srv, err := New(WithRoot(ts.out), WithBuild(ts.build), WithEndpoints(ws))
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	if _, err := srv.Rebuild(context.Background()); err != nil {
		t.Fatal(err)
	}
	rec := httptest.NewRecorder()
	srv.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/sen-vang/en/privacy.pdf", nil))
	body := rec.Body.String()
	if rec.Code != http.StatusInternalServerError || !strings.Contains(body, "401 Unauthorized") {
		t.Errorf("PDF on a refusing browser: %d %s", rec.Code, body)
	}
	for _, secret := range []string{"SECRET123", "devtools/browser", "fake"} {
		if strings.Contains(body, secret) {
			t.Errorf("the answer shows %q: %s", secret, body)
		}
	}
}

// TestCloseStopsAHungPrinterStart asks for a PDF while the remote browser
// never answers the connection: Close stops the start at once, and the
// request is answered with an error rather than left hanging.
func TestCloseStopsAHungPrinterStart(t *testing.T) {
	ts := newTestSite(t)
	srv, err := New(WithRoot(ts.out), WithBuild(ts.build), WithEndpoints(pdftest.Silent(t)))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := srv.Rebuild(context.Background()); err != nil {
		t.Fatal(err)
	}
	answered := make(chan int, 1)
	go func() {
		rec := httptest.NewRecorder()
		srv.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/sen-vang/en/privacy.pdf", nil))
		answered <- rec.Code
	}()
	time.Sleep(200 * time.Millisecond) // the request is waiting for the browser; if not yet, Close comes first, which is fine too
	closed := make(chan error, 1)
	go func() { closed <- srv.Close() }()
	const hangLimit = 2 * time.Minute // not a performance bound: both end at once
	select {
	case <-closed:
	case <-time.After(hangLimit):
		t.Fatalf("Close still runs after %v", hangLimit)
	}
	select {
	case code := <-answered:
		if code == http.StatusOK {
			t.Errorf("the PDF request was answered %d", code)
		}
	case <-time.After(hangLimit):
		t.Fatalf("the PDF request is still unanswered %v after Close", hangLimit)
	}
}
