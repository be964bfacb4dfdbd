package load

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestCheckLogo(t *testing.T) {
	const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">`
	tests := []struct {
		name, file, content string
		want                string // "" accepts
	}{
		{"png", "logo.png", png, ""},
		{"jpeg", "logo.JPG", "\xff\xd8\xff\xe0\x00\x10JFIF", ""},
		{"webp", "logo.webp", "RIFF\x24\x00\x00\x00WEBPVP8 ", ""},
		{"svg", "logo.svg", `<?xml version="1.0"?>` + "\n" + svg + `<defs><linearGradient id="g"/></defs><rect fill="url(#g)" width="10" height="10"/><use href="#g"/><image href="data:image/png;base64,iVBO"/><style>rect { fill: red }</style></svg>`, ""},
		{"svg doctype", "logo.svg", `<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">` + svg + `</svg>`, ""},
		{"html", "evil.html", "<html><script>alert(1)</script></html>", "is not a PNG, JPEG, WebP or SVG image"},
		{"text named png", "logo.png", "hello", "is not a PNG, JPEG, WebP or SVG image"},
		{"xml not svg", "logo.svg", `<html xmlns="http://www.w3.org/1999/xhtml"><body/></html>`, "is not a PNG"},
		{"png named svg", "logo.svg", png, `is a PNG image but its name ends in ".svg"; rename it to logo.png`},
		{"svg named html", "logo.html", svg + "</svg>", `is an SVG image but its name ends in ".html"; rename it to logo.svg`},
		{"script", "logo.svg", svg + "\n<script>alert(1)</script></svg>", "has a <script> element (line 2 of the SVG)"},
		{"foreignObject", "logo.svg", svg + `<foreignObject><div/></foreignObject></svg>`, "has a <foreignObject> element"},
		{"event handler", "logo.svg", svg + `<rect onload="alert(1)"/></svg>`, "has an event handler onload="},
		{"external image", "logo.svg", svg + `<image href="http://127.0.0.1:8765/x.png"/></svg>`, `refers to "http://127.0.0.1:8765/x.png" outside the image`},
		{"xlink javascript", "logo.svg", `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"><a xlink:href="javascript:alert(1)"><rect/></a></svg>`, `refers to "javascript:alert(1)"`},
		{"external use", "logo.svg", svg + `<use href="other.svg#x"/></svg>`, `refers to "other.svg#x"`},
		{"css url", "logo.svg", svg + `<rect style="fill: url('https://x.example/a')"/></svg>`, `refers to "https://x.example/a"`},
		{"css import", "logo.svg", svg + `<style>@import "https://x.example/a.css";</style></svg>`, "imports a style sheet"},
		{"animate href", "logo.svg", svg + `<a href="#x"><set attributeName="href" to="javascript:alert(1)"/></a></svg>`, "animates the attribute href"},
		{"entities", "logo.svg", `<!DOCTYPE svg [<!ENTITY a "aaaa">]>` + svg + `</svg>`, "declares XML entities"},
		{"stylesheet pi", "logo.svg", `<?xml-stylesheet href="http://x.example/a.css"?>` + svg + `</svg>`, "processing instruction"},
		{"broken xml", "logo.svg", svg + `<rect></svg>`, "is not valid XML"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := checkLogo(tt.file, []byte(tt.content))
			got := ""
			if err != nil {
				got = err.msg + "; " + err.hint
			}
			if (tt.want == "") != (err == nil) || !strings.Contains(got, tt.want) {
				t.Errorf("checkLogo(%s) = %q, want %q", tt.file, got, tt.want)
			}
		})
	}
}

// TestLogoByContent: an HTML file given as logo is refused at the logo key.
func TestLogoByContent(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "acme")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, "company.yaml")
	if err := os.WriteFile(p, []byte(valid+"logo: evil.html\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "evil.html"), []byte("<script>alert(1)</script>"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "evil.html"), []byte(png), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := File(p); err == nil {
		t.Fatal("a PNG named evil.html was accepted")
	}
	if err := os.WriteFile(filepath.Join(dir, "evil.html"), []byte("<script>alert(1)</script>"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := File(p)
	var es Errors
	want := fmt.Sprintf(":%d:7: logo", strings.Count(valid, "\n")+1) + ` "evil.html" is not a PNG, JPEG, WebP or SVG image; export the logo as PNG or SVG`
	if !errors.As(err, &es) || len(es) != 1 || !strings.HasSuffix(es[0].Error(), want) {
		t.Fatalf("want ...%s, got %v", want, err)
	}
}

// TestLogoReadAgain: Logo, which the builder uses to publish, refuses a logo
// swapped for a link out of the folder after loading.
func TestLogoReadAgain(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "acme")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, "company.yaml")
	if err := os.WriteFile(p, []byte(valid+"logo: logo.png\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	logo := filepath.Join(dir, "logo.png")
	if err := os.WriteFile(logo, []byte(png), 0o644); err != nil {
		t.Fatal(err)
	}
	c, err := File(p)
	if err != nil {
		t.Fatal(err)
	}
	if b, err := Logo(c); err != nil || string(b) != png {
		t.Fatalf("Logo = %q, %v", b, err)
	}
	if err := os.Remove(logo); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("/etc/passwd", logo); err != nil {
		t.Fatal(err)
	}
	if b, err := Logo(c); err == nil || !strings.Contains(err.Error(), "points outside the company folder") {
		t.Fatalf("Logo of a swapped link = %q, %v", b, err)
	}
}

// FuzzLogo: checkLogo never panics, and accepts only content whose format
// matches the name's extension.
func FuzzLogo(f *testing.F) {
	for _, s := range []string{png, "\xff\xd8\xff", "RIFF\x00\x00\x00\x00WEBP",
		`<svg xmlns="http://www.w3.org/2000/svg"><rect onload="x"/></svg>`,
		`<svg><script>alert(1)</script></svg>`, `<!DOCTYPE svg [<!ENTITY a "b">]><svg/>`,
		`<svg><style>@import "x.css";</style></svg>`, `<svg><image href="http://x/"/></svg>`} {
		f.Add("logo.svg", []byte(s))
		f.Add("logo.png", []byte(s))
	}
	f.Fuzz(func(t *testing.T, name string, data []byte) {
		if checkLogo(name, data) != nil {
			return
		}
		if format := sniffImage(data); format == "" || logoExts[strings.ToLower(filepath.Ext(name))] != format {
			t.Fatalf("accepted %q as %q", data, name)
		}
	})
}
