package golden

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestDiff(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name, a, b, want string
	}{
		{"equal", "x\ny\n", "x\ny\n", ""},
		{"changed line", "a\nb\nc\n", "a\nB\nc\n", "--- want\n+++ got\n@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n"},
		{"added at end", "a\n", "a\nb\n", "--- want\n+++ got\n@@ -1,1 +1,2 @@\n a\n+b\n"},
		{"removed first", "a\nb\n", "b\n", "--- want\n+++ got\n@@ -1,2 +1,1 @@\n-a\n b\n"},
		{"two hunks", "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n", "1\nX\n3\n4\n5\n6\n7\n8\n9\nY\n11\n",
			"--- want\n+++ got\n@@ -1,5 +1,5 @@\n 1\n-2\n+X\n 3\n 4\n 5\n@@ -7,5 +7,5 @@\n 7\n 8\n 9\n-10\n+Y\n 11\n"},
		{"no newline", "a", "b", "--- want\n+++ got\n@@ -1,1 +1,1 @@\n-a\n\\ No newline at end of file\n+b\n\\ No newline at end of file\n"},
	}
	for _, tc := range cases {
		if got := Diff("want", "got", tc.a, tc.b); got != tc.want {
			t.Errorf("%s: got\n%s\nwant\n%s", tc.name, got, tc.want)
		}
	}
}

// TestCheckReportsTheDiff: a difference fails with the diff, not the whole
// output; an equal file passes.
func TestCheckReportsTheDiff(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "x.golden")
	if err := os.WriteFile(path, []byte("one\ntwo\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	rec := &recorder{TB: t}
	Check(rec, path, []byte("one\ntwo\n"))
	if rec.msg != "" {
		t.Fatalf("equal output failed: %s", rec.msg)
	}
	Check(rec, path, []byte("one\nthree\n"))
	if !strings.Contains(rec.msg, "-two\n+three\n") || !strings.Contains(rec.msg, "-update") {
		t.Errorf("message lacks the diff or the hint:\n%s", rec.msg)
	}
}

type recorder struct {
	testing.TB
	msg string
}

func (r *recorder) Helper() {}
func (r *recorder) Errorf(format string, args ...any) {
	r.msg = format
	_ = args
	r.msg = sprintf(format, args...)
}

func sprintf(format string, args ...any) string { return fmt.Sprintf(format, args...) }
