package pdf

import (
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"
)

// The tests that print with the default options share one browser: it is
// started by the first of them and closed, and checked to leave nothing
// running, by TestMain. Tests of starting, stopping, crashing, restarts or
// other options keep their own (newTestPrinter).
var shared struct {
	once sync.Once
	root string // each test prints in its own folder below it
	p    *Printer
	err  error
}

// AfterTests is run by TestMain after the tests: the external tests
// (package pdf_test) remove what they share through it.
var AfterTests []func()

func TestMain(m *testing.M) {
	code := m.Run()
	for _, f := range AfterTests {
		f()
	}
	if shared.p != nil {
		pid, dir := shared.p.PID(), profileDir(shared.p)
		if err := shared.p.Close(); err != nil {
			fmt.Fprintln(os.Stderr, "closing the shared browser:", err)
			code = 1
		}
		check := &leftCheck{}
		assertNoProcesses(check, pid, dir)
		if check.failed {
			code = 1
		}
	}
	if shared.root != "" {
		os.RemoveAll(shared.root)
	}
	os.Exit(code)
}

// sharedPrinter returns the package's shared printer and a fresh folder
// inside its root for the test's files.
func sharedPrinter(t *testing.T) (*Printer, string) {
	t.Helper()
	requireBrowser(t)
	shared.once.Do(func() {
		if shared.root, shared.err = os.MkdirTemp("", "basis-pdf-test-"); shared.err != nil {
			return
		}
		shared.p, shared.err = New(WithRoot(shared.root))
	})
	if shared.err != nil {
		t.Fatalf("the shared browser: %v", shared.err)
	}
	dir, err := os.MkdirTemp(shared.root, filepath.Base(t.Name())+"-")
	if err != nil {
		t.Fatal(err)
	}
	return shared.p, dir
}

// leftCheck collects assertNoProcesses's failures outside a test.
type leftCheck struct {
	testing.TB
	failed bool
}

func (c *leftCheck) Helper() {}

func (c *leftCheck) Errorf(format string, args ...any) {
	fmt.Fprintf(os.Stderr, format+"\n", args...)
	c.failed = true
}
