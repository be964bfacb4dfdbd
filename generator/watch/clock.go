package watch

import "time"

// Clock makes the timers that measure the quiet period; tests replace it.
type Clock interface {
	NewTimer(d time.Duration) Timer
}

// Timer is the part of a *time.Timer a Watcher uses.
type Timer interface {
	C() <-chan time.Time
	Reset(d time.Duration) bool
	Stop() bool
}

// RealClock is the system clock.
type RealClock struct{}

// NewTimer returns a running *time.Timer.
func (RealClock) NewTimer(d time.Duration) Timer { return realTimer{time.NewTimer(d)} }

type realTimer struct{ t *time.Timer }

func (r realTimer) C() <-chan time.Time        { return r.t.C }
func (r realTimer) Reset(d time.Duration) bool { return r.t.Reset(d) }
func (r realTimer) Stop() bool                 { return r.t.Stop() }
