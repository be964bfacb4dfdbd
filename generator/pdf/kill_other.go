//go:build !unix

package pdf

import "os"

// kill ends the process pid.
func kill(pid int) {
	if pid <= 1 {
		return
	}
	if p, err := os.FindProcess(pid); err == nil {
		_ = p.Kill()
	}
}
