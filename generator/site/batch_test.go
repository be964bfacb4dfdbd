package site

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/basis-privacy/basis/generator/load"
)

// TestBatchesBuildTheSameSite checks that reading, checking and rendering
// the companies a few at a time (as a build of many companies does) gives
// the site a build of one batch gives, checklists' verdicts included.
func TestBatchesBuildTheSameSite(t *testing.T) {
	content := shardContent(t)
	dir := t.TempDir()
	one := opts(content, filepath.Join(dir, "one"))
	if _, err := Build(context.Background(), one); err != nil {
		t.Fatal(err)
	}
	defer func(n int) { batchSize = n }(batchSize)
	batchSize = 2
	many := opts(content, filepath.Join(dir, "many"))
	many.Cache = filepath.Join(dir, "cache")
	res, err := Build(context.Background(), many)
	if err != nil {
		t.Fatal(err)
	}
	if res.Companies != 9 {
		t.Errorf("read %d companies, want 9", res.Companies)
	}
	diffTrees(t, "batches of 2 vs one batch", tree(t, one.Out), tree(t, many.Out))

	// Every file's errors are reported together, whatever its batch.
	for _, slug := range []string{"baeckerei-schmidt-0", "sen-vang-2"} {
		p := filepath.Join(content, slug, "company.yaml")
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, append(b, "\nnot yaml: [\n"...), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	before := tree(t, many.Out)
	_, err = Build(context.Background(), many)
	var errs load.Errors
	if !errors.As(err, &errs) || !strings.Contains(err.Error(), "baeckerei-schmidt-0") || !strings.Contains(err.Error(), "sen-vang-2") {
		t.Fatalf("got %v, want the errors of both broken files", err)
	}
	diffTrees(t, "output after the failed build", before, tree(t, many.Out))
}
