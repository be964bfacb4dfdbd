//go:build !unix

package release

import (
	"io"
	"os"
	"time"
)

// staleAge is how old a staging folder must be to count as left over where
// the system has no file locks that end with their process.
const staleAge = 24 * time.Hour

type noLock struct{}

func (noLock) Close() error { return nil }

// lockWait does nothing here: there are no locks that end with their
// process.
func lockWait(string) (io.Closer, error) { return noLock{}, nil }

// lockStale reports p as left over when it was last changed a day ago.
func lockStale(p string) (io.Closer, bool) {
	st, err := os.Stat(p)
	return noLock{}, err == nil && time.Since(st.ModTime()) > staleAge
}
