// Package endpoint starts Chromium as a remote browser endpoint for the
// PDF benchmarks (with the flags bench/pdfpool.sh gives its endpoints, in
// a session of its own, optionally pinned to CPUs with taskset) and
// follows the CPU time of its processes from /proc.
//
//	br, err := endpoint.Start("", "0")
//	if err != nil {
//		return err
//	}
//	defer br.Stop()
//	s := endpoint.NewSampler(br.PID)
//	// ... print on br.WS ...
//	s.Sample()
//	cpu := s.ByType() // CPU seconds per process type since NewSampler
package endpoint

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"
)

// Browser is the Chromium this program started, in a session of its own.
type Browser struct {
	PID int    // the browser process, leader of its session
	WS  string // its DevTools address
	cmd *exec.Cmd
	dir string
}

// Start starts Chromium with a DevTools port, as bench/pdfpool.sh
// starts its endpoints, and waits for its address.
func Start(bin, cpus string) (*Browser, error) {
	if bin == "" {
		bin = firstNonEmpty(os.Getenv("CHROME"), os.Getenv("BASIS_CHROME"))
	}
	if bin == "" {
		var err error
		if bin, err = exec.LookPath("chromium"); err != nil {
			return nil, errors.New("no chromium found: set -chrome or CHROME")
		}
	}
	profile, err := os.MkdirTemp("", "basis-bench-endpoint-")
	if err != nil {
		return nil, err
	}
	args := []string{bin, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--no-default-browser-check",
		"--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-extensions",
		"--disable-default-apps", "--hide-scrollbars", "--mute-audio", "--password-store=basic",
		"--disable-features=site-per-process,Translate,OptimizationHints,MediaRouter",
		"--remote-debugging-port=0", "--remote-debugging-address=127.0.0.1",
		"--user-data-dir=" + profile, "about:blank"}
	if cpus != "" {
		args = append([]string{"taskset", "-c", cpus}, args...)
	}
	c := exec.Command(args[0], args[1:]...)
	c.SysProcAttr = &syscall.SysProcAttr{Setsid: true}
	stderr, err := c.StderrPipe()
	if err != nil {
		return nil, err
	}
	if err := c.Start(); err != nil {
		return nil, err
	}
	br := &Browser{PID: c.Process.Pid, cmd: c, dir: profile}
	found := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(stderr)
		for sc.Scan() {
			if ws, ok := strings.CutPrefix(sc.Text(), "DevTools listening on "); ok {
				found <- ws
			}
		}
		close(found)
	}()
	select {
	case ws, ok := <-found:
		if !ok {
			br.Stop()
			return nil, errors.New("the browser ended without a DevTools address")
		}
		br.WS = ws
		go func() { _, _ = io.Copy(io.Discard, stderr) }()
	case <-time.After(time.Minute):
		br.Stop()
		return nil, errors.New("the browser did not start within a minute")
	}
	return br, nil
}

// Stop kills the browser's whole session and removes its profile.
func (br *Browser) Stop() {
	_ = syscall.Kill(-br.PID, syscall.SIGKILL)
	_ = br.cmd.Wait()
	_ = os.RemoveAll(br.dir)
}

func firstNonEmpty(s ...string) string {
	for _, v := range s {
		if v != "" {
			return v
		}
	}
	return ""
}

// clockTick is the kernel's clock tick (USER_HZ), 100 on Linux.
const clockTick = 100

// Sampler follows the CPU time of every process of a session (the
// browser's) from /proc, by process type: a process that ends between
// two samples keeps what the last sample saw of it.
type Sampler struct {
	sids  map[int]bool
	every time.Duration
	mu    sync.Mutex
	first map[int]int64 // ticks at the first sample, of the processes then
	last  map[int]int64
	kind  map[int]string
	sid   map[int]int   // each process's session
	self  time.Duration // the CPU time Loop's samples took
}

// NewSampler starts following the processes of the sessions sids (the
// browsers' PIDs), sampling every second in Loop: a scan of /proc costs
// a few milliseconds on a busy machine, which Self reports.
func NewSampler(sids ...int) *Sampler {
	s := &Sampler{sids: map[int]bool{}, every: time.Second, first: map[int]int64{}, last: map[int]int64{}, kind: map[int]string{}, sid: map[int]int{}}
	for _, id := range sids {
		s.sids[id] = true
	}
	s.Sample()
	for pid, t := range s.last {
		s.first[pid] = t
	}
	return s
}

// Loop samples every second until ctx ends, on a thread of its own, and
// counts the CPU time its samples take (see Self).
func (s *Sampler) Loop(ctx context.Context) {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	t := time.NewTicker(s.every)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			before := threadCPU()
			s.Sample()
			d := threadCPU() - before
			s.mu.Lock()
			s.self += d
			s.mu.Unlock()
		}
	}
}

// Self returns the CPU time Loop's samples took.
func (s *Sampler) Self() time.Duration {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.self
}

// threadCPU returns the calling thread's CPU time (RUSAGE_THREAD).
func threadCPU() time.Duration {
	var ru syscall.Rusage
	_ = syscall.Getrusage(1, &ru) // RUSAGE_THREAD
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// Sample reads the CPU time (user + system, without reaped children) of
// each process of the session.
func (s *Sampler) Sample() {
	stats, _ := filepath.Glob("/proc/[0-9]*/stat")
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, f := range stats {
		data, err := os.ReadFile(f)
		if err != nil {
			continue
		}
		i := bytes.LastIndexByte(data, ')')
		if i < 0 {
			continue
		}
		fields := strings.Fields(string(data[i+1:]))
		if len(fields) < 13 {
			continue
		}
		// After the name: state ppid pgrp session ... utime(12) stime(13), 1-based from state.
		sid, _ := strconv.Atoi(fields[3])
		if !s.sids[sid] {
			continue
		}
		pid, _ := strconv.Atoi(filepath.Base(filepath.Dir(f)))
		ut, _ := strconv.ParseInt(fields[11], 10, 64)
		st, _ := strconv.ParseInt(fields[12], 10, 64)
		s.last[pid] = ut + st
		s.sid[pid] = sid
		// A renderer forked by the zygote has the zygote's command line
		// until it rewrites it: look again.
		if k, ok := s.kind[pid]; !ok || k == "zygote" || k == "unknown" {
			s.kind[pid] = processType(pid)
		}
	}
}

// processType names a Chromium process by its --type (and a utility's
// --utility-sub-type); the browser process has none.
func processType(pid int) string {
	data, err := os.ReadFile(filepath.Join("/proc", strconv.Itoa(pid), "cmdline"))
	if err != nil {
		return "unknown"
	}
	args := strings.Fields(strings.ReplaceAll(string(data), "\x00", " "))
	kind, sub := "browser", ""
	for _, a := range args {
		if v, ok := strings.CutPrefix(a, "--type="); ok {
			kind = v
		}
		if v, ok := strings.CutPrefix(a, "--utility-sub-type="); ok {
			sub = v
		}
	}
	if filepath.Base(args0(args)) == "taskset" {
		kind = "browser"
	}
	if sub != "" {
		kind += " (" + strings.TrimSuffix(strings.TrimPrefix(sub, "network.mojom."), "Service") + ")"
	}
	return kind
}

func args0(a []string) string {
	if len(a) == 0 {
		return ""
	}
	return a[0]
}

// BySession returns the CPU seconds the processes of each session used
// since the first sample.
func (s *Sampler) BySession() map[int]float64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := map[int]float64{}
	for pid, t := range s.last {
		out[s.sid[pid]] += float64(t-s.first[pid]) / clockTick
	}
	return out
}

// ByType returns the CPU seconds each process type used since the first sample.
func (s *Sampler) ByType() map[string]float64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := map[string]float64{}
	for pid, t := range s.last {
		out[s.kind[pid]] += float64(t-s.first[pid]) / clockTick
	}
	return out
}
