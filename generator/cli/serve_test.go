package cli

import (
	"bytes"
	"context"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// syncBuffer is a bytes.Buffer safe for one writer and one reader.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// waitFor polls out until it matches re; the limit only ends a hung test.
func waitFor(t *testing.T, out *syncBuffer, re *regexp.Regexp) []string {
	t.Helper()
	return waitAfter(t, out, 0, re)
}

// waitAfter polls out until its text from byte from on matches re.
func waitAfter(t *testing.T, out *syncBuffer, from int, re *regexp.Regexp) []string {
	t.Helper()
	limit := time.Now().Add(2 * time.Minute)
	for time.Now().Before(limit) {
		if m := re.FindStringSubmatch(out.String()[from:]); m != nil {
			return m
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatalf("no %q in the output after byte %d:\n%s", re, from, out)
	return nil
}

func TestServe(t *testing.T) {
	t.Setenv("XDG_CACHE_HOME", t.TempDir()) // serve keeps its build cache there
	dir := content(t, []string{"sen-vang"}, nil)
	out := filepath.Join(t.TempDir(), "public")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var stdout, stderr syncBuffer
	done := make(chan int)
	go func() {
		done <- Run(ctx, []string{"serve", "--content", dir, "--out", out, "--port", "0"}, &stdout, &stderr)
	}()

	m := waitFor(t, &stdout, regexp.MustCompile(`first build: built in \S+\nserving (http://127\.0\.0\.1:\d+/) — Ctrl-C stops\n`))
	base := m[1]
	resp, err := http.Get(base + "sen-vang/vi/privacy.html")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || !strings.Contains(string(body), "basis-live") {
		t.Fatalf("GET page: %d", resp.StatusCode)
	}
	// The server prints PDFs when asked, so its pages link them.
	if !strings.Contains(string(body), `href="privacy.pdf"`) {
		t.Error("a served page does not link its PDF")
	}

	// An edit that breaks the input is reported with its position, and the
	// fix is rebuilt. (Waiting for the watcher is not timed: it only ends
	// a hung test.)
	yaml := filepath.Join(dir, "sen-vang", "company.yaml")
	good, err := os.ReadFile(yaml)
	if err != nil {
		t.Fatal(err)
	}
	bad := strings.Replace(string(good), "    basis: contract", "    basis: contact", 1)
	if err := os.WriteFile(yaml, []byte(bad), 0o644); err != nil {
		t.Fatal(err)
	}
	waitFor(t, &stdout, regexp.MustCompile(`company\.yaml: \d+ error\(s\); the last good pages stay[^\n]*\n(  [^\n]*\n)*  \S+company\.yaml:\d+:\d+: [^\n]*did you mean "contract"\?`))
	// Undoing the mistake restores the pages as they were: nothing to rebuild.
	if err := os.WriteFile(yaml, good, 0o644); err != nil {
		t.Fatal(err)
	}
	waitFor(t, &stdout, regexp.MustCompile(`company\.yaml: up to date \(\S+\)\n`))
	edited := strings.Replace(string(good), "Sen Vàng household goods store", "Sen Vàng home store", 1)
	if err := os.WriteFile(yaml, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	waitFor(t, &stdout, regexp.MustCompile(`company\.yaml: built in \S+\n`))

	// The content folder moved away and back (mv content x; mv x content)
	// is watched again: the edit after it is built.
	from := len(stdout.String())
	if err := os.Rename(dir, dir+".away"); err != nil {
		t.Fatal(err)
	}
	waitAfter(t, &stdout, from, regexp.MustCompile(regexp.QuoteMeta(dir)+`: \d+ error\(s\); the last good pages stay`))
	from = len(stdout.String())
	if err := os.Rename(dir+".away", dir); err != nil {
		t.Fatal(err)
	}
	waitAfter(t, &stdout, from, regexp.MustCompile(regexp.QuoteMeta(dir)+` and \d+ more: (up to date|built in)`))
	from = len(stdout.String())
	if err := os.WriteFile(yaml, good, 0o644); err != nil {
		t.Fatal(err)
	}
	waitAfter(t, &stdout, from, regexp.MustCompile(`company\.yaml: built in \S+\n`))

	cancel()
	if code := <-done; code != ExitOK {
		t.Errorf("exit %d: %s", code, stderr.String())
	}
	if !strings.HasSuffix(stdout.String(), "stopped\n") {
		t.Errorf("output does not end with stopped:\n%s", stdout.String())
	}
	if _, err := http.Get(base); err == nil {
		t.Error("server still answers after Ctrl-C")
	}
}

func TestServeRefuses(t *testing.T) {
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	busy, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer busy.Close()
	busyPort := strconv.Itoa(busy.Addr().(*net.TCPAddr).Port)
	dir := content(t, []string{"sen-vang"}, nil)
	tests := []struct {
		args []string
		code int
		errs string
	}{
		{[]string{"--port", "-1"}, ExitInput, "not a port number"},
		{[]string{"--content", filepath.Join(t.TempDir(), "missing")}, ExitInput, "missing"},
		{[]string{"--content", dir, "extra"}, ExitInput, `unexpected argument "extra"`},
		{[]string{"--content", dir, "--port", busyPort, "--out", filepath.Join(t.TempDir(), "p")}, ExitError, "address already in use"},
	}
	for _, tt := range tests {
		code, _, errs := run(t, append([]string{"serve"}, tt.args...)...)
		if code != tt.code || !strings.Contains(errs, tt.errs) {
			t.Errorf("serve %v: exit %d, stderr %q; want %d with %q", tt.args, code, errs, tt.code, tt.errs)
		}
	}
}

// TestServeBrowserFlags checks that serve takes --browser as build does,
// and that a wrong one is refused before anything is written.
func TestServeBrowserFlags(t *testing.T) {
	cacheHome := t.TempDir()
	t.Setenv("XDG_CACHE_HOME", cacheHome)
	dir := content(t, []string{"sen-vang"}, nil)
	tests := []struct {
		args []string
		errs string
	}{
		{[]string{"--chrome", "/usr/bin/chromium", "--browser", "ws://127.0.0.1:9/devtools/browser/x"}, "pass --chrome or --browser, not both"},
		{[]string{"--browser", "ftp://127.0.0.1:9/"}, "is not a DevTools address"},
	}
	for _, tt := range tests {
		code, _, errs := run(t, append([]string{"serve", "--content", dir, "--port", "0"}, tt.args...)...)
		if code != ExitInput || !strings.Contains(errs, tt.errs) {
			t.Errorf("serve %v: exit %d, stderr %q; want %d with %q", tt.args, code, errs, ExitInput, tt.errs)
		}
	}
	t.Setenv("BASIS_BROWSER", "ftp://127.0.0.1:9/")
	if code, _, errs := run(t, "serve", "--content", dir, "--port", "0"); code != ExitInput || !strings.Contains(errs, "BASIS_BROWSER: \"ftp://127.0.0.1:9/…\" is not a DevTools address") {
		t.Errorf("serve with BASIS_BROWSER=ftp://...: exit %d, stderr %q", code, errs)
	}
	if left, _ := os.ReadDir(cacheHome); len(left) > 0 {
		t.Errorf("a refused serve wrote %v", left)
	}
	if _, out, _ := run(t, "help", "serve"); !strings.Contains(out, "--browser") {
		t.Errorf("basis help serve does not name --browser:\n%s", out)
	}
}
