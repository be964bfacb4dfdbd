// Command cputime runs a command and writes the CPU time that it and every
// process it started used, in seconds, as "USER SYSTEM" to the file -o:
// /usr/bin/time's "%U %S", but counting also the processes that outlive
// their parent. A browser's renderers and helpers are such processes when
// the browser is killed: they are re-parented, and their time is lost to
// /usr/bin/time. cputime makes itself their subreaper (Linux's
// PR_SET_CHILD_SUBREAPER), so they are re-parented to it, and waits for
// every one of them before it writes the sum.
//
//	go run ./bench/cputime -o cpu.txt basis build --content c --out o
//
// It exits with the command's status.
package main

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"syscall"

	"golang.org/x/sys/unix"
)

func main() {
	out := flag.String("o", "", "file to write USER SYSTEM seconds to (required)")
	flag.Parse()
	if *out == "" || flag.NArg() == 0 {
		fmt.Fprintln(os.Stderr, "usage: cputime -o FILE COMMAND [ARG...]")
		os.Exit(2)
	}
	code, err := run(*out, flag.Args())
	if err != nil {
		fmt.Fprintln(os.Stderr, "cputime:", err)
		os.Exit(2)
	}
	os.Exit(code)
}

// run runs args as a subreaper, reaps every descendant and writes the CPU
// time of all of them to out; it returns the command's exit status.
func run(out string, args []string) (int, error) {
	if err := unix.Prctl(unix.PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0); err != nil {
		return 0, fmt.Errorf("become a subreaper: %w", err)
	}
	cmd := exec.Command(args[0], args[1:]...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, os.Stderr
	if err := cmd.Start(); err != nil {
		return 0, err
	}
	code := 0
	for {
		var status syscall.WaitStatus
		pid, err := syscall.Wait4(-1, &status, 0, nil)
		if errors.Is(err, syscall.ECHILD) {
			break
		}
		if errors.Is(err, syscall.EINTR) {
			continue
		}
		if err != nil {
			return 0, err
		}
		if pid == cmd.Process.Pid {
			code = status.ExitStatus()
		}
	}
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_CHILDREN, &ru); err != nil {
		return 0, err
	}
	sec := func(t syscall.Timeval) float64 { return float64(t.Sec) + float64(t.Usec)/1e6 }
	return code, os.WriteFile(out, fmt.Appendf(nil, "%.3f %.3f\n", sec(ru.Utime), sec(ru.Stime)), 0o644)
}
