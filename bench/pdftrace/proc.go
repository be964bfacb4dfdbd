package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"
)

// clockTick is the kernel's clock tick (USER_HZ), 100 on Linux.
const clockTick = 100

// sampler follows the CPU time of every process of a session (the
// browser's) from /proc, by process type: a process that ends between
// two samples keeps what the last sample saw of it.
type sampler struct {
	sid   int
	mu    sync.Mutex
	first map[int]int64 // ticks at the first sample, of the processes then
	last  map[int]int64
	kind  map[int]string
}

func newSampler(sid int) *sampler {
	s := &sampler{sid: sid, first: map[int]int64{}, last: map[int]int64{}, kind: map[int]string{}}
	s.sample()
	for pid, t := range s.last {
		s.first[pid] = t
	}
	return s
}

func (s *sampler) loop(ctx context.Context) {
	t := time.NewTicker(100 * time.Millisecond)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			s.sample()
		}
	}
}

// sample reads the CPU time (user + system, without reaped children) of
// each process of the session.
func (s *sampler) sample() {
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
		if sid, _ := strconv.Atoi(fields[3]); sid != s.sid {
			continue
		}
		pid, _ := strconv.Atoi(filepath.Base(filepath.Dir(f)))
		ut, _ := strconv.ParseInt(fields[11], 10, 64)
		st, _ := strconv.ParseInt(fields[12], 10, 64)
		s.last[pid] = ut + st
		if _, ok := s.kind[pid]; !ok {
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

// byType returns the CPU seconds each process type used since the first sample.
func (s *sampler) byType() map[string]float64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := map[string]float64{}
	for pid, t := range s.last {
		out[s.kind[pid]] += float64(t-s.first[pid]) / clockTick
	}
	return out
}
