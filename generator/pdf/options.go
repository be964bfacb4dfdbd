package pdf

import (
	"context"
	"log/slog"
	"runtime"
	"time"
)

// Defaults used when no option overrides them.
const (
	DefaultTimeout      = 60 * time.Second // per document
	DefaultStartTimeout = 2 * time.Minute  // per browser start, generous for a busy machine
	DefaultRestartEvery = 200              // documents per browser

	// pingTimeout bounds the commands a browser is expected to answer at
	// once: whether it still answers, closing a tab, dropping a context.
	pingTimeout = 5 * time.Second
)

// DefaultPages is how many tabs print in parallel unless WithPages says
// otherwise: one more than the cores, since a tab also waits on files and
// the browser's protocol (measured on 2 cores: 3 tabs print about 5% faster
// than 2; more than one per core plus one gains nothing).
func DefaultPages() int { return min(runtime.NumCPU()+1, 8) }

// Option configures a Printer.
type Option func(*config)

type config struct {
	browser      string
	browserFrom  string
	root         string
	timeout      time.Duration
	startTimeout time.Duration
	pages        int
	restartEvery int
	logger       *slog.Logger
	footerCSS    string
	footerFamily string
	scripts      bool
	navigate     bool
	endpoints    []string
	onRequest    func(browser, url string)                                                       // test hook: called for each paused request before it is decided
	onPrint      func(ctx context.Context, browser string, job Job)                              // test hook: called as a document starts on a tab
	ping         time.Duration                                                                   // pingTimeout, shorter in tests
	deadline     func(ctx context.Context, browser string) (context.Context, context.CancelFunc) // test hook: a document's deadline on a browser, instead of timeout
}

func defaultConfig() config {
	return config{
		timeout:      DefaultTimeout,
		startTimeout: DefaultStartTimeout,
		pages:        DefaultPages(),
		restartEvery: DefaultRestartEvery,
		logger:       slog.New(slog.DiscardHandler),
		ping:         pingTimeout,
	}
}

// WithBrowser sets the Chrome or Chromium executable; by default FindBrowser("") picks one.
func WithBrowser(path string) Option {
	return func(c *config) { c.browser, c.browserFrom = path, "WithBrowser" }
}

// WithEndpoints makes the printer print on the remote browsers at the
// given Chrome DevTools endpoints instead of starting one: ws:// or wss://
// addresses as the browser or service publishes them (a browserless
// service, a chromedp/headless-shell container, any Chrome started with
// --remote-debugging-port), or http:// or https:// addresses whose
// /json/version names one. WithBrowser is then unused.
//
// The endpoints form a pool: documents go to the one with the fewest in
// progress, each runs WithPages tabs, and one whose connection is lost is
// connected to again (a service may end sessions after a while) or, if
// that fails, leaves the pool, its documents retried on the others; a
// document that times out is retried once on another. Printing fails only
// when none is left. The browsers never read the local disk: each
// page and its files come from the printer over the DevTools connection,
// at the made-up address http://basis.invalid, and every other request is
// failed. WithRestartEvery does not apply.
func WithEndpoints(urls ...string) Option {
	return func(c *config) { c.endpoints = append(c.endpoints, urls...) }
}

// WithRoot sets the directory whose files pages may load; every job's HTML must lie in it. Required.
func WithRoot(dir string) Option {
	return func(c *config) { c.root = dir }
}

// WithTimeout sets the deadline for printing one document, from loading to
// the written file. Starting the browser has its own deadline, WithStartTimeout.
func WithTimeout(d time.Duration) Option {
	return func(c *config) { c.timeout = d }
}

// WithStartTimeout sets the deadline for starting the browser and connecting
// to it, at New and at every restart.
func WithStartTimeout(d time.Duration) Option {
	return func(c *config) { c.startTimeout = d }
}

// WithPages sets how many tabs print documents in parallel.
func WithPages(n int) Option {
	return func(c *config) { c.pages = n }
}

// WithRestartEvery restarts the browser after n documents; 0 never restarts it.
func WithRestartEvery(n int) Option {
	return func(c *config) { c.restartEvery = n }
}

// WithLogger sets the logger for browser starts, restarts, retries and blocked requests.
func WithLogger(l *slog.Logger) Option {
	return func(c *config) {
		if l != nil {
			c.logger = l
		}
	}
}

// WithFooterFont makes the running footer use font family (a name such as
// "Basis Noto Sans", or a CSS font-family list), declared by the @font-face
// rules of the stylesheet cssPath, a file under the root that is added to
// every document; cssPath may be "" if the documents load the family
// themselves. By default the footer uses the font of the document's body.
func WithFooterFont(cssPath, family string) Option {
	return func(c *config) { c.footerCSS, c.footerFamily = cssPath, family }
}

// WithScripts lets the documents' own scripts run; by default they do not,
// which also keeps them from opening connections the request filter cannot see.
func WithScripts(enabled bool) Option {
	return func(c *config) { c.scripts = enabled }
}

// WithNavigation makes the printer load every document by navigating a tab
// to it, as a browser opens a page, when navigate is set. By default a tab
// navigates to its first document only and gets each later one put into
// the document it holds (Page.setDocumentContent, with a <base> of the
// page's own address), which spares the browser a new document, its
// stylesheet and its fonts per page: about 0.6 of the CPU time. Both give
// the same PDFs; navigation is the reference the other is tested against,
// and what a tab falls back to when putting a page into it fails.
func WithNavigation(navigate bool) Option {
	return func(c *config) { c.navigate = navigate }
}
