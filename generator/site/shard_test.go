package site

import (
	"context"
	"errors"
	"fmt"
	examples "github.com/basis-privacy/basis/content"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/basis-privacy/basis/templates"
)

func TestParseShard(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		in   string
		want Shard
		ok   bool
	}{
		{"0/1", Shard{0, 1}, true},
		{"3/4", Shard{3, 4}, true},
		{" 2 / 10 ", Shard{2, 10}, true},
		{"4/4", Shard{}, false},
		{"-1/4", Shard{}, false},
		{"1/0", Shard{}, false},
		{"1", Shard{}, false},
		{"a/b", Shard{}, false},
		{"", Shard{}, false},
	} {
		got, err := ParseShard(tc.in)
		if (err == nil) != tc.ok || got != tc.want {
			t.Errorf("ParseShard(%q) = %v, %v; want %v, ok %v", tc.in, got, err, tc.want, tc.ok)
		}
	}
}

// TestShardSplit checks that every company is in exactly one shard, and
// that the split is the one every machine computes (the hash of the slug,
// recorded here, so a change of the function shows).
func TestShardSplit(t *testing.T) {
	t.Parallel()
	var slugs []string
	for i := range 1000 {
		slugs = append(slugs, fmt.Sprintf("co-%05d", i))
	}
	for n := 1; n <= 7; n++ {
		sizes := make([]int, n)
		for _, slug := range slugs {
			in := 0
			for i := range n {
				if (Shard{i, n}).Has(slug) {
					in++
					sizes[i]++
				}
			}
			if in != 1 {
				t.Fatalf("%s is in %d of %d shards", slug, in, n)
			}
		}
		for i, size := range sizes {
			if size < 1000/n*3/4 || size > 1000/n*5/4 {
				t.Errorf("shard %d/%d has %d of 1000 companies", i, n, size)
			}
		}
	}
	want := map[string]int{"co-00000": 0, "co-00001": 3, "baeckerei-schmidt": 2, "nowak-doradztwo": 1, "sen-vang": 2}
	for slug, shard := range want {
		if got := ShardOf(slug, 4); got != shard {
			t.Errorf("ShardOf(%q, 4) = %d, want %d (the split must stay the same across versions)", slug, got, shard)
		}
	}
}

// shardContent is a content folder of nine companies, each example three
// times under other names; one of them (sen-vang-1) has a logo and speaks
// to the reader informally, so the index lists a logo.
func shardContent(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for _, slug := range []string{"baeckerei-schmidt", "nowak-doradztwo", "sen-vang"} {
		for i := range 3 {
			src, err := examples.Example(slug)
			if err != nil {
				t.Fatal(err)
			}
			if err := os.CopyFS(filepath.Join(dir, fmt.Sprintf("%s-%d", slug, i)), src); err != nil {
				t.Fatal(err)
			}
		}
	}
	co := filepath.Join(dir, "sen-vang-1")
	src := strings.Replace(example(t, "sen-vang"), "country: VN", "logo: logo.png\nregister: informal\ncountry: VN", 1)
	// A 1x1 PNG.
	png := []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00\x00\x00\x00IEND\xaeB`\x82")
	if err := os.WriteFile(filepath.Join(co, "company.yaml"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(co, "logo.png"), png, 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

// buildShards builds each shard of n into its own folder under dir.
func buildShards(t *testing.T, o Options, n int, dir string) []string {
	t.Helper()
	var outs []string
	for i := range n {
		outs = append(outs, buildShard(t, o, i, n, dir))
	}
	return outs
}

// buildShard builds shard i of n into its folder under dir and returns it.
func buildShard(t *testing.T, o Options, i, n int, dir string) string {
	t.Helper()
	o.Out = filepath.Join(dir, fmt.Sprintf("shard-%d", i))
	if o.Internal != "" {
		o.Internal = o.Out + "-internal"
	}
	o.Shard = Shard{i, n}
	if _, err := Build(context.Background(), o); err != nil {
		t.Fatal(err)
	}
	return o.Out
}

func mergeOpts(o Options, out string, shards []string) MergeOptions {
	return MergeOptions{Shards: shards, Out: out, Templates: o.Templates, Locales: o.Locales, Version: o.Version}
}

// TestMergeOfShardsIsTheFullBuild checks that merging the shards of a
// split gives, byte for byte, the site a build of all companies gives.
func TestMergeOfShardsIsTheFullBuild(t *testing.T) {
	t.Parallel()
	content := shardContent(t)
	dir := t.TempDir()
	full := filepath.Join(dir, "full")
	o := opts(content, full)
	if _, err := Build(context.Background(), o); err != nil {
		t.Fatal(err)
	}
	want := tree(t, full)
	for _, n := range []int{1, 3} {
		shards := buildShards(t, o, n, filepath.Join(dir, fmt.Sprint(n)))
		// Every company's folder is in exactly one shard.
		for _, slug := range []string{"sen-vang-0", "nowak-doradztwo-2", "baeckerei-schmidt-1"} {
			in := 0
			for _, s := range shards {
				if _, err := os.Stat(filepath.Join(s, slug)); err == nil {
					in++
				}
			}
			if in != 1 {
				t.Errorf("%d shards: %s is in %d shard outputs", n, slug, in)
			}
		}
		merged := filepath.Join(dir, fmt.Sprint(n), "merged")
		res, err := Merge(context.Background(), mergeOpts(o, merged, shards))
		if err != nil {
			t.Fatal(err)
		}
		got := tree(t, merged)
		if res.Companies != 9 || res.Files != len(got) {
			t.Errorf("%d shards: merge says %d companies, %d files; the folder has %d files", n, res.Companies, res.Files, len(got))
		}
		diffTrees(t, fmt.Sprintf("%d shards merged vs full build", n), want, got)
		// Merging again replaces the merged site, the same.
		if _, err := Merge(context.Background(), mergeOpts(o, merged, shards)); err != nil {
			t.Fatal(err)
		}
		diffTrees(t, fmt.Sprintf("%d shards merged twice vs full build", n), want, tree(t, merged))
	}
}

func diffTrees(t *testing.T, what string, want, got map[string]string) {
	t.Helper()
	for f, sum := range want {
		if got[f] != sum {
			t.Errorf("%s: %s differs or is missing", what, f)
		}
	}
	for f := range got {
		if _, ok := want[f]; !ok {
			t.Errorf("%s: extra %s", what, f)
		}
	}
}

// TestMergeRefuses checks that a merge of shards that are not one whole
// split of one content by one Basis fails with a ShardError and leaves the
// output as it was.
func TestMergeRefuses(t *testing.T) {
	t.Parallel()
	content := shardContent(t)
	dir := t.TempDir()
	o := opts(content, "")
	shards := buildShards(t, o, 3, filepath.Join(dir, "a"))
	// Of the other splits, only the shards a case merges are built.
	other := buildShard(t, o, 1, 2, filepath.Join(dir, "b"))

	// The same split of a content folder with one more company.
	more := shardContent(t)
	if err := os.CopyFS(filepath.Join(more, "extra"), os.DirFS(filepath.Join(content, "sen-vang-0"))); err != nil {
		t.Fatal(err)
	}
	om := opts(more, "")
	moreShard := buildShard(t, om, 2, 3, filepath.Join(dir, "c"))

	// The same split built with another template.
	ot := o
	base, _ := templates.FS.ReadFile("index.html")
	ot.Templates = Overlay(fstest.MapFS{"index.html": {Data: append(base, "\n"...)}}, templates.FS)
	tmplShards := buildShards(t, ot, 3, filepath.Join(dir, "d"))

	// The same split built with Word documents.
	ow := o
	ow.DOCX = true
	wordShard := buildShard(t, ow, 2, 3, filepath.Join(dir, "w"))

	// A shard folder holding a company that is not its own: a copy of the
	// split, as built.
	var stray []string
	for i, s := range shards {
		stray = append(stray, filepath.Join(dir, "e", fmt.Sprintf("shard-%d", i)))
		if err := os.CopyFS(stray[i], os.DirFS(s)); err != nil {
			t.Fatal(err)
		}
	}
	s0, err := readShard(stray[0])
	if err != nil || len(s0.info.Companies) == 0 {
		t.Fatalf("shard 0: %v, %+v", err, s0)
	}
	if err := os.CopyFS(filepath.Join(stray[1], "intruder"), os.DirFS(filepath.Join(stray[0], s0.info.Companies[0].Slug))); err != nil {
		t.Fatal(err)
	}

	full := filepath.Join(dir, "full")
	if _, err := Build(context.Background(), opts(content, full)); err != nil {
		t.Fatal(err)
	}

	out := filepath.Join(t.TempDir(), "public")
	if _, err := Merge(context.Background(), mergeOpts(o, out, shards)); err != nil {
		t.Fatal(err)
	}
	before := tree(t, out)
	for _, tc := range []struct {
		name   string
		shards []string
		why    string
	}{
		{"a shard missing", shards[:2], "shard 2/3 is missing"},
		{"a shard twice", []string{shards[0], shards[1], shards[1]}, "it is shard 1/3, as is"},
		{"shards of two splits", []string{shards[0], shards[1], other}, "but"},
		{"shards of two contents", []string{shards[0], shards[1], moreShard}, "other companies"},
		{"shards of two template sets", []string{shards[0], shards[1], tmplShards[2]}, "other templates"},
		{"shards of other templates than the merge's", tmplShards, "than this merge uses"},
		{"shards with and without Word documents", []string{shards[0], shards[1], wordShard}, "built with Word documents"},
		{"a full build", []string{full}, "has no " + ShardFile},
		{"a company not the shard's", stray, "intruder"},
		{"no shards", nil, "no shard folders"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Merge(context.Background(), mergeOpts(o, out, tc.shards))
			var serr *ShardError
			if !errors.As(err, &serr) || !strings.Contains(err.Error(), tc.why) {
				t.Fatalf("got %v, want a ShardError saying %q", err, tc.why)
			}
			diffTrees(t, "output after the refused merge", before, tree(t, out))
			if left := leftovers(t, Options{Out: out}); len(left) > 0 {
				t.Errorf("left %v beside the output", left)
			}
		})
	}
}

// TestMergeRefusesAShardAsOutput checks the folder guard: the output may
// not be one of the shards.
func TestMergeRefusesAShardAsOutput(t *testing.T) {
	t.Parallel()
	o := opts(shardContent(t), "")
	shards := buildShards(t, o, 2, t.TempDir())
	before := tree(t, shards[0])
	_, err := Merge(context.Background(), mergeOpts(o, shards[0], shards))
	var ferr *FolderError
	if !errors.As(err, &ferr) {
		t.Fatalf("got %v, want a FolderError", err)
	}
	diffTrees(t, "shard after the refused merge", before, tree(t, shards[0]))
}

// TestMergeOfTwoOutputShards: shards built with a public and an internal
// output merge into the two outputs a full build makes, byte for byte.
func TestMergeOfTwoOutputShards(t *testing.T) {
	t.Parallel()
	content := shardContent(t)
	dir := t.TempDir()
	o := opts(content, filepath.Join(dir, "full"))
	o.Internal = filepath.Join(dir, "full-internal")
	if _, err := Build(context.Background(), o); err != nil {
		t.Fatal(err)
	}
	shards := buildShards(t, o, 2, filepath.Join(dir, "shards"))
	m := mergeOpts(o, filepath.Join(dir, "merged"), shards)
	if _, err := Merge(context.Background(), m); err == nil || !strings.Contains(err.Error(), "--internal-out") {
		t.Fatalf("a merge of two-output shards into one output: %v", err)
	}
	m.Internal = filepath.Join(dir, "merged-internal")
	if _, err := Merge(context.Background(), m); err != nil {
		t.Fatal(err)
	}
	diffTrees(t, "merged public vs full build", tree(t, o.Out), tree(t, m.Out))
	diffTrees(t, "merged internal vs full build", tree(t, o.Internal), tree(t, m.Internal))
}
