package site

import "sync"

// holdLock locks l, if not nil, and returns what unlocks it.
func holdLock(l sync.Locker) (unlock func()) {
	if l == nil {
		return func() {}
	}
	l.Lock()
	return l.Unlock
}
