package site

import (
	"context"
	"errors"
	examples "github.com/basis-privacy/basis/content"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"

	"github.com/basis-privacy/basis/generator/load"
	"github.com/basis-privacy/basis/locales"
	"github.com/basis-privacy/basis/templates"
)

// TestHashDirOddFiles: a company folder holding a named pipe, links to
// /dev/zero, to a file and a folder outside, a link loop, a huge file and a
// link back up is keyed without blocking, without reading outside the
// folder, and without failing (the loader reports odd files that
// company.yaml names, so build and check agree).
func TestHashDirOddFiles(t *testing.T) {
	t.Parallel()
	base := t.TempDir()
	dir := filepath.Join(base, "acme")
	outside := filepath.Join(base, "outside")
	for _, d := range []string{filepath.Join(dir, "docs"), outside} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	write := func(p, s string) {
		t.Helper()
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	link := func(target, p string) {
		t.Helper()
		if err := os.Symlink(target, p); err != nil {
			t.Fatal(err)
		}
	}
	write(filepath.Join(dir, "company.yaml"), "controller: {}\n")
	write(filepath.Join(dir, "docs", "extra.md"), "# Extra\n")
	write(filepath.Join(outside, "secret.txt"), "secret\n")
	if err := syscall.Mkfifo(filepath.Join(dir, "pipe"), 0o644); err != nil {
		t.Fatal(err)
	}
	link("/dev/zero", filepath.Join(dir, "zero"))
	link(filepath.Join(outside, "secret.txt"), filepath.Join(dir, "secret.md"))
	link(outside, filepath.Join(dir, "out"))
	link("docs", filepath.Join(dir, "docs-link"))
	link("..", filepath.Join(dir, "docs", "up"))
	link("loop", filepath.Join(dir, "loop"))
	big := filepath.Join(dir, "big.bin")
	write(big, "")
	if err := os.Truncate(big, load.MaxFileSize+1); err != nil {
		t.Fatal(err)
	}

	key := func() string {
		t.Helper()
		k, err := hashDir(context.Background(), dir)
		if err != nil {
			t.Fatal(err)
		}
		return k
	}
	k1 := key()
	write(filepath.Join(outside, "secret.txt"), "changed secret\n")
	if k2 := key(); k2 != k1 {
		t.Error("the key changed with a file outside the company folder: it was read")
	}
	write(filepath.Join(dir, "docs", "extra.md"), "# Changed\n")
	if k3 := key(); k3 == k1 {
		t.Error("the key did not change with a section file")
	}

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := hashDir(ctx, dir); !errors.Is(err, context.Canceled) {
		t.Errorf("a cancelled hash returned %v, want context.Canceled", err)
	}
}

// TestSVGLogoOnlyThroughImg: a page shows an SVG logo only through <img>,
// where the browser runs no script and loads nothing the SVG names, and
// never inlines it.
func TestSVGLogoOnlyThroughImg(t *testing.T) {
	t.Parallel()
	content := t.TempDir()
	co := filepath.Join(content, "sen-vang")
	if err := os.MkdirAll(co, 0o755); err != nil {
		t.Fatal(err)
	}
	src, err := fs.ReadFile(examples.FS, "sen-vang/company.yaml")
	if err != nil {
		t.Fatal(err)
	}
	const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect id="mark" width="10" height="10"/></svg>`
	if err := os.WriteFile(filepath.Join(co, "company.yaml"), append(src, "logo: logo.svg\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(co, "logo.svg"), []byte(svg), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "public")
	_, err = Build(context.Background(), Options{Content: content, Out: out, Templates: templates.FS, Locales: []fs.FS{locales.FS}, Version: "test"})
	if err != nil {
		t.Fatal(err)
	}
	img := regexp.MustCompile(`<img class="logo" src="(?:\.\./|sen-vang/)logo\.svg"`)
	pages := 0
	err = filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil || !strings.HasSuffix(p, ".html") {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		html := string(b)
		if strings.Contains(html, `id="mark"`) || strings.Count(html, "logo.svg") != len(img.FindAllString(html, -1)) {
			t.Errorf("%s shows the logo other than through <img>", p)
		}
		if img.MatchString(html) {
			pages++
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if pages == 0 {
		t.Error("no page shows the logo")
	}
}
