package site

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// BenchmarkRebuildAfterEdit is the rebuild `basis watch` runs when a
// company file is saved: one company of two edited, HTML only, in the same
// process as the builds before it.
func BenchmarkRebuildAfterEdit(b *testing.B) {
	content := writeContent(b, map[string]string{
		"baeckerei-schmidt": example(b, "baeckerei-schmidt"),
		"nowak-doradztwo":   example(b, "nowak-doradztwo"),
	})
	dir := b.TempDir()
	o := opts(content, filepath.Join(dir, "public"))
	o.Cache = filepath.Join(dir, "cache")
	if _, err := Build(context.Background(), o); err != nil {
		b.Fatal(err)
	}
	file := filepath.Join(content, "baeckerei-schmidt", "company.yaml")
	for i := 0; b.Loop(); i++ {
		src, err := os.ReadFile(file)
		if err != nil {
			b.Fatal(err)
		}
		edited := strings.Replace(string(src), renamed[i%2], renamed[(i+1)%2], 1)
		if err := os.WriteFile(file, []byte(edited), 0o644); err != nil {
			b.Fatal(err)
		}
		if res, err := Build(context.Background(), o); err != nil || res.Rendered == 0 {
			b.Fatalf("rebuild: %+v, %v", res, err)
		}
	}
}
