package serve

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"io"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/basis-privacy/basis/generator/locale"
	"github.com/basis-privacy/basis/generator/pdf"
	"github.com/basis-privacy/basis/generator/site"
	"github.com/basis-privacy/basis/locales"
	"github.com/basis-privacy/basis/templates"
)

// testSite is a content folder with one example company and an output
// folder, built by site.Build without PDFs.
type testSite struct {
	content, out string
	cache        string // for incremental builds
	yaml         string // path of the company file
	good         []byte // its original text
}

func newTestSite(t testing.TB) *testSite {
	t.Helper()
	src, err := os.ReadFile(filepath.Join("..", "..", "content", "sen-vang", "company.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	ts := &testSite{content: filepath.Join(dir, "content"), out: filepath.Join(dir, "public"), cache: filepath.Join(dir, "cache"), good: src}
	ts.yaml = filepath.Join(ts.content, "sen-vang", "company.yaml")
	if err := os.MkdirAll(filepath.Dir(ts.yaml), 0o755); err != nil {
		t.Fatal(err)
	}
	ts.write(t, string(src))
	return ts
}

func (ts *testSite) write(t testing.TB, src string) {
	t.Helper()
	if err := os.WriteFile(ts.yaml, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
}

func (ts *testSite) build(ctx context.Context, swap sync.Locker) (bool, error) {
	res, err := site.Build(ctx, site.Options{Content: ts.content, Out: ts.out, Cache: ts.cache, PDF: false,
		Templates: templates.FS, Locales: []fs.FS{locales.FS}, Version: "test", Lock: swap})
	return err == nil && !res.UpToDate, err
}

func get(t *testing.T, c *http.Client, method, url string) (int, http.Header, string) {
	t.Helper()
	req, err := http.NewRequest(method, url, nil)
	if err != nil {
		t.Fatal(err)
	}
	resp, err := c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, resp.Header, string(b)
}

// eventStream reads server-sent events.
type eventStream struct {
	r    *bufio.Reader
	body io.Closer
}

func openEvents(t *testing.T, ctx context.Context, url string) *eventStream {
	t.Helper()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url+EventsPath, nil)
	if err != nil {
		t.Fatal(err)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { resp.Body.Close() })
	if ct := resp.Header.Get("Content-Type"); ct != "text/event-stream" {
		t.Fatalf("events: Content-Type %q", ct)
	}
	return &eventStream{r: bufio.NewReader(resp.Body), body: resp.Body}
}

// next returns the data of the next "state" event, or an error at the end
// of the stream.
func (es *eventStream) next() (State, error) {
	var name, data string
	for {
		line, err := es.r.ReadString('\n')
		if err != nil {
			return State{}, err
		}
		line = strings.TrimRight(line, "\n")
		switch {
		case line == "":
			if name == "state" {
				var st State
				err := json.Unmarshal([]byte(data), &st)
				return st, err
			}
			name, data = "", ""
		case strings.HasPrefix(line, "event: "):
			name = strings.TrimPrefix(line, "event: ")
		case strings.HasPrefix(line, "data: "):
			data += strings.TrimPrefix(line, "data: ")
		}
	}
}

func (es *eventStream) mustNext(t *testing.T) State {
	t.Helper()
	st, err := es.next()
	if err != nil {
		t.Fatalf("event stream: %v", err)
	}
	return st
}

var position = regexp.MustCompile(`company\.yaml:\d+:\d+: `)

func TestLiveReloadAndErrorOverlay(t *testing.T) {
	ts := newTestSite(t)
	srv, err := New(WithRoot(ts.out), WithBuild(ts.build))
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	if _, err := srv.Rebuild(context.Background()); err != nil {
		t.Fatal(err)
	}
	hs := httptest.NewServer(srv)
	defer hs.Close()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute) // ends a hung stream
	defer cancel()
	page := hs.URL + "/sen-vang/vi/privacy.html"

	code, hdr, body := get(t, hs.Client(), http.MethodGet, page)
	if code != http.StatusOK || !strings.HasPrefix(hdr.Get("Content-Type"), "text/html") {
		t.Fatalf("GET page: %d %s", code, hdr.Get("Content-Type"))
	}
	checkLivePage(t, body, filepath.Join(ts.out, "sen-vang", "vi", "privacy.html"))

	events := openEvents(t, ctx, hs.URL)
	first := events.mustNext(t)
	if len(first.Errors) != 0 || first.Version == "" || !strings.Contains(body, `var built = "`+first.Version+`"`) {
		t.Fatalf("first state %+v does not match the page's build", first)
	}

	// Break the input: a misspelt value, and a key that is markup.
	broken := strings.Replace(string(ts.good), "    basis: contract", "    basis: contact", 1) +
		"\"<img src=x onerror=alert(1)>\": 1\n"
	ts.write(t, broken)
	if _, err := srv.Rebuild(context.Background()); err == nil {
		t.Fatal("rebuild of broken input succeeded")
	}
	st := events.mustNext(t)
	if st.Version != first.Version || len(st.Errors) < 2 {
		t.Fatalf("state after breaking: %+v", st)
	}
	checkPositioned(t, st.Errors, `did you mean "contract"?`)

	code, _, body = get(t, hs.Client(), http.MethodGet, page)
	if code != http.StatusOK || !strings.Contains(body, "Sen Vàng") {
		t.Fatalf("last good page not served: %d", code)
	}
	if !strings.Contains(body, `id="basis-overlay"`) || !position.MatchString(body) {
		t.Error("page lacks the overlay with positions")
	}
	if strings.Contains(body, "<img src=x") || !strings.Contains(body, "&lt;img src=x onerror=alert(1)&gt;") {
		t.Error("error text not escaped in the overlay")
	}
	_, _, status := get(t, hs.Client(), http.MethodGet, hs.URL+StatusPath)
	var js State
	if err := json.Unmarshal([]byte(status), &js); err != nil || len(js.Errors) != len(st.Errors) {
		t.Errorf("status %s: %v", status, err)
	}

	// Undo the mistake: the errors clear; the pages are as before, so the
	// version stays and open pages only hide the overlay.
	ts.write(t, string(ts.good))
	if changed, err := srv.Rebuild(context.Background()); err != nil || changed {
		t.Fatalf("rebuild after undoing: changed %v, %v", changed, err)
	}
	st = events.mustNext(t)
	if len(st.Errors) != 0 || st.Version != first.Version {
		t.Fatalf("state after undoing: %+v", st)
	}
	_, _, body = get(t, hs.Client(), http.MethodGet, page)
	if strings.Contains(body, `id="basis-overlay"`) {
		t.Error("page after the fix still shows the overlay")
	}

	// A real edit: the version moves on, so open pages reload.
	ts.write(t, strings.Replace(string(ts.good), "Sen Vàng household goods store", "Sen Vàng home store", 1))
	if changed, err := srv.Rebuild(context.Background()); err != nil || !changed {
		t.Fatalf("rebuild after an edit: changed %v, %v", changed, err)
	}
	st = events.mustNext(t)
	if len(st.Errors) != 0 || st.Version == first.Version {
		t.Fatalf("state after an edit: %+v", st)
	}
	_, _, body = get(t, hs.Client(), http.MethodGet, page)
	if !strings.Contains(body, `var built = "`+st.Version+`"`) {
		t.Error("page after an edit carries an old version")
	}

	// Close ends the stream, so an http.Server can shut down.
	if err := srv.Close(); err != nil {
		t.Fatal(err)
	}
	if st, err := events.next(); !errors.Is(err, io.EOF) && !errors.Is(err, io.ErrUnexpectedEOF) {
		t.Errorf("stream after Close: %+v, %v", st, err)
	}
}

// checkLivePage checks that a served page carries the inline reload script
// before </body>, no overlay and no external script, and that the file it
// was served from does not.
func checkLivePage(t *testing.T, body, file string) {
	t.Helper()
	if !strings.Contains(body, `<script id="basis-live">`) || !strings.Contains(body, `new EventSource("/_basis/events")`) {
		t.Error("page lacks the inline reload script")
	}
	if strings.Contains(body, "<script src") || strings.Contains(body, `id="basis-overlay"`) {
		t.Error("page loads an external script, or shows an overlay without errors")
	}
	if !strings.HasSuffix(strings.TrimSpace(body), "</html>") || strings.Index(body, "basis-live") > strings.LastIndex(body, "</body>") {
		t.Error("script not placed before </body>")
	}
	onDisk, err := os.ReadFile(file)
	if err != nil || strings.Contains(string(onDisk), "basis-live") {
		t.Errorf("the built file itself was changed (or unreadable: %v)", err)
	}
}

// checkPositioned checks that every error names file:line:column and that
// one of them gives hint.
func checkPositioned(t *testing.T, errs []string, hint string) {
	t.Helper()
	for _, e := range errs {
		if !position.MatchString(e) {
			t.Errorf("error without file:line:column: %q", e)
		}
	}
	if !strings.Contains(strings.Join(errs, "\n"), hint) {
		t.Errorf("errors lack the hint %q: %q", hint, errs)
	}
}

func TestFirstBuildFails(t *testing.T) {
	ts := newTestSite(t)
	ts.write(t, "controller: [\n")
	srv, err := New(WithRoot(ts.out), WithBuild(ts.build))
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	if _, err := srv.Rebuild(context.Background()); err == nil {
		t.Fatal("no error")
	}
	rec := httptest.NewRecorder()
	srv.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/", nil))
	if rec.Code != http.StatusNotFound || !strings.Contains(rec.Body.String(), `id="basis-overlay"`) ||
		!strings.Contains(rec.Body.String(), "company.yaml:") || !strings.Contains(rec.Body.String(), "basis-live") {
		t.Errorf("GET / before any good build: %d\n%s", rec.Code, rec.Body)
	}
}

func TestServeFiles(t *testing.T) {
	ts := newTestSite(t)
	srv, err := New(WithRoot(ts.out), WithBuild(ts.build))
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	if _, err := srv.Rebuild(context.Background()); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(filepath.Dir(ts.out), "secret.txt"), []byte("TOP-SECRET-CONTENT"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(filepath.Dir(ts.out), "secret.txt"), filepath.Join(ts.out, "link.txt")); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		method, path string
		code         int
		ctype        string
		script       bool
	}{
		{"GET", "/", 200, "text/html", true},
		{"GET", "/index.html", 200, "text/html", true},
		{"GET", "/sen-vang/en/fields.json", 200, "application/json", false},
		{"GET", "/assets/basis.css", 200, "text/css", false},
		{"HEAD", "/sen-vang/en/privacy.html", 200, "text/html", false},
		{"GET", "/sen-vang", 301, "", false},
		{"GET", "/sen-vang/", 404, "text/html", true}, // no index there
		{"GET", "/nope.html", 404, "text/html", true},
		{"GET", "/../secret.txt", 404, "text/html", true},
		{"GET", "/link.txt", 404, "text/html", true}, // a symlink out of the site
		{"GET", "/nope.pdf", 404, "text/html", true},
		{"POST", "/index.html", 405, "text/plain", false},
	}
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	hs := httptest.NewServer(srv)
	defer hs.Close()
	for _, tt := range tests {
		code, hdr, body := get(t, client, tt.method, hs.URL+tt.path)
		if code != tt.code || !strings.HasPrefix(hdr.Get("Content-Type"), tt.ctype) || strings.Contains(body, "basis-live") != tt.script {
			t.Errorf("%s %s: %d %q, script %v; want %d %q, script %v", tt.method, tt.path, code, hdr.Get("Content-Type"),
				strings.Contains(body, "basis-live"), tt.code, tt.ctype, tt.script)
		}
		if strings.Contains(body, "TOP-SECRET-CONTENT") {
			t.Errorf("%s %s: served a file outside the site", tt.method, tt.path)
		}
	}
}

func TestInject(t *testing.T) {
	bad := State{Version: "v", Errors: []string{`a.yaml:1:2: unknown key "<b>&"`}}
	tests := []struct {
		name, page string
		st         State
		before     string // the injection must come before this, if set
		want       []string
		not        []string
	}{
		{"before the body's end", "<html><body><p>x</p></body></html>", State{Version: "v1"}, "</body>",
			[]string{`var built = "v1"`}, []string{"basis-overlay\" role"}},
		{"upper-case tag", "<HTML><BODY>x</BODY></HTML>", State{Version: "v1"}, "</BODY>", []string{"basis-live"}, nil},
		{"no body tag", "plain", State{Version: "v1"}, "", []string{"plain<script"}, nil},
		{"errors escaped", "<body></body>", bad, "</body>",
			[]string{`<div id="basis-overlay"`, `unknown key &#34;&lt;b&gt;&amp;&#34;`}, []string{"<b>&"}},
		{"version escaped", "<body></body>", State{Version: "</script>"}, "</body>",
			[]string{`\u003c/script\u003e`}, []string{`"</script>"`}},
	}
	for _, tt := range tests {
		got := string(Inject([]byte(tt.page), tt.st))
		for _, w := range tt.want {
			if !strings.Contains(got, w) {
				t.Errorf("%s: no %q in\n%s", tt.name, w, got)
			}
		}
		for _, n := range tt.not {
			if strings.Contains(got, n) {
				t.Errorf("%s: %q in\n%s", tt.name, n, got)
			}
		}
		if tt.before != "" && strings.Index(got, "basis-live") > strings.LastIndex(got, tt.before) {
			t.Errorf("%s: script after %s", tt.name, tt.before)
		}
	}
}

func TestNoBrowser(t *testing.T) {
	ts := newTestSite(t)
	srv, err := New(WithRoot(ts.out), WithBuild(ts.build),
		WithPrinter(func(string) (Printer, error) { return nil, &pdf.NoBrowserError{} }))
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	if _, err := srv.Rebuild(context.Background()); err != nil {
		t.Fatal(err)
	}
	rec := httptest.NewRecorder()
	srv.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/sen-vang/en/privacy.pdf", nil))
	if rec.Code != http.StatusServiceUnavailable || !strings.Contains(rec.Body.String(), "apt-get install chromium") {
		t.Errorf("PDF without a browser: %d %s", rec.Code, rec.Body)
	}
}

// requireBrowser skips the test when no browser is installed, unless
// BASIS_REQUIRE_BROWSER=1, which makes that a failure.
func requireBrowser(t *testing.T) {
	t.Helper()
	if testing.Short() {
		t.Skip("-short: the browser tests are left out")
	}
	if _, err := pdf.FindBrowser(""); err != nil {
		if os.Getenv("BASIS_REQUIRE_BROWSER") == "1" {
			t.Fatalf("BASIS_REQUIRE_BROWSER=1: %v", err)
		}
		t.Skip(err)
	}
}

func TestPDFOnDemand(t *testing.T) {
	requireBrowser(t)
	ts := newTestSite(t)
	cat, err := locale.Load(locales.FS)
	if err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	var printed []pdf.Job
	srv, err := New(WithRoot(ts.out), WithBuild(ts.build),
		WithPageOf(func(lang string) string { return cat.For(lang).T("ui.page") }),
		WithPrintHook(func(j pdf.Job) {
			mu.Lock()
			printed = append(printed, j)
			mu.Unlock()
		}))
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	if _, err := srv.Rebuild(context.Background()); err != nil {
		t.Fatal(err)
	}
	hs := httptest.NewServer(srv)
	defer hs.Close()
	prints := func() int {
		mu.Lock()
		defer mu.Unlock()
		return len(printed)
	}
	fetch := func(p string) string {
		t.Helper()
		code, hdr, body := get(t, hs.Client(), http.MethodGet, hs.URL+p)
		if code != http.StatusOK || hdr.Get("Content-Type") != "application/pdf" || !strings.HasPrefix(body, "%PDF-") {
			t.Fatalf("GET %s: %d %s %.200q", p, code, hdr.Get("Content-Type"), body)
		}
		return body
	}
	const doc = "/sen-vang/en/privacy.pdf"
	first := fetch(doc)
	second := fetch(doc)
	if n := prints(); n != 1 || first != second {
		t.Fatalf("two GETs printed %d times (same bytes: %v), want once", n, first == second)
	}
	j := printed[0]
	if j.Lang != "en" || j.Title != "Privacy notice – Công ty TNHH Bán lẻ Sen Vàng" || j.PageOf != "Page {page} of {pages}" {
		t.Errorf("job %+v", j)
	}

	// Two at once print once.
	var wg sync.WaitGroup
	var bad atomic.Int32
	for range 2 {
		wg.Go(func() {
			code, _, _ := get(t, hs.Client(), http.MethodGet, hs.URL+"/sen-vang/vi/fields.pdf")
			if code != http.StatusOK {
				bad.Add(1)
			}
		})
	}
	wg.Wait()
	if n := prints(); n != 2 || bad.Load() != 0 {
		t.Errorf("two concurrent GETs: %d prints in all (want 2), %d failed", n, bad.Load())
	}

	// An edit changes the HTML: the next GET prints again, once.
	ts.write(t, strings.Replace(string(ts.good), "baomatdulieu@senvang.example", "privacy@senvang.example", -1))
	if _, err := srv.Rebuild(context.Background()); err != nil {
		t.Fatal(err)
	}
	fetch(doc)
	fetch(doc)
	if n := prints(); n != 3 {
		t.Errorf("after an edit: %d prints in all, want 3", n)
	}
	// A rebuild without a change prints nothing again.
	if _, err := srv.Rebuild(context.Background()); err != nil {
		t.Fatal(err)
	}
	fetch(doc)
	if n := prints(); n != 3 {
		t.Errorf("after a rebuild without change: %d prints in all, want 3", n)
	}
	if err := srv.Close(); err != nil {
		t.Errorf("Close: %v", err)
	}
}

func TestLocalOnly(t *testing.T) {
	h := LocalOnly(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) { w.WriteHeader(http.StatusNoContent) }))
	tests := []struct {
		host string
		code int
	}{
		{"127.0.0.1:8080", http.StatusNoContent},
		{"localhost:8080", http.StatusNoContent},
		{"LOCALHOST", http.StatusNoContent},
		{"[::1]:8080", http.StatusNoContent},
		{"evil.example:8080", http.StatusForbidden},
		{"127.0.0.1.evil.example", http.StatusForbidden},
		{"", http.StatusForbidden},
	}
	for _, tt := range tests {
		req := httptest.NewRequest(http.MethodGet, "/", nil)
		req.Host = tt.host
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != tt.code {
			t.Errorf("Host %q: %d, want %d", tt.host, rec.Code, tt.code)
		}
	}
}
