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
	t.Parallel()
	content := shardContent(t)
	dir := t.TempDir()
	one := opts(content, filepath.Join(dir, "one"))
	if _, err := Build(context.Background(), one); err != nil {
		t.Fatal(err)
	}
	many := opts(content, filepath.Join(dir, "many"))
	many.batchSize = 2
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

// TestCheckErrorInALaterBatchPublishesNothing plants a check error in the
// last company of several batches: the batches before it were rendered,
// but nothing is published, nothing is left on disk (not even the output
// folder's parent the build created), every finding is reported, and
// --force publishes all companies.
func TestCheckErrorInALaterBatchPublishesNothing(t *testing.T) {
	t.Parallel()
	content := shardContent(t)
	p := filepath.Join(content, "sen-vang-2", "company.yaml")
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	broken := strings.Replace(string(b), "basis: contract", "basis: legitimate_interests", 1)
	if broken == string(b) {
		t.Fatal("sen-vang has no purpose on contract to break")
	}
	if err := os.WriteFile(p, []byte(broken), 0o644); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	o := opts(content, filepath.Join(dir, "new", "public"))
	o.Cache = filepath.Join(dir, "new", "cache")
	o.batchSize = 2
	res, err := Build(context.Background(), o)
	var cerr *CheckError
	if !errors.As(err, &cerr) {
		t.Fatalf("got %v, want a CheckError", err)
	}
	var named bool
	for _, f := range res.Report.Findings {
		named = named || strings.Contains(f.Pos.File, "sen-vang-2")
	}
	if !named || res.Companies != 9 {
		t.Errorf("the findings do not name sen-vang-2 (%v), or %d companies were read, want 9", named, res.Companies)
	}
	if left, _ := os.ReadDir(dir); len(left) > 0 {
		t.Errorf("a build refused for check errors left %v in %s", left, dir)
	}
	o.Force = true
	res, err = Build(context.Background(), o)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(o.Out, "sen-vang-2", "vi", "privacy.html")); err != nil || res.Companies != 9 {
		t.Errorf("--force did not publish every company (%d): %v", res.Companies, err)
	}
}
