package pdf

import (
	"path/filepath"
	"slices"
	"testing"
)

// TestLoads checks which files of the site a page is found to load.
func TestLoads(t *testing.T) {
	page := `<link rel="stylesheet" href="../../assets/basis.css"><link rel="alternate" href="../en/privacy.html">
<a href="../logo.png">a link loads nothing</a><img class="logo" src="../logo.png" alt="">
<img src="x.png?v=1#top"><img src="https://example.com/x.png"><img src="data:image/png;base64,AA">
<img src="/etc/passwd"><img src="../../../outside.png"><img SRC = "a&amp;b.png"><img src="../logo.png">
<!-- <img src="commented.png"> --><script>document.write('<img src="script.png">')</script>
<img src=unquoted.png alt=x><img src='single.png'><LINK REL="Icon" HREF="icon.svg"><link rel="preload stylesheet" href="pre.css">
<p>text with src="text.png" in it</p><textarea><img src="textarea.png"></textarea>`
	got := Loads("acme/de/privacy.html", []byte(page))
	want := []string{"acme/de/a&b.png", "acme/de/icon.svg", "acme/de/pre.css", "acme/de/single.png", "acme/de/unquoted.png", "acme/de/x.png", "acme/logo.png", "assets/basis.css"}
	if !slices.Equal(got, want) {
		t.Errorf("Loads = %q, want %q", got, want)
	}
}

// TestNewJob checks the title, language and loads a job takes from its page.
func TestNewJob(t *testing.T) {
	tests := []struct {
		name, page  string
		title, lang string
	}{
		{"Basis's", "<!DOCTYPE html>\n<html lang=\"de\">\n<head>\n<meta charset=\"utf-8\">\n<title>Datenschutzhinweise – Bäckerei &amp; Söhne</title>", "Datenschutzhinweise – Bäckerei & Söhne", "de"},
		{"whitespace", "<html lang=vi><title>\n  Chính sách\n\tquyền riêng tư </title>", "Chính sách quyền riêng tư", "vi"},
		{"first title", "<HTML LANG='pl'><TITLE>A</TITLE><svg><title>B</title></svg>", "A", "pl"},
		{"markup in the title stays text", "<title><b>x</b></title>", "<b>x</b>", ""},
		{"comment", "<!-- <html lang=en><title>no</title> --><html lang=de><title>ja</title>", "ja", "de"},
		{"none", "<p>hello", "", ""},
	}
	for _, tt := range tests {
		job := NewJob("/site", "acme/de/privacy.html", []byte(tt.page), "/out/privacy.pdf")
		if job.Title != tt.title || job.Lang != tt.lang {
			t.Errorf("%s: title %q, lang %q; want %q, %q", tt.name, job.Title, job.Lang, tt.title, tt.lang)
		}
		if job.HTML != filepath.FromSlash("/site/acme/de/privacy.html") || job.Out != "/out/privacy.pdf" || string(job.Page) != tt.page {
			t.Errorf("%s: job %+v", tt.name, job)
		}
	}
}

// TestStyleLoads checks the files a stylesheet loads.
func TestStyleLoads(t *testing.T) {
	css := `@import url(fonts.css); @import "more.css";
@font-face { src: url('fonts/a.woff2') format('woff2'), url("https://example.com/b.woff2"); }
body { background: url(data:image/png;base64,AA) } .x { background: url( ../img/x.png?v=2 ) }`
	got := StyleLoads("assets/basis.css", []byte(css))
	want := []string{"assets/fonts.css", "assets/fonts/a.woff2", "assets/more.css", "img/x.png"}
	if !slices.Equal(got, want) {
		t.Errorf("StyleLoads = %q, want %q", got, want)
	}
}
