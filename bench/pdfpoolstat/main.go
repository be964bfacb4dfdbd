// Command pdfpoolstat finds where the throughput of a pool of remote
// browsers goes: it starts two Chromium endpoints (each pinned to CPUs of
// its own with -cpus, as bench/pdfpool.sh pins them), prints the same
// documents with Basis's printer (generator/pdf, warm tabs) on endpoint 1
// alone and on both, alternating, and reports for each run what the
// dispatcher did and what the machine did:
//
//   - per endpoint: the documents it printed, how many of them navigated
//     (a tab's first) rather than went into a warm tab, its busy span (first
//     document's start to last's end), the time its last document ended
//     before the run's end (the tail: waiting on the slower endpoint), the
//     mean wait for a tab, and the CPU its processes used, per document
//     and as a share of the wall clock;
//
//   - the client (this program: the dispatcher, the file server, the
//     PDFs' decoding and writing): its CPU, per document and in cores;
//
//   - each CPU of the machine: how busy it was, and how much of that the
//     endpoints, the client and everything else (other work on a shared
//     machine, the kernel) took.
//
//     go run ./bench/pdfpoolstat -cpus 0 -cpus 1 -root SITE -out /tmp/pdfs SITE/a.html SITE/b.html ...
//
// The printer is the one `basis build --browser WS` uses, with jobs made as
// the site makes them (pdf.NewJob; the footer's page phrase is a fixed
// one per language here).
package main

import (
	"context"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/basis-privacy/basis/bench/internal/endpoint"
	"github.com/basis-privacy/basis/generator/pdf"
)

type cpuList []string

func (c *cpuList) String() string     { return strings.Join(*c, " ") }
func (c *cpuList) Set(v string) error { *c = append(*c, v); return nil }

func main() {
	var cpus cpuList
	flag.Var(&cpus, "cpus", "CPU list (taskset -c) of endpoint 1, then, given again, of endpoint 2 (default: unpinned)")
	chrome := flag.String("chrome", "", "browser executable (default: $CHROME, $BASIS_CHROME or chromium on PATH)")
	root := flag.String("root", "", "the site the HTML files are in (required)")
	out := flag.String("out", "", "folder for the PDFs (required)")
	runs := flag.Int("runs", 3, "runs of each (one endpoint, two), alternating")
	pages := flag.Int("pages", pdf.DefaultPages(), "tabs per endpoint")
	flag.Parse()
	if *root == "" || *out == "" || flag.NArg() == 0 || len(cpus) > 2 || *runs < 1 {
		fmt.Fprintln(os.Stderr, "usage: pdfpoolstat [-cpus LIST -cpus LIST] [-runs N] [-pages N] -root SITE -out DIR FILE.html...")
		os.Exit(2)
	}
	if err := run(*chrome, cpus, *root, *out, *runs, *pages, flag.Args()); err != nil {
		fmt.Fprintln(os.Stderr, "pdfpoolstat:", err)
		os.Exit(1)
	}
}

func run(chrome string, cpus []string, root, out string, runs, pages int, files []string) error {
	root, err := filepath.Abs(root)
	if err != nil {
		return err
	}
	var ends [2]*endpoint.Browser
	for i := range ends {
		pin := ""
		if i < len(cpus) {
			pin = cpus[i]
		}
		if ends[i], err = endpoint.Start(chrome, pin); err != nil {
			return err
		}
		defer ends[i].Stop()
	}
	fmt.Fprintf(os.Stderr, "pdfpoolstat: endpoints %s and %s, %d documents\n", ends[0].WS, ends[1].WS, len(files))
	if _, err := printRun("warm-up", ends[:], root, out, pages, files); err != nil {
		return err
	}
	var results []*runResult
	for r := 1; r <= runs; r++ {
		for _, n := range []int{1, 2} {
			name := fmt.Sprintf("%d endpoint(s), run %d", n, r)
			fmt.Fprintln(os.Stderr, "pdfpoolstat:", name)
			res, err := printRun(name, ends[:n], root, out, pages, files)
			if err != nil {
				return fmt.Errorf("%s: %w", name, err)
			}
			res.endpoints = n
			results = append(results, res)
		}
	}
	report(os.Stdout, results, len(files), pages, cpus)
	return nil
}

// printed is one document as the printer's debug log tells it.
type printed struct {
	browser      string
	start        time.Time
	took, waited time.Duration
	ok           bool
	html         string
}

// collector is a slog handler that keeps the printer's "pdf: printed" and
// "pdf: put into a warm tab" records.
type collector struct {
	mu   sync.Mutex
	docs []printed
	puts map[string]bool // browser + html
	with []slog.Attr
}

func (c *collector) Enabled(context.Context, slog.Level) bool { return true }
func (c *collector) WithAttrs(as []slog.Attr) slog.Handler {
	return &sub{c: c, with: append(append([]slog.Attr{}, c.with...), as...)}
}
func (c *collector) WithGroup(string) slog.Handler { return c }
func (c *collector) Handle(_ context.Context, r slog.Record) error {
	return c.handle(nil, r)
}

// sub is the collector with attributes (the browser) added.
type sub struct {
	c    *collector
	with []slog.Attr
}

func (s *sub) Enabled(context.Context, slog.Level) bool { return true }
func (s *sub) WithAttrs(as []slog.Attr) slog.Handler {
	return &sub{c: s.c, with: append(append([]slog.Attr{}, s.with...), as...)}
}
func (s *sub) WithGroup(string) slog.Handler { return s }
func (s *sub) Handle(_ context.Context, r slog.Record) error {
	return s.c.handle(s.with, r)
}

func (c *collector) handle(with []slog.Attr, r slog.Record) error {
	var p printed
	attr := func(a slog.Attr) bool {
		switch a.Key {
		case "browser":
			p.browser = a.Value.String()
		case "html":
			p.html = a.Value.String()
		case "start":
			p.start = a.Value.Time()
		case "took":
			p.took = a.Value.Duration()
		case "waited":
			p.waited = a.Value.Duration()
		case "ok":
			p.ok = a.Value.Bool()
		}
		return true
	}
	for _, a := range with {
		attr(a)
	}
	r.Attrs(attr)
	c.mu.Lock()
	defer c.mu.Unlock()
	switch r.Message {
	case "pdf: printed":
		c.docs = append(c.docs, p)
	case "pdf: put into a warm tab":
		c.puts[p.browser+"\x00"+p.html] = true
	case "pdf: loading a page into a warm tab failed, navigating to it instead", "pdf: blocked request",
		"pdf: remote browser lost, its documents go to the others", "pdf: document timed out, retrying on another browser":
		fmt.Fprintf(os.Stderr, "pdfpoolstat: %s %s %s\n", r.Message, p.browser, p.html)
	}
	return nil
}

// pageOf is the footer's page phrase per language.
var pageOf = map[string]string{"en": "Page {page} of {pages}", "de": "Seite {page} von {pages}", "pl": "Strona {page} z {pages}", "vi": "Trang {page}/{pages}"}

// jobs makes the jobs for files, as the site does.
func jobs(root, out string, files []string) ([]pdf.Job, error) {
	var js []pdf.Job
	for _, f := range files {
		abs, err := filepath.Abs(f)
		if err != nil {
			return nil, err
		}
		rel, err := filepath.Rel(root, abs)
		if err != nil || strings.HasPrefix(rel, "..") {
			return nil, fmt.Errorf("%s is not under %s", f, root)
		}
		page, err := os.ReadFile(abs)
		if err != nil {
			return nil, err
		}
		dst := filepath.Join(out, strings.TrimSuffix(rel, ".html")+".pdf")
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			return nil, err
		}
		j := pdf.NewJob(root, filepath.ToSlash(rel), page, dst)
		j.Page = nil // the site's printer reads each page as it prints it
		j.PageOf = pageOf[j.Lang]
		js = append(js, j)
	}
	return js, nil
}

// cpuTimes reads /proc/stat: per CPU, the busy and total ticks.
func cpuTimes() map[string][2]int64 {
	data, err := os.ReadFile("/proc/stat")
	if err != nil {
		return nil
	}
	out := map[string][2]int64{}
	for _, line := range strings.Split(string(data), "\n") {
		f := strings.Fields(line)
		if len(f) < 9 || !strings.HasPrefix(f[0], "cpu") || f[0] == "cpu" {
			continue
		}
		var v [8]int64
		for i := range v {
			fmt.Sscan(f[i+1], &v[i])
		}
		idle := v[3] + v[4] // idle, iowait
		total := int64(0)
		for _, x := range v {
			total += x
		}
		out[f[0]] = [2]int64{total - idle, total}
	}
	return out
}

func selfCPU() time.Duration {
	var ru syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// runResult is what one run measured.
type runResult struct {
	name      string
	endpoints int
	connect   time.Duration      // pdf.New: connecting to the endpoints
	wall      time.Duration      // PrintAll
	client    time.Duration      // this program's CPU during PrintAll, less the sampler's
	sampler   time.Duration      // the CPU the /proc samples took
	endCPU    []float64          // seconds, per endpoint, during PrintAll
	cpuBusy   map[string]float64 // per CPU: busy seconds during PrintAll
	cpuTotal  map[string]float64 // per CPU: seconds
	docs      []printed
	puts      map[string]bool
	start     time.Time
	urls      []string
}

// printRun prints every file once on ends as a pool, with a new printer.
func printRun(name string, ends []*endpoint.Browser, root, out string, pages int, files []string) (*runResult, error) {
	dir := filepath.Join(out, strings.NewReplacer(" ", "-", ",", "", "(", "", ")", "").Replace(name))
	if err := os.RemoveAll(dir); err != nil {
		return nil, err
	}
	js, err := jobs(root, dir, files)
	if err != nil {
		return nil, err
	}
	col := &collector{puts: map[string]bool{}}
	var urls []string
	for _, e := range ends {
		urls = append(urls, e.WS)
	}
	t0 := time.Now()
	p, err := pdf.New(pdf.WithRoot(root), pdf.WithEndpoints(urls...), pdf.WithPages(pages), pdf.WithLogger(slog.New(col)))
	if err != nil {
		return nil, err
	}
	res := &runResult{name: name, connect: time.Since(t0), urls: urls}
	var sids []int
	for _, e := range ends {
		sids = append(sids, e.PID)
	}
	samp := endpoint.NewSampler(sids...)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { samp.Loop(ctx); close(done) }()
	c0, s0 := cpuTimes(), selfCPU()
	res.start = time.Now()
	err = p.PrintAll(context.Background(), js, nil)
	res.wall = time.Since(res.start)
	c1, s1 := cpuTimes(), selfCPU()
	cancel()
	<-done
	samp.Sample() // before Close ends the renderers of the printer's browser contexts
	_ = p.Close()
	if err != nil {
		return nil, err
	}
	res.sampler = samp.Self()
	res.client = s1 - s0 - res.sampler // the samples are the bench's cost, not the client's
	by := samp.BySession()
	for _, e := range ends {
		res.endCPU = append(res.endCPU, by[e.PID])
	}
	res.cpuBusy, res.cpuTotal = map[string]float64{}, map[string]float64{}
	for k, v := range c1 {
		res.cpuBusy[k] = float64(v[0]-c0[k][0]) / 100
		res.cpuTotal[k] = float64(v[1]-c0[k][1]) / 100
	}
	col.mu.Lock()
	res.docs, res.puts = col.docs, col.puts
	col.mu.Unlock()
	sort.Slice(res.docs, func(i, j int) bool { return res.docs[i].start.Before(res.docs[j].start) })
	return res, nil
}
