package load

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestHintsNeedNoREADME: someone who installed only the binary has no
// README: the hints for an empty company file and an empty content folder
// say what to write and point to basis init and the reference (D18).
func TestHintsNeedNoREADME(t *testing.T) {
	_, err := Parse("company.yaml", []byte("# nothing yet\n"))
	var es Errors
	if !errors.As(err, &es) || len(es) != 1 {
		t.Fatalf("empty file: %v", err)
	}
	dir := t.TempDir()
	if err := os.Mkdir(filepath.Join(dir, "_drafts"), 0o755); err != nil {
		t.Fatal(err)
	}
	_, err = Folders(dir)
	var none Errors
	if !errors.As(err, &none) || len(none) != 1 {
		t.Fatalf("empty content folder: %v", err)
	}
	for _, e := range []*Error{es[0], none[0]} {
		for _, want := range []string{"basis init", "controller:", "docs/company-file.md", "basis schema"} {
			if !strings.Contains(e.Hint, want) {
				t.Errorf("%s: the hint does not say %q", e, want)
			}
		}
		if strings.Contains(e.Hint, "see README") {
			t.Errorf("%s: the hint points to the README", e)
		}
	}
}
