package site

import "sync"

// lock locks l, if not nil, and returns what unlocks it.
func lock(l sync.Locker) (unlock func()) {
	if l == nil {
		return func() {}
	}
	l.Lock()
	return l.Unlock
}
