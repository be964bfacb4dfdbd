package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
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

// runServe builds the site without PDFs, serves it on 127.0.0.1, and
// rebuilds it whenever content/, templates/ or locales/ change, until ctx
// ends. PDFs are printed when a page asks for them.
func runServe(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fset := newFlags("serve", stderr)
	content := fset.String("content", "content", "folder of company folders")
	out := fset.String("out", "", "folder to build into (default: a private folder in the user's cache folder, kept between runs)")
	port := fset.Int("port", 8080, "port to serve on, at 127.0.0.1 only (0 picks a free one)")
	chrome := fset.String("chrome", "", "path of Chrome or Chromium for PDFs (default $BASIS_CHROME, else found on PATH)")
	browsers := browserFlag(fset)
	rest, status, ok := parseFlags(fset, "serve", args, stdout, stderr)
	if !ok {
		return status
	}
	if len(rest) > 0 {
		fmt.Fprintf(stderr, "basis serve: unexpected argument %q; usage: %s\n", rest[0], serveUsage)
		return ExitInput
	}
	remote, err := browsers.list(*chrome)
	if err != nil {
		fmt.Fprintln(stderr, "basis serve:", err)
		return ExitInput
	}
	printer, err := printerOption(*chrome, remote)
	if err != nil {
		fmt.Fprintln(stderr, "basis serve:", err)
		return ExitInput
	}
	if *port < 0 || *port > 65535 {
		fmt.Fprintf(stderr, "basis serve: --port %d is not a port number\n", *port)
		return ExitInput
	}
	if err := contentMissing(*content); err != nil {
		return exitFor(err, stderr, false)
	}
	if st, err := os.Stat(*content); err != nil || !st.IsDir() {
		if err == nil {
			err = errors.New("not a folder")
		}
		return exitFor(&load.ReadError{Path: *content, Err: err}, stderr, true)
	}
	work, err := serveWorkDir(*content, *out)
	if err != nil {
		fmt.Fprintln(stderr, "basis serve:", err)
		return ExitError
	}
	if *out == "" {
		*out = filepath.Join(work, "public")
	}
	cache := filepath.Join(work, "cache")
	if err := site.CheckFolders(*content, *out, cache); err != nil {
		return exitFor(err, stderr, true)
	}
	if err := makeWorkDir(work); err != nil {
		fmt.Fprintln(stderr, "basis serve:", err)
		return ExitError
	}

	srv, err := serve.New(
		serve.WithRoot(*out),
		serve.WithBuild(func(ctx context.Context, swap sync.Locker) (bool, error) {
			tmpl, locs := sources() // read again: templates/ or locales/ may have changed
			res, err := site.Build(ctx, site.Options{Content: *content, Out: *out, Cache: cache, PDF: false, LinkPDF: true,
				Templates: tmpl, Locales: locs, Version: version(), Lock: swap})
			return err == nil && !res.UpToDate, err
		}),
		printer,
		serve.WithScratch(filepath.Join(work, "pdf")),
		serve.WithPageOf(pageOf),
		serve.WithErrorFormat(formatBuildError),
	)
	if err != nil {
		return exitFor(err, stderr, true)
	}
	defer srv.Close()

	// Take the port before building, so a busy one fails at once.
	ln, err := net.Listen("tcp", net.JoinHostPort("127.0.0.1", strconv.Itoa(*port)))
	if err != nil {
		fmt.Fprintln(stderr, "basis serve:", err)
		return ExitError
	}
	hs := &http.Server{Handler: serve.LocalOnly(srv), ReadHeaderTimeout: 10 * time.Second}

	rebuild := func(why string) {
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
	rebuild("first build")
	if ctx.Err() != nil {
		ln.Close()
		return ExitOK
	}

	roots := []string{*content}
	for _, d := range []string{"templates", "locales", release.Folder(*content)} {
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

	code := ExitOK
loop:
	for {
		select {
		case <-ctx.Done():
			break loop
		case err := <-served:
			fmt.Fprintln(stderr, "basis serve:", err)
			code = ExitError
			break loop
		case err := <-lost:
			rebuild("watch: " + err.Error())
		case b, ok := <-w.Batches():
			if !ok {
				break loop
			}
			rebuild(describe(b))
		}
	}

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
