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
			[]string{"basis build: --browser: address 1 (not shown: it may hold a token) has no scheme", "ws://host:port"}},
		{"both kinds", "", []string{"--browser", ws, "--chrome", "/usr/bin/chromium"}, ExitInput,
			[]string{"pass --chrome or --browser, not both"}},
		{"none answers", "", []string{"--browser", ws, "--browser", web}, ExitError,
			[]string{"no remote browser left of 2", "ws://127.0.0.1", "/…", web, "connection refused", "BASIS_BROWSER"}},
		{"comma-separated flag", "", []string{"--browser", ws + "," + web}, ExitError,
			[]string{"no remote browser left of 2"}},
		{"from the environment", " " + ws + ", ," + web + " ", nil, ExitError,
			[]string{"no remote browser left of 2", web}},
		{"bad environment", "chrome:9222", nil, ExitInput,
			[]string{"basis build: BASIS_BROWSER: address 1 (not shown: it may hold a token) has no scheme"}},
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

// TestBrowserValueNeverPrinted gives build and serve mistyped remote
// browser addresses, by --browser and by BASIS_BROWSER: each is refused
// with exit 2, and nothing of the address past its host is printed: not
// a token after a missing scheme, a password holding "#", nor the part of
// a token after a comma (the flag package used to echo the whole value).
func TestBrowserValueNeverPrinted(t *testing.T) {
	dir := content(t, []string{"sen-vang"}, nil)
	values := []struct {
		name, value, shown string
	}{
		{"no scheme", "localhost:3000?token=SECRET1", "has no scheme"},
		{"password with #", "ws://admin:Pa#SECRET1@example.com/x", "is not a URL"},
		{"token with a comma", "ws://example.com:3000/devtools/browser/x?token=SECRET1,SECRET2", "has no scheme"},
		{"another scheme", "ftp://example.com/devtools?token=SECRET1", `"ftp://example.com/…" is not a DevTools address`},
		{"no host", "ws:///devtools/SECRET1", "has no host"},
	}
	for _, cmd := range []string{"build", "serve"} {
		for _, v := range values {
			for _, env := range []bool{false, true} {
				name := cmd + "/" + v.name + "/flag"
				if env {
					name = cmd + "/" + v.name + "/environment"
				}
				t.Run(name, func(t *testing.T) {
					out := filepath.Join(t.TempDir(), "public")
					args := []string{cmd, "--content", dir, "--out", out}
					if cmd == "build" {
						args = append(args, "--cache", "")
					}
					t.Setenv("BASIS_BROWSER", "")
					if env {
						t.Setenv("BASIS_BROWSER", v.value)
					} else {
						args = append(args, "--browser", v.value)
					}
					code, stdout, stderr := run(t, args...)
					if code != ExitInput {
						t.Errorf("exit %d, want %d: %s", code, ExitInput, stderr)
					}
					for _, secret := range []string{"SECRET", "admin", "Pa#", "token=", "devtools", "3000"} {
						if strings.Contains(stdout+stderr, secret) {
							t.Errorf("the output shows %q of the address:\n%s%s", secret, stdout, stderr)
						}
					}
					source := "--browser"
					if env {
						source = "BASIS_BROWSER"
					}
					if !strings.Contains(stderr, source) || !strings.Contains(stderr, v.shown) || !strings.Contains(stderr, "ws://host:port") {
						t.Errorf("stderr does not say what is wrong with which %s (%q) and how to fix it:\n%s", source, v.shown, stderr)
					}
					if _, err := os.Stat(out); !os.IsNotExist(err) {
						t.Errorf("a refused %s created %s", cmd, out)
					}
				})
			}
		}
	}
}
