package cli

import (
	"flag"
	"os"
	"strings"

	"github.com/basis-privacy/basis/generator/pdf"
	"github.com/basis-privacy/basis/generator/serve"
	"github.com/basis-privacy/basis/generator/site"
)

// maxTabs is the most documents --tabs lets one browser print at once: a
// browser takes about 100 MB a tab.
const maxTabs = 64

// browserList is the value of the repeatable --browser flag: the remote
// Chrome DevTools endpoints to print on, each checked as it is given.
type browserList struct {
	urls []string
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

// Set adds the endpoints of a comma-separated list.
func (l *browserList) Set(v string) error {
	for _, u := range splitList(v) {
		if err := pdf.CheckEndpoint(u); err != nil {
			return err
		}
		l.urls = append(l.urls, u)
	}
	return nil
}

// list returns the endpoints given with --browser, else those of $BASIS_BROWSER.
func (l *browserList) list() []string {
	if len(l.urls) > 0 {
		return l.urls
	}
	return splitList(os.Getenv(pdf.EnvEndpoints))
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
