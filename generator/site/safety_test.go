package site

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
)

// leftovers lists what lies beside the output folder besides it and the
// cache.
func leftovers(t *testing.T, o Options) []string {
	t.Helper()
	entries, err := os.ReadDir(filepath.Dir(o.Out))
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		p := filepath.Join(filepath.Dir(o.Out), e.Name())
		if p != o.Out && p != o.Cache {
			out = append(out, e.Name())
		}
	}
	return out
}

// renamed is an edit that changes a company's pages and the index.
var renamed = [2]string{"name: Bäckerei Schmidt GmbH", "name: Bäckerei Schmidt & Söhne GmbH"}

func TestLocalPath(t *testing.T) {
	t.Parallel()
	for rel, want := range map[string]bool{
		"index.html": true, "a/b/c.pdf": true, ".basis-output": true,
		"": false, ".": false, "..": false, "../victim.txt": false, "a/../../x": false, "a/../b": false,
		"/etc/passwd": false, "a//b": false, "a/./b": false, "a/": false, `a\b`: false,
	} {
		if got := localPath(rel); got != want {
			t.Errorf("localPath(%q) = %v, want %v", rel, got, want)
		}
	}
}

// TestManifestPathOutsideIsIgnored: a path in the cache's manifest that
// leaves the output folder makes the manifest count as absent: the file
// it names is neither deleted nor published, and the build does
// everything.
func TestManifestPathOutsideIsIgnored(t *testing.T) {
	t.Parallel()
	in := newIncremental(t)
	in.build()
	victim := filepath.Join(filepath.Dir(in.o.Out), "victim.txt")
	if err := os.WriteFile(victim, []byte("not Basis's"), 0o644); err != nil {
		t.Fatal(err)
	}
	st, err := os.Stat(victim)
	if err != nil {
		t.Fatal(err)
	}
	mp := filepath.Join(in.o.Cache, manifestName)
	var m map[string]any
	b, err := os.ReadFile(mp)
	if err != nil {
		t.Fatal(err)
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber() // keep the nanosecond times exact
	if err := dec.Decode(&m); err != nil {
		t.Fatal(err)
	}
	m["outputs"].(map[string]any)["../victim.txt"] = map[string]any{"key": "k", "sum": "s", "size": st.Size(), "mtime": st.ModTime().UnixNano()}
	if b, err = json.Marshal(m); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(mp, b, 0o644); err != nil {
		t.Fatal(err)
	}
	in.edit("nowak-doradztwo", "Do wniesienia sprzeciwu, nie dłużej niż 3 lata", "Do wniesienia sprzeciwu, nie dłużej niż 2 lata")
	res := in.build()
	if got, err := os.ReadFile(victim); err != nil || string(got) != "not Basis's" {
		t.Errorf("the file the manifest pointed at is gone or changed: %v", err)
	}
	if res.Reused != 0 {
		t.Errorf("a manifest that does not validate was trusted: %d files carried over", res.Reused)
	}
	for rel := range tree(t, in.o.Out) {
		if strings.Contains(rel, "victim") {
			t.Errorf("published %s", rel)
		}
	}
}

// TestForeignFileInOutputDoesNotHalfPublish: a rebuild that adds a company
// publishes all of it and the new index at once, even when the output
// holds junk where a new file goes (the old one-file-at-a-time move failed
// half way there, leaving the new index beside missing pages).
func TestForeignFileInOutputDoesNotHalfPublish(t *testing.T) {
	t.Parallel()
	in := newIncremental(t)
	in.build()
	before := tree(t, in.o.Out)
	if err := os.MkdirAll(filepath.Join(in.o.Out, "sen-vang", "vi", "privacy.html", "junk"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(in.content, "sen-vang"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(in.content, "sen-vang", "company.yaml"), []byte(example(t, "sen-vang")), 0o644); err != nil {
		t.Fatal(err)
	}
	copyExtras(t, "sen-vang", filepath.Join(in.content, "sen-vang"))
	_, err := Build(context.Background(), in.o)
	got := tree(t, in.o.Out)
	index, _ := os.ReadFile(filepath.Join(in.o.Out, "index.html"))
	lists := strings.Contains(string(index), "sen-vang/")
	if err != nil {
		if lists || len(got) != len(before) {
			t.Fatalf("the failed build (%v) published part of the new site", err)
		}
		return
	}
	for _, l := range []string{"en", "vi"} {
		if _, ok := got[filepath.Join("sen-vang", l, "privacy.html")]; !ok {
			t.Errorf("the index lists sen-vang, but its %s notice is missing", l)
		}
	}
	if !lists {
		t.Error("the new company is not in the index")
	}
}

// TestInjectedFaultLeavesPreviousSite: a rebuild that fails at any one of
// its changes on disk, each in turn, leaves the previous site exactly as it
// was and no folder beside it; one that fails after the swap has published
// the complete new site and only warns.
func TestInjectedFaultLeavesPreviousSite(t *testing.T) {
	t.Parallel()
	in := smallSite(t)
	in.build()
	prev := tree(t, in.o.Out)
	in.edit("baeckerei-schmidt", renamed[0], renamed[1])
	want := smallReference(t, in.content)
	total := countSteps(t, in)
	in.edit("baeckerei-schmidt", renamed[1], renamed[0])
	in.build()
	in.edit("baeckerei-schmidt", renamed[0], renamed[1])
	if total < 20 {
		t.Fatalf("only %d steps on disk in a rebuild", total)
	}
	steps := total // every step (smallSite)
	if testing.Short() {
		steps = 8 // a sample, for the fast lane
	}
	for _, k := range spread(total, steps) {
		var n atomic.Int64
		faulty := in.o
		faulty.fault = func(op, p string) error {
			if n.Add(1) == int64(k) {
				return fmt.Errorf("injected fault at step %d (%s %s)", k, op, p)
			}
			return nil
		}
		res, err := Build(context.Background(), faulty)
		got := tree(t, in.o.Out)
		switch {
		case err != nil && fmt.Sprint(got) != fmt.Sprint(prev):
			t.Errorf("step %d: the failed build (%v) changed the previous site", k, err)
		case err == nil && fmt.Sprint(got) != fmt.Sprint(want):
			t.Errorf("step %d: the build succeeded but the site is not the new one", k)
		case err == nil && len(res.Warnings) == 0:
			t.Errorf("step %d: a fault after the swap went unreported", k)
		}
		if l := leftovers(t, in.o); len(l) > 0 {
			t.Errorf("step %d: left %v beside the output", k, l)
		}
		if err == nil { // put the previous site back for the next step
			in.edit("baeckerei-schmidt", renamed[1], renamed[0])
			in.build()
			in.edit("baeckerei-schmidt", renamed[0], renamed[1])
		}
	}
	in.build()
	if got := tree(t, in.o.Out); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Error("the build after the faults did not publish the new site")
	}
}

// reference builds content afresh, without a cache, and returns its tree.
func reference(t *testing.T, content string) map[string]string {
	t.Helper()
	out := filepath.Join(t.TempDir(), "public")
	if _, err := Build(context.Background(), opts(content, out)); err != nil {
		t.Fatal(err)
	}
	return tree(t, out)
}

// countSteps runs the rebuild of in and returns how many changes on disk
// it made.
func countSteps(t *testing.T, in *incremental) int {
	t.Helper()
	var n atomic.Int64
	counted := in.o
	counted.fault = func(string, string) error { n.Add(1); return nil }
	if _, err := Build(context.Background(), counted); err != nil {
		t.Fatal(err)
	}
	return int(n.Load())
}

// spread picks up to max steps from 1 to total, evenly, always with the
// last.
func spread(total, max int) []int {
	if total <= max {
		max = total
	}
	var ks []int
	for i := 1; i <= max; i++ {
		ks = append(ks, i*total/max)
	}
	return ks
}

// TestCacheWriteFailureIsAWarning: when the cache cannot be written after
// the swap, the site is published, the build succeeds with a warning, and
// the next build does everything.
func TestCacheWriteFailureIsAWarning(t *testing.T) {
	t.Parallel()
	in := newIncremental(t)
	in.build()
	in.edit("baeckerei-schmidt", renamed[0], renamed[1])
	faulty := in.o
	faulty.fault = func(op, _ string) error {
		if op == "cache" {
			return errors.New("disk full")
		}
		return nil
	}
	res, err := Build(context.Background(), faulty)
	if err != nil || len(res.Warnings) != 1 || !strings.Contains(res.Warnings[0], "the build cache could not be written (disk full)") {
		t.Fatalf("err %v, warnings %q", err, res.Warnings)
	}
	if got := tree(t, in.o.Out); fmt.Sprint(got) != fmt.Sprint(reference(t, in.content)) {
		t.Error("the new site was not published")
	}
	if res := in.build(); res.UpToDate || res.Reused != 0 {
		t.Errorf("after a failed cache write the next build trusted the old cache: %+v", res)
	}
}

// TestStaleStagingFoldersAreRemoved: a build removes the staging folders a
// killed build left beside the output, but not one a running build holds.
func TestStaleStagingFoldersAreRemoved(t *testing.T) {
	t.Parallel()
	in := newIncremental(t)
	parent := filepath.Dir(in.o.Out)
	stale := filepath.Join(parent, ".public.build-12345")
	live := filepath.Join(parent, ".public.build-67890")
	other := filepath.Join(parent, ".other.build-1")
	users := filepath.Join(parent, ".public.build-Notes") // not a name Basis makes
	for _, d := range []string{stale, live, other, users, filepath.Join(stale+".old", "x")} {
		if err := os.MkdirAll(filepath.Join(d, "sub"), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	lock, err := lockWait(live)
	if err != nil {
		t.Fatal(err)
	}
	defer lock.Close()
	in.build()
	for _, d := range []string{stale, stale + ".old"} {
		if _, err := os.Stat(d); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("stale %s is still there", filepath.Base(d))
		}
	}
	for _, d := range []string{live, other, users} {
		if _, err := os.Stat(d); err != nil {
			t.Errorf("removed %s, which is not stale or not ours", filepath.Base(d))
		}
	}
}

// TestOutputRespectsUmask: the output folder and its files get the modes
// the umask gives, so a web server running as another user can read them.
func TestOutputRespectsUmask(t *testing.T) {
	for _, c := range []struct {
		umask           int
		dir, file, deep os.FileMode
	}{{0o022, 0o755, 0o644, 0o755}, {0o027, 0o750, 0o640, 0o750}} {
		old := syscall.Umask(c.umask)
		in := newIncremental(t)
		in.build()
		in.edit("baeckerei-schmidt", renamed[0], renamed[1])
		in.build() // a rebuild too
		syscall.Umask(old)
		for p, want := range map[string]os.FileMode{
			in.o.Out: c.dir, filepath.Join(in.o.Out, "index.html"): c.file,
			filepath.Join(in.o.Out, "baeckerei-schmidt", "de"):                 c.deep,
			filepath.Join(in.o.Out, "baeckerei-schmidt", "de", "privacy.html"): c.file,
		} {
			st, err := os.Stat(p)
			if err != nil {
				t.Fatal(err)
			}
			if st.Mode().Perm() != want {
				t.Errorf("umask %03o: %s has mode %v, want %v", c.umask, p, st.Mode().Perm(), want)
			}
		}
	}
}

// TestConcurrentBuildsKeepOneCompleteSite: builds of one output running at
// once may fail, but never leave a mixed site or a staging folder, and one
// of them publishes.
func TestConcurrentBuildsKeepOneCompleteSite(t *testing.T) {
	t.Parallel()
	in := newIncremental(t)
	in.build()
	in.edit("baeckerei-schmidt", renamed[0], renamed[1])
	want := fmt.Sprint(reference(t, in.content))
	errs := make([]error, 4)
	var wg sync.WaitGroup
	for i := range errs {
		wg.Go(func() { _, errs[i] = Build(context.Background(), in.o) })
	}
	wg.Wait()
	if !slices.Contains(errs, nil) {
		t.Fatalf("no build succeeded: %v", errs)
	}
	if fmt.Sprint(tree(t, in.o.Out)) != want {
		t.Error("the output is not the complete new site")
	}
	if l := leftovers(t, in.o); len(l) > 0 {
		t.Errorf("left %v beside the output", l)
	}
	in.build()
	if fmt.Sprint(tree(t, in.o.Out)) != want {
		t.Error("the build after the concurrent ones changed the site")
	}
}
