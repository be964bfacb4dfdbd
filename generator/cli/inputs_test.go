package cli

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
)

// TestOddFilesCheckAndBuildAgree: odd files in a company folder (a named
// pipe, links to /dev/zero and to a folder) neither hang nor fail build
// while check passes; named by company.yaml, both report the same error.
func TestOddFilesCheckAndBuildAgree(t *testing.T) {
	dir := content(t, []string{"nowak-doradztwo"}, nil)
	co := filepath.Join(dir, "nowak-doradztwo")
	if err := syscall.Mkfifo(filepath.Join(co, "notes.pipe"), 0o644); err != nil {
		t.Fatal(err)
	}
	for target, name := range map[string]string{"/dev/zero": "zero.md", t.TempDir(): "shared", "/etc/passwd": "passwd.md", "/etc/shadow": "logo.png"} {
		if err := os.Symlink(target, filepath.Join(co, name)); err != nil {
			t.Fatal(err)
		}
	}
	both := func(want int) (string, string) {
		t.Helper()
		ccode, cout, cerr := run(t, "check", "--content", dir)
		bcode, _, berr := run(t, "build", "--content", dir, "--out", filepath.Join(t.TempDir(), "public"), "--no-pdf", "--cache=")
		if ccode != want || bcode != want {
			t.Fatalf("check exit %d, build exit %d, want %d for both\ncheck: %s%s\nbuild: %s", ccode, bcode, want, cout, cerr, berr)
		}
		return cout, berr
	}
	both(ExitOK)

	yaml := filepath.Join(co, "company.yaml")
	b, err := os.ReadFile(yaml)
	if err != nil {
		t.Fatal(err)
	}
	line := strings.Count(string(b), "\n") + 3
	src := string(b) + "sections:\n  - title: Notes\n    file: notes.pipe\n  - title: Zero\n    file: zero.md\n  - title: Users\n    file: passwd.md\nlogo: logo.png\n"
	if err := os.WriteFile(yaml, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	cout, berr := both(ExitError)
	for _, want := range [][2]string{
		{yaml + ":" + strconv.Itoa(line) + ":11: ", `section file "notes.pipe" is a named pipe, not a regular file`},
		{yaml + ":" + strconv.Itoa(line+2) + ":11: ", `section file "zero.md" points outside the company folder`},
		{yaml + ":" + strconv.Itoa(line+4) + ":11: ", `section file "passwd.md" points outside the company folder`},
		{yaml + ":" + strconv.Itoa(line+5) + ":7: ", `logo "logo.png" points outside the company folder`},
	} {
		// check reports it among its findings, build before it stops.
		if !strings.Contains(cout, want[0]+"error input: "+want[1]) || !strings.Contains(berr, want[0]+want[1]) {
			t.Errorf("want %q from check and build\ncheck: %s\nbuild: %s", want[0]+want[1], cout, berr)
		}
	}
}
