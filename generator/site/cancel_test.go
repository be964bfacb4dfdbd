package site

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// TestCancelStopsRendering cancels a build (Ctrl-C, SIGTERM) while it
// writes the first document of a company in one language: it returns the
// cancellation, and renders no further document of that company and
// language, although the worker rendering them is the one that saw it.
func TestCancelStopsRendering(t *testing.T) {
	t.Parallel()
	content := writeContent(t, map[string]string{"sen-vang": example(t, "sen-vang")})
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var mu sync.Mutex
	var job string     // the folder of the document being written when cancelled
	var after []string // the documents of that folder written after it
	o := opts(content, filepath.Join(t.TempDir(), "public"))
	o.fault = func(op, p string) error {
		if op != "write" || !strings.HasSuffix(p, ".html") {
			return nil
		}
		mu.Lock()
		defer mu.Unlock()
		switch dir := filepath.Dir(p); {
		case job == "" && filepath.Base(p) == "privacy.html":
			job = dir
			cancel()
		case job != "" && dir == job:
			after = append(after, filepath.Base(p))
		}
		return nil
	}
	_, err := Build(ctx, o)
	if !errors.Is(err, context.Canceled) {
		t.Errorf("Build = %v, want the cancellation", err)
	}
	if job == "" {
		t.Fatal("no notice was written")
	}
	if len(after) > 0 {
		t.Errorf("after the cancellation, the build still rendered %s in %s", strings.Join(after, ", "), job)
	}
}
