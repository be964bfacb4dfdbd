package release

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/basis-privacy/basis/generator/check"
)

// tamper edits the German page of the bakery's release in archive with
// edit and records the edited page's SHA-256 in release.json, as someone
// who knows the format would; it returns the page's path.
func tamper(t *testing.T, archive string, edit func(string) string) string {
	t.Helper()
	dir := filepath.Join(archive, "baeckerei-schmidt", "2026-11-01")
	p := filepath.Join(dir, "de", "privacy.html")
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	page := edit(string(b))
	if page == string(b) {
		t.Fatal("the edit changed nothing")
	}
	if err := os.WriteFile(p, []byte(page), 0o644); err != nil {
		t.Fatal(err)
	}
	mp := filepath.Join(dir, ManifestName)
	mb, _ := os.ReadFile(mp)
	var m Manifest
	if err := json.Unmarshal(mb, &m); err != nil {
		t.Fatal(err)
	}
	for i := range m.Documents {
		if m.Documents[i].Lang == "de" {
			m.Documents[i].HTMLSum = sumBytes([]byte(page))
		}
	}
	mb, _ = json.MarshalIndent(m, "", "  ")
	if err := os.WriteFile(mp, mb, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// TestReleasedPageEditedIsRefused: a released page edited by hand, with
// its new SHA-256 put in release.json, is not served: its text no longer
// has the hash recorded at release (text_sha256), or it carries script or
// markup Basis does not write. Before, the build published it as the
// released version (issue 19, D8).
func TestReleasedPageEditedIsRefused(t *testing.T) {
	tests := []struct {
		name string
		edit func(string) string
		want string
	}{
		{"text", func(s string) string { return strings.Replace(s, "10 Jahre", "1 Jahr", 1) },
			"its text is not the text released (text_sha256 in release.json)"},
		{"script", func(s string) string {
			return strings.Replace(s, "</main>", "<script>alert('tampered')</script></main>", 1)
		}, "carries markup Basis does not write (<script>)"},
		{"markup hidden from a parser in a comment", func(s string) string {
			return strings.Replace(s, "</main>", "<!--><img src=x onerror=alert(1)>--></main>", 1)
		}, "carries markup Basis does not write (<!-->)"},
		{"event handler", func(s string) string { return strings.Replace(s, "<main", `<main onclick="alert(1)"`, 1) },
			"carries markup Basis does not write (onclick="},
		{"frame", func(s string) string {
			return strings.Replace(s, "</main>", `<iframe src="https://evil.example/"></iframe></main>`, 1)
		}, "carries markup Basis does not write (<iframe>)"},
		{"image from another site", func(s string) string {
			return strings.Replace(s, "</main>", `<img src="https://tracker.example/p.gif" alt=""></main>`, 1)
		}, `carries markup Basis does not write (src="https://tracker.example/p.gif")`},
		{"style sheet from another site", func(s string) string {
			return strings.Replace(s, "</head>", `<link rel="stylesheet" href="https://evil.example/x.css"></head>`, 1)
		}, `carries markup Basis does not write (href="https://evil.example/x.css")`},
		{"script link", func(s string) string {
			return strings.Replace(s, "</main>", `<a href=" JavaScript:alert(1)">x</a></main>`, 1)
		}, "carries markup Basis does not write"},
		{"refresh", func(s string) string {
			return strings.Replace(s, "</head>", `<meta http-equiv="refresh" content="0; url=https://evil.example/"></head>`, 1)
		}, "carries markup Basis does not write (http-equiv="},
		{"style", func(s string) string {
			return strings.Replace(s, "</head>", `<style>body{background:url(https://tracker.example/p.gif)}</style></head>`, 1)
		}, "carries markup Basis does not write (<style>)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			archive := t.TempDir()
			if _, err := Freeze(check.Company(bakery(t)).Results[0], options(archive, "")); err != nil {
				t.Fatal(err)
			}
			p := tamper(t, archive, tt.edit)
			vs, err := Read(archive, "baeckerei-schmidt")
			if err != nil {
				t.Fatal(err)
			}
			d, _ := vs[0].Doc("de")
			if _, err := vs[0].File(d.HTML, d.HTMLSum); err != nil {
				t.Fatalf("the edit's sum was not recorded: %v", err)
			}
			_, err = vs[0].Page(d)
			var ae *ArchiveError
			if !errors.As(err, &ae) || ae.Path != p || !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), "restore it from version control") {
				t.Errorf("Page = %v\nwant an error at %s: %q", err, p, tt.want)
			}
		})
	}
}

// TestReleasedPagesServed: the pages Basis released, here and in the
// repository's examples, pass Page.
func TestReleasedPagesServed(t *testing.T) {
	archive := t.TempDir()
	if _, err := Freeze(check.Company(bakery(t)).Results[0], options(archive, "")); err != nil {
		t.Fatal(err)
	}
	for _, a := range []string{archive, filepath.Join("..", "..", "releases")} {
		vs, err := Read(a, "baeckerei-schmidt")
		if err != nil || len(vs) == 0 {
			t.Fatalf("Read(%s) = %v, %v", a, vs, err)
		}
		for _, v := range vs {
			for _, d := range v.Manifest.Documents {
				if _, err := v.Page(d); err != nil {
					t.Errorf("%s %s: %v", v.Dir, d.Lang, err)
				}
			}
		}
	}
}
