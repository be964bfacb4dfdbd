// Package serve is the live preview behind `basis serve`: an http.Handler
// that serves the built site from its folder, reloads open pages after each
// rebuild, shows the errors of a broken edit over the last good pages, and
// prints PDFs when they are asked for.
//
// Pages learn about rebuilds over server-sent events at /_basis/events. A
// small script, written inline into every HTML page as it is served (the
// files on disk stay as built), listens there: after a successful rebuild it
// reloads the page; while the input is broken it shows an overlay with the
// errors at file:line:column, and removes it when the input is fixed. The
// same state is at /_basis/status as JSON.
//
// A GET of x.pdf prints x.html with one browser, started at the first such
// request and kept until Close. Each PDF is kept in memory under the hash of
// its page and of every file the page loads (the logo, the stylesheets and
// the fonts they load: pdf.Loads and pdf.StyleLoads), so it is printed
// again only after one of them changed. Build and serve make the job from
// the page the same way (pdf.NewJob).
//
// Neither printing nor building makes a page wait: the site is locked only
// while a build replaces its files (see BuildFunc) and, for reading, while a
// page is opened or copied for printing.
package serve

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/basis-privacy/basis/generator/load"
	"github.com/basis-privacy/basis/generator/pdf"
)

// Paths the server answers itself; no site file can be at them, because
// the builder writes no folder starting with an underscore.
const (
	EventsPath = "/_basis/events" // server-sent events: one "state" event per change
	StatusPath = "/_basis/status" // the current state as JSON
)

// BuildFunc builds the site into the served folder and reports whether any
// file changed (an incremental build may find nothing to do). It must leave
// the folder as it was when it fails, and hold swap while, and only while,
// it replaces files in the folder: pages are served meanwhile.
type BuildFunc func(ctx context.Context, swap sync.Locker) (changed bool, err error)

// Printer prints one HTML file to PDF; *pdf.Printer is one.
type Printer interface {
	Print(ctx context.Context, job pdf.Job) error
	Close() error
}

// Option configures a Server.
type Option func(*config)

type config struct {
	root        string
	build       BuildFunc
	newPrinter  func(ctx context.Context, root string) (Printer, error) // ctx ends at Close
	pageOf      func(lang string) string
	onPrint     func(pdf.Job)
	formatError func(error) []string
	keepAlive   time.Duration
	cacheBytes  int
	scratch     string
}

// WithRoot sets the folder of the built site. Required.
func WithRoot(dir string) Option { return func(c *config) { c.root = dir } }

// WithBuild sets how Rebuild builds the site. Required.
func WithBuild(f BuildFunc) Option { return func(c *config) { c.build = f } }

// WithBrowser prints PDFs with a pdf.Printer on the browser at path (empty:
// $BASIS_CHROME, else found on the PATH), started at the first PDF request.
func WithBrowser(path string) Option {
	return func(c *config) {
		c.newPrinter = func(ctx context.Context, root string) (Printer, error) {
			browser, err := pdf.FindBrowser(path)
			if err != nil {
				return nil, err
			}
			return pdf.NewContext(ctx, pdf.WithBrowser(browser), pdf.WithRoot(root))
		}
	}
}

// WithEndpoints prints PDFs on the remote Chrome DevTools endpoints urls
// (a browserless service, chromium --remote-debugging-port) instead of a
// local browser, as basis build --browser does: the pages reach the
// browser only through the printer, never over the network. It replaces
// WithBrowser.
func WithEndpoints(urls ...string) Option {
	return func(c *config) {
		c.newPrinter = func(ctx context.Context, root string) (Printer, error) {
			return pdf.NewContext(ctx, pdf.WithEndpoints(urls...), pdf.WithRoot(root))
		}
	}
}

// WithPrinter sets how the printer is made, at the first PDF request; it
// replaces WithBrowser.
func WithPrinter(f func(root string) (Printer, error)) Option {
	return func(c *config) {
		c.newPrinter = func(_ context.Context, root string) (Printer, error) { return f(root) }
	}
}

// WithPageOf sets the footer phrase of PDFs per language, with the tokens
// {page} and {pages}.
func WithPageOf(f func(lang string) string) Option { return func(c *config) { c.pageOf = f } }

// WithPrintHook calls f before each PDF is printed (tests count prints).
func WithPrintHook(f func(pdf.Job)) Option { return func(c *config) { c.onPrint = f } }

// WithErrorFormat turns a failed build's error into the lines the overlay
// shows; the default lists load.Errors one per line at file:line:column,
// and any other error by its lines.
func WithErrorFormat(f func(error) []string) Option { return func(c *config) { c.formatError = f } }

// WithKeepAlive sets how often an idle event stream gets a comment line,
// so proxies and browsers keep it open. Default 25 seconds.
func WithKeepAlive(d time.Duration) Option { return func(c *config) { c.keepAlive = d } }

// WithScratch sets the folder that pages to print are copied into. Each
// server makes its own folder in it, removed by Close, and removes those of
// servers that no longer run (killed before they could). By default a new
// folder in the system's temporary folder is used.
func WithScratch(dir string) Option { return func(c *config) { c.scratch = dir } }

// WithPDFCache sets how many bytes of PDFs are kept in memory. Default 256 MiB.
func WithPDFCache(bytes int) Option { return func(c *config) { c.cacheBytes = bytes } }

// State is what open pages are told: the version of the last good build,
// and the problems of the last build if it failed.
type State struct {
	Version string   `json:"version"`
	Errors  []string `json:"errors"`
}

// Server serves the built site; see the package documentation.
type Server struct {
	cfg     config
	root    string          // absolute
	ctx     context.Context // ends at Close; bounds printing
	cancel  context.CancelFunc
	closed  chan struct{}
	closeMu sync.Once

	buildMu sync.Mutex   // one Rebuild at a time
	site    sync.RWMutex // held for writing while a build replaces files, for reading while reading them

	stateMu  sync.Mutex
	instance string
	builds   int
	state    State
	subs     map[chan State]struct{}

	pdfs *pdfCache
}

// New returns a server for the site in the root folder. It does not build;
// call Rebuild.
func New(opts ...Option) (*Server, error) {
	cfg := config{keepAlive: 25 * time.Second, cacheBytes: 256 << 20}
	WithBrowser("")(&cfg)
	for _, o := range opts {
		o(&cfg)
	}
	if cfg.root == "" || cfg.build == nil {
		return nil, errors.New("serve: WithRoot and WithBuild are required")
	}
	if cfg.formatError == nil {
		cfg.formatError = FormatError
	}
	if cfg.pageOf == nil {
		cfg.pageOf = func(string) string { return "{page} / {pages}" }
	}
	if cfg.onPrint == nil {
		cfg.onPrint = func(pdf.Job) {}
	}
	root, err := filepath.Abs(cfg.root)
	if err != nil {
		return nil, err
	}
	var id [4]byte
	_, _ = rand.Read(id[:])
	ctx, cancel := context.WithCancel(context.Background())
	s := &Server{cfg: cfg, root: root, ctx: ctx, cancel: cancel, closed: make(chan struct{}),
		instance: hex.EncodeToString(id[:]), subs: map[chan State]struct{}{}}
	s.state = State{Version: s.instance + "-0", Errors: []string{}}
	s.pdfs = newPDFCache(cfg.cacheBytes, cfg.scratch)
	return s, nil
}

// FormatError lists load.Errors one per line at file:line:column, and any
// other error by its lines.
func FormatError(err error) []string {
	var les load.Errors
	if errors.As(err, &les) {
		out := make([]string, len(les))
		for i, e := range les {
			out[i] = e.Error()
		}
		return out
	}
	var lines []string
	for l := range strings.SplitSeq(err.Error(), "\n") {
		if strings.TrimSpace(l) != "" {
			lines = append(lines, l)
		}
	}
	return lines
}

// Rebuild builds the site and tells open pages: reload after a build that
// changed files, hide the overlay after one that fixed the input without
// changing a file, or show the errors of a failed one over the last good
// pages. It returns whether files changed, and the build's error. A build
// cancelled by ctx changes nothing.
func (s *Server) Rebuild(ctx context.Context) (changed bool, err error) {
	s.buildMu.Lock()
	defer s.buildMu.Unlock()
	changed, err = s.cfg.build(ctx, &s.site)
	first := s.builds == 0 // s.builds only changes under buildMu
	if err != nil && ctx.Err() != nil {
		return false, err
	}
	s.stateMu.Lock()
	if err == nil && (changed || first) {
		s.builds++
		s.state = State{Version: fmt.Sprintf("%s-%d", s.instance, s.builds), Errors: []string{}}
	} else if err == nil {
		s.state = State{Version: s.state.Version, Errors: []string{}}
	} else {
		lines := s.cfg.formatError(err)
		if len(lines) == 0 {
			lines = []string{"the build failed: " + err.Error()} // an empty list would read as "fixed"
		}
		s.state = State{Version: s.state.Version, Errors: lines}
	}
	st := s.state
	for ch := range s.subs {
		// Each subscriber holds at most one state, the newest.
		select {
		case ch <- st:
		default:
			select {
			case <-ch:
			default:
			}
			ch <- st
		}
	}
	s.stateMu.Unlock()
	return changed, err
}

// State returns the current state.
func (s *Server) State() State {
	s.stateMu.Lock()
	defer s.stateMu.Unlock()
	return s.state
}

// Close ends the event streams, stops the browser and drops the PDF cache.
// Shut the http.Server down after it: open event streams would keep it waiting.
func (s *Server) Close() error {
	var err error
	s.closeMu.Do(func() {
		close(s.closed)
		s.cancel()
		err = s.pdfs.close()
	})
	return err
}

// ServeHTTP serves the site, the event stream, the status and PDFs.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	switch r.URL.Path {
	case EventsPath:
		s.serveEvents(w, r)
		return
	case StatusPath:
		s.serveStatus(w, r)
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	w.Header().Set("Cache-Control", "no-store")
	rel := strings.TrimPrefix(path.Clean("/"+r.URL.Path), "/")
	if rel == "" {
		rel = "."
	}
	if path.Ext(rel) == ".pdf" && s.servePDF(w, r, rel) {
		return
	}
	s.serveFile(w, r, rel)
}

// serveFile serves the file rel of the site, with the live script in HTML.
func (s *Server) serveFile(w http.ResponseWriter, r *http.Request, rel string) {
	f, st, page, err := s.open(rel, strings.HasSuffix(r.URL.Path, "/"))
	if errors.Is(err, errIsDir) {
		u := *r.URL
		u.Path += "/"
		http.Redirect(w, r, u.String(), http.StatusMovedPermanently)
		return
	}
	if err != nil {
		s.notFound(w, r)
		return
	}
	if page != nil {
		s.writeHTML(w, r, http.StatusOK, page)
		return
	}
	// The open file stays readable after a build replaced it.
	defer f.Close()
	http.ServeContent(w, r, rel, st.ModTime(), f)
}

// errIsDir reports a folder asked for without its trailing slash.
var errIsDir = errors.New("a folder")

// open opens the site's file rel (a folder's index.html when the address
// ended in a slash), read-locking the site only meanwhile. An HTML page is
// read and returned as page, with f nil; any other file is returned open.
func (s *Server) open(rel string, slash bool) (f *os.File, st fs.FileInfo, page []byte, err error) {
	s.site.RLock()
	defer s.site.RUnlock()
	if f, err = os.OpenInRoot(s.root, rel); err != nil {
		return nil, nil, nil, err
	}
	if st, err = f.Stat(); err == nil && st.IsDir() {
		f.Close()
		if !slash {
			return nil, nil, nil, errIsDir
		}
		rel = path.Join(rel, "index.html")
		if f, err = os.OpenInRoot(s.root, rel); err != nil {
			return nil, nil, nil, err
		}
		if st, err = f.Stat(); err == nil && st.IsDir() {
			err = fmt.Errorf("%s is a folder: %w", rel, fs.ErrNotExist)
		}
	}
	if err == nil && path.Ext(rel) == ".html" {
		page, err = io.ReadAll(f)
	}
	if err != nil || page != nil {
		f.Close()
		return nil, st, page, err
	}
	return f, st, nil, nil
}

// notFound answers with a page that carries the live script too, so it
// turns into the page once a build writes it, and shows the overlay when
// the first build failed.
func (s *Server) notFound(w http.ResponseWriter, r *http.Request) {
	page := fmt.Sprintf(`<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Not found</title></head>
<body><h1>Not found</h1><p>%s is not in the built site.</p></body></html>
`, escape(r.URL.Path))
	s.writeHTML(w, r, http.StatusNotFound, []byte(page))
}

func (s *Server) writeHTML(w http.ResponseWriter, r *http.Request, code int, page []byte) {
	b := Inject(page, s.State())
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Content-Length", fmt.Sprint(len(b)))
	w.WriteHeader(code)
	if r.Method != http.MethodHead {
		_, _ = w.Write(b)
	}
}

// LocalOnly passes on requests addressed to this machine by name
// (localhost, 127.0.0.1, [::1]) and refuses others, so a web page cannot
// reach the preview through a host name of its own that resolves to
// 127.0.0.1 (DNS rebinding).
func LocalOnly(h http.Handler) http.Handler { return HostsOnly(h) }

// HostsOnly is LocalOnly that also passes on requests addressed to one of
// names (host names or addresses, without a port), such as the address a
// preview on a LAN or in a container is bound to or published at. Every
// other name is refused: still no DNS rebinding.
func HostsOnly(h http.Handler, names ...string) http.Handler {
	allowed := map[string]bool{"localhost": true, "127.0.0.1": true, "::1": true}
	for _, n := range names {
		allowed[strings.Trim(strings.ToLower(n), "[]")] = true
	}
	list := append([]string(nil), names...)
	refusal := "basis serve answers only requests to localhost or 127.0.0.1"
	if len(list) > 0 {
		refusal = "basis serve answers only requests to localhost, 127.0.0.1 or " + strings.Join(list, ", ")
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		host := r.Host
		if name, _, err := net.SplitHostPort(host); err == nil {
			host = name
		}
		if allowed[strings.Trim(strings.ToLower(host), "[]")] {
			h.ServeHTTP(w, r)
			return
		}
		http.Error(w, refusal, http.StatusForbidden)
	})
}
