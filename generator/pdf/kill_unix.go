//go:build unix

package pdf

import "syscall"

// kill sends SIGKILL to pid and, if pid leads its own process group, to the group.
func kill(pid int) {
	if pid <= 1 { // never signal init or, through -pid, every process
		return
	}
	if pgid, err := syscall.Getpgid(pid); err == nil && pgid == pid {
		_ = syscall.Kill(-pid, syscall.SIGKILL)
	}
	_ = syscall.Kill(pid, syscall.SIGKILL)
}
