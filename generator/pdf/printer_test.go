package pdf

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"
)

const (
	polish     = "Zażółć gęślą jaźń"
	vietnamese = "Quyền được biết và đồng ý của chủ thể dữ liệu cá nhân"
)

// TestPrintFonts prints Polish and Vietnamese text with the project's web
// font and checks the result with poppler: text, fonts, metadata, footer.
func TestPrintFonts(t *testing.T) {
	requireBrowser(t)
	pdftotext, pdffonts, pdfinfo := requireTool(t, "pdftotext"), requireTool(t, "pdffonts"), requireTool(t, "pdfinfo")

	// With only DejaVu known to fontconfig, a fallback to a system font
	// would show up as DejaVu; the system's own Noto Sans would hide it.
	if _, err := os.Stat("/usr/share/fonts/truetype/dejavu"); err == nil {
		conf := strings.ReplaceAll(readTestdata(t, "fonts.conf"), "CACHEDIR", t.TempDir())
		t.Setenv("FONTCONFIG_FILE", writeFile(t, t.TempDir(), "fonts.conf", conf))
	}

	root := t.TempDir()
	copyFonts(t, root)
	sample := writeFile(t, root, "index.html", readTestdata(t, "sample.html"))
	// bare.html names the family but declares no font: the stylesheet given
	// to WithFooterFont has to bring it.
	bare := writeFile(t, root, "bare.html", strings.Replace(readTestdata(t, "sample.html"), `<link rel="stylesheet" href="fonts.css">`, "", 1))
	bodyFont := newTestPrinter(t, root) // the footer takes the body's font
	footerFont := newTestPrinter(t, root, WithFooterFont(filepath.Join(root, "fonts.css"), "Basis Noto Sans"))

	tests := []struct {
		name string
		p    *Printer
		html string
		job  Job
		want []string // in the text
	}{
		{
			name: "german footer",
			p:    bodyFont,
			html: sample,
			job:  Job{Title: "Datenschutzhinweise – Bäckerei <Schmidt> & Co", Lang: "de", PageOf: "Seite {page} von {pages}"},
			want: []string{polish, vietnamese, "Datenschutzhinweise – Bäckerei <Schmidt> & Co", "Seite 1 von 1"},
		},
		{
			name: "polish footer",
			p:    bodyFont,
			html: sample,
			job:  Job{Title: "Polityka prywatności – Zażółć", Lang: "pl", PageOf: "Strona {page} z {pages}"},
			want: []string{polish, vietnamese, "Polityka prywatności – Zażółć", "Strona 1 z 1"},
		},
		{
			name: "vietnamese footer",
			p:    bodyFont,
			html: sample,
			job:  Job{Title: "Chính sách quyền riêng tư", Lang: "vi", PageOf: "Trang {page}/{pages}"},
			want: []string{vietnamese, "Chính sách quyền riêng tư", "Trang 1/1"},
		},
		{
			name: "footer font stylesheet",
			p:    footerFont,
			html: bare,
			job:  Job{Title: "Quyền riêng tư – Zażółć", Lang: "vi", PageOf: "Trang {page}/{pages}"},
			want: []string{polish, vietnamese, "Quyền riêng tư – Zażółć", "Trang 1/1"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			job := tt.job
			job.HTML = tt.html
			job.Out = filepath.Join(t.TempDir(), "out.pdf")
			if err := tt.p.Print(context.Background(), job); err != nil {
				t.Fatal(err)
			}
			assertPDF(t, job.Out)

			text := run(t, pdftotext, "-enc", "UTF-8", job.Out, "-")
			for _, w := range tt.want {
				if !strings.Contains(text, w) {
					t.Errorf("pdftotext lacks %q:\n%s", w, text)
				}
			}

			fonts := strings.Split(strings.TrimSpace(run(t, pdffonts, job.Out)), "\n")
			if len(fonts) < 3 {
				t.Fatalf("pdffonts lists no font:\n%s", strings.Join(fonts, "\n"))
			}
			for _, line := range fonts[2:] {
				f := strings.Fields(line)
				if len(f) < 7 {
					t.Fatalf("pdffonts line %q", line)
				}
				if name, emb := f[0], f[len(f)-5]; emb != "yes" || !strings.Contains(name, "NotoSans") {
					t.Errorf("font %s (embedded: %s) is not the embedded Noto Sans web font", name, emb)
				}
			}

			info := run(t, pdfinfo, job.Out)
			for _, w := range []string{"Title:           " + job.Title, "(A4)", "Tagged:          yes", "Pages:           1"} {
				if !strings.Contains(info, w) {
					t.Errorf("pdfinfo lacks %q:\n%s", w, info)
				}
			}
		})
	}
}

// run returns the output of a command, failing the test if it fails.
func run(t *testing.T, name string, args ...string) string {
	t.Helper()
	out, err := exec.Command(name, args...).Output()
	if err != nil {
		t.Fatalf("%s %v: %v", name, args, err)
	}
	return string(out)
}

// TestBlockedRequests checks that a page reaches neither a server nor files outside the root.
func TestBlockedRequests(t *testing.T) {
	requireBrowser(t)
	var hits atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		t.Errorf("server reached: %s %s", r.Method, r.URL)
	}))
	defer srv.Close()

	base := t.TempDir()
	root := filepath.Join(base, "public")
	if err := os.Mkdir(root, 0o755); err != nil {
		t.Fatal(err)
	}
	secret := writeFile(t, base, "secret.png", "not a png")
	inside := writeFile(t, root, "inside.css", "body { margin: 0 }")

	tests := []struct {
		name    string
		scripts bool
		body    string
		blocked []string // URLs the log must report
	}{
		{
			name: "subresources",
			body: `<link rel="stylesheet" href="` + srv.URL + `/x.css">
<link rel="stylesheet" href="inside.css">
<img src="` + srv.URL + `/x.png"><img src="` + fileURL(secret) + `">
<iframe src="` + srv.URL + `/frame"></iframe>
<p style="background: url(` + srv.URL + `/bg.png)">text</p>`,
			blocked: []string{srv.URL + "/x.css", srv.URL + "/x.png", fileURL(secret), srv.URL + "/frame", srv.URL + "/bg.png"},
		},
		{
			// Disabled scripts are not even fetched, and cannot open connections.
			name: "scripts off",
			body: `<script src="` + srv.URL + `/x.js"></script><script>fetch("` + srv.URL + `/fetch"); new WebSocket("` + strings.Replace(srv.URL, "http", "ws", 1) + `/ws")</script><p>text</p>`,
		},
		{
			name:    "scripts on",
			scripts: true,
			body:    `<script>fetch("` + srv.URL + `/fetch").catch(() => {})</script><img src="` + srv.URL + `/late.png"><p>text</p>`,
			blocked: []string{srv.URL + "/late.png"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			logs := &logRecorder{}
			p := newTestPrinter(t, root, WithLogger(slogNew(logs)), WithScripts(tt.scripts))
			html := writeFile(t, root, "page.html", "<!doctype html><meta charset=utf-8><title>B</title>"+tt.body)
			out := filepath.Join(t.TempDir(), "out.pdf")
			if err := p.Print(context.Background(), Job{HTML: html, Out: out, Title: "B"}); err != nil {
				t.Fatal(err)
			}
			assertPDF(t, out)
			got := strings.Join(logs.attrs("pdf: blocked request", "url"), "\n")
			for _, u := range tt.blocked {
				if !strings.Contains(got, u) {
					t.Errorf("no blocked request for %s; blocked:\n%s", u, got)
				}
			}
			if strings.Contains(got, fileURL(inside)) {
				t.Errorf("file inside the root was blocked")
			}
		})
	}
	if n := hits.Load(); n != 0 {
		t.Errorf("server got %d requests", n)
	}
}

// TestCloseLeavesNoProcess checks that Close ends every browser process and is idempotent.
func TestCloseLeavesNoProcess(t *testing.T) {
	requireBrowser(t)
	root := t.TempDir()
	html := writeFile(t, root, "index.html", "<p>hello</p>")
	p, err := New(WithRoot(root), WithPages(2))
	if err != nil {
		t.Fatal(err)
	}
	pid, dir := p.PID(), profileDir(p)
	if pid <= 1 || dir == "" {
		t.Fatalf("PID() = %d, profile %q", pid, dir)
	}
	// The folder names its maker, so a later run can tell it from a killed run's.
	if b, err := os.ReadFile(filepath.Join(dir, ownerFile)); err != nil || string(b) != strconv.Itoa(os.Getpid()) {
		t.Errorf("owner of the profile folder: %q, %v; want %d", b, err, os.Getpid())
	}
	jobs := []Job{
		{HTML: html, Out: filepath.Join(root, "a.pdf")},
		{HTML: html, Out: filepath.Join(root, "b.pdf")},
	}
	if err := p.PrintAll(context.Background(), jobs, nil); err != nil {
		t.Fatal(err)
	}
	if len(related(pid, dir)) == 0 {
		t.Fatal("found no browser processes while the browser runs")
	}
	for range 2 {
		if err := p.Close(); err != nil {
			t.Fatalf("Close: %v", err)
		}
	}
	assertNoProcesses(t, pid, dir)
	if p.PID() != 0 {
		t.Errorf("PID() after Close = %d", p.PID())
	}
	if err := p.Print(context.Background(), jobs[0]); !errors.Is(err, ErrClosed) {
		t.Errorf("Print after Close = %v, want ErrClosed", err)
	}
}

// TestCrashRecovery kills the browser after the first document; every document must still print.
func TestCrashRecovery(t *testing.T) {
	requireBrowser(t)
	root := t.TempDir()
	copyFonts(t, root)
	html := writeFile(t, root, "index.html", readTestdata(t, "sample.html"))
	logs := &logRecorder{}
	p := newTestPrinter(t, root, WithLogger(slogNew(logs)))
	firstPID, firstDir := p.PID(), profileDir(p)

	var jobs []Job
	for _, name := range []string{"a", "b", "c", "d"} {
		jobs = append(jobs, Job{HTML: html, Out: filepath.Join(root, name+".pdf"), Title: name, PageOf: "{page}/{pages}"})
	}
	var calls []int
	err := p.PrintAll(context.Background(), jobs, func(done, total int) {
		calls = append(calls, done)
		if total != len(jobs) {
			t.Errorf("total = %d, want %d", total, len(jobs))
		}
		if done == 1 {
			if err := syscall.Kill(browserProcess(t, p), syscall.SIGKILL); err != nil {
				t.Errorf("kill browser: %v", err)
			}
		}
	})
	if err != nil {
		t.Fatalf("PrintAll: %v", err)
	}
	for _, j := range jobs {
		assertPDF(t, j.Out)
	}
	if len(calls) != len(jobs) || calls[len(calls)-1] != len(jobs) {
		t.Errorf("progress calls %v", calls)
	}
	if p.PID() == firstPID {
		t.Error("the browser was not restarted")
	}
	assertNoProcesses(t, firstPID, firstDir) // the old browser is cleaned up before Close
	t.Logf("retries: %v", logs.attrs("pdf: browser died, retrying on a new one", "html"))
}

// TestRestartEvery checks that the browser is replaced after the given number of documents.
func TestRestartEvery(t *testing.T) {
	requireBrowser(t)
	root := t.TempDir()
	html := writeFile(t, root, "index.html", "<p>hello</p>")
	p := newTestPrinter(t, root, WithRestartEvery(2), WithPages(1))
	var pids []int
	var dirs []string
	for i := range 5 {
		job := Job{HTML: html, Out: filepath.Join(root, string(rune('a'+i))+".pdf")}
		if err := p.Print(context.Background(), job); err != nil {
			t.Fatal(err)
		}
		assertPDF(t, job.Out)
		pids, dirs = append(pids, p.PID()), append(dirs, profileDir(p))
	}
	// Documents 0 and 1 print on the first browser, 2 and 3 on the second, 4 on the third.
	if pids[0] != pids[1] || pids[1] == pids[2] || pids[2] != pids[3] || pids[3] == pids[4] {
		t.Errorf("browser per document: %v", pids)
	}
	assertNoProcesses(t, pids[0], dirs[0])
	assertNoProcesses(t, pids[2], dirs[2])
}

// hangingPage writes a page whose image request is held until the test
// ends, so the page never finishes loading. The returned option installs
// the hold; held is closed when the request arrives.
func hangingPage(t *testing.T, root string) (html string, opt Option, held <-chan struct{}) {
	t.Helper()
	release, arrived := make(chan struct{}), make(chan struct{})
	var once sync.Once
	t.Cleanup(func() { close(release) })
	opt = func(c *config) {
		c.onRequest = func(_, url string) {
			if strings.HasSuffix(url, "/hang.png") {
				once.Do(func() { close(arrived) })
				<-release
			}
		}
	}
	writeFile(t, root, "hang.png", "")
	return writeFile(t, root, "hang.html", `<p>waiting</p><img src="hang.png">`), opt, arrived
}

// TestContextCancel cancels a document that is still loading; Print must
// return the context's error, and a later document must still print.
func TestContextCancel(t *testing.T) {
	requireBrowser(t)
	root := t.TempDir()
	html, hold, held := hangingPage(t, root)
	p := newTestPrinter(t, root, hold)

	ctx, cancel := context.WithCancel(context.Background())
	go func() {
		<-held
		cancel()
	}()
	err := p.Print(ctx, Job{HTML: html, Out: filepath.Join(root, "hang.pdf")})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("Print = %v, want context.Canceled", err)
	}
	if _, err := os.Stat(filepath.Join(root, "hang.pdf")); err == nil {
		t.Error("cancelled document was written")
	}

	ok := writeFile(t, root, "ok.html", "<p>ok</p>")
	if err := p.Print(context.Background(), Job{HTML: ok, Out: filepath.Join(root, "ok.pdf")}); err != nil {
		t.Fatalf("Print after cancel: %v", err)
	}
	assertPDF(t, filepath.Join(root, "ok.pdf"))
}

// TestPrintAllCancel cancels PrintAll from its progress callback.
func TestPrintAllCancel(t *testing.T) {
	p, root := sharedPrinter(t)
	html := writeFile(t, root, "index.html", "<p>hello</p>")
	var jobs []Job
	for i := range 20 {
		jobs = append(jobs, Job{HTML: html, Out: filepath.Join(root, string(rune('a'+i))+".pdf")})
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var last int
	err := p.PrintAll(ctx, jobs, func(done, total int) {
		last = done
		if done == 1 {
			cancel()
		}
	})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("PrintAll = %v, want context.Canceled", err)
	}
	if last == len(jobs) {
		t.Error("all jobs printed despite the cancel")
	}
}

// TestTimeout checks the per-document deadline on a page that never loads.
// The deadline bounds printing only: the browser's start has its own, so
// a busy machine that starts Chromium slowly does not fail this test.
func TestTimeout(t *testing.T) {
	requireBrowser(t)
	root := t.TempDir()
	html, hold, _ := hangingPage(t, root)
	p := newTestPrinter(t, root, hold, WithTimeout(2*time.Second))
	err := p.Print(context.Background(), Job{HTML: html, Out: filepath.Join(root, "hang.pdf")})
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("Print = %v, want context.DeadlineExceeded", err)
	}
}

// TestStartTimeoutApart checks that WithTimeout does not bound the
// browser's start (a per-document deadline far shorter than any start
// still starts the browser) and that WithStartTimeout does.
func TestStartTimeoutApart(t *testing.T) {
	requireBrowser(t)
	root := t.TempDir()
	ok := writeFile(t, root, "ok.html", "<p>ok</p>")
	p := newTestPrinter(t, root, WithTimeout(time.Nanosecond))
	err := p.Print(context.Background(), Job{HTML: ok, Out: filepath.Join(root, "ok.pdf")})
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("Print with a 1 ns deadline = %v, want context.DeadlineExceeded", err)
	}

	_, err = New(WithRoot(root), WithStartTimeout(time.Nanosecond))
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("New with a 1 ns start deadline = %v, want context.DeadlineExceeded", err)
	}
}

// TestPrintErrors checks documents that cannot be printed.
func TestPrintErrors(t *testing.T) {
	p, root := sharedPrinter(t)
	missingFont := writeFile(t, root, "font.html", `<style>@font-face { font-family: Gone; src: url(gone.woff2); font-display: block }
body { font-family: Gone }</style><p>text</p>`)
	ok := writeFile(t, root, "ok.html", "<p>ok</p>")
	tests := []struct {
		name string
		job  Job
		want string
	}{
		{"missing font", Job{HTML: missingFont, Out: filepath.Join(root, "font.pdf")}, "fonts failed to load: Gone"},
		{"outside root", Job{HTML: "/etc/hostname", Out: filepath.Join(root, "x.pdf")}, "outside"},
		{"missing html", Job{HTML: filepath.Join(root, "none.html"), Out: filepath.Join(root, "x.pdf")}, "no such file"},
		{"missing out dir", Job{HTML: ok, Out: filepath.Join(root, "no", "x.pdf")}, "output directory"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := p.Print(context.Background(), tt.job)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("Print = %v, want an error with %q", err, tt.want)
			}
		})
	}
}

// BenchmarkPrint prints a small document repeatedly with one printer.
func BenchmarkPrint(b *testing.B) {
	requireBrowser(b)
	root := b.TempDir()
	copyFonts(b, root)
	html := writeFile(b, root, "index.html", readTestdata(b, "sample.html"))
	p := newTestPrinter(b, root, WithRestartEvery(0))
	job := Job{HTML: html, Out: filepath.Join(root, "out.pdf"), Title: "Bench", Lang: "pl", PageOf: "Strona {page} z {pages}"}
	for b.Loop() {
		if err := p.Print(context.Background(), job); err != nil {
			b.Fatal(err)
		}
	}
}

// TestLongTMPDIR prints with TMPDIR set to folders whose paths leave
// Chromium's socket no room below them (25 bytes already did, as a CI
// runner's or a Mac's temporary folder does): the document prints, and the
// browser's folder is removed on close.
func TestLongTMPDIR(t *testing.T) {
	for _, n := range []int{25, 90} {
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			root := t.TempDir()
			html := writeFile(t, root, "doc.html", "<!doctype html><p>hello</p>")
			tmp, err := os.MkdirTemp("", "tmpdir-")
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { os.RemoveAll(tmp) })
			if len(tmp) >= n {
				t.Skipf("the temporary folder %s has %d bytes already", tmp, len(tmp))
			}
			long := filepath.Join(tmp, strings.Repeat("x", n-len(tmp)-1))
			if err := os.Mkdir(long, 0o700); err != nil {
				t.Fatal(err)
			}
			if len(long) != n {
				t.Fatalf("%s has %d bytes, want %d", long, len(long), n)
			}
			t.Setenv("TMPDIR", long)
			p := newTestPrinter(t, root)
			out := filepath.Join(root, "doc.pdf")
			if err := p.Print(context.Background(), Job{HTML: html, Out: out}); err != nil {
				t.Fatalf("Print with TMPDIR=%s: %v", long, err)
			}
			assertPDF(t, out)
		})
	}
}
