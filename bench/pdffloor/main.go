// Command pdffloor is the floor of the PDF benchmark: one headless browser,
// driven by go-rod with nothing else around it, prints a list of HTML files
// with the same page settings as Basis (A4, background graphics, CSS page
// size) on a few tabs in parallel. No request filter, no footer, no retry,
// no browser restarts: the time Basis's printer could at best approach.
//
//	go run ./bench/pdffloor -pages 2 -out /tmp/floor /tmp/site/a.html /tmp/site/b.html
//
// With -endpoint it prints on a browser that already runs (a remote Chrome
// DevTools address, ws://... or http://host:port) instead of starting one:
// the floor for Basis's remote printing, timed from the connection.
//
// Each PDF is written to -out under the HTML file's path with its directory
// separators replaced by "_".
package main

import (
	"flag"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/go-rod/rod"
	"github.com/go-rod/rod/lib/launcher"
	"github.com/go-rod/rod/lib/proto"
)

func main() {
	bin := flag.String("chrome", "", "browser executable (default: found on PATH)")
	pages := flag.Int("pages", 2, "tabs printing in parallel (Basis's printer uses 2)")
	endpoint := flag.String("endpoint", "", "DevTools address of a running browser to print on instead of starting one")
	out := flag.String("out", "", "folder for the PDFs (required)")
	flag.Parse()
	if *out == "" || flag.NArg() == 0 || *pages < 1 {
		fmt.Fprintln(os.Stderr, "usage: pdffloor [-chrome PATH] [-pages N] -out DIR FILE.html...")
		os.Exit(2)
	}
	if err := run(*bin, *endpoint, *pages, *out, flag.Args()); err != nil {
		fmt.Fprintln(os.Stderr, "pdffloor:", err)
		os.Exit(1)
	}
}

func run(bin, endpoint string, pages int, out string, files []string) error {
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	start := time.Now()
	if endpoint != "" {
		u, err := launcher.ResolveURL(endpoint)
		if err != nil {
			return err
		}
		b := rod.New().ControlURL(u)
		if err := b.Connect(); err != nil {
			return err
		}
		return printAll(b, pages, out, files, start)
	}
	if bin == "" {
		found, ok := launcher.LookPath()
		if !ok {
			return fmt.Errorf("no Chrome or Chromium found")
		}
		bin = found
	}
	// A lean browser, as a printer would start it: no GPU, no background
	// networking or updates, one renderer process for all tabs.
	l := launcher.New().Bin(bin).Headless(true).Leakless(false).
		Set("disable-gpu").
		Set("disable-background-networking").
		Set("disable-component-update").
		Set("disable-extensions").
		Set("disable-sync").
		Set("no-first-run").
		Set("disable-features", "site-per-process", "Translate", "OptimizationHints", "MediaRouter")
	defer l.Cleanup()
	defer l.Kill()
	u, err := l.Launch()
	if err != nil {
		return err
	}
	b := rod.New().ControlURL(u)
	if err := b.Connect(); err != nil {
		return err
	}
	defer b.Close()
	return printAll(b, pages, out, files, start)
}

// printAll prints files on pages tabs of b.
func printAll(b *rod.Browser, pages int, out string, files []string, start time.Time) error {
	jobs := make(chan string)
	errs := make(chan error, len(files))
	var wg sync.WaitGroup
	for range pages {
		wg.Go(func() {
			p, err := b.Page(proto.TargetCreateTarget{URL: "about:blank"})
			if err != nil {
				errs <- err
				for range jobs {
				}
				return
			}
			defer p.Close()
			for f := range jobs {
				if err := printOne(p, f, out); err != nil {
					errs <- fmt.Errorf("%s: %w", f, err)
				}
			}
		})
	}
	for _, f := range files {
		jobs <- f
	}
	close(jobs)
	wg.Wait()
	close(errs)
	if err := <-errs; err != nil { // nil once closed and empty
		return err
	}
	fmt.Printf("printed %d documents in %s\n", len(files), time.Since(start).Round(time.Millisecond))
	return nil
}

// printOne loads one file in the tab and prints it as Basis's printer does.
func printOne(p *rod.Page, file, out string) error {
	abs, err := filepath.Abs(file)
	if err != nil {
		return err
	}
	if err := p.Navigate((&url.URL{Scheme: "file", Path: filepath.ToSlash(abs)}).String()); err != nil {
		return err
	}
	if err := p.WaitLoad(); err != nil {
		return err
	}
	// Web fonts must be in before printing, as in Basis.
	if _, err := p.Eval(`() => document.fonts.ready.then(() => true)`); err != nil {
		return err
	}
	mm := func(v float64) *float64 { v /= 25.4; return &v }
	a4w, a4h := 210.0, 297.0
	r, err := p.PDF(&proto.PagePrintToPDF{
		PaperWidth: mm(a4w), PaperHeight: mm(a4h),
		MarginTop: mm(15), MarginBottom: mm(15), MarginLeft: mm(15), MarginRight: mm(15),
		PrintBackground: true, PreferCSSPageSize: true,
	})
	if err != nil {
		return err
	}
	name := strings.ReplaceAll(strings.TrimPrefix(filepath.ToSlash(abs), "/"), "/", "_")
	name = strings.TrimSuffix(name, ".html") + ".pdf"
	f, err := os.Create(filepath.Join(out, name))
	if err != nil {
		return err
	}
	if _, err := io.Copy(f, r); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
