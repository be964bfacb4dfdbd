package cli

import (
	"flag"
	"fmt"
	"net/url"
	"os"
	"strconv"
	"strings"

	"github.com/basis-privacy/basis/generator/pdf"
	"github.com/basis-privacy/basis/generator/serve"
	"github.com/basis-privacy/basis/generator/site"
)

// maxTabs is the most documents --tabs lets one browser print at once: a
// browser takes about 100 MB a tab.
const maxTabs = 64

// browserList is the value of the repeatable --browser flag: the remote
// Chrome DevTools endpoints to print on, each checked as it is given. A
// mistyped address is kept as an error for parseFlags (see Err), not
// returned to the flag package, which would print the whole value, token
// and password included.
type browserList struct {
	urls []string
	err  error // the first address that is not one
	n    int   // addresses given, for the error's "address 2 of 3"
}

// browserFlag adds --browser to fset.
func browserFlag(fset *flag.FlagSet) *browserList {
	l := &browserList{}
	fset.Var(l, "browser", "print on the remote Chrome DevTools endpoint `URL` (ws://host:port/..., or http://host:port) instead of a local browser; repeat it, or give a comma-separated list, for a pool (default $"+pdf.EnvEndpoints+")")
	return l
}

// String returns the endpoints, comma-separated.
func (l *browserList) String() string {
	if l == nil {
		return ""
	}
	return strings.Join(l.urls, ",")
}

// Set adds the endpoints of a comma-separated list. It never fails: a
// mistyped address is reported by Err, without its text.
func (l *browserList) Set(v string) error {
	for _, u := range splitList(v) {
		l.n++
		if err := checkBrowser(u, l.n); err != nil {
			if l.err == nil {
				l.err = err
			}
			continue
		}
		l.urls = append(l.urls, u)
	}
	return nil
}

// Err reports the first address given with --browser that is not a
// DevTools address, showing it only up to its host.
func (l *browserList) Err() error { return l.err }

// list returns the endpoints given with --browser, else those of
// $BASIS_BROWSER, checked as --browser checks them; with chrome (--chrome)
// there must be none.
func (l *browserList) list(chrome string) ([]string, error) {
	urls := l.urls
	if len(urls) == 0 {
		urls = splitList(os.Getenv(pdf.EnvEndpoints))
		for i, u := range urls {
			if err := checkBrowser(u, i+1); err != nil {
				return nil, fmt.Errorf("%s: %w", pdf.EnvEndpoints, err)
			}
		}
	}
	if chrome != "" && len(urls) > 0 {
		// Named without the addresses, as everywhere (see BrowserError).
		return nil, fmt.Errorf("both a local browser (--chrome %s) and remote browsers (--browser or %s) were given: pass --chrome or --browser, not both", chrome, pdf.EnvEndpoints)
	}
	return urls, nil
}

// BrowserError is a remote browser's address Basis cannot use. It shows
// the address up to its host and never more: the user info, path and
// query of a DevTools address may hold a service's password or token.
type BrowserError struct {
	Shown   string // the scheme and host, or "address N" when none can be told
	Problem string // what is wrong
	Hint    string // how to fix it
}

func (e *BrowserError) Error() string { return e.Shown + " " + e.Problem + ": " + e.Hint }

// checkBrowser checks the remote browser address raw, the n-th given.
func checkBrowser(raw string, n int) error {
	if pdf.CheckEndpoint(raw) == nil {
		return nil
	}
	const use = "use ws://host:port/... (or wss://), or http://host:port whose /json/version names one"
	e := &BrowserError{Shown: fmt.Sprintf("address %d (not shown: it may hold a token)", n), Hint: use}
	u, err := url.Parse(raw)
	switch {
	case !strings.Contains(raw, "://"):
		e.Problem = "has no scheme"
	case err != nil:
		e.Problem = "is not a URL"
		e.Hint = "write a password's or token's # as %23, @ as %40 and a comma as %2C; " + use
	case u.Host == "":
		e.Problem = "has no host"
	default:
		e.Problem = "is not a DevTools address"
	}
	if err == nil && u.Host != "" {
		e.Shown = strconv.Quote(hostOnly(u))
	}
	return e
}

// hostOnly writes u up to its host: "ws://example.com:3000/…".
func hostOnly(u *url.URL) string {
	s := strings.ToLower(u.Scheme) + "://" + u.Host
	if u.User != nil {
		s = strings.Replace(s, "://", "://…@", 1)
	}
	if u.Path != "" || u.RawQuery != "" || u.Fragment != "" || u.Opaque != "" {
		s += "/…"
	}
	return s
}

// splitList splits a comma-separated list, dropping blank items.
func splitList(s string) []string {
	var out []string
	for item := range strings.SplitSeq(s, ",") {
		if item = strings.TrimSpace(item); item != "" {
			out = append(out, item)
		}
	}
	return out
}

// printerOption is how serve prints PDFs: on the remote browsers, or else
// on the local browser chrome (or the one found); both is an error.
func printerOption(chrome string, remote []string) (serve.Option, error) {
	if err := site.CheckBrowsers(chrome, remote); err != nil {
		return nil, err
	}
	if len(remote) > 0 {
		return serve.WithEndpoints(remote...), nil
	}
	return serve.WithBrowser(chrome), nil
}
