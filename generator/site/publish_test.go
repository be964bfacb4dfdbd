package site

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestLinkedOutputPublishesIntoItsTarget: an output folder that is a
// symbolic link (to a web root) is published into the folder it points
// to, and stays a link: first into an empty web root, then again after an
// edit. Nothing is left beside the web root.
func TestLinkedOutputPublishesIntoItsTarget(t *testing.T) {
	t.Parallel()
	in := newIncremental(t)
	www := filepath.Join(t.TempDir(), "www")
	root := filepath.Join(www, "privacy")
	if err := os.MkdirAll(root, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(root, in.o.Out); err != nil {
		t.Fatal(err)
	}
	in.build()
	in.edit("baeckerei-schmidt", renamed[0], renamed[1])
	in.build()
	if fi, err := os.Lstat(in.o.Out); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Fatalf("the link %s was replaced (%v)", in.o.Out, err)
	}
	diffTrees(t, "the web root", reference(t, in.content), tree(t, root))
	if entries, _ := os.ReadDir(www); len(entries) != 1 {
		t.Errorf("left beside the web root: %v", entries)
	}
	if res := in.build(); !res.UpToDate {
		t.Error("a build through the link did not find its previous build")
	}
}

// TestDanglingLinkedOutputIsRefused: a link to a folder that does not
// exist is refused, and stays a link.
func TestDanglingLinkedOutputIsRefused(t *testing.T) {
	t.Parallel()
	in := newIncremental(t)
	if err := os.Symlink(filepath.Join(t.TempDir(), "gone"), in.o.Out); err != nil {
		t.Fatal(err)
	}
	_, err := Build(context.Background(), in.o)
	var ferr *FolderError
	if !errors.As(err, &ferr) || !strings.Contains(err.Error(), "is a link to") {
		t.Fatalf("Build = %v, want a FolderError about the link", err)
	}
	if fi, err := os.Lstat(in.o.Out); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the link was replaced (%v)", err)
	}
}

// TestAddedFilesAreRefusedNotDeleted: files a person put into a Basis
// output (a CNAME, a downloads/ folder) make the next build refuse the
// folder, naming them, and change nothing, with or without a cache.
func TestAddedFilesAreRefusedNotDeleted(t *testing.T) {
	t.Parallel()
	for _, cache := range []bool{true, false} {
		in := newIncremental(t)
		if !cache {
			in.o.Cache = ""
		}
		in.build()
		if err := os.WriteFile(filepath.Join(in.o.Out, "CNAME"), []byte("www.example.com\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.MkdirAll(filepath.Join(in.o.Out, "downloads"), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(in.o.Out, "downloads", "form.pdf"), []byte("%PDF-"), 0o644); err != nil {
			t.Fatal(err)
		}
		before := tree(t, in.o.Out)
		in.edit("baeckerei-schmidt", renamed[0], renamed[1])
		_, err := Build(context.Background(), in.o)
		var ferr *FolderError
		if !errors.As(err, &ferr) || !strings.Contains(err.Error(), "CNAME") || !strings.Contains(err.Error(), "downloads/") {
			t.Fatalf("cache %v: Build = %v, want a FolderError naming CNAME and downloads/", cache, err)
		}
		diffTrees(t, "the refused output", before, tree(t, in.o.Out))
		// Without them, the build goes on.
		for _, p := range []string{"CNAME", "downloads"} {
			if err := os.RemoveAll(filepath.Join(in.o.Out, p)); err != nil {
				t.Fatal(err)
			}
		}
		in.build()
	}
}

// TestMergeRefusesAShardThatLostFiles: a shard missing a company's folder,
// or one of its documents, is refused, naming the shard and what is
// missing; nothing is published.
func TestMergeRefusesAShardThatLostFiles(t *testing.T) {
	t.Parallel()
	content := shardContent(t)
	dir := t.TempDir()
	o := opts(content, filepath.Join(dir, "full"))
	o.PDF = true
	newFakePrinter().use(&o)
	shards := buildShards(t, o, 2, filepath.Join(dir, "shards"))
	slugs := func(s string) []string {
		var out []string
		entries, _ := os.ReadDir(s)
		for _, e := range entries {
			if e.IsDir() && e.Name() != "assets" && e.Name() != "checklist" {
				out = append(out, e.Name())
			}
		}
		return out
	}
	first, second := slugs(shards[0])[0], slugs(shards[1])[0]
	for _, tt := range []struct {
		shard, lost, want string
	}{
		{shards[0], first, first + "/"},
		{shards[1], second + "/en/privacy.html", second + "/en/privacy.html"},
		{shards[1], second + "/en/fields.pdf", second + "/en/fields.pdf"},
	} {
		t.Run(tt.lost, func(t *testing.T) {
			lost := filepath.Join(tt.shard, filepath.FromSlash(tt.lost))
			kept := lost + ".kept"
			if err := os.Rename(lost, kept); err != nil {
				t.Fatal(err)
			}
			defer os.Rename(kept, lost)
			out := filepath.Join(t.TempDir(), "public")
			_, err := Merge(context.Background(), mergeOpts(o, out, shards))
			var serr *ShardError
			if !errors.As(err, &serr) || serr.Path != tt.shard || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("Merge = %v, want a ShardError of %s naming %s", err, tt.shard, tt.want)
			}
			if _, err := os.Stat(out); !errors.Is(err, os.ErrNotExist) {
				t.Errorf("a refused merge created %s", out)
			}
		})
	}
}
