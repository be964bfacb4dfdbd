package docx

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/basis-privacy/basis/content"
	"github.com/basis-privacy/basis/generator/check"
	"github.com/basis-privacy/basis/generator/load"
	"github.com/basis-privacy/basis/generator/locale"
	"github.com/basis-privacy/basis/generator/render"
	"github.com/basis-privacy/basis/locales"
	"github.com/basis-privacy/basis/templates"
)

// TestNoDownloadLink: the web page's "download as PDF" line, which the
// printed page hides, is not in the Word file either (D14): the bakery's
// German notice as a site with PDFs renders it.
func TestNoDownloadLink(t *testing.T) {
	cat, err := locale.Load(locales.FS)
	if err != nil {
		t.Fatal(err)
	}
	r, err := render.New(render.WithTemplates(templates.FS), render.WithCatalog(cat), render.WithPDF(true))
	if err != nil {
		t.Fatal(err)
	}
	dir, err := content.CopyTo(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	c, err := load.File(filepath.Join(dir, "baeckerei-schmidt", "company.yaml"), load.WithCatalog(cat))
	if err != nil {
		t.Fatal(err)
	}
	page, err := r.Privacy(check.Company(c).Results[0], "de")
	if err != nil {
		t.Fatal(err)
	}
	link := cat.For("de").T("ui.pdf")
	if !strings.Contains(string(page), link) {
		t.Fatalf("the page has no %q line to leave out", link)
	}
	doc, err := Convert(page)
	if err != nil {
		t.Fatal(err)
	}
	text := docText(unzip(t, doc)["word/document.xml"])
	if strings.Contains(text, link) {
		t.Errorf("the Word notice says %q", link)
	}
	if !strings.Contains(text, "Datenschutzhinweise") {
		t.Errorf("the Word notice lost its text:\n%.300s", text)
	}
}
