//go:build unix

package serve

import (
	"errors"
	"syscall"
)

// processRuns reports whether a process pid may exist: signal 0 finds it,
// or finds it belongs to another user.
func processRuns(pid int) bool {
	if pid <= 0 {
		return true
	}
	err := syscall.Kill(pid, 0)
	return err == nil || errors.Is(err, syscall.EPERM)
}
