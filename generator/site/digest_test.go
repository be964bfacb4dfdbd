package site

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestManifestKeepsItsFormat checks that a manifest written with keys as
// hex text, and with the content sums earlier versions wrote, reads back
// with the same values, and that one with a damaged key is not trusted.
func TestManifestKeepsItsFormat(t *testing.T) {
	t.Parallel()
	key := strings.Repeat("ab", 32)
	sum := strings.Repeat("0f", 32)
	tests := []struct {
		name, outputs string
		want          map[string]entry
	}{
		{"hex", `{"a/en/x.html":{"key":"` + key + `","sum":"` + sum + `","size":3,"mtime":4},"a/en/x.pdf":{"key":"` + key + `","sum":"","size":5,"mtime":6}}`,
			map[string]entry{"a/en/x.html": {Key: digestOf(key), Size: 3, MTime: 4}, "a/en/x.pdf": {Key: digestOf(key), Size: 5, MTime: 6}}},
		{"no key", `{"a/en/x.html":{"key":"","size":3,"mtime":4}}`, map[string]entry{}},
		{"short key", `{"a/en/x.html":{"key":"abc","size":3,"mtime":4}}`, map[string]entry{}},
		{"not hex", `{"a/en/x.html":{"key":"` + strings.Repeat("zz", 32) + `","size":3,"mtime":4}}`, map[string]entry{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cache := t.TempDir()
			text := `{"out":"/srv/public","inputs":"i","sources":"s","program":{},"companies":{},"outputs":` + tt.outputs + `}`
			if err := os.WriteFile(filepath.Join(cache, manifestName), []byte(text), 0o644); err != nil {
				t.Fatal(err)
			}
			m := readManifest(cache, manifestName, "/srv/public")
			if len(m.Outputs) != len(tt.want) {
				t.Fatalf("read %d outputs, want %d: %v", len(m.Outputs), len(tt.want), m.Outputs)
			}
			for rel, e := range tt.want {
				if m.Outputs[rel] != e {
					t.Errorf("%s: read %+v, want %+v", rel, m.Outputs[rel], e)
				}
			}
			if len(tt.want) == 0 {
				return
			}
			if err := m.write(cache, manifestName, nil); err != nil {
				t.Fatal(err)
			}
			if again := readManifest(cache, manifestName, "/srv/public"); len(again.Outputs) != len(tt.want) || again.Outputs["a/en/x.pdf"] != tt.want["a/en/x.pdf"] {
				t.Errorf("written and read again: %+v", again.Outputs)
			}
			b, _ := os.ReadFile(filepath.Join(cache, manifestName))
			if !strings.Contains(string(b), `"a/en/x.pdf":{"key":"`+key+`","size":5,"mtime":6}`) {
				t.Errorf("the PDF's entry is not written as hex:\n%s", b)
			}
		})
	}
}

func TestDigestOf(t *testing.T) {
	t.Parallel()
	for _, s := range []string{"", "ab", strings.Repeat("g", 64), strings.Repeat("a", 63)} {
		if d := digestOf(s); d != (digest{}) {
			t.Errorf("digestOf(%q) = %v, want the zero digest", s, d)
		}
	}
	h := newHasher("x").sum()
	if got := digestOf(h).String(); got != h {
		t.Errorf("digestOf(%s).String() = %s", h, got)
	}
}

// TestSameReader compares contents across the reads' chunk boundary.
func TestSameReader(t *testing.T) {
	t.Parallel()
	long := strings.Repeat("x", 64<<10)
	tests := []struct {
		a, b string
		want bool
	}{
		{"", "", true},
		{"a", "", false},
		{"abc", "abc", true},
		{"abc", "abd", false},
		{long, long, true},
		{long + "y", long + "y", true},
		{long + "y", long + "z", false},
		{long, long + "y", false},
		{long + long, long + long, true},
	}
	for _, tt := range tests {
		if got := sameReader(strings.NewReader(tt.a), strings.NewReader(tt.b)); got != tt.want {
			t.Errorf("sameReader(%d bytes, %d bytes) = %v, want %v", len(tt.a), len(tt.b), got, tt.want)
		}
	}
}
