package pdf

import (
	"bytes"
	"context"
	"io/fs"
	"log/slog"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"

	"github.com/go-rod/rod/lib/proto"
)

// envRequireBrowser makes browser tests fail instead of skip when no browser is found.
const envRequireBrowser = "BASIS_REQUIRE_BROWSER"

// assetsDir holds the project's web fonts and their stylesheet.
const assetsDir = "../../templates/assets"

// requireBrowser returns the browser to test with, or skips the test when
// there is none, unless BASIS_REQUIRE_BROWSER=1 makes that a failure.
func requireBrowser(tb testing.TB) string {
	tb.Helper()
	if testing.Short() {
		tb.Skip("-short: the browser tests are left out")
	}
	path, err := FindBrowser("")
	if err != nil {
		if os.Getenv(envRequireBrowser) == "1" {
			tb.Fatalf("%s=1 but: %v", envRequireBrowser, err)
		}
		tb.Skip(err)
	}
	return path
}

// requireTool returns the path of a poppler tool, skipping like requireBrowser when it is missing.
func requireTool(tb testing.TB, name string) string {
	tb.Helper()
	path, err := exec.LookPath(name)
	if err != nil {
		if os.Getenv(envRequireBrowser) == "1" {
			tb.Fatalf("%s=1 but %s is missing (apt-get install poppler-utils): %v", envRequireBrowser, name, err)
		}
		tb.Skipf("%s is missing (apt-get install poppler-utils)", name)
	}
	return path
}

// newTestPrinter starts a printer for root; cleanup closes it and checks
// that no browser process is left.
func newTestPrinter(tb testing.TB, root string, opts ...Option) *Printer {
	tb.Helper()
	requireBrowser(tb)
	p, err := New(append([]Option{WithRoot(root)}, opts...)...)
	if err != nil {
		tb.Fatalf("New: %v", err)
	}
	pid, dir := p.PID(), profileDir(p)
	tb.Cleanup(func() {
		if err := p.Close(); err != nil {
			tb.Errorf("Close: %v", err)
		}
		assertNoProcesses(tb, pid, dir)
	})
	return p
}

// profileDir returns the current browser's temporary profile directory.
func profileDir(p *Printer) string {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.cur == nil {
		return ""
	}
	return p.cur.dir
}

// browserProcess returns the process id of p's browser as the browser
// reports it: the started program's own, or its child's where the program
// is a wrapper script that does not exec the browser (Debian's
// chromium-headless-shell), so a test that kills it crashes the browser.
func browserProcess(tb testing.TB, p *Printer) int {
	tb.Helper()
	p.mu.Lock()
	b := p.cur.browser
	p.mu.Unlock()
	res, err := proto.SystemInfoGetProcessInfo{}.Call(b)
	if err != nil {
		tb.Fatalf("ask the browser for its processes: %v", err)
	}
	for _, pi := range res.ProcessInfo {
		if pi.Type == "browser" {
			return pi.ID
		}
	}
	tb.Fatalf("the browser names no browser process among %d", len(res.ProcessInfo))
	return 0
}

// assertNoProcesses fails if a running process descends from pid or has
// dir in its command line, or if dir still exists.
func assertNoProcesses(tb testing.TB, pid int, dir string) {
	tb.Helper()
	if runtime.GOOS != "linux" {
		return
	}
	list := procs()
	parent := make(map[int]int, len(list))
	for _, p := range list {
		parent[p.pid] = p.ppid
	}
	for _, p := range list {
		if p.state == 'Z' || p.pid == os.Getpid() {
			continue // a zombie runs nothing; its parent reaps it
		}
		for q, n := p.ppid, 0; q > 1 && n < 1000; q, n = parent[q], n+1 {
			if q == pid {
				tb.Errorf("process %d (%s) still runs under browser %d", p.pid, cmdline(p), pid)
				break
			}
		}
		if dir != "" && bytes.Contains(p.cmdline, []byte(dir)) {
			tb.Errorf("process %d (%s) still uses the profile %s", p.pid, cmdline(p), dir)
		}
	}
	if p := pid; p > 1 && running(p) {
		tb.Errorf("browser %d still runs", p)
	}
	if dir != "" {
		if _, err := os.Stat(dir); err == nil {
			tb.Errorf("profile %s was not removed", dir)
		}
	}
}

func cmdline(p proc) string {
	s := strings.ReplaceAll(string(p.cmdline), "\x00", " ")
	if len(s) > 120 {
		s = s[:120] + "…"
	}
	return s
}

// copyFonts copies the project's fonts.css and fonts/ into root.
func copyFonts(tb testing.TB, root string) {
	tb.Helper()
	src := os.DirFS(assetsDir)
	err := fs.WalkDir(src, ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if path != "fonts.css" && path != "fonts" && !strings.HasPrefix(path, "fonts/") {
			return nil
		}
		dst := filepath.Join(root, filepath.FromSlash(path))
		if d.IsDir() {
			return os.MkdirAll(dst, 0o755)
		}
		data, err := fs.ReadFile(src, path)
		if err != nil {
			return err
		}
		return os.WriteFile(dst, data, 0o644)
	})
	if err != nil {
		tb.Fatalf("copy fonts from %s: %v", assetsDir, err)
	}
	if _, err := os.Stat(filepath.Join(root, "fonts.css")); err != nil {
		tb.Fatalf("copy fonts: %v", err)
	}
}

// writeFile writes content to root/name and returns the path.
func writeFile(tb testing.TB, root, name, content string) string {
	tb.Helper()
	path := filepath.Join(root, name)
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		tb.Fatal(err)
	}
	return path
}

// readTestdata returns the content of testdata/name.
func readTestdata(tb testing.TB, name string) string {
	tb.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		tb.Fatal(err)
	}
	return string(data)
}

// assertPDF fails unless path holds a PDF.
func assertPDF(tb testing.TB, path string) {
	tb.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	if !bytes.HasPrefix(data, []byte("%PDF-")) || !bytes.Contains(data[max(0, len(data)-1024):], []byte("%%EOF")) {
		tb.Fatalf("%s is not a complete PDF (%d bytes)", path, len(data))
	}
	if _, err := os.Stat(path + ".tmp"); err == nil {
		tb.Errorf("%s.tmp left behind", path)
	}
}

// logRecorder is a slog handler that keeps the messages it gets.
type logRecorder struct {
	mu      sync.Mutex
	records []slog.Record
}

func (r *logRecorder) Enabled(context.Context, slog.Level) bool { return true }
func (r *logRecorder) WithAttrs(as []slog.Attr) slog.Handler    { return &withAttrs{r, as} }
func (r *logRecorder) WithGroup(string) slog.Handler            { return r }

// withAttrs is a logRecorder's handler with attributes (logger.With) that
// it adds to each record.
type withAttrs struct {
	r  *logRecorder
	as []slog.Attr
}

func (w *withAttrs) Enabled(context.Context, slog.Level) bool { return true }
func (w *withAttrs) WithAttrs(as []slog.Attr) slog.Handler {
	return &withAttrs{w.r, append(append([]slog.Attr{}, w.as...), as...)}
}
func (w *withAttrs) WithGroup(string) slog.Handler { return w }
func (w *withAttrs) Handle(ctx context.Context, rec slog.Record) error {
	rec = rec.Clone()
	rec.AddAttrs(w.as...)
	return w.r.Handle(ctx, rec)
}
func (r *logRecorder) Handle(_ context.Context, rec slog.Record) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.records = append(r.records, rec.Clone())
	return nil
}

// attrs returns the value of attribute key of every record with message msg.
func (r *logRecorder) attrs(msg, key string) []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	var vals []string
	for _, rec := range r.records {
		if rec.Message != msg {
			continue
		}
		rec.Attrs(func(a slog.Attr) bool {
			if a.Key == key {
				vals = append(vals, a.Value.String())
			}
			return true
		})
	}
	return vals
}

// slogNew returns a logger that writes to h.
func slogNew(h slog.Handler) *slog.Logger { return slog.New(h) }
