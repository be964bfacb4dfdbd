package site

import (
	"context"
	"html"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/basis-privacy/basis/generator/render"
)

var (
	refAttrRE = regexp.MustCompile(`(?i)\s(href|src)\s*=\s*"([^"]*)"`)
	idAttrRE  = regexp.MustCompile(`(?i)\sid\s*=\s*"([^"]*)"`)
	langRE    = regexp.MustCompile(`<html lang="([a-z]+)">`)
)

// deadLinks parses every HTML file under dir, resolves each href and src
// relative to the file, and returns those whose file, or whose #fragment in
// an HTML file, does not exist; as "page: reference".
func deadLinks(t *testing.T, dir string) []string {
	t.Helper()
	ids := map[string]map[string]bool{} // page -> ids in it
	pages := htmlFiles(t, dir)
	for _, f := range pages {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		ids[f] = map[string]bool{}
		for _, m := range idAttrRE.FindAllStringSubmatch(string(b), -1) {
			ids[f][html.UnescapeString(m[1])] = true
		}
	}
	var dead []string
	for _, f := range pages {
		b, _ := os.ReadFile(f)
		rel, _ := filepath.Rel(dir, f)
		for _, m := range refAttrRE.FindAllStringSubmatch(string(b), -1) {
			ref := html.UnescapeString(m[2])
			u, err := url.Parse(ref)
			if err != nil {
				dead = append(dead, rel+": "+ref+" ("+err.Error()+")")
				continue
			}
			if u.Scheme != "" || u.Host != "" {
				continue // another site: not this test's business
			}
			target := f
			if u.Path != "" {
				target = filepath.Join(filepath.Dir(f), filepath.FromSlash(u.Path))
			}
			if _, err := os.Stat(target); err != nil {
				dead = append(dead, rel+": "+ref)
				continue
			}
			if u.Fragment != "" && strings.HasSuffix(target, ".html") && !ids[target][u.Fragment] {
				dead = append(dead, rel+": "+ref+" (no such id)")
			}
		}
	}
	return dead
}

// checkSite fails on dead links and on pages that do not link back to the
// index, and checks that each document page links its PDF exactly when
// PDFs were built.
func checkSite(t *testing.T, out string, withPDF bool) {
	t.Helper()
	for _, d := range deadLinks(t, out) {
		t.Errorf("dead link: %s", d)
	}
	for _, f := range examplePages(t, out) {
		rel, _ := filepath.Rel(out, f)
		rel = filepath.ToSlash(rel)
		b, _ := os.ReadFile(f)
		page := string(b)
		if strings.HasPrefix(rel, "index") {
			continue
		}
		lang := langRE.FindStringSubmatch(page)
		if lang == nil {
			t.Errorf("%s: no lang attribute", rel)
			continue
		}
		home := render.IndexFile(lang[1])
		if !strings.Contains(page, `href="`+strings.Repeat("../", strings.Count(rel, "/"))+home+`"`) {
			t.Errorf("%s: no link back to %s", rel, home)
		}
		own := `href="` + strings.TrimSuffix(filepath.Base(rel), ".html") + `.pdf"`
		want := withPDF
		if strings.Contains(rel, "/versions/") {
			// A released version links the PDF released with it, if any;
			// a What changed page has none.
			_, err := os.Stat(strings.TrimSuffix(f, ".html") + ".pdf")
			want = err == nil
		}
		if got := strings.Contains(page, own); got != want {
			t.Errorf("%s: links its PDF (%s): %v, want %v", rel, own, got, want)
		}
		if !withPDF && strings.Contains(page, `.pdf"`) {
			t.Errorf("%s links a PDF, but none was built", rel)
		}
	}
}

// TestNoDeadLinksWithoutPDFs: a site built without PDFs links none.
func TestNoDeadLinksWithoutPDFs(t *testing.T) {
	t.Parallel()
	checkSite(t, buildExamples(t), false)
}

// TestNoDeadLinksWithPDFs: every page links its own PDF, and it is there.
func TestNoDeadLinksWithPDFs(t *testing.T) {
	t.Parallel()
	out := filepath.Join(t.TempDir(), "public")
	o := opts(exampleDir(t), out)
	o.PDF = true
	newFakePrinter().use(&o)
	if _, err := Build(context.Background(), o); err != nil {
		t.Fatal(err)
	}
	checkSite(t, out, true)
}

// TestTogglingPDFsRedoesTheLinks: a rebuild with --no-pdf after a build
// with PDFs (same cache) leaves no link to the PDFs it removed.
func TestTogglingPDFsRedoesTheLinks(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	out := filepath.Join(dir, "public")
	o := opts(exampleDir(t), out)
	o.PDF, o.Cache = true, filepath.Join(dir, "cache")
	newFakePrinter().use(&o)
	if _, err := Build(context.Background(), o); err != nil {
		t.Fatal(err)
	}
	o.PDF = false
	if _, err := Build(context.Background(), o); err != nil {
		t.Fatal(err)
	}
	checkSite(t, out, false)
}

// TestIndexInEveryLanguage: the index exists in each language, says so in
// its lang attribute, and links the other three.
func TestIndexInEveryLanguage(t *testing.T) {
	t.Parallel()
	out := buildExamples(t)
	for _, l := range []string{"en", "de", "pl", "vi"} {
		b, err := os.ReadFile(filepath.Join(out, render.IndexFile(l)))
		if err != nil {
			t.Fatal(err)
		}
		page := string(b)
		if m := langRE.FindStringSubmatch(page); m == nil || m[1] != l {
			t.Errorf("%s: lang attribute %v, want %s", render.IndexFile(l), m, l)
		}
		for _, o := range []string{"en", "de", "pl", "vi"} {
			if !strings.Contains(page, `href="`+render.IndexFile(o)+`" hreflang="`+o+`"`) {
				t.Errorf("%s does not link the index in %s", render.IndexFile(l), o)
			}
		}
	}
}
