package watch

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"testing"
	"time"
)

// fakeSource is a Source fed by the test.
type fakeSource struct {
	mu     sync.Mutex
	added  []string
	events chan Event
	errs   chan error
}

func newFakeSource() *fakeSource {
	return &fakeSource{events: make(chan Event), errs: make(chan error)}
}

func (s *fakeSource) Add(p string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.added = append(s.added, p)
	return nil
}
func (s *fakeSource) Remove(string) error  { return nil }
func (s *fakeSource) Events() <-chan Event { return s.events }
func (s *fakeSource) Errors() <-chan error { return s.errs }
func (s *fakeSource) Close() error         { return nil }

func (s *fakeSource) addedPaths() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.added)
}

// fakeClock is a Clock whose time moves only when the test advances it.
type fakeClock struct {
	mu     sync.Mutex
	now    time.Duration
	timers []*fakeTimer
	resets chan struct{} // one value per Reset, so the test can wait for the watcher
}

type fakeTimer struct {
	clk      *fakeClock
	c        chan time.Time
	deadline time.Duration
	active   bool
}

func newFakeClock() *fakeClock { return &fakeClock{resets: make(chan struct{}, 1000)} }

func (c *fakeClock) NewTimer(d time.Duration) Timer {
	c.mu.Lock()
	defer c.mu.Unlock()
	t := &fakeTimer{clk: c, c: make(chan time.Time), deadline: c.now + d, active: true}
	c.timers = append(c.timers, t)
	return t
}

func (t *fakeTimer) C() <-chan time.Time { return t.c }

func (t *fakeTimer) Reset(d time.Duration) bool {
	t.clk.mu.Lock()
	was := t.active
	t.deadline, t.active = t.clk.now+d, true
	t.clk.mu.Unlock()
	t.clk.resets <- struct{}{}
	return was
}

func (t *fakeTimer) Stop() bool {
	t.clk.mu.Lock()
	defer t.clk.mu.Unlock()
	was := t.active
	t.active = false
	return was
}

// advance moves the time on and fires the timers that are due; each fire
// is handed to the watcher's loop before advance returns. It returns how
// many timers fired.
func (c *fakeClock) advance(d time.Duration) int {
	c.mu.Lock()
	c.now += d
	var due []*fakeTimer
	for _, t := range c.timers {
		if t.active && t.deadline <= c.now {
			t.active = false
			due = append(due, t)
		}
	}
	c.mu.Unlock()
	for _, t := range due {
		t.c <- time.Time{}
	}
	return len(due)
}

// step is one thing a test does: send an event (and wait until the watcher
// has restarted its quiet period, if the event counts), or let time pass.
type step struct {
	ev      *Event
	counts  bool          // the event is expected to restart the quiet period
	advance time.Duration // let time pass
}

func ev(op Op, p string, counts bool) step { return step{ev: &Event{Path: p, Op: op}, counts: counts} }
func wait(d time.Duration) step            { return step{advance: d} }

func TestDebounce(t *testing.T) {
	root := t.TempDir()
	a := filepath.Join(root, "acme", "company.yaml")
	b := filepath.Join(root, "beta", "company.yaml")
	acme := filepath.Dir(a)
	tests := []struct {
		name    string
		steps   []step
		batches []Batch // expected in order, after the steps
	}{
		{
			name: "a burst is one batch",
			steps: []step{
				ev(Write, a, true), wait(60 * time.Millisecond),
				ev(Write, b, true), wait(60 * time.Millisecond),
				ev(Write, a, true), wait(99 * time.Millisecond),
				ev(Create, b, true), wait(100 * time.Millisecond),
			},
			batches: []Batch{{a, b}},
		},
		{
			name: "two bursts are two batches",
			steps: []step{
				ev(Write, a, true), wait(100 * time.Millisecond),
				ev(Write, b, true), wait(100 * time.Millisecond),
			},
			batches: []Batch{{a}, {b}},
		},
		{
			name: "rename and replace counts as a change",
			steps: []step{
				ev(Rename, a, true), ev(Create, a, true), wait(100 * time.Millisecond),
			},
			batches: []Batch{{a}},
		},
		{
			name: "vim's save: test file, backup by rename, new file",
			steps: []step{
				ev(Create, filepath.Join(acme, "4913"), false),
				ev(Chmod, filepath.Join(acme, "4913"), false),
				ev(Remove, filepath.Join(acme, "4913"), false),
				ev(Rename, a, true),
				ev(Create, a+"~", false),
				ev(Create, a, true),
				ev(Write, a, true),
				ev(Chmod, a, false),
				ev(Remove, a+"~", false),
				wait(100 * time.Millisecond),
			},
			batches: []Batch{{a}},
		},
		{
			name: "emacs's save: lock, autosave, temp file renamed over the original",
			steps: []step{
				ev(Create, filepath.Join(acme, ".#company.yaml"), false),
				ev(Create, filepath.Join(acme, "#company.yaml#"), false),
				ev(Create, filepath.Join(acme, ".company.yaml.tmp"), false),
				ev(Write, filepath.Join(acme, ".company.yaml.tmp"), false),
				ev(Rename, filepath.Join(acme, ".company.yaml.tmp"), false),
				ev(Create, a, true),
				ev(Remove, filepath.Join(acme, "#company.yaml#"), false),
				wait(100 * time.Millisecond),
			},
			batches: []Batch{{a}},
		},
		{
			name: "a removed file is a change",
			steps: []step{
				ev(Remove, b, true), wait(100 * time.Millisecond),
			},
			batches: []Batch{{b}},
		},
		{
			name:  "attribute changes alone are no change",
			steps: []step{ev(Chmod, a, false), wait(time.Second)},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := playSteps(t, root, tt.steps); !slices.EqualFunc(got, tt.batches, slices.Equal) {
				t.Errorf("batches %q, want %q", got, tt.batches)
			}
		})
	}
}

// playSteps sends the events of steps to a watcher of root with a fake
// clock, advances the clock as they say, and returns the batches it made.
func playSteps(t *testing.T, root string, steps []step) []Batch {
	t.Helper()
	src, clk := newFakeSource(), newFakeClock()
	w, err := New(WithRoots(root), WithSource(src), WithClock(clk))
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	var got []Batch
	for _, s := range steps {
		if s.ev != nil {
			src.events <- *s.ev
			if s.counts {
				<-clk.resets
			}
			continue
		}
		// A fired timer makes a batch ready; take it before going on.
		if clk.advance(s.advance) > 0 {
			got = append(got, <-w.Batches())
		}
	}
	for {
		select {
		case b := <-w.Batches():
			got = append(got, b)
		default:
			return got
		}
	}
}

// TestQuietPeriodNotOver checks that no batch is sent before the period ends.
func TestQuietPeriodNotOver(t *testing.T) {
	root := t.TempDir()
	src, clk := newFakeSource(), newFakeClock()
	w, err := New(WithRoots(root), WithSource(src), WithClock(clk))
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	p := filepath.Join(root, "x.yaml")
	src.events <- Event{Path: p, Op: Write}
	<-clk.resets
	clk.advance(99 * time.Millisecond)
	src.events <- Event{Path: p, Op: Write}
	<-clk.resets
	clk.advance(99 * time.Millisecond)
	select {
	case b := <-w.Batches():
		t.Fatalf("batch %q sent before a quiet period", b)
	default:
	}
	clk.advance(time.Millisecond)
	if b := <-w.Batches(); !slices.Equal(b, Batch{p}) {
		t.Errorf("batch %q", b)
	}
}

func TestNewSubfolderIsWatched(t *testing.T) {
	root := t.TempDir()
	if err := os.Mkdir(filepath.Join(root, "acme"), 0o755); err != nil {
		t.Fatal(err)
	}
	src, clk := newFakeSource(), newFakeClock()
	w, err := New(WithRoots(root), WithSource(src), WithClock(clk))
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	if got, want := src.addedPaths(), []string{filepath.Dir(root), root, filepath.Join(root, "acme")}; !slices.Equal(got, want) {
		t.Fatalf("watching %q at the start, want %q", got, want)
	}
	// A new company folder, with a file written before the watch could begin,
	// and a hidden folder that is not watched.
	sub := filepath.Join(root, "beta")
	file := filepath.Join(sub, "company.yaml")
	deeper := filepath.Join(sub, "docs")
	for _, d := range []string{deeper, filepath.Join(sub, ".git")} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(file, []byte("x: 1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	src.events <- Event{Path: sub, Op: Create}
	<-clk.resets
	clk.advance(DefaultQuiet)
	b := <-w.Batches()
	if !slices.Equal(b, Batch{sub, file}) {
		t.Errorf("batch %q, want %q", b, Batch{sub, file})
	}
	added := src.addedPaths()
	if !slices.Contains(added, sub) || !slices.Contains(added, deeper) || slices.Contains(added, filepath.Join(sub, ".git")) {
		t.Errorf("watching %q: want %s and %s but not .git", added, sub, deeper)
	}
	// The folder is replaced under the same name: it is watched again.
	w2 := len(added)
	src.events <- Event{Path: sub, Op: Rename}
	<-clk.resets
	clk.advance(DefaultQuiet)
	<-w.Batches()
	if added := src.addedPaths(); len(added) <= w2 || !slices.Contains(added[w2:], sub) {
		t.Errorf("after the folder was replaced, watching %q", added[w2:])
	}
}

// TestRootMovedAwayAndBack moves the root folder away and back, as
// `mv content x; mv x content` does: the watcher reports both, watches the
// returned folder again and reports the files in it.
func TestRootMovedAwayAndBack(t *testing.T) {
	dir := t.TempDir()
	root := filepath.Join(dir, "content")
	file := filepath.Join(root, "acme", "company.yaml")
	if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(file, []byte("a: 1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	src, clk := newFakeSource(), newFakeClock()
	w, err := New(WithRoots(root), WithSource(src), WithClock(clk))
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	if added := src.addedPaths(); !slices.Contains(added, dir) {
		t.Fatalf("watching %q: the root's folder %s is not watched", added, dir)
	}
	away := filepath.Join(dir, "x")
	if err := os.Rename(root, away); err != nil {
		t.Fatal(err)
	}
	src.events <- Event{Path: root, Op: Rename}
	<-clk.resets
	clk.advance(DefaultQuiet)
	if b := <-w.Batches(); !slices.Equal(b, Batch{root}) {
		t.Errorf("moved away: batch %q, want %q", b, Batch{root})
	}
	n := len(src.addedPaths())
	if err := os.Rename(away, root); err != nil {
		t.Fatal(err)
	}
	src.events <- Event{Path: root, Op: Create} // from the watch on dir
	<-clk.resets
	clk.advance(DefaultQuiet)
	if b, want := <-w.Batches(), (Batch{root, file}); !slices.Equal(b, want) {
		t.Errorf("moved back: batch %q, want %q", b, want)
	}
	if added := src.addedPaths()[n:]; !slices.Contains(added, root) || !slices.Contains(added, filepath.Dir(file)) {
		t.Errorf("moved back: watching %q again, want %s and its folders", added, root)
	}
}

// TestFSNotifyRootMovedAwayAndBack does the same with the real source. A
// second root, written to last, marks the end of each step: inotify keeps
// the order of events, so whatever the step caused comes with or before it.
func TestFSNotifyRootMovedAwayAndBack(t *testing.T) {
	dir := t.TempDir()
	root, marks := filepath.Join(dir, "content"), filepath.Join(dir, "marks")
	file := filepath.Join(root, "acme", "company.yaml")
	for _, d := range []string{filepath.Dir(file), marks} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	write := func(p, text string) {
		t.Helper()
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(file, "a: 1\n")
	w, err := New(WithRoots(root, marks), WithQuiet(time.Millisecond))
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	// step writes a mark and returns every path reported up to it.
	step := func(n int) []string {
		mark := filepath.Join(marks, fmt.Sprint(n))
		write(mark, "")
		var seen []string
		for b := range w.Batches() {
			seen = append(seen, b...)
			if slices.Contains(b, mark) {
				return seen
			}
		}
		t.Fatal("Batches closed")
		return nil
	}
	away := filepath.Join(dir, "x")
	if err := os.Rename(root, away); err != nil {
		t.Fatal(err)
	}
	if seen := step(1); !slices.Contains(seen, root) {
		t.Errorf("moving the root away reported %q, want %s", seen, root)
	}
	if err := os.Rename(away, root); err != nil {
		t.Fatal(err)
	}
	if seen := step(2); !slices.Contains(seen, file) {
		t.Errorf("moving the root back reported %q, want %s", seen, file)
	}
	write(file, "a: 2\n")
	if seen := step(3); !slices.Contains(seen, file) {
		t.Errorf("an edit after the root came back reported %q, want %s", seen, file)
	}
}

func TestFileRoot(t *testing.T) {
	dir := t.TempDir()
	f := filepath.Join(dir, "company.yaml")
	if err := os.WriteFile(f, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	src, clk := newFakeSource(), newFakeClock()
	w, err := New(WithRoots(f), WithSource(src), WithClock(clk))
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	if got := src.addedPaths(); !slices.Equal(got, []string{dir}) {
		t.Fatalf("watching %q, want the file's folder", got)
	}
	src.events <- Event{Path: filepath.Join(dir, "other.yaml"), Op: Write} // not watched: no reset
	src.events <- Event{Path: f, Op: Rename}
	<-clk.resets
	src.events <- Event{Path: f, Op: Create}
	<-clk.resets
	clk.advance(DefaultQuiet)
	if b := <-w.Batches(); !slices.Equal(b, Batch{f}) {
		t.Errorf("batch %q, want %q", b, Batch{f})
	}
}

func TestMissingRoot(t *testing.T) {
	if _, err := New(WithRoots(filepath.Join(t.TempDir(), "nope")), WithSource(newFakeSource())); err == nil {
		t.Error("no error for a missing root")
	}
}

// TestFSNotify runs the real source on a temp folder. It waits for events
// (with a generous limit) but asserts nothing about time.
func TestFSNotify(t *testing.T) {
	root := t.TempDir()
	w, err := New(WithRoots(root), WithQuiet(20*time.Millisecond))
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	// waitFor reads batches until one contains p.
	waitFor := func(what, p string) {
		t.Helper()
		limit := time.After(20 * time.Second)
		for {
			select {
			case b := <-w.Batches():
				if slices.Contains(b, p) {
					return
				}
			case <-limit:
				t.Fatalf("%s: no batch with %s", what, p)
			}
		}
	}
	sub := filepath.Join(root, "acme")
	if err := os.Mkdir(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	waitFor("new folder", sub)
	file := filepath.Join(sub, "company.yaml")
	if err := os.WriteFile(file, []byte("a: 1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	waitFor("file in the new folder", file)
	// Rename-and-replace, as editors save.
	tmp := filepath.Join(sub, ".company.yaml.swp")
	if err := os.WriteFile(tmp, []byte("a: 2\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(tmp, file); err != nil {
		t.Fatal(err)
	}
	waitFor("rename over the file", file)
	// And once more: the replaced file is still seen.
	if err := os.WriteFile(file, []byte("a: 3\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	waitFor("write after the replace", file)
	if err := w.Close(); err != nil {
		t.Error(err)
	}
	if _, ok := <-w.Batches(); ok {
		t.Error("Batches not closed by Close")
	}
}
