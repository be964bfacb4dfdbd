//go:build unix

package release

import (
	"errors"
	"io"
	"os"
	"syscall"
)

// lockWait takes an exclusive lock on the file or folder p, waiting for
// another holder; closing the result releases it, and so does the end of
// the process, however it ends.
func lockWait(p string) (io.Closer, error) { return lock(p, syscall.LOCK_EX) }

// lockStale takes the lock on p if no running process holds it: p is then
// left over by a release that was killed.
func lockStale(p string) (io.Closer, bool) {
	f, err := lock(p, syscall.LOCK_EX|syscall.LOCK_NB)
	return f, err == nil
}

func lock(p string, how int) (io.Closer, error) {
	f, err := os.Open(p)
	if err != nil {
		return nil, err
	}
	for {
		err = syscall.Flock(int(f.Fd()), how)
		if !errors.Is(err, syscall.EINTR) {
			break
		}
	}
	if err != nil {
		f.Close()
		return nil, err
	}
	return f, nil
}
