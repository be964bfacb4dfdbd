//go:build !linux

package pdf

// related cannot list processes without /proc; the process group kill has to do.
func related(pid int, marker string) []int { return nil }

// canListProcesses is false: without /proc no other process can be seen.
const canListProcesses = false

// namedBy cannot list processes without /proc.
func namedBy(marker string) []int { return nil }

// running cannot tell without /proc and reports false, so nothing waits on it.
func running(pid int) bool { return false }
