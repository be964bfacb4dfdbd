// Package golden compares test output with files committed under testdata/
// and rewrites them on request: every golden test of Basis goes through it,
// so each prints a unified diff on failure and each takes the same -update
// flag.
//
//	func TestNotice(t *testing.T) {
//		got := render(...)
//		golden.Check(t, "testdata/golden/en/privacy.html", got)
//	}
//
// go test ./generator/render -update rewrites the files; review them with
// git diff before committing.
package golden

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"
)

// update is the -update flag of every package that uses golden.
var update = flag.Bool("update", false, "rewrite the golden files under testdata/ instead of comparing with them")

// Updating reports whether the test run rewrites golden files.
func Updating() bool { return *update }

// Check compares got with the file at path. With -update it writes got to
// path instead (making its folder). A difference fails the test with a
// unified diff, the golden file as "-" and got as "+".
func Check(t testing.TB, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run the test with -update to write it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the output (run the test with -update to accept it, then review git diff):\n%s",
			path, Diff(path, "got", string(want), string(got)))
	}
}
