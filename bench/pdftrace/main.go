// Command pdftrace profiles the PDF printing of one browser endpoint with
// Chromium's own tracing: it starts one headless Chromium with a DevTools
// port (the flags bench/pdfpool.sh gives its endpoints), then runs each
// command given to it with WS set to that browser's address while the
// browser records a trace (Tracing.start, all processes: browser,
// renderers, GPU, utilities), and prints, per document, where the
// browser's CPU went in each run, side by side: the thread time of the
// trace events, by kind of work (parsing HTML, style, layout, paint,
// fonts, printing, V8, IPC, DevTools, ...) and by process, and the CPU
// time /proc counted for each process type meanwhile.
//
//	go run ./bench/pdftrace -docs 52 -traces /tmp/traces \
//		plain='pdffloor -endpoint "$WS" -pages 3 -out /tmp/f a.html b.html ...' \
//		basis='basis build --content c --out o --browser "$WS"'
//
// Each argument is NAME=COMMAND, run by bash -c in the current folder.
// -warmup runs a command first, untraced, so that the first traced run
// does not pay for reading the browser's binaries and fonts from the disk.
// -cpus pins the browser (taskset -c), as bench/pdfpool.sh pins endpoint 1.
// The traces (JSON, Chrome's trace event format, readable by
// chrome://tracing and ui.perfetto.dev) are written to -traces, one per run.
//
// The thread time of an event is its own: the thread CPU time (tdur) of
// the event less that of the events nested in it on the same thread.
// Work outside any traced event is not counted there; the /proc figures
// count everything.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"github.com/basis-privacy/basis/bench/internal/endpoint"
	"github.com/go-rod/rod"
)

func main() {
	chrome := flag.String("chrome", "", "browser executable (default: $CHROME, $BASIS_CHROME or chromium on PATH)")
	cpus := flag.String("cpus", "", "CPU list to pin the browser to with taskset -c (default: not pinned)")
	docs := flag.Int("docs", 1, "documents each command prints, for the figures per document")
	traces := flag.String("traces", "", "folder for the trace files (required)")
	warmup := flag.String("warmup", "", "command run first, untraced")
	top := flag.Int("top", 12, "event names listed per run")
	from := flag.Bool("from", false, "summarize trace files (arguments NAME=FILE) written before, instead of running commands")
	flag.Parse()
	runs, err := parseRuns(flag.Args())
	if err != nil || (*traces == "" && !*from) || *docs < 1 {
		if err != nil {
			fmt.Fprintln(os.Stderr, "pdftrace:", err)
		}
		fmt.Fprintln(os.Stderr, "usage: pdftrace [-from] [-chrome PATH] [-cpus LIST] [-docs N] [-warmup CMD] -traces DIR NAME=COMMAND...")
		os.Exit(2)
	}
	if *from {
		if err := fromFiles(runs, *docs, *top); err != nil {
			fmt.Fprintln(os.Stderr, "pdftrace:", err)
			os.Exit(1)
		}
		return
	}
	if err := run(*chrome, *cpus, *traces, *warmup, *docs, *top, runs); err != nil {
		fmt.Fprintln(os.Stderr, "pdftrace:", err)
		os.Exit(1)
	}
}

// runSpec is one command to trace.
type runSpec struct{ name, cmd string }

func parseRuns(args []string) ([]runSpec, error) {
	if len(args) == 0 {
		return nil, errors.New("no command to trace")
	}
	var out []runSpec
	for _, a := range args {
		name, cmd, ok := strings.Cut(a, "=")
		if !ok || name == "" || cmd == "" {
			return nil, fmt.Errorf("%q is not NAME=COMMAND", a)
		}
		out = append(out, runSpec{name, cmd})
	}
	return out, nil
}

func run(chrome, cpus, traces, warmup string, docs, top int, runs []runSpec) error {
	if err := os.MkdirAll(traces, 0o755); err != nil {
		return err
	}
	br, err := endpoint.Start(chrome, cpus)
	if err != nil {
		return err
	}
	defer br.Stop()
	b := rod.New().ControlURL(br.WS)
	if err := b.Connect(); err != nil {
		return err
	}
	defer func() { _ = b.Close() }()
	if warmup != "" {
		fmt.Fprintln(os.Stderr, "pdftrace: warm-up")
		if _, err := command(warmup, br.WS); err != nil {
			return fmt.Errorf("warm-up: %w", err)
		}
	}
	var results []*result
	for _, r := range runs {
		fmt.Fprintf(os.Stderr, "pdftrace: %s\n", r.name)
		res, err := traceRun(b, br, r, filepath.Join(traces, r.name+".json"))
		if err != nil {
			return fmt.Errorf("%s: %w", r.name, err)
		}
		results = append(results, res)
	}
	report(os.Stdout, results, docs, top)
	return nil
}

// fromFiles reports on trace files written before: the /proc figures
// are then missing.
func fromFiles(runs []runSpec, docs, top int) error {
	var results []*result
	for _, r := range runs {
		sum, err := summarize(r.cmd)
		if err != nil {
			return err
		}
		results = append(results, &result{name: r.name, procCPU: map[string]float64{}, trace: sum})
	}
	report(os.Stdout, results, docs, top)
	return nil
}

// result is what one traced run measured.
type result struct {
	name    string
	wall    time.Duration
	client  time.Duration      // CPU of the command and its children
	procCPU map[string]float64 // CPU seconds per process type, from /proc
	trace   *summary
}

// traceRun runs r.cmd while the browser records a trace into file.
func traceRun(b *rod.Browser, br *endpoint.Browser, r runSpec, file string) (*result, error) {
	if err := startTracing(b); err != nil {
		return nil, err
	}
	samp := endpoint.NewSampler(br.PID)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { samp.Loop(ctx); close(done) }()
	start := time.Now()
	client, cmdErr := command(r.cmd, br.WS)
	wall := time.Since(start)
	cancel()
	<-done
	samp.Sample()
	if err := stopTracing(b, file); err != nil {
		return nil, err
	}
	if cmdErr != nil {
		return nil, cmdErr
	}
	sum, err := summarize(file)
	if err != nil {
		return nil, err
	}
	return &result{name: r.name, wall: wall, client: client, procCPU: samp.ByType(), trace: sum}, nil
}

// command runs cmd with bash, WS set to ws, and returns the CPU time it
// and the children it waited for used.
func command(cmd, ws string) (time.Duration, error) {
	c := exec.Command("bash", "-c", cmd)
	c.Env = append(os.Environ(), "WS="+ws)
	c.Stdout, c.Stderr = os.Stderr, os.Stderr
	if err := c.Run(); err != nil {
		return 0, fmt.Errorf("%s: %w", cmd, err)
	}
	return c.ProcessState.UserTime() + c.ProcessState.SystemTime(), nil
}
