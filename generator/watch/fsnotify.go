package watch

import (
	"sync"

	"github.com/fsnotify/fsnotify"
)

// FSNotify is the Source backed by fsnotify (inotify on Linux).
type FSNotify struct {
	w      *fsnotify.Watcher
	events chan Event
	done   chan struct{}
	once   sync.Once
}

// NewFSNotify starts an fsnotify watcher with nothing added yet.
func NewFSNotify() (*FSNotify, error) {
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, err
	}
	s := &FSNotify{w: w, events: make(chan Event), done: make(chan struct{})}
	go s.forward()
	return s, nil
}

// forward translates fsnotify's events until the watcher is closed.
func (s *FSNotify) forward() {
	defer close(s.events)
	for {
		select {
		case ev, ok := <-s.w.Events:
			if !ok {
				return
			}
			op := Op(0)
			for _, m := range []struct {
				from fsnotify.Op
				to   Op
			}{{fsnotify.Create, Create}, {fsnotify.Write, Write}, {fsnotify.Remove, Remove}, {fsnotify.Rename, Rename}, {fsnotify.Chmod, Chmod}} {
				if ev.Has(m.from) {
					op |= m.to
				}
			}
			if op == 0 {
				continue
			}
			select {
			case s.events <- Event{Path: ev.Name, Op: op}:
			case <-s.done:
				return
			}
		case <-s.done:
			return
		}
	}
}

// Add watches the folder or file path (not recursively).
func (s *FSNotify) Add(path string) error { return s.w.Add(path) }

// Remove stops watching path.
func (s *FSNotify) Remove(path string) error { return s.w.Remove(path) }

// Events returns the translated events.
func (s *FSNotify) Events() <-chan Event { return s.events }

// Errors returns fsnotify's errors, such as fsnotify.ErrEventOverflow.
func (s *FSNotify) Errors() <-chan error { return s.w.Errors }

// Close stops the watcher.
func (s *FSNotify) Close() error {
	var err error
	s.once.Do(func() {
		close(s.done)
		err = s.w.Close()
	})
	return err
}
