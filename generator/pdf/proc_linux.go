package pdf

import (
	"bytes"
	"os"
	"strconv"
	"strings"
)

// proc is one entry of /proc.
type proc struct {
	pid, ppid, pgid int
	state           byte
	cmdline         []byte
}

// procs lists the processes in /proc; entries that vanish while reading are skipped.
func procs() []proc {
	ents, err := os.ReadDir("/proc")
	if err != nil {
		return nil
	}
	var list []proc
	for _, e := range ents {
		pid, err := strconv.Atoi(e.Name())
		if err != nil {
			continue
		}
		p, ok := readProc(pid)
		if ok {
			list = append(list, p)
		}
	}
	return list
}

// readProc reads /proc/pid/stat and /proc/pid/cmdline.
func readProc(pid int) (proc, bool) {
	dir := "/proc/" + strconv.Itoa(pid)
	stat, err := os.ReadFile(dir + "/stat")
	if err != nil {
		return proc{}, false
	}
	// pid (comm) state ppid pgrp ...; comm may hold spaces and parentheses.
	i := bytes.LastIndexByte(stat, ')')
	if i < 0 {
		return proc{}, false
	}
	f := strings.Fields(string(stat[i+1:]))
	if len(f) < 3 || len(f[0]) != 1 {
		return proc{}, false
	}
	p := proc{pid: pid, state: f[0][0]}
	p.ppid, _ = strconv.Atoi(f[1])
	p.pgid, _ = strconv.Atoi(f[2])
	p.cmdline, _ = os.ReadFile(dir + "/cmdline")
	return p, true
}

// related returns the live processes that belong to the browser with the
// given pid: its descendants, the members of its process group, and any
// process whose command line contains marker (the profile directory, which
// also catches crash handlers that detach themselves).
func related(pid int, marker string) []int {
	if pid <= 1 {
		return nil
	}
	list := procs()
	children := make(map[int][]int)
	for _, p := range list {
		children[p.ppid] = append(children[p.ppid], p.pid)
	}
	found := make(map[int]bool)
	queue := []int{pid}
	for len(queue) > 0 {
		q := queue[0]
		queue = queue[1:]
		for _, c := range children[q] {
			if !found[c] {
				found[c] = true
				queue = append(queue, c)
			}
		}
	}
	m := []byte(marker)
	for _, p := range list {
		if p.pgid == pid || (len(m) > 0 && bytes.Contains(p.cmdline, m)) {
			found[p.pid] = true
		}
	}
	delete(found, os.Getpid())
	var pids []int
	for _, p := range list {
		if found[p.pid] && p.state != 'Z' {
			pids = append(pids, p.pid)
		}
	}
	return pids
}

// canListProcesses tells whether namedBy and running can see other processes.
const canListProcesses = true

// namedBy returns the live processes, other than this one, whose command
// line contains marker.
func namedBy(marker string) []int {
	var pids []int
	for _, p := range procs() {
		if p.pid != os.Getpid() && p.state != 'Z' && bytes.Contains(p.cmdline, []byte(marker)) {
			pids = append(pids, p.pid)
		}
	}
	return pids
}

// running reports whether pid exists and is not a zombie.
func running(pid int) bool {
	p, ok := readProc(pid)
	return ok && p.state != 'Z' && p.state != 'X'
}
