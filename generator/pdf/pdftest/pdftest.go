//go:build linux

// Package pdftest starts browsers for the tests of packages that print on
// remote Chrome DevTools endpoints, as net/http/httptest starts servers.
//
//	ws := pdftest.RemoteBrowser(t, "/usr/bin/chromium")
//	p, err := pdf.New(pdf.WithEndpoints(ws), pdf.WithRoot(dir))
package pdftest

import (
	"bufio"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// RemoteBrowser starts the headless Chromium bin with
// --remote-debugging-port on a free port of 127.0.0.1, as a browser
// service runs one, and returns its DevTools address (ws://...). The
// test's cleanup kills its process group.
func RemoteBrowser(tb testing.TB, bin string) string {
	tb.Helper()
	dir := tb.TempDir()
	cmd := exec.Command(bin, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
		"--remote-debugging-port=0", "--remote-debugging-address=127.0.0.1", "--user-data-dir="+filepath.Join(dir, "profile"), "about:blank")
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Env = append(os.Environ(), "TMPDIR="+dir, "XDG_CONFIG_HOME="+dir, "XDG_CACHE_HOME="+dir)
	stderr, err := cmd.StderrPipe()
	if err != nil {
		tb.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() {
		_ = syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
		_ = cmd.Wait()
	})
	// The browser says where it listens on stderr; the rest is drained.
	lines := bufio.NewScanner(stderr)
	for lines.Scan() {
		if ws, ok := strings.CutPrefix(lines.Text(), "DevTools listening on "); ok {
			go func() {
				for lines.Scan() {
				}
			}()
			return strings.TrimSpace(ws)
		}
	}
	tb.Fatalf("%s exited without its DevTools address: %v", bin, lines.Err())
	return ""
}
