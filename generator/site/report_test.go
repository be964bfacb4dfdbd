package site

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/basis-privacy/basis/content"
	"github.com/basis-privacy/basis/generator/load"
	"github.com/basis-privacy/basis/generator/render"
)

// TestClientReportIsInternal: every company gets its client report in each
// of its languages, as HTML and Word, in internal/ only, linked from the
// internal index and never from a public page; the bakery's says its
// notice is unchanged since its latest release (releases/ beside content/).
func TestClientReportIsInternal(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	o := opts(exampleDir(t), filepath.Join(dir, "public"))
	o.Internal, o.Project, o.DOCX = filepath.Join(dir, "internal"), load.DefaultProject(), true
	if _, err := Build(context.Background(), o); err != nil {
		t.Fatal(err)
	}
	in, pub := files(t, o.Internal), files(t, o.Out)
	index := links(t, o.Internal, render.IndexFile("en"))
	for _, slug := range content.Examples {
		langs, _ := os.ReadDir(filepath.Join(o.Out, slug))
		n := 0
		for _, l := range langs {
			if !l.IsDir() || len(l.Name()) != 2 {
				continue
			}
			n++
			for _, f := range []string{"report.html", "report.docx"} {
				rel := slug + "/" + l.Name() + "/" + f
				if !slices.Contains(in, rel) {
					t.Errorf("internal/ lacks %s", rel)
				}
			}
		}
		if n == 0 {
			t.Errorf("%s: no languages found", slug)
		}
	}
	for _, rel := range pub {
		if strings.Contains(rel, "report.") {
			t.Errorf("public/ holds %s", rel)
		}
		if strings.HasSuffix(rel, ".html") && strings.Contains(read(t, filepath.Join(o.Out, rel)), "report.html") {
			t.Errorf("public/%s links the client report", rel)
		}
	}
	if !slices.Contains(index, "baeckerei-schmidt/en/report.html") {
		t.Error("the internal index does not link the bakery's report")
	}
	if page := read(t, filepath.Join(o.Internal, "baeckerei-schmidt/en/report.html")); !strings.Contains(page, "The privacy notice is unchanged since the version in force from 1 November 2026.") {
		t.Error("the bakery's report does not compare the notice with its latest release")
	}
}
