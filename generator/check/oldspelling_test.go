package check

import (
	"io/fs"
	"strings"
	"testing"

	"github.com/basis-privacy/basis/locales"
)

// TestNoMessageAdvisesAnOldSpelling: no message tells the reader to write
// a spelling that now loads with a file.renamed warning (consent_records:
// true, replaced by consents:).
func TestNoMessageAdvisesAnOldSpelling(t *testing.T) {
	names, err := fs.Glob(locales.FS, "*.yaml")
	if err != nil || len(names) == 0 {
		t.Fatalf("no message files: %v", err)
	}
	for _, name := range names {
		b, err := fs.ReadFile(locales.FS, name)
		if err != nil {
			t.Fatal(err)
		}
		for i, line := range strings.Split(string(b), "\n") {
			_, text, ok := strings.Cut(line, ": ")
			if ok && strings.Contains(text, "consent_records:") {
				t.Errorf("locales/%s:%d advises consent_records:, now consents:", name, i+1)
			}
		}
	}
}
