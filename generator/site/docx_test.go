package site

import (
	"archive/zip"
	"bytes"
	"context"
	"fmt"
	"html"
	"image/color"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// wordSite builds the three examples with Word documents, the bakery with
// a logo, into a temp dir with a cache.
func wordSite(t *testing.T) *incremental {
	t.Helper()
	bakery := strings.Replace(example(t, "baeckerei-schmidt"), "country: DE", "logo: logo.png\ncountry: DE", 1)
	content := writeContent(t, map[string]string{
		"baeckerei-schmidt": bakery,
		"nowak-doradztwo":   example(t, "nowak-doradztwo"),
		"sen-vang":          example(t, "sen-vang"),
	})
	if err := os.WriteFile(filepath.Join(content, "baeckerei-schmidt", "logo.png"), pngOf(t, color.RGBA{B: 200, A: 255}), 0o644); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	o := opts(content, filepath.Join(dir, "public"))
	o.Cache, o.DOCX = filepath.Join(dir, "cache"), true
	return &incremental{t: t, content: content, o: o}
}

// docxFiles lists the Word documents under dir, by path under it.
func docxFiles(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	for rel := range tree(t, dir) {
		if strings.HasSuffix(rel, ".docx") {
			out = append(out, rel)
		}
	}
	slices.Sort(out)
	return out
}

// zipPart returns one part of a Word document.
func zipPart(t *testing.T, file, name string) []byte {
	t.Helper()
	z, err := zip.OpenReader(file)
	if err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	defer z.Close()
	f, err := z.Open(name)
	if err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	defer f.Close()
	b, err := io.ReadAll(f)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestBuildWritesWordDocuments(t *testing.T) {
	t.Parallel()
	in := wordSite(t)
	res := in.build()
	var want []string
	for _, cl := range [][]string{{"baeckerei-schmidt", "de", "en"}, {"nowak-doradztwo", "pl", "en"}, {"sen-vang", "vi", "en"}} {
		for _, lang := range cl[1:] {
			for _, d := range []string{"assessment", "checklist", "fields", "privacy", "record", "report"} {
				want = append(want, cl[0]+"/"+lang+"/"+d+".docx")
			}
		}
	}
	for _, l := range []string{"de", "en", "pl", "vi"} {
		want = append(want, "checklist/"+l+".docx")
	}
	slices.Sort(want)
	if got := docxFiles(t, in.o.Out); !slices.Equal(got, want) {
		t.Fatalf("Word documents:\n%v\nwant\n%v", got, want)
	}
	if res.Word.Documents != len(want) || res.Word.Written != len(want) {
		t.Errorf("result %+v, want %d documents, all written", res.Word, len(want))
	}
	logo := zipPart(t, filepath.Join(in.o.Out, "baeckerei-schmidt", "de", "privacy.docx"), "word/media/image1.png")
	if !bytes.Equal(logo, pngOf(t, color.RGBA{B: 200, A: 255})) {
		t.Error("the notice's Word document does not hold the logo")
	}
	styles := zipPart(t, filepath.Join(in.o.Out, "sen-vang", "vi", "privacy.docx"), "word/styles.xml")
	if !bytes.Contains(styles, []byte(`<w:lang w:val="vi-VN"`)) {
		t.Error("the Vietnamese notice is not in Vietnamese for Word's spelling check")
	}
	footer := zipPart(t, filepath.Join(in.o.Out, "nowak-doradztwo", "pl", "privacy.docx"), "word/footer1.xml")
	if !bytes.Contains(footer, []byte("Nowak Doradztwo")) || !bytes.Contains(footer, []byte(">Strona </w:t>")) {
		t.Errorf("the Polish footer lacks the title or the page phrase:\n%s", footer)
	}
}

// TestWordDocumentsAreIncremental checks a rebuild rewrites only the Word
// documents whose page or logo changed, and building without --docx
// removes them.
func TestWordDocumentsAreIncremental(t *testing.T) {
	t.Parallel()
	in := wordSite(t)
	in.build()
	before := stamps(t, in.o.Out)
	if res := in.build(); !res.UpToDate {
		t.Fatalf("a rebuild with nothing changed did work: %+v", res)
	}
	in.edit("nowak-doradztwo", "Do wniesienia sprzeciwu, nie dłużej niż 3 lata", "Do wniesienia sprzeciwu, nie dłużej niż 2 lata")
	res := in.build()
	got := changed(before, stamps(t, in.o.Out))
	slices.Sort(got)
	want := append([]string{"nowak-doradztwo/pl/assessment.docx", "nowak-doradztwo/pl/privacy.docx", "nowak-doradztwo/pl/record.docx"},
		retentionFiles("nowak-doradztwo/pl/")...)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("editing one Polish text rewrote %v, want %v", got, want)
	}
	// 3 companies x 2 languages x 6 documents, 4 blank checklists.
	if res.Word.Written != 3 || res.Word.Documents != 40 {
		t.Errorf("result %+v, want 3 of 40 written", res.Word)
	}

	before = stamps(t, in.o.Out)
	if err := os.WriteFile(filepath.Join(in.content, "baeckerei-schmidt", "logo.png"), pngOf(t, color.RGBA{G: 200, A: 255}), 0o644); err != nil {
		t.Fatal(err)
	}
	in.build()
	got = changed(before, stamps(t, in.o.Out))
	slices.Sort(got)
	want = []string{"baeckerei-schmidt/logo.png"}
	for _, lang := range []string{"de", "en"} {
		for _, d := range []string{"assessment", "checklist", "fields", "privacy", "record", "report"} {
			want = append(want, "baeckerei-schmidt/"+lang+"/"+d+".docx")
		}
	}
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("a new logo rewrote %v, want %v", got, want)
	}

	in.o.DOCX = false
	if res := in.build(); res.UpToDate {
		t.Fatal("turning --docx off was up to date")
	}
	if left := docxFiles(t, in.o.Out); len(left) > 0 {
		t.Errorf("a build without --docx left %v", left)
	}
}

// soffice returns LibreOffice, skipping the test when there is none
// unless BASIS_REQUIRE_BROWSER=1 (CI), where a missing one fails.
func soffice(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"soffice", "libreoffice"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if required() {
		t.Fatal("LibreOffice is missing (Debian: apt-get install libreoffice-writer-nogui)")
	}
	t.Skip("LibreOffice is missing")
	return ""
}

var (
	headingRE = regexp.MustCompile(`(?s)<h[1-4][^>]*>(.*?)</h[1-4]>`)
	tagRE     = regexp.MustCompile(`(?s)<[^>]*>`)
	hiddenRE  = regexp.MustCompile(`(?s)<head>.*?</head>|<header class="site">.*?</header>|<a class="skip"[^>]*>.*?</a>|<caption class="sr-only">.*?</caption>`)
)

// words returns text with its white space made single spaces.
func words(s string) string { return strings.Join(strings.Fields(s), " ") }

// TestWordDocumentsReadBackByLibreOffice has LibreOffice, an independent
// reader of Word documents, print every example's documents, and checks
// the printed text has every heading of the page, every word and every
// letter beyond ASCII (ą, ß, ư, ễ ...) the page shows, and page numbers in
// the footer.
func TestWordDocumentsReadBackByLibreOffice(t *testing.T) {
	t.Parallel()
	lo := soffice(t)
	poppler(t, "pdftotext")
	in := wordSite(t)
	in.build()
	docs := docxFiles(t, in.o.Out)
	pdfs := t.TempDir()
	args := []string{"--headless", "--norestore", "-env:UserInstallation=file://" + filepath.ToSlash(t.TempDir()), "--convert-to", "pdf", "--outdir", pdfs}
	for _, d := range docs {
		// Unique names: the PDFs all go into one folder.
		name := filepath.Join(t.TempDir(), strings.ReplaceAll(d, "/", "_"))
		if err := os.Link(filepath.Join(in.o.Out, d), name); err != nil {
			t.Fatal(err)
		}
		args = append(args, name)
	}
	if out, err := exec.CommandContext(t.Context(), lo, args...).CombinedOutput(); err != nil {
		t.Fatalf("LibreOffice: %v\n%s", err, out)
	}
	for _, d := range docs {
		t.Run(d, func(t *testing.T) {
			pdf := filepath.Join(pdfs, strings.TrimSuffix(strings.ReplaceAll(d, "/", "_"), ".docx")+".pdf")
			out, err := exec.CommandContext(t.Context(), "pdftotext", "-raw", "-enc", "UTF-8", pdf, "-").Output()
			if err != nil {
				t.Fatalf("pdftotext %s: %v", pdf, err)
			}
			text := words(norm.NFC.String(string(out)))
			page, err := os.ReadFile(filepath.Join(in.o.Out, strings.TrimSuffix(d, ".docx")+".html"))
			if err != nil {
				t.Fatal(err)
			}
			for _, m := range headingRE.FindAllSubmatch(page, -1) {
				h := words(html.UnescapeString(tagRE.ReplaceAllString(string(m[1]), "")))
				if !strings.Contains(text, h) {
					t.Errorf("heading %q is not in the printed Word document", h)
				}
			}
			shown := html.UnescapeString(tagRE.ReplaceAllString(hiddenRE.ReplaceAllString(string(page), ""), " "))
			var missing []string
			for _, r := range shown {
				if r > unicode.MaxASCII && unicode.IsLetter(r) && !strings.ContainsRune(text, r) && !slices.Contains(missing, string(r)) {
					missing = append(missing, string(r))
				}
			}
			if len(missing) > 0 {
				t.Errorf("letters of the page missing from the printed Word document: %v", missing)
			}
			// Every word the page shows is there (also a word a line
			// break cut at a hyphen, so white space is ignored; -raw keeps
			// that hyphen, which pdftotext otherwise drops).
			joined := strings.Join(strings.Fields(text), "")
			missing = nil
			for _, w := range strings.Fields(norm.NFC.String(shown)) {
				// A soft hyphen shows only where a line breaks at it.
				broken := strings.ReplaceAll(w, "\u00ad", "-")
				if w = strings.ReplaceAll(w, "\u00ad", ""); !strings.Contains(joined, w) && !strings.Contains(joined, broken) && !slices.Contains(missing, w) {
					missing = append(missing, w)
				}
			}
			if len(missing) > 0 {
				t.Errorf("words of the page missing from the printed Word document: %q", missing)
			}
			if !regexp.MustCompile(`(Page|Seite|Strona|Trang) 1( of | von | z |/)\d+`).MatchString(text) {
				t.Errorf("the footer shows no page number:\n%s", text)
			}
		})
	}
}

// TestWordStageOfManyCompanies builds many companies' Word documents on
// all cores; run with -race, it once found the stage reading the next
// manifest while other documents were recorded in it (which also crashed
// a build of 250 companies: concurrent map read and map write).
func TestWordStageOfManyCompanies(t *testing.T) {
	t.Parallel()
	files := map[string]string{}
	for i := range 8 {
		for _, slug := range []string{"baeckerei-schmidt", "nowak-doradztwo", "sen-vang"} {
			files[fmt.Sprintf("%s-%d", slug, i)] = example(t, slug)
		}
	}
	content := writeContent(t, files)
	for name := range files {
		copyExtras(t, name[:strings.LastIndex(name, "-")], filepath.Join(content, name))
	}
	o := opts(content, filepath.Join(t.TempDir(), "public"))
	o.DOCX = true
	res, err := Build(context.Background(), o)
	if err != nil {
		t.Fatal(err)
	}
	if want := 8*36 + 4; res.Word.Documents != want { // 8 x (3 companies x 2 languages x 6 documents), 4 blank
		t.Errorf("%d Word documents, want %d", res.Word.Documents, want)
	}
}
