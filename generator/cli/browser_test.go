package cli

import (
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// deadAddr returns a local address nothing listens on.
func deadAddr(t *testing.T) string {
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

// TestBuildRemoteBrowserErrors checks --browser and BASIS_BROWSER up to the
// connection: bad addresses, both kinds of browser, and a pool of which no
// browser answers each fail with a message that says so, writing nothing.
func TestBuildRemoteBrowserErrors(t *testing.T) {
	dir := content(t, []string{"sen-vang"}, nil)
	ws := "ws://" + deadAddr(t) + "/devtools/browser/x?token=SECRET"
	web := "http://" + deadAddr(t)
	tests := []struct {
		name string
		env  string
		args []string
		code int
		want []string
	}{
		{"not an address", "", []string{"--browser", "chrome:9222"}, ExitInput,
			[]string{`invalid value "chrome:9222" for flag -browser`, "not a DevTools address", "ws://host:port"}},
		{"both kinds", "", []string{"--browser", web, "--chrome", "/usr/bin/chromium"}, ExitError,
			[]string{"pass --chrome or --browser, not both"}},
		{"none answers", "", []string{"--browser", ws, "--browser", web}, ExitError,
			[]string{"no remote browser left of 2", "ws://127.0.0.1", "/…", web, "connection refused", "BASIS_BROWSER"}},
		{"comma-separated flag", "", []string{"--browser", ws + "," + web}, ExitError,
			[]string{"no remote browser left of 2"}},
		{"from the environment", " " + ws + ", ," + web + " ", nil, ExitError,
			[]string{"no remote browser left of 2", web}},
		{"bad environment", "chrome:9222", nil, ExitError,
			[]string{`"chrome:9222" is not a DevTools address`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Setenv("BASIS_BROWSER", tt.env)
			out := filepath.Join(t.TempDir(), "public")
			args := append([]string{"build", "--content", dir, "--out", out, "--cache", ""}, tt.args...)
			code, _, errs := run(t, args...)
			if code != tt.code {
				t.Fatalf("exit %d, want %d: %s", code, tt.code, errs)
			}
			for _, want := range tt.want {
				if !strings.Contains(errs, want) {
					t.Errorf("stderr lacks %q:\n%s", want, errs)
				}
			}
			if strings.Contains(errs, "SECRET") {
				t.Errorf("stderr shows the token:\n%s", errs)
			}
			if _, err := os.Stat(out); !os.IsNotExist(err) {
				t.Errorf("a failed build created %s", out)
			}
		})
	}
}

// TestTabsFlag checks that --tabs outside 0..maxTabs is refused before
// anything is written, and that build's help names it.
func TestTabsFlag(t *testing.T) {
	c := content(t, []string{"sen-vang"}, nil)
	out := filepath.Join(t.TempDir(), "public")
	for _, n := range []string{"-1", "65", "many"} {
		code, _, stderr := run(t, "build", "--content", c, "--out", out, "--no-pdf", "--tabs", n)
		if code != ExitInput || !strings.Contains(stderr, "--tabs") {
			t.Errorf("--tabs %s: exit %d, %q; want %d naming --tabs", n, code, stderr, ExitInput)
		}
		if _, err := os.Stat(out); err == nil {
			t.Errorf("--tabs %s: wrote %s", n, out)
		}
	}
	if code, _, stderr := run(t, "build", "--content", c, "--out", out, "--no-pdf", "--tabs", "3"); code != ExitOK {
		t.Errorf("--tabs 3: exit %d, %q", code, stderr)
	}
	if _, stdout, _ := run(t, "help", "build"); !strings.Contains(stdout, "--tabs") {
		t.Errorf("basis help build does not name --tabs:\n%s", stdout)
	}
}
