package load

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// png is the smallest start of a PNG file that sniffImage accepts.
const png = "\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR"

// TestOddFiles names odd files as logo and section file: links leaving the
// company folder, named pipes, devices, folders, huge files. Each is an
// error at the key that names it, and nothing blocks or is read outside.
func TestOddFiles(t *testing.T) {
	logoLine := strings.Count(valid, "\n") + 1
	fileLine := logoLine + 2
	link := func(target string) func(t *testing.T, p string) {
		return func(t *testing.T, p string) {
			if err := os.Symlink(target, p); err != nil {
				t.Fatal(err)
			}
		}
	}
	fifo := func(t *testing.T, p string) {
		if err := syscall.Mkfifo(p, 0o644); err != nil {
			t.Skip("no named pipes here:", err)
		}
	}
	write := func(content string) func(t *testing.T, p string) {
		return func(t *testing.T, p string) {
			if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	tests := []struct {
		name    string
		logo    bool   // named as logo, else as section file
		file    string // the name written in company.yaml
		make    func(t *testing.T, p string)
		want    string // "" means no error
		wantPos int    // line; the column is the value's
	}{
		{"logo link to /etc/passwd", true, "logo.png", link("/etc/passwd"), `logo "logo.png" points outside the company folder; copy the file`, logoLine},
		{"section link to /etc/passwd", false, "extra.md", link("/etc/passwd"), `section file "extra.md" points outside the company folder`, fileLine},
		{"section through a linked folder", false, "etc/passwd", func(t *testing.T, p string) { link("/etc")(t, filepath.Dir(p)) }, `section file "etc/passwd" points outside the company folder`, fileLine},
		{"section link to /dev/zero", false, "zero.md", link("/dev/zero"), `section file "zero.md" points outside the company folder`, fileLine},
		{"relative link out", false, "up.md", link("../outside.md"), `section file "up.md" points outside the company folder`, fileLine},
		{"section named pipe", false, "pipe.md", fifo, `section file "pipe.md" is a named pipe, not a regular file`, fileLine},
		{"logo named pipe", true, "logo.png", fifo, `logo "logo.png" is a named pipe, not a regular file`, logoLine},
		{"section folder", false, "sub", func(t *testing.T, p string) { os.Mkdir(p, 0o755) }, `section file "sub" is a folder, not a regular file`, fileLine},
		{"section too large", false, "big.md", func(t *testing.T, p string) {
			write("")(t, p)
			if err := os.Truncate(p, MaxFileSize+1); err != nil {
				t.Fatal(err)
			}
		}, `section file "big.md" is larger than 8 MiB; make the file smaller`, fileLine},
		{"link loop", false, "loop.md", link("loop.md"), `section file "loop.md" cannot be read`, fileLine},
		{"missing", false, "gone.md", func(*testing.T, string) {}, `section file "gone.md" does not exist`, fileLine},
		{"link inside the folder is fine", false, "alias.md", func(t *testing.T, p string) {
			write("# Real\n")(t, filepath.Join(filepath.Dir(p), "real.md"))
			link("real.md")(t, p)
		}, "", 0},
		{"logo link inside the folder is fine", true, "logo.png", func(t *testing.T, p string) {
			write(png)(t, filepath.Join(filepath.Dir(p), "real.png"))
			link("real.png")(t, p)
		}, "", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			base := t.TempDir()
			dir := filepath.Join(base, "acme")
			if err := os.Mkdir(dir, 0o755); err != nil {
				t.Fatal(err)
			}
			write("secret outside\n")(t, filepath.Join(base, "outside.md"))
			src, col := valid+"sections:\n  - title: Extra\n    file: "+tt.file+"\n", 11
			if tt.logo {
				src, col = valid+"logo: "+tt.file+"\n", 7
			}
			write(src)(t, filepath.Join(dir, "company.yaml"))
			tt.make(t, filepath.Join(dir, filepath.FromSlash(tt.file)))
			c, err := File(filepath.Join(dir, "company.yaml"))
			if tt.want == "" {
				if err != nil {
					t.Fatal(err)
				}
				if !tt.logo && c.Sections[0].Body.In("en") != "# Real" {
					t.Errorf("section body = %q", c.Sections[0].Body.In("en"))
				}
				return
			}
			var es Errors
			if !errors.As(err, &es) || len(es) != 1 {
				t.Fatalf("want one positioned error, got %v", err)
			}
			wantPos := fmt.Sprintf("%s:%d:%d", filepath.Join(dir, "company.yaml"), tt.wantPos, col)
			if es[0].Pos.String() != wantPos || !strings.Contains(es[0].Error(), tt.want) {
				t.Errorf("got  %v\nwant %s: ...%s...", es[0], wantPos, tt.want)
			}
		})
	}
}

// TestOddCompanyFile: company.yaml itself a link out of its folder or a
// named pipe is a positioned error, not a leak or a hang.
func TestOddCompanyFile(t *testing.T) {
	for name, make := range map[string]func(p string) error{
		"points outside the company folder":   func(p string) error { return os.Symlink("/etc/passwd", p) },
		"is a named pipe, not a regular file": func(p string) error { return syscall.Mkfifo(p, 0o644) },
	} {
		dir := filepath.Join(t.TempDir(), "acme")
		if err := os.Mkdir(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		p := filepath.Join(dir, "company.yaml")
		if err := make(p); err != nil {
			t.Fatal(err)
		}
		_, err := File(p)
		var es Errors
		if !errors.As(err, &es) || es[0].Pos.String() != p+":1:1" || !strings.Contains(es[0].Msg, name) {
			t.Errorf("want %s:1:1: company.yaml %s, got %v", p, name, err)
		}
	}
}

// TestEscapeError keeps classify in step with os.Root, whose error for a
// path that escapes it is not exported.
func TestEscapeError(t *testing.T) {
	dir := t.TempDir()
	if err := os.Symlink("/etc/passwd", filepath.Join(dir, "out")); err != nil {
		t.Fatal(err)
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer root.Close()
	_, err = root.Open("out")
	if !escapes(err) {
		t.Fatalf("os.Root's escape error is no longer recognised: %v", err)
	}
}
