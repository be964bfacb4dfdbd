package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/basis-privacy/basis/generator/check"
	"github.com/basis-privacy/basis/generator/load"
	"github.com/basis-privacy/basis/generator/locale"
	"github.com/basis-privacy/basis/generator/release"
	"github.com/basis-privacy/basis/generator/serve"
	"github.com/basis-privacy/basis/generator/site"
	"github.com/basis-privacy/basis/generator/watch"
)

// serveConfig is what basis serve was asked to do.
type serveConfig struct {
	content, out, internal, cache, work string
	bind                                string   // address to listen on
	hosts                               []string // names requests may be addressed to besides localhost
	proj                                *load.Project
	printer                             serve.Option
}

// runServe builds the site without PDFs, serves it on 127.0.0.1 (or the
// address --bind gives), and rebuilds it whenever content/, templates/ or
// locales/ change, until ctx ends. PDFs are printed when a page asks for
// them. The internal output is built beside it but not served.
func runServe(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	cfg, code, ok := parseServe(args, stdout, stderr)
	if !ok {
		return code
	}
	srv, err := newPreview(cfg)
	if err != nil {
		return exitFor(err, stderr, true)
	}
	defer srv.Close()

	// Take the port before building, so a busy one fails at once.
	ln, err := net.Listen("tcp", cfg.bind)
	if err != nil {
		fmt.Fprintln(stderr, "basis serve:", err)
		return ExitError
	}
	hs := &http.Server{Handler: serve.HostsOnly(srv, cfg.hosts...), ReadHeaderTimeout: 10 * time.Second}
	rebuild := rebuilder(ctx, srv, stdout)
	rebuild("first build")
	if ctx.Err() != nil {
		ln.Close()
		return ExitOK
	}
	roots := []string{cfg.content}
	for _, d := range []string{"templates", "locales", release.Folder(cfg.content)} {
		if dirExists(d) {
			roots = append(roots, d)
		}
	}
	lost := make(chan error, 1) // the watcher missed events (queue overflow): rebuild everything
	w, err := watch.New(watch.WithRoots(roots...), watch.WithErrors(func(err error) {
		select {
		case lost <- err:
		default:
		}
	}))
	if err != nil {
		ln.Close()
		fmt.Fprintln(stderr, "basis serve:", err)
		return ExitError
	}
	defer w.Close()

	served := make(chan error, 1)
	go func() { served <- hs.Serve(ln) }()
	fmt.Fprintf(stdout, "serving http://%s/ — Ctrl-C stops\n", ln.Addr())
	code = watchLoop(ctx, w, served, lost, rebuild, stderr)

	// Stop watching, end the event streams and the browser, then the server.
	_ = w.Close()
	if err := srv.Close(); err != nil {
		fmt.Fprintln(stderr, "basis serve: browser:", err)
	}
	sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := hs.Shutdown(sctx); err != nil {
		_ = hs.Close()
	}
	fmt.Fprintln(stdout, "stopped")
	return code
}

// parseServe reads serve's flags and the project file, and checks and
// prepares the folders: it changes nothing on disk when it refuses them.
func parseServe(args []string, stdout, stderr io.Writer) (*serveConfig, int, bool) {
	fset := newFlags("serve", stderr)
	content := fset.String("content", "content", "folder of company folders")
	out := fset.String("out", "", "folder to build into (default: a private folder in the user's cache folder, kept between runs)")
	port := fset.Int("port", 8080, "port to serve on (0 picks a free one)")
	bind := fset.String("bind", "", "address to serve on, such as 0.0.0.0:8080 in a container or 192.168.1.5:8080 on a LAN (default 127.0.0.1 and --port); requests must name it, localhost or --base-url's host")
	baseURL := fset.String("base-url", "", "the address the preview is reached at from elsewhere, such as http://preview.lan:8080/: its host is accepted besides localhost, and pages carry it (default: the project file's base_url, whose host is not accepted)")
	chrome := fset.String("chrome", "", "path of Chrome or Chromium for PDFs (default $BASIS_CHROME, else found on PATH)")
	browsers := browserFlag(fset)
	rest, status, ok := parseFlags(fset, "serve", args, stdout, stderr)
	if !ok {
		return nil, status, false
	}
	fail := func(format string, a ...any) (*serveConfig, int, bool) {
		fmt.Fprintf(stderr, "basis serve: "+format+"\n", a...)
		return nil, ExitInput, false
	}
	if len(rest) > 0 {
		return fail("unexpected argument %q; usage: %s", rest[0], serveUsage)
	}
	cfg := &serveConfig{content: *content, out: *out}
	var err error
	remote, err := browsers.list(*chrome)
	if err != nil {
		return fail("%v", err)
	}
	if cfg.printer, err = printerOption(*chrome, remote); err != nil {
		return fail("%v", err)
	}
	if *port < 0 || *port > 65535 {
		return fail("--port %d is not a port number", *port)
	}
	if cfg.bind, cfg.hosts, err = bindAddress(*bind, *port); err != nil {
		return fail("%v", err)
	}
	if cfg.proj, err = readProject(); err != nil {
		return nil, exitFor(err, stderr, true), false
	}
	if *baseURL != "" {
		base, err := checkBaseURL(*baseURL)
		if err != nil {
			return fail("%v", err)
		}
		cfg.proj.BaseURL = base
		u, _ := url.Parse(base)
		cfg.hosts = append(cfg.hosts, u.Hostname())
	}
	if code, ok := cfg.folders(stderr); !ok {
		return nil, code, false
	}
	return cfg, ExitOK, true
}

// bindAddress is the address to listen on, from --bind or else 127.0.0.1
// and port, and the names requests may use besides localhost: the bound
// address itself unless it is every address (0.0.0.0, ::).
func bindAddress(bind string, port int) (string, []string, error) {
	if bind == "" {
		return net.JoinHostPort("127.0.0.1", strconv.Itoa(port)), nil, nil
	}
	host, p, err := net.SplitHostPort(bind)
	if err != nil {
		host, p = bind, strconv.Itoa(port)
	}
	if n, err := strconv.Atoi(p); err != nil || n < 0 || n > 65535 {
		return "", nil, fmt.Errorf("--bind %q: the port is not a port number; write ADDRESS:PORT, such as 0.0.0.0:8080", bind)
	}
	addr := net.JoinHostPort(host, p)
	if ip := net.ParseIP(strings.Trim(host, "[]")); host == "" || (ip != nil && ip.IsUnspecified()) {
		return addr, nil, nil
	}
	return addr, []string{host}, nil
}

// folders checks the content folder, chooses and checks the output,
// internal and cache folders, and makes serve's work folder.
func (cfg *serveConfig) folders(stderr io.Writer) (int, bool) {
	if err := contentMissing(cfg.content); err != nil {
		return exitFor(err, stderr, false), false
	}
	if st, err := os.Stat(cfg.content); err != nil || !st.IsDir() {
		if err == nil {
			err = errors.New("not a folder")
		}
		return exitFor(&load.ReadError{Path: cfg.content, Err: err}, stderr, true), false
	}
	work, err := serveWorkDir(cfg.content, cfg.out)
	if err != nil {
		fmt.Fprintln(stderr, "basis serve:", err)
		return ExitError, false
	}
	if cfg.out == "" {
		cfg.out = filepath.Join(work, "public")
	}
	cfg.internal = internalBeside(cfg.out)
	cfg.cache, cfg.work = filepath.Join(work, "cache"), work
	if err := site.CheckOutputs(cfg.content, cfg.out, cfg.internal, cfg.cache); err != nil {
		return exitFor(err, stderr, true), false
	}
	if err := makeWorkDir(work); err != nil {
		fmt.Fprintln(stderr, "basis serve:", err)
		return ExitError, false
	}
	return ExitOK, true
}

// newPreview makes the server of the preview: it builds on demand.
func newPreview(cfg *serveConfig) (*serve.Server, error) {
	return serve.New(
		serve.WithRoot(cfg.out),
		serve.WithBuild(func(ctx context.Context, swap sync.Locker) (bool, error) {
			tmpl, locs := sources() // read again: templates/ or locales/ may have changed
			res, err := site.Build(ctx, site.Options{Content: cfg.content, Out: cfg.out, Internal: cfg.internal, Project: cfg.proj,
				Cache: cfg.cache, PDF: false, LinkPDF: true, Templates: tmpl, Locales: locs, Version: version(), Lock: swap})
			return err == nil && !res.UpToDate, err
		}),
		cfg.printer,
		serve.WithScratch(filepath.Join(cfg.work, "pdf")),
		serve.WithPageOf(pageOf),
		serve.WithErrorFormat(formatBuildError),
	)
}

// rebuilder returns what rebuilds the preview and says how it went.
func rebuilder(ctx context.Context, srv *serve.Server, stdout io.Writer) func(why string) {
	return func(why string) {
		start := time.Now()
		changed, err := srv.Rebuild(ctx)
		if ctx.Err() != nil {
			return
		}
		stamp := time.Now().Format("15:04:05")
		if err != nil {
			lines := formatBuildError(err)
			fmt.Fprintf(stdout, "%s %s: %d error(s); the last good pages stay, with the errors shown over them:\n", stamp, why, len(lines))
			for _, l := range lines {
				fmt.Fprintln(stdout, "  "+l)
			}
			return
		}
		if !changed {
			fmt.Fprintf(stdout, "%s %s: up to date (%s)\n", stamp, why, time.Since(start).Round(time.Millisecond))
			return
		}
		fmt.Fprintf(stdout, "%s %s: built in %s\n", stamp, why, time.Since(start).Round(time.Millisecond))
	}
}

// watchLoop rebuilds on every batch of changes until ctx ends, the server
// fails or the watcher stops, and returns the exit status.
func watchLoop(ctx context.Context, w *watch.Watcher, served, lost <-chan error, rebuild func(string), stderr io.Writer) int {
	for {
		select {
		case <-ctx.Done():
			return ExitOK
		case err := <-served:
			fmt.Fprintln(stderr, "basis serve:", err)
			return ExitError
		case err := <-lost:
			rebuild("watch: " + err.Error())
		case b, ok := <-w.Batches():
			if !ok {
				return ExitOK
			}
			rebuild(describe(b))
		}
	}
}

// describe names the changed paths of a batch for the rebuild line.
func describe(b watch.Batch) string {
	switch len(b) {
	case 0:
		return "rebuild"
	case 1:
		return b[0]
	}
	return fmt.Sprintf("%s and %d more", b[0], len(b)-1)
}

// pageOf returns the PDF footer phrase of lang from the current locales.
func pageOf(lang string) string {
	_, locs := sources()
	cat, err := locale.Load(locs...)
	if err != nil {
		return "{page} / {pages}"
	}
	return cat.For(lang).T("ui.page")
}

// formatBuildError lists a failed build's errors, one per line at
// file:line:column: the check's errors (not its warnings) in English, or
// the loader's.
func formatBuildError(err error) []string {
	var cerr *site.CheckError
	if !errors.As(err, &cerr) {
		return serve.FormatError(err)
	}
	_, locs := sources()
	cat, lerr := locale.Load(locs...)
	if lerr != nil {
		return []string{err.Error(), lerr.Error()}
	}
	rep := &check.Report{}
	for _, f := range cerr.Report.Findings {
		if f.Severity == check.Error {
			rep.Findings = append(rep.Findings, f)
		}
	}
	var b strings.Builder
	_ = check.WriteText(&b, rep, cat.For("en"))
	var lines []string
	for l := range strings.SplitSeq(b.String(), "\n") {
		if l == "" {
			break // the findings end at the first blank line; the summary follows
		}
		lines = append(lines, l)
	}
	if len(lines) == 0 {
		return []string{err.Error()}
	}
	return lines
}
