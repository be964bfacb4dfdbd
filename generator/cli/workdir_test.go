package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestServeWorkDirIsPrivate checks that serve keeps its build in a folder of
// the user's own cache folder, private to the user.
func TestServeWorkDirIsPrivate(t *testing.T) {
	cache := t.TempDir()
	t.Setenv("XDG_CACHE_HOME", cache)
	t.Setenv("TMPDIR", t.TempDir())
	dir, err := serveWorkDir("content", "")
	if err != nil {
		t.Fatal(err)
	}
	if err := makeWorkDir(dir); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(dir, filepath.Join(cache, "basis")+string(filepath.Separator)) {
		t.Errorf("work folder %s is not in the user's cache folder %s", dir, cache)
	}
	for _, d := range []string{filepath.Dir(dir), dir} {
		if st, err := os.Stat(d); err != nil || st.Mode().Perm() != 0o700 {
			t.Errorf("%s: %v, %v; want mode 0700", d, st.Mode(), err)
		}
	}
	// A folder the user made readable to others is made private again.
	if err := os.Chmod(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if again, err := serveWorkDir("content", ""); err != nil || again != dir {
		t.Fatalf("second run: %s, %v; want %s", again, err, dir)
	}
	if err := makeWorkDir(dir); err != nil {
		t.Fatal(err)
	}
	if st, _ := os.Stat(dir); st.Mode().Perm() != 0o700 {
		t.Errorf("mode %v, want 0700", st.Mode())
	}
}

// TestServeWorkDirRefusesPlanted checks that a work folder another user
// made, or a link, is refused and left as it is.
func TestServeWorkDirRefusesPlanted(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "serve-x")
	if err := os.Mkdir(dir, 0o777); err != nil {
		t.Fatal(err)
	}
	if err := privateDir(dir, os.Getuid()+1); err == nil || !strings.Contains(err.Error(), "belongs to user") {
		t.Errorf("a folder of another user: %v", err)
	}
	link := filepath.Join(t.TempDir(), "serve-y")
	if err := os.Symlink(dir, link); err != nil {
		t.Fatal(err)
	}
	if err := privateDir(link, os.Getuid()); err == nil || !strings.Contains(err.Error(), "not a folder") {
		t.Errorf("a link: %v", err)
	}

	t.Run("serve", func(t *testing.T) {
		if os.Getuid() != 0 {
			t.Skip("planting a folder for another user needs root")
		}
		cache := t.TempDir()
		t.Setenv("XDG_CACHE_HOME", cache)
		planted := filepath.Join(cache, "basis")
		if err := os.Mkdir(planted, 0o777); err != nil {
			t.Fatal(err)
		}
		if err := os.Chown(planted, 65534, 65534); err != nil {
			t.Fatal(err)
		}
		code, _, errs := run(t, "serve", "--content", content(t, []string{"sen-vang"}, nil), "--port", "0")
		if code != ExitError || !strings.Contains(errs, "belongs to user 65534") {
			t.Errorf("serve with a planted work folder: exit %d, %q", code, errs)
		}
		if entries, _ := os.ReadDir(planted); len(entries) != 0 {
			t.Errorf("serve wrote into the planted folder: %v", entries)
		}
	})
}
