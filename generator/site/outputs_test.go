package site

import (
	"context"
	"html"
	"io/fs"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/basis-privacy/basis/content"
	"github.com/basis-privacy/basis/generator/load"
	"github.com/basis-privacy/basis/generator/model"
	"github.com/basis-privacy/basis/generator/render"
)

// buildTwoOutputs builds the examples, with PDFs (a fake printer) and Word
// documents, into public/ and internal/ side by side, as basis build does
// by default, and returns both folders.
func buildTwoOutputs(t *testing.T, proj *load.Project) (public, internal string) {
	t.Helper()
	dir := t.TempDir()
	o := opts(exampleDir(t), filepath.Join(dir, "public"))
	o.Internal, o.Project = filepath.Join(dir, "internal"), proj
	o.PDF, o.DOCX = true, true
	newFakePrinter().use(&o)
	if _, err := Build(context.Background(), o); err != nil {
		t.Fatal(err)
	}
	return o.Out, o.Internal
}

// files lists the files under dir, by slash path, without the marker.
func files(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		if rel != Marker {
			out = append(out, filepath.ToSlash(rel))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// links returns every href and src of the HTML file rel under dir,
// resolved to a slash path under dir ("../x" leaves it), and the
// addresses of other sites as given.
func links(t *testing.T, dir, rel string) []string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(rel)))
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, m := range refAttrRE.FindAllStringSubmatch(string(b), -1) {
		u, err := url.Parse(html.UnescapeString(m[2]))
		if err != nil || u.Path == "" {
			continue
		}
		if u.Scheme != "" || u.Host != "" {
			out = append(out, u.String())
			continue
		}
		out = append(out, path.Join(path.Dir(rel), u.Path))
	}
	return out
}

// internalDoc reports whether the file rel (of either output) is an
// internal document: a pre-filled checklist or its data, a record of
// processing activities, a legitimate-interests assessment, in any format,
// or a released version of the last two or what changed in it.
func internalDoc(rel string) bool {
	base := path.Base(rel)
	for _, kind := range []string{"checklist.", "record.", "assessment.", "record-changes.", "assessment-changes."} {
		if strings.HasPrefix(base, kind) {
			return true
		}
	}
	return false
}

// TestPublicHoldsAndLinksNoInternalDocument builds the examples into two
// outputs: public/ holds no internal document and none of its pages links
// one (or anything outside public/); internal/ holds every internal
// document, its index links each, and the blank checklists are there by
// default; the public index links every public page.
func TestPublicHoldsAndLinksNoInternalDocument(t *testing.T) {
	t.Parallel()
	public, internal := buildTwoOutputs(t, nil)
	pub := files(t, public)
	for _, rel := range pub {
		if internalDoc(rel) || strings.HasPrefix(rel, "checklist/") {
			t.Errorf("public/ holds the internal document %s", rel)
		}
		if !strings.HasSuffix(rel, ".html") {
			continue
		}
		for _, l := range links(t, public, rel) {
			switch {
			case strings.Contains(l, "://") || strings.HasPrefix(l, "mailto:"):
			case strings.HasPrefix(l, "../") || l == "..":
				t.Errorf("public/%s links %s, outside public/", rel, l)
			case internalDoc(l) || strings.HasPrefix(l, "checklist/"):
				t.Errorf("public/%s links the internal document %s", rel, l)
			}
		}
		for _, word := range []string{"checklist.html", "checklist.json", "checklist.pdf", "record.html", "assessment.html", "internal/"} {
			if b, _ := os.ReadFile(filepath.Join(public, rel)); strings.Contains(string(b), word) {
				t.Errorf("public/%s names %s", rel, word)
			}
		}
	}
	for _, d := range deadLinks(t, public) {
		t.Errorf("public/: dead link: %s", d)
	}
	for _, d := range deadLinks(t, internal) {
		t.Errorf("internal/: dead link: %s", d)
	}
	linkedFrom := func(dir string) []string {
		var out []string
		for _, l := range model.Languages {
			out = append(out, links(t, dir, render.IndexFile(l))...)
		}
		return out
	}
	in := files(t, internal)
	inIndex := linkedFrom(internal)
	var internals int
	for _, rel := range in {
		if internalDoc(rel) || strings.HasPrefix(rel, "checklist/") {
			internals++
			if !slices.Contains(inIndex, rel) && !strings.HasSuffix(rel, ".docx") && !strings.Contains(rel, "/versions/") {
				t.Errorf("the internal index does not link %s", rel)
			}
		}
	}
	if internals < 3*3 { // three examples, at least one language each, three formats
		t.Errorf("internal/ holds only %d internal documents: %v", internals, in)
	}
	pubIndex := linkedFrom(public)
	for _, slug := range content.Examples {
		for _, rel := range pub {
			if strings.HasPrefix(rel, slug+"/") && strings.Count(rel, "/") == 2 && (strings.HasSuffix(rel, ".html") || strings.HasSuffix(rel, ".pdf")) &&
				!slices.Contains(pubIndex, rel) && !strings.Contains(rel, ".fragment.") {
				t.Errorf("the public index does not link %s", rel)
			}
		}
	}
}

// TestInternalDocumentIsNeverPublished: a project (given by a program, not
// read from basis.yaml, which refuses it too) that lists the campaign
// checklist among the published documents is refused, and nothing is
// written.
func TestInternalDocumentIsNeverPublished(t *testing.T) {
	t.Parallel()
	proj := load.DefaultProject()
	proj.Public.Documents = append(proj.Public.Documents, load.DocChecklist)
	dir := t.TempDir()
	o := opts(exampleDir(t), filepath.Join(dir, "public"))
	o.Internal, o.Project = filepath.Join(dir, "internal"), proj
	if _, err := Build(context.Background(), o); err == nil || !strings.Contains(err.Error(), "internal document") {
		t.Fatalf("Build = %v, want a refusal", err)
	}
	if _, err := os.Stat(o.Out); !os.IsNotExist(err) {
		t.Errorf("a refused build made %s", o.Out)
	}
}

// TestIndexLanguagesFromTheProject: the project's languages are those of
// the indexes and the blank checklists; without English, index.html is
// the index in the first of them, so a web server still finds one.
func TestIndexLanguagesFromTheProject(t *testing.T) {
	t.Parallel()
	proj := load.DefaultProject()
	proj.Languages = []string{"de", "pl"}
	public, internal := buildTwoOutputs(t, proj)
	for dir, want := range map[string][]string{
		public:   {"index.html", "index.de.html", "index.pl.html"},
		internal: {"index.html", "index.de.html", "index.pl.html", "checklist/de.html", "checklist/pl.html"},
	} {
		got := files(t, dir)
		for _, f := range want {
			if !slices.Contains(got, f) {
				t.Errorf("%s lacks %s", dir, f)
			}
		}
		for _, f := range []string{"index.en.html", "index.vi.html", "checklist/en.html", "checklist/vi.html"} {
			if slices.Contains(got, f) {
				t.Errorf("%s has %s", dir, f)
			}
		}
	}
	if index := read(t, filepath.Join(public, "index.html")); !strings.Contains(index, `<html lang="de">`) || strings.Contains(index, `hreflang="vi"`+" lang=") {
		t.Error("index.html is not the German index")
	}
}
