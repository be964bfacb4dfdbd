package site

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestNeverTableNamesRealTests: every row of the README's "What Basis never
// does" table names tests, and each exists in its package (site unless a
// `package` in backquotes comes before it in the cell).
func TestNeverTableNamesRealTests(t *testing.T) {
	t.Parallel()
	b, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	_, section, ok := strings.Cut(string(b), "\n## What Basis never does\n")
	if !ok {
		t.Fatal(`README.md has no "What Basis never does" section`)
	}
	section, _, _ = strings.Cut(section, "\n## ")
	token := regexp.MustCompile("`([a-z]+)`|\\b(Test[A-Za-z0-9_]+)")
	rows := 0
	for line := range strings.SplitSeq(section, "\n") {
		cells := strings.Split(strings.Trim(line, "|"), "|")
		if !strings.HasPrefix(line, "|") || len(cells) != 3 || strings.HasPrefix(cells[0], "---") || strings.Contains(cells[2], "tests") {
			continue
		}
		rows++
		pkg, named := "site", 0
		for _, m := range token.FindAllStringSubmatch(cells[2], -1) {
			if m[1] != "" {
				pkg = m[1]
				continue
			}
			named++
			if !testExists(t, pkg, m[2]) {
				t.Errorf("the README names %s in generator/%s, which has no such test", m[2], pkg)
			}
		}
		if named == 0 {
			t.Errorf("the row %q names no test", cells[0])
		}
	}
	if rows == 0 {
		t.Error("the table has no rows")
	}
}

// testExists reports whether a _test.go file of generator/pkg defines name.
func testExists(t *testing.T, pkg, name string) bool {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("..", pkg, "*_test.go"))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(string(b), "\nfunc "+name+"(t *testing.T)") {
			return true
		}
	}
	return false
}
