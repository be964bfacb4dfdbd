package cli

import (
	"bytes"
	"context"
	"crypto/sha256"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// snapshot hashes every file and folder under dir, for "nothing changed".
func snapshot(t *testing.T, dir string) string {
	t.Helper()
	var b strings.Builder
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		fmt.Fprintf(&b, "%s %v", p, d.IsDir())
		if !d.IsDir() {
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			fmt.Fprintf(&b, " %x", sha256.Sum256(data))
		}
		b.WriteByte('\n')
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// project makes root/home/p, a project with content/, .git/ and notes/,
// makes p the working directory and root/home the home folder, and
// returns root.
func project(t *testing.T) string {
	t.Helper()
	root := t.TempDir()
	p := filepath.Join(root, "home", "p")
	src := content(t, []string{"sen-vang"}, nil)
	if err := os.CopyFS(filepath.Join(p, "content"), os.DirFS(src)); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{".git/HEAD", "notes/todo.txt"} {
		if err := os.MkdirAll(filepath.Dir(filepath.Join(p, f)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(p, f), []byte("keep me"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	t.Chdir(p)
	t.Setenv("HOME", filepath.Join(root, "home"))
	t.Setenv("TMPDIR", filepath.Join(root, "tmp")) // serve's work folder
	return root
}

// cancelOn is a writer that cancels a context at its first write: serve
// stops after its first build instead of serving.
type cancelOn struct {
	cancel context.CancelFunc
	mu     sync.Mutex
	b      bytes.Buffer
}

func (w *cancelOn) Write(p []byte) (int, error) {
	w.cancel()
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.b.Write(p)
}

// TestOutputFolderGuard: an output or cache folder that is, contains or
// lies inside the content folder, the working directory, the home folder
// or /, or a folder Basis did not write, is refused with one line and exit
// 2, and nothing on disk changes.
func TestOutputFolderGuard(t *testing.T) {
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"build", "--out", ""}, `the output folder "" is empty`},
		{[]string{"build", "--out", "."}, `the output folder "." is the working directory`},
		{[]string{"build", "--out", "content"}, `the output folder "content" is the content folder`},
		{[]string{"build", "--out", "content/sen-vang"}, `lies inside the content folder`},
		{[]string{"build", "--out", ".."}, `the output folder ".." contains the working directory`},
		{[]string{"build", "--out", "../.."}, `contains the working directory`},
		{[]string{"build", "--out", "/"}, `the output folder "/" is the root folder`},
		{[]string{"build", "--out", "notes/todo.txt/x"}, `the output folder "notes/todo.txt/x" cannot be used`},
		{[]string{"build", "--out", "notes"}, `the output folder "notes" holds files Basis did not write`},
		{[]string{"build", "--out", "notes/todo.txt"}, `the output folder "notes/todo.txt" is a file`},
		{[]string{"build", "--content", "content/sen-vang/..", "--out", "./content/"}, `is the content folder`},
		{[]string{"build", "--cache", "content"}, `the cache folder "content" is the content folder`},
		{[]string{"build", "--cache", "."}, `the cache folder "." is the working directory`},
		{[]string{"build", "--cache", "notes"}, `the cache folder "notes" holds files that are not Basis's build cache`},
		{[]string{"build", "--cache", "public/c"}, `the cache folder "public/c" lies inside the output folder`},
		{[]string{"serve", "--out", "content", "--port", "0"}, `the output folder "content" is the content folder`},
		{[]string{"serve", "--out", ".", "--port", "0"}, `the output folder "." is the working directory`},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			root := project(t)
			if err := os.MkdirAll(filepath.Join(root, "tmp"), 0o755); err != nil {
				t.Fatal(err)
			}
			before := snapshot(t, root)
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			args := append(tt.args, "--no-pdf")
			if tt.args[0] == "serve" {
				args = tt.args
			}
			stdout, stderr := &cancelOn{cancel: cancel}, &cancelOn{cancel: cancel}
			code := Run(ctx, args, stdout, stderr)
			errs := stderr.b.String()
			if code != ExitInput || !strings.Contains(errs, tt.want) || strings.Count(errs, "\n") != 1 {
				t.Errorf("exit %d, stderr %q; want exit %d and one line with %q", code, errs, ExitInput, tt.want)
			}
			if after := snapshot(t, root); after != before {
				t.Errorf("a refused command changed the disk:\nbefore:\n%s\nafter:\n%s", before, after)
			}
		})
	}
}

// TestHomeFolderIsRefused: the home folder, and a folder above it, are
// never an output.
func TestHomeFolderIsRefused(t *testing.T) {
	root := project(t)
	home := filepath.Join(root, "home")
	for _, out := range []string{home, root} {
		code, _, errs := run(t, "build", "--no-pdf", "--content", "content", "--out", out)
		if code != ExitInput || !strings.Contains(errs, "your home folder") && !strings.Contains(errs, "the working directory") {
			t.Errorf("--out %s: exit %d, %q", out, code, errs)
		}
	}
	t.Chdir(root) // the working directory no longer lies inside home
	code, _, errs := run(t, "build", "--no-pdf", "--content", "home/p/content", "--out", "home")
	if code != ExitInput || !strings.Contains(errs, `the output folder "home" is your home folder`) {
		t.Errorf("--out home: exit %d, %q", code, errs)
	}
}

// TestOutputFolderOwnership: Basis replaces its own output (with the marker,
// or shaped like an older Basis output) and an empty folder.
func TestOutputFolderOwnership(t *testing.T) {
	project(t)
	if code, _, errs := run(t, "build", "--no-pdf"); code != ExitOK {
		t.Fatalf("first build: exit %d, %s", code, errs)
	}
	if _, err := os.Stat(filepath.Join("public", ".basis-output")); err != nil {
		t.Fatalf("no marker in the output: %v", err)
	}
	// An output written before the marker existed.
	if err := os.Remove(filepath.Join("public", ".basis-output")); err != nil {
		t.Fatal(err)
	}
	if code, _, errs := run(t, "build", "--no-pdf", "--cache="); code != ExitOK {
		t.Errorf("older output: exit %d, %s", code, errs)
	}
	// A stray file makes it foreign.
	if err := os.Remove(filepath.Join("public", ".basis-output")); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join("public", "mine.txt"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, errs := run(t, "build", "--no-pdf", "--cache="); code != ExitInput || !strings.Contains(errs, "holds files Basis did not write") {
		t.Errorf("foreign output: exit %d, %s", code, errs)
	}
	if err := os.Mkdir("empty", 0o755); err != nil {
		t.Fatal(err)
	}
	if code, _, errs := run(t, "build", "--no-pdf", "--out", "empty"); code != ExitOK {
		t.Errorf("empty folder: exit %d, %s", code, errs)
	}
}

// TestExtraArgument: an argument after the flags names a company; one that
// names none is an error naming the companies there are, not ignored.
func TestExtraArgument(t *testing.T) {
	project(t)
	for _, args := range [][]string{{"build", "publicx"}, {"build", "--no-pdf", "publicx"}, {"check", "publicx"}, {"build", "publicx", "--no-pdf"}} {
		code, _, errs := run(t, args...)
		if code != ExitInput || !strings.Contains(errs, `no company "publicx"; the companies are: sen-vang`) {
			t.Errorf("basis %v: exit %d, %q", args, code, errs)
		}
	}
	if _, err := os.Stat("public"); err == nil {
		t.Error("a refused command built the site")
	}
}

// TestCacheWriteFailureWarns: a cache that cannot be written after the site
// was published is a warning, not a failure.
func TestCacheWriteFailureWarns(t *testing.T) {
	project(t)
	if code, _, errs := run(t, "build", "--no-pdf", "--cache", "cache"); code != ExitOK {
		t.Fatalf("first build: exit %d, %s", code, errs)
	}
	// A folder where the manifest's temporary file goes fails its write,
	// even for root; without public/ the next build does everything.
	if err := os.MkdirAll(filepath.Join("cache", "manifest.json.tmp", "x"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.RemoveAll("public"); err != nil {
		t.Fatal(err)
	}
	code, _, errs := run(t, "build", "--no-pdf", "--cache", "cache")
	if code != ExitOK || !strings.Contains(errs, "basis: warning: the build cache could not be written") {
		t.Errorf("exit %d, %q; want exit 0 and a warning", code, errs)
	}
	if _, err := os.Stat(filepath.Join("public", "index.html")); err != nil {
		t.Errorf("the site was not published: %v", err)
	}
}
