package site

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestUnreadableProgramIsReported: when the running program's file cannot
// be read, the build fails naming it and changes nothing, rather than
// keying its outputs on the version alone (a rebuilt binary of the same
// version would then reuse stale outputs).
func TestUnreadableProgramIsReported(t *testing.T) {
	t.Parallel()
	in := newIncremental(t)
	in.build()
	before := tree(t, in.o.Out)
	gone := filepath.Join(t.TempDir(), "basis")
	for _, tt := range []struct {
		name string
		exe  func() (string, error)
	}{
		{"removed", func() (string, error) { return gone, nil }},
		{"unknown", func() (string, error) { return "", errors.New("no /proc") }},
		{"a folder", func() (string, error) { return t.TempDir(), nil }},
	} {
		t.Run(tt.name, func(t *testing.T) {
			in.edit("baeckerei-schmidt", renamed[0], renamed[1])
			defer in.edit("baeckerei-schmidt", renamed[1], renamed[0])
			o := in.o
			o.exe = tt.exe
			_, err := Build(context.Background(), o)
			var perr *ProgramError
			if !errors.As(err, &perr) || !strings.Contains(err.Error(), "cannot be read") {
				t.Fatalf("Build = %v, want a ProgramError", err)
			}
			diffTrees(t, "output after the refused build", before, tree(t, in.o.Out))
		})
	}
}

// fakeProgram writes a program file, "one", and returns it, a finder of
// it, and its first key.
func fakeProgram(t *testing.T) (exe string, find func() (string, error), first programStamp) {
	t.Helper()
	exe = filepath.Join(t.TempDir(), "basis")
	if err := os.WriteFile(exe, []byte("one"), 0o755); err != nil {
		t.Fatal(err)
	}
	find = func() (string, error) { return exe, nil }
	first, err := programKey(programStamp{}, find)
	if err != nil {
		t.Fatal(err)
	}
	return exe, find, first
}

// TestProgramKeyFollowsTheFile: a rebuilt program with the same version
// gets another key.
func TestProgramKeyFollowsTheFile(t *testing.T) {
	t.Parallel()
	exe, find, a := fakeProgram(t)
	if err := os.WriteFile(exe, []byte("two"), 0o755); err != nil {
		t.Fatal(err)
	}
	b, err := programKey(a, find)
	if err != nil {
		t.Fatal(err)
	}
	if a.Hash == b.Hash || a.Hash == "" {
		t.Errorf("the rebuilt program kept its key %q", a.Hash)
	}
}

// TestProgramHashedOncePerProcess: a process reads its executable once; a
// later build in it takes the hash of the unchanged file (same path, size
// and time) from memory, as a new process takes it from the manifest, and
// a changed file is read again.
func TestProgramHashedOncePerProcess(t *testing.T) {
	t.Parallel()
	exe, find, a := fakeProgram(t)
	// The same size and time, other bytes: only a read would see them.
	st, err := os.Stat(exe)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(exe, []byte("two"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Chtimes(exe, st.ModTime(), st.ModTime()); err != nil {
		t.Fatal(err)
	}
	if b, err := programKey(programStamp{}, find); err != nil || b != a {
		t.Errorf("the second build read the program again: %+v, %v; want %+v", b, err, a)
	}
	if err := os.WriteFile(exe, []byte("three"), 0o755); err != nil {
		t.Fatal(err)
	}
	if c, err := programKey(programStamp{}, find); err != nil || c.Hash == a.Hash {
		t.Errorf("a changed program kept its key: %+v, %v", c, err)
	}
}

// TestFailedSwapReportsAPreviousSiteNotPutBack: where two names cannot be
// exchanged, a swap that fails to move the build in and then fails to put
// the previous site back says where the previous site is, rather than
// dropping that error.
func TestFailedSwapReportsAPreviousSiteNotPutBack(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	out, staged := filepath.Join(dir, "public"), filepath.Join(dir, ".public.build-x")
	for _, d := range []string{out, staged} {
		if err := os.Mkdir(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	f := faults(func(op, _ string) error {
		switch op {
		case "exchange":
			return errNoExchange
		case "move":
			return errors.New("disk gone")
		case "restore":
			return errors.New("still gone")
		}
		return nil
	})
	_, err := swap(staged, out, f)
	if err == nil || !strings.Contains(err.Error(), "disk gone") || !strings.Contains(err.Error(), "still gone") ||
		!strings.Contains(err.Error(), staged+".old") {
		t.Fatalf("swap = %v, want both errors and where the previous site is", err)
	}
	if _, err := os.Stat(staged + ".old"); err != nil {
		t.Errorf("the previous site is not where the error says: %v", err)
	}
}
