package site

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
)

// faults, when set (by tests, through Options), is called before each
// change a build makes on disk, with the kind of change and the path; an
// error it returns fails that change. It lets tests inject a failure or a
// kill at any step.
type faults func(op, path string) error

// step reports the change op on path to f, if set.
func (f faults) step(op, path string) error {
	if f == nil {
		return nil
	}
	return f(op, path)
}

// staging is the folder beside the output that a build writes the complete
// new site into. It is locked while the build runs, so that a later build
// can tell a stale one, left by a killed build, from a live one.
type staging struct {
	dir  string
	lock io.Closer
	made []string // the folders above dir that stage created, deepest first
}

// stagePrefix is the name of out's staging folders, up to a random suffix.
func stagePrefix(out string) string { return "." + filepath.Base(out) + ".build-" }

// stage creates a fresh, locked folder beside out (absolute) for a build to
// write into, so the final swap is a rename on the same file system. It
// first removes the staging folders of builds of out that were killed.
func stage(out string, f faults) (*staging, error) {
	parent := filepath.Dir(out)
	made := missing(parent)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, fmt.Errorf("create %s: %w", parent, err)
	}
	// Creating and locking a staging folder is one step for other builds,
	// which remove only unlocked ones. Where parent cannot be locked (not
	// readable), nothing is removed.
	if unlock, err := lockWait(parent); err == nil {
		defer unlock.Close()
		removeStale(parent, stagePrefix(out), f)
	}
	dir, err := mkdirFresh(parent, stagePrefix(out), f)
	if err != nil {
		return nil, err
	}
	lock, err := lockWait(dir)
	if err != nil {
		_ = os.Remove(dir)
		return nil, fmt.Errorf("lock %s: %w", dir, err)
	}
	return &staging{dir: dir, lock: lock, made: made}, nil
}

// missing lists dir and those of its parents that do not exist, deepest
// first.
func missing(dir string) []string {
	var out []string
	for d := dir; ; d = filepath.Dir(d) {
		if _, err := os.Lstat(d); !errors.Is(err, fs.ErrNotExist) || d == filepath.Dir(d) {
			return out
		}
		out = append(out, d)
	}
}

// removeMade removes the folders above the staging folder that stage
// created, if still empty: a build that publishes nothing leaves the disk
// as it found it.
func (s *staging) removeMade() {
	for _, d := range s.made {
		if os.Remove(d) != nil {
			return
		}
	}
}

// mkdirFresh creates a new folder in parent named prefix and a random
// suffix, with the mode the umask gives (not MkdirTemp's 0700).
func mkdirFresh(parent, prefix string, f faults) (string, error) {
	for range 100 {
		dir := filepath.Join(parent, prefix+strconv.FormatUint(rand.Uint64(), 36))
		if err := f.step("mkdir", dir); err != nil {
			return "", err
		}
		err := os.Mkdir(dir, 0o755)
		if err == nil {
			return dir, nil
		}
		if !errors.Is(err, fs.ErrExist) {
			return "", fmt.Errorf("create the staging folder: %w", err)
		}
	}
	return "", fmt.Errorf("create the staging folder in %s: too many exist", parent)
}

// removeStale removes the staging folders in parent (named prefix, a
// suffix of mkdirFresh's, and maybe ".old") that no running build holds:
// those of builds that were killed. It never fails a build; a folder it
// cannot remove is tried again by the next one.
func removeStale(parent, prefix string, f faults) {
	entries, err := os.ReadDir(parent)
	if err != nil {
		return
	}
	for _, e := range entries {
		suffix, ok := strings.CutPrefix(e.Name(), prefix)
		if !ok || !stagingSuffix(strings.TrimSuffix(suffix, ".old")) {
			continue
		}
		p := filepath.Join(parent, e.Name())
		lock, ok := lockStale(p)
		if !ok {
			continue
		}
		if f.step("clean", p) == nil {
			_ = os.RemoveAll(p)
		}
		lock.Close()
	}
}

// stagingSuffix reports whether s is a suffix mkdirFresh makes: base 36.
func stagingSuffix(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if (r < '0' || r > '9') && (r < 'a' || r > 'z') {
			return false
		}
	}
	return true
}

// close releases the staging folder and removes it if it is still there
// (after a failed build, or holding the previous site after the swap).
func (s *staging) close() error {
	err := os.RemoveAll(s.dir)
	if s.lock != nil {
		s.lock.Close()
		s.lock = nil
	}
	return err
}

// swap replaces out with the finished build in staged, in one step where
// the system can exchange two names (Linux), so out is at every moment the
// complete previous or the complete new site. It returns the folder left
// holding the previous site, to remove, or "" when there was none.
func swap(staged, out string, f faults) (string, error) {
	if err := f.step("swap", out); err != nil {
		return "", err
	}
	if _, err := os.Lstat(out); errors.Is(err, fs.ErrNotExist) {
		if err := os.Rename(staged, out); err != nil {
			return "", fmt.Errorf("move build into %s: %w", out, err)
		}
		return "", nil
	} else if err != nil {
		return "", err
	}
	err := f.step("exchange", out) // a test may answer errNoExchange
	if err == nil {
		err = exchange(staged, out)
	}
	if err == nil {
		return staged, nil
	}
	if !errors.Is(err, errNoExchange) {
		return "", fmt.Errorf("move build into %s: %w", out, err)
	}
	// Two renames: for a moment out is missing.
	old := staged + ".old"
	if err := os.Rename(out, old); err != nil {
		return "", fmt.Errorf("move previous %s aside: %w", out, err)
	}
	if err := renameStep(staged, out, "move", f); err != nil {
		err = fmt.Errorf("move build into %s: %w", out, err)
		if berr := renameStep(old, out, "restore", f); berr != nil {
			err = errors.Join(err, fmt.Errorf("the previous site is left at %s (put it back by renaming it to %s): %w", old, out, berr))
		}
		return "", err
	}
	return old, nil
}

// renameStep renames a to b, as the change op (see faults).
func renameStep(a, b, op string, f faults) error {
	if err := f.step(op, b); err != nil {
		return err
	}
	return os.Rename(a, b)
}

// removePrevious removes the folder holding the previous site after a
// swap, its top-level entries many at a time.
func removePrevious(dir string, f faults) error {
	if err := f.step("remove", dir); err != nil {
		return err
	}
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil // a concurrent build removed it as left over
	}
	if err != nil {
		return err
	}
	err = forEach(context.Background(), len(entries), ioWorkers, func(i int) error {
		return os.RemoveAll(filepath.Join(dir, entries[i].Name()))
	})
	if err != nil {
		return err
	}
	return os.RemoveAll(dir)
}

// ioWorkers is how many removals run at once: removing names from a file
// system is several times faster so (measured), unlike creating them.
const ioWorkers = 16

// errNoExchange reports that the system cannot exchange two names.
var errNoExchange = errors.New("exchanging two names is not supported here")

// publish swaps the staged site into out, holding lock (if any) only for the
// swap, then removes the previous site. Once the swap succeeded the site is
// published: a failed removal is a warning, returned for the result.
func publish(staged, out string, lock sync.Locker, f faults) (warnings []string, err error) {
	unlock := holdLock(lock)
	previous, err := swap(staged, out, f)
	unlock()
	if err != nil {
		return nil, err
	}
	if previous != "" {
		if err := removePrevious(previous, f); err != nil {
			warnings = append(warnings, fmt.Sprintf("the previous site could not be removed (%v); the next build removes it", err))
		}
	}
	return warnings, nil
}
