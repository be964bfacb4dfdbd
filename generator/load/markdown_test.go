package load

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
)

// section returns the valid company file with one extra section whose
// body is the YAML value body.
func section(body string) string {
	return valid + "sections:\n  - title: Cookies\n    body: " + body + "\n"
}

// fileSection returns the valid company file with one extra section read
// from cookies.md.
func fileSection() string {
	return valid + "sections:\n  - title: Cookies\n    file: cookies.md\n"
}

// nested returns n list items, each nested in the one before.
func nested(n int) string {
	var b strings.Builder
	for i := range n {
		b.WriteString(strings.Repeat("  ", i) + "- x\n")
	}
	return b.String()
}

// TestMarkdownRefused: company Markdown that would load an image from
// another site (a tracker in a published notice), or that goldmark would
// take seconds or minutes to render (lists nested thousands deep, a flood
// of link brackets), is an error where it is: in company.yaml at the text,
// in a section file at its line and column.
func TestMarkdownRefused(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		pos   string // file:line:column, file relative to the folder
		want  string
	}{
		{"image in a body", map[string]string{FileName: section(`"We count visits ![](https://tracker.example/p.gif)."`)},
			"company.yaml:39:11", "section body shows an image from another site (https://tracker.example/p.gif): a published notice loads nothing from other sites"},
		{"image in one language", map[string]string{FileName: section(`{de: "Text", en: "Text ![pixel](http://tracker.example/p.gif)"}`)},
			"company.yaml:39:28", "section body shows an image from another site (http://tracker.example/p.gif)"},
		{"image in a file", map[string]string{FileName: fileSection(), "cookies.md": "\n# Cookies\n\nText ![](https://tracker.example/p.gif)\n"},
			"cookies.md:4:10", `section file "cookies.md" shows an image from another site (https://tracker.example/p.gif)`},
		{"image by reference", map[string]string{FileName: fileSection(), "cookies.md": "![x][t]\n\n[t]: //tracker.example/p.gif\n"},
			"cookies.md:3:6", "shows an image from another site (//tracker.example/p.gif)"},
		{"image in a table", map[string]string{FileName: fileSection(), "cookies.md": "| Cookie | Logo |\n|---|---|\n| a | ![](https://cdn.example/a.png) |\n"},
			"cookies.md:3:11", "shows an image from another site (https://cdn.example/a.png)"},
		{"image in a purpose's description", map[string]string{FileName: strings.Replace(valid, "    basis: contract", "    basis: contract\n    description: \"![](https://tracker.example/p.gif)\"", 1)},
			"company.yaml:16:18", "purpose description shows an image from another site"},
		{"lists nested too deep", map[string]string{FileName: fileSection(), "cookies.md": "# Lists\n\n" + nested(40)},
			"cookies.md:35:1", `section file "cookies.md" nests lists or quotes 66 columns deep here, deeper than the 64 a text may`},
		{"quotes nested too deep", map[string]string{FileName: section(`"` + strings.Repeat("> ", 40) + `x"`)},
			"company.yaml:39:11", "section body nests lists or quotes 80 columns deep here"},
		{"2,000 nested list levels (4 MB)", map[string]string{FileName: fileSection(), "cookies.md": nested(2000)},
			"cookies.md:1:1", `section file "cookies.md" holds 3913 KiB of Markdown, more than the 256 KiB one text may hold`},
		{"400 KB of [", map[string]string{FileName: fileSection(), "cookies.md": strings.Repeat("[", 400<<10)},
			"cookies.md:1:1", "more than the 256 KiB one text may hold"},
		{"link brackets", map[string]string{FileName: fileSection(), "cookies.md": "Links:\n" + strings.Repeat("[](\n", 3000)},
			"cookies.md:2002:2", `section file "cookies.md" holds more than 2000 links and images`},
		{"link brackets on one line", map[string]string{FileName: fileSection(), "cookies.md": "Links:\n" + strings.Repeat("[](", 100)},
			"cookies.md:2:194", `section file "cookies.md" holds more than 64 links and images on one line`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := company(t, tt.files)
			_, err := File(p)
			var es Errors
			if !errors.As(err, &es) {
				t.Fatalf("want Errors, got %v", err)
			}
			if got, want := es[0].Pos.String(), filepath.Join(filepath.Dir(p), filepath.FromSlash(tt.pos)); got != want || !strings.Contains(es[0].Msg, tt.want) || es[0].Hint == "" {
				t.Errorf("first error %s: %s (%s)\nwant at %s: %q", got, es[0].Msg, es[0].Hint, want, tt.want)
			}
		})
	}
}

// TestMarkdownAccepted: images that load nothing from elsewhere, links to
// other sites, and lists, quotes and links within the limits load.
func TestMarkdownAccepted(t *testing.T) {
	for _, md := range []string{
		"![map](map.png) and ![dot](data:image/gif;base64,R0lGODlhAQABAAAAACw=)",
		"[our cookie policy](https://example.com/cookies) <https://example.com>",
		nested(32),
		strings.Repeat("> ", 32) + "x",
		strings.Repeat(strings.Repeat("[a](b) ", MaxMarkdownLineLinks)+"\n\n", MaxMarkdownLinks/MaxMarkdownLineLinks),
		"1. one\n   1. two\n      1. three\n",
	} {
		p := company(t, map[string]string{FileName: fileSection(), "cookies.md": md})
		if _, err := File(p); err != nil {
			t.Errorf("%.40q: %v", md, err)
		}
	}
}

func TestPrefixWidth(t *testing.T) {
	for _, tt := range []struct {
		line string
		want int
	}{
		{"text", 0}, {"  - x", 4}, {"> > x", 4}, {"\t- x", 6}, {"12. x", 4}, {"3) - > x", 7}, {"-x", 0}, {"1.x", 0}, {"* * *\n", 4},
	} {
		if got := prefixWidth(tt.line); got != tt.want {
			t.Errorf("prefixWidth(%q) = %d, want %d", tt.line, got, tt.want)
		}
	}
	if got := fmt.Sprint(nthIndex("a](b](c](", "](", 2)); got != "4" {
		t.Errorf("nthIndex = %s, want 4", got)
	}
}
