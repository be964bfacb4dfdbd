// Package watch reports changes to folder trees as debounced batches.
//
// A Watcher follows the folders it is given and every folder that appears
// below them later (fsnotify itself is not recursive), notices editors'
// rename-and-replace saves and a root folder moved away and back (it also
// watches the folder above each root), and sends one Batch, the set of
// changed paths, once no event has arrived for a quiet period:
//
//	w, err := watch.New(watch.WithRoots("content", "templates"))
//	if err != nil {
//		return err
//	}
//	defer w.Close()
//	for batch := range w.Batches() {
//		rebuild(batch)
//	}
//
// Events come from fsnotify, or from any Source (tests feed synthetic events
// through a channel), and the quiet period is measured on a Clock that tests
// can replace, so nothing here has to sleep on real time to be tested.
package watch

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"
)

// DefaultQuiet is how long no event may arrive before a batch is sent.
const DefaultQuiet = 100 * time.Millisecond

// Op is what happened to a path; values may be combined.
type Op uint32

// Operations, as reported by fsnotify.
const (
	Create Op = 1 << iota
	Write
	Remove
	Rename
	Chmod
)

// String lists the operations, e.g. "CREATE|WRITE".
func (o Op) String() string {
	var parts []string
	for _, n := range []struct {
		op   Op
		name string
	}{{Create, "CREATE"}, {Write, "WRITE"}, {Remove, "REMOVE"}, {Rename, "RENAME"}, {Chmod, "CHMOD"}} {
		if o&n.op != 0 {
			parts = append(parts, n.name)
		}
	}
	if len(parts) == 0 {
		return "NONE"
	}
	return strings.Join(parts, "|")
}

// Event is one change to one path.
type Event struct {
	Path string
	Op   Op
}

// Source delivers file system events for the paths added to it. The
// fsnotify source is the default; tests inject their own.
type Source interface {
	Add(path string) error    // start watching a folder (or file)
	Remove(path string) error // stop watching it
	Events() <-chan Event
	Errors() <-chan error
	Close() error
}

// Batch is the set of paths changed during one burst of events, sorted and
// without duplicates.
type Batch []string

// Option configures a Watcher.
type Option func(*config)

type config struct {
	roots   []string
	source  Source
	clock   Clock
	quiet   time.Duration
	ignore  func(path string) bool
	onError func(error)
}

// WithRoots adds folders to watch recursively. A root that is a file is
// watched through its folder, so replacing the file is seen too.
func WithRoots(paths ...string) Option {
	return func(c *config) { c.roots = append(c.roots, paths...) }
}

// WithSource replaces fsnotify as the source of events.
func WithSource(s Source) Option { return func(c *config) { c.source = s } }

// WithClock replaces the real clock that measures the quiet period.
func WithClock(cl Clock) Option { return func(c *config) { c.clock = cl } }

// WithQuiet sets how long no event may arrive before a batch is sent.
func WithQuiet(d time.Duration) Option { return func(c *config) { c.quiet = d } }

// WithIgnore sets which paths never count as changes; the default is
// [EditorTemp]. A nil func ignores nothing.
func WithIgnore(f func(path string) bool) Option { return func(c *config) { c.ignore = f } }

// WithErrors receives errors of the source (for example a queue overflow)
// and of watching new folders; by default they are dropped.
func WithErrors(f func(error)) Option { return func(c *config) { c.onError = f } }

// EditorTemp reports whether path looks like an editor's temporary or backup
// file: hidden files (.x.swp, .#lock), backups (x~), Emacs autosaves (#x#),
// and the "4913" file Vim creates to test whether it may write a folder.
func EditorTemp(path string) bool {
	name := filepath.Base(path)
	switch {
	case strings.HasPrefix(name, "."),
		strings.HasSuffix(name, "~"),
		strings.HasPrefix(name, "#") && strings.HasSuffix(name, "#"),
		name == "4913":
		return true
	}
	return false
}

// Watcher sends a Batch after every burst of changes below its roots.
type Watcher struct {
	cfg     config
	out     chan Batch
	stop    chan struct{}
	done    chan struct{}
	once    sync.Once
	roots   []string        // folder roots, cleaned
	files   map[string]bool // roots that are files, watched through their folder
	watched map[string]bool // folders added to the source
	parents map[string]bool // folders above folder roots, watched so a root moved away and back is seen
}

// New starts a watcher. Without WithSource it uses fsnotify; every root
// must exist.
func New(opts ...Option) (*Watcher, error) {
	cfg := config{quiet: DefaultQuiet, ignore: EditorTemp}
	for _, o := range opts {
		o(&cfg)
	}
	if cfg.clock == nil {
		cfg.clock = RealClock{}
	}
	if cfg.ignore == nil {
		cfg.ignore = func(string) bool { return false }
	}
	if cfg.onError == nil {
		cfg.onError = func(error) {}
	}
	if cfg.source == nil {
		s, err := NewFSNotify()
		if err != nil {
			return nil, err
		}
		cfg.source = s
	}
	w := &Watcher{cfg: cfg, out: make(chan Batch), stop: make(chan struct{}), done: make(chan struct{}),
		watched: map[string]bool{}, files: map[string]bool{}, parents: map[string]bool{}}
	for _, r := range cfg.roots {
		r = filepath.Clean(r)
		st, err := os.Stat(r)
		if err != nil {
			_ = cfg.source.Close()
			return nil, fmt.Errorf("watch %s: %w", r, err)
		}
		if !st.IsDir() {
			// Watch the file's folder alone: an editor's save may replace the file.
			w.files[r] = true
			dir := filepath.Dir(r)
			if !w.watched[dir] {
				if err := cfg.source.Add(dir); err != nil {
					_ = cfg.source.Close()
					return nil, fmt.Errorf("watch %s: %w", dir, err)
				}
				w.watched[dir] = true
			}
			continue
		}
		w.roots = append(w.roots, r)
		if err := w.addParent(r); err != nil {
			_ = cfg.source.Close()
			return nil, err
		}
		if _, err := w.addTree(r); err != nil {
			_ = cfg.source.Close()
			return nil, err
		}
	}
	go w.loop()
	return w, nil
}

// Batches returns the channel of batches; it is closed by Close.
func (w *Watcher) Batches() <-chan Batch { return w.out }

// Close stops watching and closes the source and the Batches channel.
func (w *Watcher) Close() error {
	var err error
	w.once.Do(func() {
		close(w.stop)
		<-w.done
		err = w.cfg.source.Close()
	})
	return err
}

// addParent watches the folder above the folder root r (not recursively):
// a watch follows its folder, so when r is moved away (mv content x) only
// its parent sees a folder come back under the name (mv x content).
func (w *Watcher) addParent(r string) error {
	parent := filepath.Dir(r)
	if parent == r || w.parents[parent] {
		return nil
	}
	if err := w.cfg.source.Add(parent); err != nil {
		return fmt.Errorf("watch %s: %w", parent, err)
	}
	w.parents[parent] = true
	return nil
}

// addTree watches dir and every folder below it, and returns the files
// found below it (they may have been written before the watch began).
func (w *Watcher) addTree(dir string) ([]string, error) {
	var files []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p != dir && errors.Is(err, fs.ErrNotExist) {
				return nil // removed while walking
			}
			return err
		}
		if !d.IsDir() {
			if !w.cfg.ignore(p) {
				files = append(files, p)
			}
			return nil
		}
		if p != dir && w.cfg.ignore(p) {
			return filepath.SkipDir // e.g. .git
		}
		if w.watched[p] {
			return nil
		}
		if err := w.cfg.source.Add(p); err != nil {
			return fmt.Errorf("watch %s: %w", p, err)
		}
		w.watched[p] = true
		return nil
	})
	return files, err
}

// forget drops p and every folder below it from the watch list: the source
// drops a watch by itself when its folder is removed or renamed.
func (w *Watcher) forget(p string) {
	prefix := p + string(filepath.Separator)
	for q := range w.watched {
		if q == p || strings.HasPrefix(q, prefix) {
			delete(w.watched, q)
			if !w.parents[q] { // still needed to see the roots below it
				_ = w.cfg.source.Remove(q) // usually gone already
			}
		}
	}
}

// relevant reports whether a change of p counts: p is a file root, or lies
// in a folder root's tree, and is no editor's temporary file.
func (w *Watcher) relevant(p string) bool {
	if w.cfg.ignore(p) {
		return false
	}
	return w.files[p] || w.inTree(p)
}

// inTree reports whether p lies in the tree of a folder root.
func (w *Watcher) inTree(p string) bool {
	for _, r := range w.roots {
		if p == r || strings.HasPrefix(p, r+string(filepath.Separator)) {
			return true
		}
	}
	return false
}

// handle applies one event and returns the paths it changed.
func (w *Watcher) handle(ev Event) []string {
	p := filepath.Clean(ev.Path)
	if ev.Op == Chmod {
		return nil // attribute changes (and Linux's extra event on unlink) change no content
	}
	changed := []string{p}
	if ev.Op&(Remove|Rename) != 0 && w.watched[p] {
		// A watched folder went away, or was renamed: the watch is gone.
		w.forget(p)
	}
	if ev.Op&(Create|Remove|Rename) != 0 {
		// Re-add a folder that was created, or replaced under the same
		// name (rename-and-replace of a whole folder). Its files count as
		// changed: they may have been written before the watch began.
		if st, err := os.Stat(p); err == nil && st.IsDir() && w.relevant(p) {
			files, err := w.addTree(p)
			if err != nil {
				w.cfg.onError(err)
			}
			changed = append(changed, files...)
		}
	}
	var out []string
	for _, c := range changed {
		if w.relevant(c) {
			out = append(out, c)
		}
	}
	return out
}

func (w *Watcher) loop() {
	defer close(w.done)
	defer close(w.out)
	timer := w.cfg.clock.NewTimer(w.cfg.quiet)
	timer.Stop()
	pending := map[string]bool{}
	ready := false
	events, errs := w.cfg.source.Events(), w.cfg.source.Errors()
	for {
		var send chan Batch
		var batch Batch
		if ready && len(pending) > 0 {
			send = w.out
			batch = make(Batch, 0, len(pending))
			for p := range pending {
				batch = append(batch, p)
			}
			slices.Sort(batch)
		}
		select {
		case <-w.stop:
			timer.Stop()
			return
		case ev, ok := <-events:
			if !ok {
				events = nil
				continue
			}
			changed := w.handle(ev)
			if len(changed) == 0 {
				continue
			}
			for _, p := range changed {
				pending[p] = true
			}
			// Every relevant event restarts the quiet period, also when a
			// batch was ready but not yet taken.
			ready = false
			timer.Reset(w.cfg.quiet)
		case err, ok := <-errs:
			if !ok {
				errs = nil
				continue
			}
			w.cfg.onError(err)
		case <-timer.C():
			ready = true
		case send <- batch:
			clear(pending)
			ready = false
		}
	}
}
