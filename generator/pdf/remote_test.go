//go:build linux

package pdf

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"
)

// remoteBrowser is a Chromium started by a test with --remote-debugging-port.
type remoteBrowser struct {
	ws  string // its DevTools address
	pid int
}

// startRemote starts a headless Chromium listening for DevTools on a free
// port, with a temporary profile, as a browser service would run it.
// Cleanup kills it and checks that no process of it is left.
func startRemote(t *testing.T) *remoteBrowser {
	t.Helper()
	bin := requireBrowser(t)
	dir, err := os.MkdirTemp("", "basis-remote-test-")
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
		"--remote-debugging-port=0", "--remote-debugging-address=127.0.0.1", "--user-data-dir="+dir, "about:blank")
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Env = append(os.Environ(), "TMPDIR="+dir, "XDG_CONFIG_HOME="+dir, "XDG_CACHE_HOME="+dir)
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	pid := cmd.Process.Pid
	t.Cleanup(func() {
		kill(pid)
		for _, q := range related(pid, dir) {
			kill(q)
		}
		_ = cmd.Wait()
		for left := related(pid, dir); len(left) > 0; left = related(pid, dir) {
			for _, q := range left {
				kill(q)
			}
			time.Sleep(20 * time.Millisecond)
		}
		if err := os.RemoveAll(dir); err != nil {
			t.Error(err)
		}
		assertNoProcesses(t, pid, dir)
	})
	// The browser says where it listens on stderr; the rest is drained.
	lines := bufio.NewScanner(stderr)
	const prefix = "DevTools listening on "
	for lines.Scan() {
		if ws, ok := strings.CutPrefix(lines.Text(), prefix); ok {
			go func() {
				for lines.Scan() {
				}
			}()
			return &remoteBrowser{ws: strings.TrimSpace(ws), pid: pid}
		}
	}
	t.Fatalf("%s exited without printing %q: %v", bin, prefix, lines.Err())
	return nil
}

// writeDocs writes n documents that use the project's fonts and returns their jobs.
func writeDocs(t *testing.T, root string, n int) []Job {
	t.Helper()
	copyFonts(t, root)
	jobs := make([]Job, n)
	for i := range jobs {
		html := writeFile(t, root, fmt.Sprintf("doc-%02d.html", i), fmt.Sprintf(`<!doctype html>
<html lang="pl"><head><meta charset="utf-8"><link rel="stylesheet" href="fonts.css">
<style>body { font-family: "Basis Noto Sans"; }</style></head>
<body><h1>Document number %02d</h1><p>%s</p></body></html>`, i, polish))
		jobs[i] = Job{HTML: html, Out: strings.TrimSuffix(html, ".html") + ".pdf", Title: fmt.Sprintf("Doc %02d", i), PageOf: "{page}/{pages}"}
	}
	return jobs
}

// pdfText returns the text of the PDF at path.
func pdfText(t *testing.T, pdftotext, path string) string {
	t.Helper()
	out, err := exec.Command(pdftotext, "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", path, err)
	}
	return string(out)
}

// TestRemotePool prints through two remote browsers and kills one of them
// while it prints, after the first few documents are done: its documents
// must be printed by the other, every one exactly once and correctly.
func TestRemotePool(t *testing.T) {
	pdftotext := requireTool(t, "pdftotext")
	a, b := startRemote(t), startRemote(t)
	root := t.TempDir()
	jobs := writeDocs(t, root, 16)

	const killAfter = 4
	var (
		done   atomic.Int64
		killed atomic.Bool
	)
	nameA := "browser at " + Redact(a.ws)
	kill := func(c *config) {
		c.onPrint = func(_ context.Context, from string, _ Job) {
			// A document starts on a after killAfter are done: kill
			// a while it holds that document and others.
			if from == nameA && done.Load() >= killAfter && killed.CompareAndSwap(false, true) {
				syscall.Kill(-a.pid, syscall.SIGKILL) //nolint:errcheck // checked by the retries below
			}
		}
	}
	rec := &logRecorder{}
	p := newTestPrinter(t, root, WithEndpoints(a.ws, b.ws), WithPages(2), WithLogger(slogNew(rec)), kill)

	var calls []int
	err := p.PrintAll(context.Background(), jobs, func(n, total int) {
		calls = append(calls, n)
		done.Store(int64(n))
	})
	if err != nil {
		t.Fatalf("PrintAll: %v", err)
	}
	if !killed.Load() {
		t.Fatal("the first browser got no document after the first ones were done")
	}
	if len(calls) != len(jobs) || calls[len(calls)-1] != len(jobs) {
		t.Errorf("progress calls %v, want 1..%d once each", calls, len(jobs))
	}
	if lost := rec.attrs("pdf: remote browser lost, its documents go to the others", "browser"); len(lost) != 1 || lost[0] != Redact(a.ws) {
		t.Errorf("lost browsers logged: %v, want only %s", lost, Redact(a.ws))
	}
	if n := p.pool.size(); n != 1 {
		t.Errorf("%d browsers left in the pool, want 1", n)
	}
	for i, job := range jobs {
		assertPDF(t, job.Out)
		text := pdfText(t, pdftotext, job.Out)
		for _, want := range []string{fmt.Sprintf("Document number %02d", i), polish, fmt.Sprintf("Doc %02d", i)} {
			if !strings.Contains(text, want) {
				t.Errorf("%s: text lacks %q:\n%s", job.Out, want, text)
			}
		}
	}
}

// TestRemoteNoNetwork checks that a page printed by a remote browser reaches
// nothing but the root's files, which the printer serves itself.
func TestRemoteNoNetwork(t *testing.T) {
	r := startRemote(t)
	var hits atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) { hits.Add(1) }))
	defer srv.Close()

	base := t.TempDir()
	root := filepath.Join(base, "public")
	if err := os.Mkdir(root, 0o755); err != nil {
		t.Fatal(err)
	}
	secret := writeFile(t, base, "secret.css", "body { color: red }")
	if err := os.Symlink(secret, filepath.Join(root, "link.css")); err != nil {
		t.Fatal(err)
	}
	writeFile(t, root, "own.css", "p { color: #123456 }")
	html := writeFile(t, root, "index.html", `<!doctype html><html><head><meta charset="utf-8">
<link rel="stylesheet" href="own.css"><link rel="stylesheet" href="`+srv.URL+`/x.css"><link rel="stylesheet" href="link.css">
<style>body { background: url(`+srv.URL+`/bg.png) }</style></head>
<body><p>hello</p><img src="`+srv.URL+`/x.png"><iframe src="`+srv.URL+`/frame"></iframe>
<img src="`+fileURL(secret)+`"></body></html>`)
	rec := &logRecorder{}
	var served []string
	var mu sync.Mutex
	p := newTestPrinter(t, root, WithEndpoints(r.ws), WithLogger(slogNew(rec)), func(c *config) {
		c.onRequest = func(_, url string) {
			mu.Lock()
			defer mu.Unlock()
			served = append(served, url)
		}
	})
	out := filepath.Join(root, "index.pdf")
	if err := p.Print(context.Background(), Job{HTML: html, Out: out}); err != nil {
		t.Fatalf("Print: %v", err)
	}
	assertPDF(t, out)
	if n := hits.Load(); n != 0 {
		t.Errorf("the test server got %d requests from the remote browser", n)
	}
	blocked := strings.Join(rec.attrs("pdf: blocked request", "url"), " ")
	for _, want := range []string{srv.URL + "/x.css", srv.URL + "/x.png", srv.URL + "/frame", srv.URL + "/bg.png", origin + "/link.css"} {
		if !strings.Contains(blocked, want) {
			t.Errorf("%s was not blocked; blocked: %s", want, blocked)
		}
	}
	mu.Lock()
	defer mu.Unlock()
	all := strings.Join(served, " ")
	if !strings.Contains(all, origin+"/index.html") || !strings.Contains(all, origin+"/own.css") {
		t.Errorf("the page and its stylesheet were not requested from %s: %s", origin, all)
	}
	// Chromium refuses file: URLs on an http page itself; if it asks, the printer says no.
	if strings.Contains(all, fileURL(secret)) && !strings.Contains(blocked, fileURL(secret)) {
		t.Errorf("%s was requested and not blocked", fileURL(secret))
	}
}

// freeAddr returns a local address nothing listens on.
func freeAddr(t *testing.T) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	if err := l.Close(); err != nil {
		t.Fatal(err)
	}
	return addr
}

// TestRemoteNoneAlive checks that a pool with no reachable browser fails at
// once, naming each address (without its token) and why it failed.
func TestRemoteNoneAlive(t *testing.T) {
	ws := "ws://" + freeAddr(t) + "/devtools/browser/x?token=SECRET"
	web := "http://" + freeAddr(t) + "/?token=SECRET"
	_, err := New(WithRoot(t.TempDir()), WithEndpoints(ws, web))
	var none *NoEndpointError
	if !errors.As(err, &none) {
		t.Fatalf("New = %v, want a *NoEndpointError", err)
	}
	msg := err.Error()
	for _, want := range []string{"no remote browser left of 2", Redact(ws), Redact(web), "connection refused", "--browser", EnvEndpoints} {
		if !strings.Contains(msg, want) {
			t.Errorf("message lacks %q: %s", want, msg)
		}
	}
	if strings.Contains(msg, "SECRET") {
		t.Errorf("message shows the token: %s", msg)
	}
}

// TestRemoteAllLost kills the only remote browser after its first
// document: PrintAll must fail with a *NoEndpointError, not hang or retry.
func TestRemoteAllLost(t *testing.T) {
	r := startRemote(t)
	root := t.TempDir()
	jobs := writeDocs(t, root, 4)
	var done atomic.Int64
	var killed atomic.Bool
	p := newTestPrinter(t, root, WithEndpoints(r.ws), WithPages(1), func(c *config) {
		c.onPrint = func(context.Context, string, Job) {
			if done.Load() >= 1 && killed.CompareAndSwap(false, true) {
				syscall.Kill(-r.pid, syscall.SIGKILL) //nolint:errcheck // checked by the error below
			}
		}
	})
	err := p.PrintAll(context.Background(), jobs, func(n, _ int) { done.Store(int64(n)) })
	var none *NoEndpointError
	if !errors.As(err, &none) {
		t.Fatalf("PrintAll = %v, want a *NoEndpointError", err)
	}
	if !strings.Contains(err.Error(), "lost while printing") {
		t.Errorf("message does not say the browser was lost: %v", err)
	}
	assertPDF(t, jobs[0].Out)
}

// TestHTTPEndpoint connects through an http:// address, resolved with
// /json/version, and prints.
func TestHTTPEndpoint(t *testing.T) {
	r := startRemote(t)
	root := t.TempDir()
	jobs := writeDocs(t, root, 1)
	u := strings.Replace(r.ws, "ws://", "http://", 1)
	u = u[:strings.Index(u[len("http://"):], "/")+len("http://")]
	p := newTestPrinter(t, root, WithEndpoints(u))
	if err := p.Print(context.Background(), jobs[0]); err != nil {
		t.Fatalf("Print via %s: %v", u, err)
	}
	assertPDF(t, jobs[0].Out)
}

// TestRemoteSlowEndpoint holds a document's page on the first browser until
// the document's deadline passes: it must be printed by the second, and
// the first, which still answers, stays in the pool. The deadline is
// injected: short on the first browser, the default on the second.
func TestRemoteSlowEndpoint(t *testing.T) {
	a, b := startRemote(t), startRemote(t)
	root := t.TempDir()
	jobs := writeDocs(t, root, 1)
	nameA := "browser at " + Redact(a.ws)
	var held atomic.Bool
	expire := newExpiry()
	hold := func(c *config) {
		c.onPrint = func(ctx context.Context, from string, _ Job) {
			if from == nameA {
				held.Store(true)
				expire.now()
				<-ctx.Done()
			}
		}
	}
	rec := &logRecorder{}
	deadlines := func(c *config) {
		c.deadline = func(ctx context.Context, browser string) (context.Context, context.CancelFunc) {
			if browser == nameA {
				return expire.on(ctx)
			}
			return context.WithTimeout(ctx, DefaultTimeout)
		}
	}
	p := newTestPrinter(t, root, WithEndpoints(a.ws, b.ws), WithLogger(slogNew(rec)), hold, deadlines)
	if err := p.Print(context.Background(), jobs[0]); err != nil {
		t.Fatalf("Print: %v", err)
	}
	if !held.Load() {
		t.Fatal("the document did not go to the first browser first")
	}
	assertPDF(t, jobs[0].Out)
	if got := rec.attrs("pdf: document timed out, retrying on another browser", "browser"); len(got) != 1 || got[0] != Redact(a.ws) {
		t.Errorf("timeouts logged: %v, want one on %s", got, Redact(a.ws))
	}
	if n := p.pool.size(); n != 2 {
		t.Errorf("%d browsers left in the pool, want 2", n)
	}
}

// expiry is a document deadline a test makes pass when it chooses.
type expiry struct {
	done chan struct{}
	once sync.Once
}

func newExpiry() *expiry { return &expiry{done: make(chan struct{})} }

// now makes the deadline pass.
func (e *expiry) now() { e.once.Do(func() { close(e.done) }) }

// on returns a context of parent that ends with context.DeadlineExceeded when now is called.
func (e *expiry) on(parent context.Context) (context.Context, context.CancelFunc) {
	return context.WithCancel(&expiring{Context: parent, e: e})
}

// expiring is a context whose deadline passes when its expiry says so.
type expiring struct {
	context.Context
	e *expiry
}

func (c *expiring) Done() <-chan struct{} { return c.e.done }

func (c *expiring) Err() error {
	select {
	case <-c.e.done:
		return context.DeadlineExceeded
	default:
		return nil
	}
}

// cutProxy forwards TCP connections to a browser's DevTools port and can
// cut every connection open, as a service that ends sessions does.
type cutProxy struct {
	l     net.Listener
	mu    sync.Mutex
	conns []net.Conn
}

// newCutProxy listens on a free local port and forwards to target (host:port).
func newCutProxy(t *testing.T, target string) *cutProxy {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	p := &cutProxy{l: l}
	t.Cleanup(func() {
		_ = l.Close()
		p.cut()
	})
	go func() {
		for {
			c, err := l.Accept()
			if err != nil {
				return
			}
			up, err := net.Dial("tcp", target)
			if err != nil {
				_ = c.Close()
				continue
			}
			p.mu.Lock()
			p.conns = append(p.conns, c, up)
			p.mu.Unlock()
			go func() { _, _ = io.Copy(up, c); _ = up.Close() }()
			go func() { _, _ = io.Copy(c, up); _ = c.Close() }()
		}
	}()
	return p
}

// cut closes every connection open through the proxy.
func (p *cutProxy) cut() {
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, c := range p.conns {
		_ = c.Close()
	}
	p.conns = nil
}

// TestRemoteReconnect cuts the only remote browser's connection after a
// few documents, as a service does at the end of a session: the printer
// must connect again and print the rest on it.
func TestRemoteReconnect(t *testing.T) {
	r := startRemote(t)
	u, err := url.Parse(r.ws)
	if err != nil {
		t.Fatal(err)
	}
	proxy := newCutProxy(t, u.Host)
	u.Host = proxy.l.Addr().String()
	root := t.TempDir()
	jobs := writeDocs(t, root, 6)
	var done atomic.Int64
	var cut atomic.Bool
	rec := &logRecorder{}
	p := newTestPrinter(t, root, WithEndpoints(u.String()), WithPages(2), WithLogger(slogNew(rec)), func(c *config) {
		c.onPrint = func(context.Context, string, Job) {
			if done.Load() >= 2 && cut.CompareAndSwap(false, true) {
				proxy.cut()
			}
		}
	})
	if err := p.PrintAll(context.Background(), jobs, func(n, _ int) { done.Store(int64(n)) }); err != nil {
		t.Fatalf("PrintAll: %v", err)
	}
	if !cut.Load() {
		t.Fatal("the connection was never cut")
	}
	if got := rec.attrs("pdf: reconnected to remote browser", "browser"); len(got) != 1 {
		t.Errorf("reconnections logged: %v, want 1", got)
	}
	for _, job := range jobs {
		assertPDF(t, job.Out)
	}
}

// TestRemoteRevalidates checks that a remote browser gets a file's body
// once for many documents, and again once the file changed.
func TestRemoteRevalidates(t *testing.T) {
	r := startRemote(t)
	root := t.TempDir()
	jobs := writeDocs(t, root, 3)
	rec := &logRecorder{}
	p := newTestPrinter(t, root, WithEndpoints(r.ws), WithPages(1), WithLogger(slogNew(rec)))
	css := origin + "/fonts.css"
	statuses := func() []string {
		var got []string
		rec.mu.Lock()
		defer rec.mu.Unlock()
		for _, r := range rec.records {
			var u, status string
			r.Attrs(func(a slog.Attr) bool {
				switch a.Key {
				case "url":
					u = a.Value.String()
				case "status":
					status = a.Value.String()
				}
				return true
			})
			if r.Message == "pdf: served" && u == css {
				got = append(got, status)
			}
		}
		return got
	}
	for _, job := range jobs[:2] {
		if err := p.Print(context.Background(), job); err != nil {
			t.Fatal(err)
		}
	}
	if got := statuses(); slices.Index(got, "200") != 0 || slices.Index(got[1:], "200") >= 0 {
		t.Errorf("fonts.css answered with %v for two documents, want one 200 first (and maybe a 304)", got)
	}
	data, err := os.ReadFile(filepath.Join(root, "fonts.css"))
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, root, "fonts.css", string(data)+"\n/* changed */\n")
	if err := p.Print(context.Background(), jobs[2]); err != nil {
		t.Fatal(err)
	}
	if got := statuses(); len(got) < 2 || got[len(got)-1] != "200" {
		t.Errorf("fonts.css answered with %v after it changed, want a last 200", got)
	}
}
