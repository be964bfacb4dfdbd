package pdf

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestFindBrowser(t *testing.T) {
	dir := t.TempDir()
	fake := writeFile(t, dir, "chrome", "#!/bin/sh\n")
	if err := os.Chmod(fake, 0o755); err != nil {
		t.Fatal(err)
	}
	notExec := writeFile(t, dir, "plain", "")
	// A folder with a full browser and the headless shell: the shell wins.
	both := t.TempDir()
	var shell string
	for _, name := range []string{"chromium", "chromium-headless-shell"} {
		shell = writeFile(t, both, name, "#!/bin/sh\n")
		if err := os.Chmod(shell, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	missing := filepath.Join(dir, "missing")

	tests := []struct {
		name     string
		flag     string
		env      string
		path     string // PATH, if set
		want     string
		wantFrom string // NoBrowserError.From, if an error is expected
	}{
		{name: "flag", flag: fake, want: fake},
		{name: "flag beats env", flag: fake, env: missing, want: fake},
		{name: "flag missing", flag: missing, wantFrom: "--chrome"},
		{name: "flag not executable", flag: notExec, wantFrom: "--chrome"},
		{name: "env", env: fake, want: fake},
		{name: "env missing", env: missing, wantFrom: EnvBrowser},
		{name: "search path", path: dir, want: fake},
		{name: "headless shell first", path: both, want: shell},
		{name: "env beats the shell", env: fake, path: both, want: fake},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Setenv(EnvBrowser, tt.env)
			if tt.path != "" {
				t.Setenv("PATH", tt.path)
			}
			got, err := FindBrowser(tt.flag)
			if tt.wantFrom != "" {
				var nb *NoBrowserError
				if !errors.As(err, &nb) || nb.From != tt.wantFrom {
					t.Fatalf("FindBrowser(%q) = %q, %v; want *NoBrowserError from %s", tt.flag, got, err, tt.wantFrom)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Fatalf("FindBrowser(%q) = %q, %v; want %q", tt.flag, got, err, tt.want)
			}
		})
	}
}

func TestNoBrowserErrorMessage(t *testing.T) {
	for _, e := range []*NoBrowserError{{}, {Path: "/x/chrome", From: "--chrome", Err: os.ErrNotExist}} {
		msg := e.Error()
		for _, want := range []string{"apt-get install chromium-headless-shell", "--chrome", EnvBrowser, "--no-pdf"} {
			if !strings.Contains(msg, want) {
				t.Errorf("%q lacks %q", msg, want)
			}
		}
		if strings.ContainsAny(msg, "\n") || strings.Count(msg, ". ") > 0 {
			t.Errorf("%q is not one sentence", msg)
		}
		var nb *NoBrowserError
		if !errors.As(fmt.Errorf("wrapped: %w", e), &nb) {
			t.Error("errors.As does not find the *NoBrowserError")
		}
	}
	if e := (&NoBrowserError{Path: "p", Err: os.ErrPermission}); !errors.Is(e, os.ErrPermission) {
		t.Error("Unwrap does not expose the cause")
	}
}

func TestFooterCSS(t *testing.T) {
	const family = "'Basis Noto Sans', sans-serif"
	tests := []struct {
		name   string
		job    Job
		want   []string
		reject []string
	}{
		{
			name: "german",
			job:  Job{Title: "Datenschutzhinweise – Bäckerei Schmidt GmbH", Lang: "de", PageOf: "Seite {page} von {pages}"},
			want: []string{`@bottom-left{content:"Datenschutzhinweise – Bäckerei Schmidt GmbH";`,
				`@bottom-right{content:"Seite " counter(page) " von " counter(pages);`, "font-size:8pt", "font-family:" + family + ";"},
		},
		{
			name: "vietnamese",
			job:  Job{Title: "Chính sách", Lang: "vi", PageOf: "Trang {page}/{pages}"},
			want: []string{`content:"Trang " counter(page) "/" counter(pages);`},
		},
		{
			name: "tokens only",
			job:  Job{Title: "T", PageOf: "{pages}{page}"},
			want: []string{`content:counter(pages) counter(page);`},
		},
		{
			name:   "quoted",
			job:    Job{Title: `<b>"Quote"</b> \ & Co` + "\n", PageOf: `"{page}"`},
			want:   []string{`content:"<b>\"Quote\"</b> \\ & Co\a ";`, `content:"\"" counter(page) "\"";`},
			reject: []string{"\n"},
		},
		{
			name: "default phrase",
			job:  Job{},
			want: []string{`@bottom-left{content:none;`, `content:counter(page) " / " counter(pages);`},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := footerCSS(tt.job, family)
			for _, w := range tt.want {
				if !strings.Contains(got, w) {
					t.Errorf("footer CSS lacks %s:\n%s", w, got)
				}
			}
			for _, r := range tt.reject {
				if strings.Contains(got, r) {
					t.Errorf("footer CSS contains %q:\n%s", r, got)
				}
			}
		})
	}
	if got := footerText(Job{Title: "Zażółć", PageOf: "Strona {page} z {pages}"}); got != "ZażółćStrona  z 0123456789" {
		t.Errorf("footerText = %q", got)
	}
}

func TestCSSFamily(t *testing.T) {
	tests := []struct {
		in, want string
		ok       bool
	}{
		{"sans-serif", "sans-serif", true},
		{"Basis Noto Sans", `"Basis Noto Sans", sans-serif`, true},
		{"'Basis Noto Sans', serif", "'Basis Noto Sans', serif", true},
		{"x;}body{color:red", "", false},
		{"x</style>", "", false},
		{"", "", false},
	}
	for _, tt := range tests {
		got, err := cssFamily(tt.in)
		if (err == nil) != tt.ok || got != tt.want {
			t.Errorf("cssFamily(%q) = %q, %v; want %q, ok=%v", tt.in, got, err, tt.want, tt.ok)
		}
	}
}

func TestFontFaceCSS(t *testing.T) {
	dir := t.TempDir()
	r, err := newRoot(dir)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(filepath.Join(dir, "assets"), 0o755); err != nil {
		t.Fatal(err)
	}
	css := writeFile(t, filepath.Join(dir, "assets"), "fonts.css", `@font-face { src: url(fonts/a b.woff2) format('woff2'); }
@font-face { src: url('/f/c.woff2?v=1'), url("data:font/woff2;base64,AA"), url(https://example.com/x.woff2); }`)
	got, err := fontFaceCSS(css, r)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		`url("` + fileURL(filepath.Join(dir, "assets", "fonts", "a b.woff2")) + `") format('woff2')`,
		`url("` + fileURL(filepath.Join(dir, "f", "c.woff2")) + `?v=1")`,
		`url("data:font/woff2;base64,AA")`,
		`url(https://example.com/x.woff2)`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("fontFaceCSS lacks %s:\n%s", want, got)
		}
	}
}

func TestRoot(t *testing.T) {
	base := t.TempDir()
	dir := filepath.Join(base, "public")
	outside := filepath.Join(base, "secret")
	for _, d := range []string{dir, outside} {
		if err := os.Mkdir(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	writeFile(t, outside, "key.txt", "secret")
	if err := os.Symlink(filepath.Join(outside, "key.txt"), filepath.Join(dir, "link.txt")); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(filepath.Join(base, "public2"), 0o755); err != nil {
		t.Fatal(err)
	}
	r, err := newRoot(dir)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		url  string
		want bool
	}{
		{fileURL(filepath.Join(dir, "index.html")), true},
		{fileURL(filepath.Join(dir, "a b", "ä.css")), true},
		{fileURL(dir), true},
		{fileURL(filepath.Join(outside, "key.txt")), false},
		{fileURL(filepath.Join(dir, "link.txt")), false},
		{fileURL(filepath.Join(base, "public2", "x.html")), false},
		{"file://" + dir + "/../secret/key.txt", false},
		{"file://otherhost" + dir + "/index.html", false},
		{"file:///etc/passwd", false},
		{"http://127.0.0.1:8080/x.png", false},
		{"https://example.com/font.woff2", false},
		{"ws://127.0.0.1/socket", false},
		{"ftp://example.com/x", false},
		{"data:image/png;base64,AAAA", true},
		{"about:blank", true},
		{"::bad", false},
	}
	for _, tt := range tests {
		if got := r.allowsURL(tt.url); got != tt.want {
			t.Errorf("allowsURL(%q) = %v, want %v", tt.url, got, tt.want)
		}
	}
	if got, ok := r.file(r.url(filepath.Join(dir, "a b", "ä.html"))); !ok || got != filepath.Join(dir, "a b", "ä.html") {
		t.Errorf("file(url(path)) = %q, %v", got, ok)
	}
}

// TestServedRoot checks the addresses a remote browser sees the root under:
// only origin's, only files under the root, never a file: URL.
func TestServedRoot(t *testing.T) {
	base := t.TempDir()
	dir := filepath.Join(base, "public")
	outside := filepath.Join(base, "secret")
	for _, d := range []string{dir, outside} {
		if err := os.Mkdir(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	writeFile(t, outside, "key.txt", "secret")
	if err := os.Symlink(filepath.Join(outside, "key.txt"), filepath.Join(dir, "link.txt")); err != nil {
		t.Fatal(err)
	}
	r, err := newRoot(dir)
	if err != nil {
		t.Fatal(err)
	}
	r.served = true
	tests := []struct {
		url  string
		want string // the file served, "" for none
	}{
		{origin + "/index.html", filepath.Join(dir, "index.html")},
		{origin + "/a%20b/%C3%A4.css?v=1#x", filepath.Join(dir, "a b", "ä.css")},
		{"HTTP://BASIS.INVALID/x.css", filepath.Join(dir, "x.css")},
		{origin + "/../secret/key.txt", filepath.Join(dir, "secret", "key.txt")}, // clamped to the root
		{origin + "/%2e%2e/secret/key.txt", filepath.Join(dir, "secret", "key.txt")},
		{origin + "/link.txt", ""},
		{"https://basis.invalid/index.html", ""},
		{"http://basis.invalid:8080/index.html", ""},
		{"http://basis.invalid.example.com/index.html", ""},
		{fileURL(filepath.Join(dir, "index.html")), ""},
		{"http://127.0.0.1:8080/x.png", ""},
	}
	for _, tt := range tests {
		got, ok := r.file(tt.url)
		if got != tt.want || ok != (tt.want != "") {
			t.Errorf("file(%q) = %q, %v; want %q", tt.url, got, ok, tt.want)
		}
	}
	if got := r.url(filepath.Join(dir, "a b", "ä.html")); got != origin+"/a%20b/%C3%A4.html" {
		t.Errorf("url = %q", got)
	}
	if got := r.url(filepath.Join(outside, "key.txt")); got != origin+"/" {
		t.Errorf("url outside the root = %q, want the root", got)
	}
	if !samePage(origin+"/a%20b/x.html", "http://basis.invalid/a b/./x.html#top") || samePage(origin+"/x.html", fileURL(filepath.Join(dir, "x.html"))) {
		t.Error("samePage")
	}
}

func TestJobCheck(t *testing.T) {
	dir := t.TempDir()
	html := writeFile(t, dir, "index.html", "<p>x</p>")
	out := filepath.Join(dir, "index.pdf")
	r, err := newRoot(dir)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		job  Job
		want string // part of the error, "" for none
	}{
		{"ok", Job{HTML: html, Out: out, Lang: "de"}, ""},
		{"relative html", Job{HTML: "index.html", Out: out}, "not absolute"},
		{"relative out", Job{HTML: html, Out: "x.pdf"}, "not absolute"},
		{"same file", Job{HTML: html, Out: html}, "is the HTML file"},
		{"outside root", Job{HTML: "/etc/hostname", Out: out}, "outside"},
		{"missing", Job{HTML: filepath.Join(dir, "nope.html"), Out: out}, "no such file"},
		{"directory", Job{HTML: dir, Out: out}, "directory"},
		{"missing out dir", Job{HTML: html, Out: filepath.Join(dir, "no", "x.pdf")}, "output directory"},
		{"out dir is a file", Job{HTML: html, Out: filepath.Join(html, "x.pdf")}, "not a directory"},
		{"bad lang", Job{HTML: html, Out: out, Lang: "de_DE"}, "BCP 47"},
		{"regional lang", Job{HTML: html, Out: out, Lang: "pt-BR"}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.job.check(r)
			if tt.want == "" {
				if err != nil {
					t.Fatalf("check: %v", err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("check = %v, want an error with %q", err, tt.want)
			}
		})
	}
	if err := (Job{HTML: "/etc/hostname", Out: out}).check(r); !errors.Is(err, ErrOutsideRoot) {
		t.Errorf("outside root: %v is not ErrOutsideRoot", err)
	}
	if err := checkAll([]Job{{HTML: html, Out: out}, {HTML: html, Out: out}}, r); err == nil {
		t.Error("checkAll accepted two jobs with one output")
	}
}

func TestNewErrors(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name string
		opts []Option
		want string
	}{
		{"no root", nil, "WithRoot"},
		{"missing root", []Option{WithRoot(filepath.Join(dir, "nope"))}, "root"},
		{"zero timeout", []Option{WithRoot(dir), WithTimeout(0)}, "timeout"},
		{"zero start timeout", []Option{WithRoot(dir), WithStartTimeout(0)}, "start timeout"},
		{"no pages", []Option{WithRoot(dir), WithPages(0)}, "pages"},
		{"negative restart", []Option{WithRoot(dir), WithRestartEvery(-1)}, "restart"},
		{"bad browser", []Option{WithRoot(dir), WithBrowser(filepath.Join(dir, "nochrome"))}, "no usable Chrome"},
		{"bad footer font", []Option{WithRoot(dir), WithBrowser("/bin/sh"), WithFooterFont("", "x;}")}, "footer font"},
		{"footer css outside root", []Option{WithRoot(dir), WithBrowser("/bin/sh"), WithFooterFont(filepath.Join(assetsDir, "fonts.css"), "X")}, "outside"},
		{"missing footer css", []Option{WithRoot(dir), WithBrowser("/bin/sh"), WithFooterFont(filepath.Join(dir, "none.css"), "X")}, "no such file"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := New(tt.opts...)
			if err == nil {
				p.Close()
				t.Fatal("New succeeded")
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("New: %v; want %q", err, tt.want)
			}
		})
	}
}

func TestCheckEndpoint(t *testing.T) {
	tests := []struct {
		url  string
		want string // in the error; "" for none
	}{
		{"ws://localhost:3000", ""},
		{"ws://127.0.0.1:9222/devtools/browser/abc", ""},
		{"wss://chrome.example.com?token=x", ""},
		{"http://localhost:9222", ""},
		{"HTTPS://chrome.example.com", ""},
		{"localhost:3000", "not a DevTools address"},
		{"/usr/bin/chromium", "not a DevTools address"},
		{"ftp://host", "not a DevTools address"},
		{"ws:///devtools", "has no host"},
		{"ws://[::1", "not a URL"},
	}
	for _, tt := range tests {
		err := CheckEndpoint(tt.url)
		if (err == nil) != (tt.want == "") || err != nil && !strings.Contains(err.Error(), tt.want) {
			t.Errorf("CheckEndpoint(%q) = %v, want %q", tt.url, err, tt.want)
		}
	}
	for raw, want := range map[string]string{
		"wss://chrome.example.com/?token=SECRET": "wss://chrome.example.com/…",
		"wss://chrome.example.com?token=SECRET":  "wss://chrome.example.com/…",
		"ws://user:pw@host:1/x":                  "ws://…@host:1/…",
		"ws://admin:Pa#ss@host/x":                "ws://…@host…",
		"ws://host:1/devtools/browser/SECRET":    "ws://host:1/…",
		"ws://host:1/#SECRET":                    "ws://host:1/…",
		"http://localhost:9222":                  "http://localhost:9222",
		"http://localhost:9222/":                 "http://localhost:9222/",
		"ws://[::1?token=SECRET":                 "ws://[::1…",
		"localhost:3000?token=SECRET":            "localhost:3000…",
		"chrome:9222":                            "chrome:9222",
		"ws:///devtools/SECRET":                  "ws://…",
	} {
		if got := Redact(raw); got != want {
			t.Errorf("Redact(%q) = %q, want %q", raw, got, want)
		}
	}
}

// TestStyleSheets finds the stylesheets a page links, as the request
// filter names the files it serves, whatever folder the page is in.
func TestStyleSheets(t *testing.T) {
	root := t.TempDir()
	job := Job{HTML: filepath.Join(root, "co", "de", "privacy.html"),
		Page: []byte(`<link rel="stylesheet" href="../../assets/basis.css?v=2"><link rel="icon" href="../../logo.png"><link rel="stylesheet" href="https://x.example/a.css">`)}
	got := styleSheets(job)
	want := []string{filepath.Join(root, "assets", "basis.css")}
	if !slices.Equal(got, want) {
		t.Errorf("styleSheets = %v, want %v", got, want)
	}
}
