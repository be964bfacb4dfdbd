package site

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// editOwn rewrites the bakery's own German wording of notice.rights.free.
func editOwn(t *testing.T, content, text string) {
	t.Helper()
	p := filepath.Join(content, "baeckerei-schmidt", "locales", "notice.de.yaml")
	if err := os.WriteFile(p, []byte("notice.rights.free: \""+text+"\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestOwnWordingEditRedoesItsDocuments: editing a company's own wording
// (content/<slug>/locales/) renders that company's documents in that
// language again, and nothing else; the build lists the messages.
func TestOwnWordingEditRedoesItsDocuments(t *testing.T) {
	t.Parallel()
	in := newIncremental(t)
	first := in.build()
	if got := first.Reworded["baeckerei-schmidt"]; len(got) != 1 || got[0].String() != "notice.rights.free (de, en)" {
		t.Errorf("Reworded = %v, want notice.rights.free (de, en)", first.Reworded)
	}
	page, _ := os.ReadFile(filepath.Join(in.o.Out, "baeckerei-schmidt", "de", "privacy.html"))
	if !strings.Contains(string(page), "Wir antworten in der Regel innerhalb einer Woche") {
		t.Error("the German notice lacks the bakery's own wording")
	}
	before := stamps(t, in.o.Out)
	editOwn(t, in.content, "Die Ausübung Ihrer Rechte ist kostenlos. Wir antworten innerhalb von zehn Tagen.")
	res := in.build()
	if res.UpToDate {
		t.Fatal("an edit of the company's own wording went unnoticed")
	}
	got := changed(before, stamps(t, in.o.Out))
	slices.Sort(got)
	if want := noticeFiles("baeckerei-schmidt/de/"); !slices.Equal(got, want) {
		t.Errorf("want only %v rewritten, got %v", want, got)
	}
	page, _ = os.ReadFile(filepath.Join(in.o.Out, "baeckerei-schmidt", "de", "privacy.html"))
	if !strings.Contains(string(page), "Wir antworten innerhalb von zehn Tagen.") {
		t.Error("the German notice lacks the edited wording")
	}
}

// TestOwnWordingRefusedChangesNothing: an own wording that drops a
// placeholder fails the build at its position and publishes nothing.
func TestOwnWordingRefusedChangesNothing(t *testing.T) {
	t.Parallel()
	in := newIncremental(t)
	in.build()
	before := stamps(t, in.o.Out)
	p := filepath.Join(in.content, "baeckerei-schmidt", "locales", "notice.de.yaml")
	if err := os.WriteFile(p, []byte("notice.effective: \"Gültig\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := Build(context.Background(), in.o)
	if err == nil || !strings.Contains(err.Error(), p+":1:19: message notice.effective leaves out {{.Date}}") {
		t.Fatalf("err = %v", err)
	}
	if c := changed(before, stamps(t, in.o.Out)); len(c) > 0 {
		t.Errorf("a refused build changed %v", c)
	}
}

// TestOwnWordingEditReprintsItsPDF: the edited notice is printed again, and
// only it. Not parallel: noBrowserLeft would see other tests' browsers.
func TestOwnWordingEditReprintsItsPDF(t *testing.T) {
	bin := browser(t)
	poppler(t, "pdftotext")
	content := writeContent(t, map[string]string{"baeckerei-schmidt": example(t, "baeckerei-schmidt")})
	dir := t.TempDir()
	o := opts(content, filepath.Join(dir, "public"))
	o.PDF, o.Chrome, o.Cache = true, bin, filepath.Join(dir, "cache")
	if _, err := Build(context.Background(), o); err != nil {
		t.Fatal(err)
	}
	editOwn(t, content, "Die Ausübung Ihrer Rechte ist kostenlos. Wir antworten innerhalb von zehn Tagen.")
	res, err := Build(context.Background(), o)
	if err != nil {
		t.Fatal(err)
	}
	noBrowserLeft(t)
	if res.Printed != 1 {
		t.Errorf("editing the bakery's German wording printed %d PDFs, want 1", res.Printed)
	}
	out, err := exec.Command("pdftotext", "-enc", "UTF-8", filepath.Join(o.Out, "baeckerei-schmidt", "de", "privacy.pdf"), "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(strings.Join(strings.Fields(string(out)), " "), "Wir antworten innerhalb von zehn Tagen.") {
		t.Error("the reprinted PDF lacks the edited wording")
	}
}

// TestOwnWordingInWordFooter: a company that words the footer's page line
// (ui.page) itself has it in the footer of its Word documents, as in its
// PDFs; other companies keep the shared wording.
func TestOwnWordingInWordFooter(t *testing.T) {
	content := writeContent(t, map[string]string{
		"baeckerei-schmidt": example(t, "baeckerei-schmidt"),
		"nowak-doradztwo":   example(t, "nowak-doradztwo"),
	})
	p := filepath.Join(content, "baeckerei-schmidt", "locales", "ui.de.yaml")
	if err := os.WriteFile(p, []byte("ui.page: \"Blatt {page} von {pages}\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	o := opts(content, filepath.Join(t.TempDir(), "public"))
	o.DOCX = true
	if _, err := Build(context.Background(), o); err != nil {
		t.Fatal(err)
	}
	for _, doc := range []string{"privacy", "checklist", "fields"} {
		footer := string(zipPart(t, filepath.Join(o.Out, "baeckerei-schmidt", "de", doc+".docx"), "word/footer1.xml"))
		if !strings.Contains(footer, ">Blatt </w:t>") || strings.Contains(footer, ">Seite </w:t>") {
			t.Errorf("the footer of %s.docx lacks the company's own page line:\n%s", doc, footer)
		}
	}
	if footer := string(zipPart(t, filepath.Join(o.Out, "baeckerei-schmidt", "en", "privacy.docx"), "word/footer1.xml")); !strings.Contains(footer, ">Page </w:t>") {
		t.Errorf("the English footer lost the shared page line:\n%s", footer)
	}
	if footer := string(zipPart(t, filepath.Join(o.Out, "nowak-doradztwo", "pl", "privacy.docx"), "word/footer1.xml")); !strings.Contains(footer, ">Strona </w:t>") {
		t.Errorf("another company's footer lost the shared page line:\n%s", footer)
	}
}
