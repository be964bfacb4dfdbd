package docx

import (
	"errors"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/basis-privacy/basis/generator/internal/golden"
)

// TestPackage checks the parts a Word document needs and that they refer
// to each other correctly.
func TestPackage(t *testing.T) {
	parts := convertFile(t, "features.html", WithTitle("Informacja – Zażółć"), WithPageOf("Strona {page} z {pages}"))
	for _, name := range []string{"[Content_Types].xml", "_rels/.rels", "docProps/core.xml", "docProps/app.xml", "word/document.xml",
		"word/_rels/document.xml.rels", "word/styles.xml", "word/settings.xml", "word/numbering.xml", "word/footer1.xml", "word/media/image1.png"} {
		if _, ok := parts[name]; !ok {
			t.Errorf("the document has no %s", name)
		}
	}
	types := parts["[Content_Types].xml"]
	for name := range parts {
		if strings.HasSuffix(name, ".rels") || name == "[Content_Types].xml" || strings.HasPrefix(name, "word/media/") {
			continue
		}
		if !strings.Contains(types, `PartName="/`+name+`"`) {
			t.Errorf("[Content_Types].xml has no content type for %s", name)
		}
	}
	if !strings.Contains(types, `Extension="png" ContentType="image/png"`) {
		t.Error("[Content_Types].xml has no content type for PNG")
	}
	rels := parts["word/_rels/document.xml.rels"]
	for _, m := range regexp.MustCompile(`<Relationship Id="([^"]+)" Type="[^"]+" Target="([^"]+)"( TargetMode="External")?/>`).FindAllStringSubmatch(rels, -1) {
		if m[3] == "" {
			if _, ok := parts["word/"+m[2]]; !ok {
				t.Errorf("relationship %s points to word/%s, which is not in the document", m[1], m[2])
			}
		}
	}
	doc := parts["word/document.xml"]
	for _, m := range regexp.MustCompile(`r:(?:id|embed)="([^"]+)"`).FindAllStringSubmatch(doc+parts["word/footer1.xml"], -1) {
		if !strings.Contains(rels, `Id="`+m[1]+`"`) {
			t.Errorf("the document refers to relationship %s, which does not exist", m[1])
		}
	}
	for _, want := range []string{`Target="https://example.pl/a?b=1&amp;c=2" TargetMode="External"`, `Target="mailto:a@example.pl" TargetMode="External"`} {
		if !strings.Contains(rels, want) {
			t.Errorf("the relationships lack %s", want)
		}
	}
}

// TestStyles checks Word's own heading styles, the list and table styles
// and the document language.
func TestStyles(t *testing.T) {
	parts := convertFile(t, "features.html")
	styles := parts["word/styles.xml"]
	for i, name := range []string{"heading 1", "heading 2", "heading 3", "heading 4"} {
		id := "Heading" + string(rune('1'+i))
		re := regexp.MustCompile(`<w:style w:type="paragraph" w:styleId="` + id + `"><w:name w:val="` + name + `"/>.*?<w:outlineLvl w:val="` + string(rune('0'+i)) + `"/>`)
		if !re.MatchString(styles) {
			t.Errorf("styles.xml has no %s style named %q with outline level %d", id, name, i)
		}
		if !strings.Contains(parts["word/document.xml"], `<w:pStyle w:val="`+id+`"/>`) {
			t.Errorf("no paragraph uses %s", id)
		}
	}
	for _, id := range []string{"ListParagraph", "TableGrid", "Caption", "Footer", "Hyperlink"} {
		if !strings.Contains(styles, `w:styleId="`+id+`"`) {
			t.Errorf("styles.xml has no %s style", id)
		}
	}
	if !regexp.MustCompile(`<w:rPrDefault><w:rPr>.*<w:lang w:val="pl-PL"`).MatchString(styles) {
		t.Error("the default run properties do not set the language pl-PL")
	}
	if !strings.Contains(parts["docProps/core.xml"], "<dc:language>pl-PL</dc:language>") {
		t.Error("core.xml does not give the language pl-PL")
	}
}

// TestLanguages checks each page language becomes the Word language of the
// country whose legal terms the documents use.
func TestLanguages(t *testing.T) {
	for _, tc := range []struct{ html, word string }{{"en", "en-GB"}, {"de", "de-DE"}, {"pl", "pl-PL"}, {"vi", "vi-VN"}, {"", "en-GB"}} {
		t.Run(tc.html, func(t *testing.T) {
			doc, err := Convert([]byte(`<!DOCTYPE html><html lang="` + tc.html + `"><body><p>x <span lang="de">Datenschutz</span></p></body></html>`))
			if err != nil {
				t.Fatal(err)
			}
			parts := unzip(t, doc)
			if !strings.Contains(parts["word/styles.xml"], `<w:lang w:val="`+tc.word+`"`) {
				t.Errorf("styles.xml does not set %s", tc.word)
			}
			span := strings.Contains(parts["word/document.xml"], `<w:lang w:val="de-DE"/>`)
			if span == (tc.word == "de-DE") {
				t.Errorf("German text in a %s document: run language set %v", tc.word, span)
			}
		})
	}
}

// TestFooter checks the footer: the title and the page phrase with Word's
// PAGE and NUMPAGES fields.
func TestFooter(t *testing.T) {
	footer := convertFile(t, "features.html", WithTitle("Informacja – Zażółć"), WithPageOf("Strona {page} z {pages}"))["word/footer1.xml"]
	re := regexp.MustCompile(`Informacja – Zażółć</w:t>.*<w:tab/>.*>Strona </w:t>.*<w:instrText xml:space="preserve"> PAGE </w:instrText>.*> z </w:t>.*<w:instrText xml:space="preserve"> NUMPAGES </w:instrText>`)
	if !re.MatchString(footer) {
		t.Errorf("the footer lacks the title and the page fields:\n%s", footer)
	}
	if !strings.Contains(convertFile(t, "features.html")["word/footer1.xml"], "Informacja – Zażółć Gęślą Jaźń sp. z o.o.") {
		t.Error("without WithTitle the footer does not show the page's <title>")
	}
}

// TestTables checks the header row repeats on each page, rows are not
// split, a visible caption is kept and a hidden one is not.
func TestTables(t *testing.T) {
	doc := convertFile(t, "features.html")["word/document.xml"]
	tables := regexp.MustCompile(`<w:tbl>.*?</w:tbl>`).FindAllString(doc, -1)
	if len(tables) != 2 {
		t.Fatalf("%d tables, want 2", len(tables))
	}
	rows := regexp.MustCompile(`<w:tr>.*?</w:tr>`).FindAllString(tables[0], -1)
	if len(rows) != 4 {
		t.Fatalf("%d rows, want 4", len(rows))
	}
	for i, r := range rows {
		if strings.Contains(r, "<w:tblHeader/>") != (i == 0) || !strings.Contains(r, "<w:cantSplit/>") {
			t.Errorf("row %d: header %v, cantSplit %v", i, strings.Contains(r, "<w:tblHeader/>"), strings.Contains(r, "<w:cantSplit/>"))
		}
	}
	if !strings.Contains(rows[2], `<w:gridSpan w:val="2"/>`) {
		t.Error("a cell spanning two columns has no gridSpan")
	}
	if strings.Count(rows[3], "<w:p>")+strings.Count(rows[3], "<w:p/>") != 2 {
		t.Error("each empty cell needs one paragraph")
	}
	if !regexp.MustCompile(`<w:pStyle w:val="Caption"/></w:pPr><w:r><w:t xml:space="preserve">Odbiorcy danych</w:t></w:r></w:p><w:tbl>`).MatchString(doc) {
		t.Error("the table's caption is not a Caption paragraph right above it")
	}
	if strings.Contains(doc, "Ukryty podpis") {
		t.Error("a caption only for screen readers is in the document")
	}
	if !strings.Contains(doc, `</w:tbl><w:p><w:pPr><w:pStyle w:val="TableText"/></w:pPr></w:p><w:tbl>`) {
		t.Error("two tables in a row are not kept apart by a paragraph (Word would join them)")
	}
}

// TestLists checks list items are numbered paragraphs at the right level,
// each list with its own numbering, and further paragraphs of an item are
// indented, not numbered.
func TestLists(t *testing.T) {
	parts := convertFile(t, "features.html")
	doc, numbering := parts["word/document.xml"], parts["word/numbering.xml"]
	item := func(text string) string {
		p := paragraph(t, doc, text)
		if !strings.HasPrefix(p, `<w:pPr><w:pStyle w:val="ListParagraph"/>`) {
			t.Fatalf("%q is not a list paragraph: %s", text, p)
		}
		return p[len(`<w:pPr><w:pStyle w:val="ListParagraph"/>`):strings.Index(p, "</w:pPr>")]
	}
	numOf := regexp.MustCompile(`<w:ilvl w:val="(\d)"/><w:numId w:val="(\d+)"/>`)
	one, nested, second, third := numOf.FindStringSubmatch(item("Jeden")), numOf.FindStringSubmatch(item("Zagnieżdżony")), item("Drugi akapit"), numOf.FindStringSubmatch(item("Trzeci"))
	if one == nil || nested == nil || third == nil {
		t.Fatal("list items are not numbered")
	}
	if one[1] != "0" || nested[1] != "1" || one[2] == nested[2] || one[2] == third[2] {
		t.Errorf("levels/lists: %v %v %v", one, nested, third)
	}
	if second != `<w:ind w:left="360"/>` {
		t.Errorf("the second paragraph of an item has %q, want an indent and no number", second)
	}
	if !strings.Contains(numbering, `<w:num w:numId="`+third[2]+`"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="3"/>`) {
		t.Error("the ordered list does not start at 3 with its own numbering")
	}
	if !strings.Contains(numbering, `<w:num w:numId="`+one[2]+`"><w:abstractNumId w:val="0"/>`) {
		t.Error("the bulleted list does not use the bullets")
	}
}

// TestContent checks what the page shows is in the document, as the
// printed page shows it, and what it hides is not.
func TestContent(t *testing.T) {
	parts := convertFile(t, "features.html")
	doc := parts["word/document.xml"]
	text := docText(doc)
	for _, want := range []string{
		"Zażółć Gęślą Jaźń sp. z o.o.\nInformacja o przetwarzaniu danych\n",
		"Wstęp z odstępami & encją\u00a0i pogrubieniem, kursywą oraz linkiem.\n",
		"Poziom czwarty: Dozwolone\n",
		"Dane\nimię i nazwisko\n",
		"Firma\nul. Długa 1\na@example.pl\n",
		"Tekst Datenschutz po niemiecku. →\n",
		"<input id=\"email\">\n  wcięcie\n",
		"\u2610 Tak ________________________________\n",
		"Stopka strony\n",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the document text lacks %q:\n%s", want, text)
		}
	}
	for _, hidden := range []string{"Przejdź do treści", "Nawigacja strony", "Tylko dla czytników", "Ukryte"} {
		if strings.Contains(text, hidden) {
			t.Errorf("the document shows %q, which the printed page hides", hidden)
		}
	}
	for _, want := range []string{`<w:b/><w:bCs/></w:rPr><w:t xml:space="preserve">pogrubieniem`, `<w:i/><w:iCs/></w:rPr><w:t xml:space="preserve">kursywą`,
		`<w:r><w:br/></w:r>`, `<w:pStyle w:val="Code"/>`, `<w:pStyle w:val="Address"/>`, `<w:pStyle w:val="Company"/>`, `<w:pStyle w:val="Lead"/>`} {
		if !strings.Contains(doc, want) {
			t.Errorf("document.xml lacks %s", want)
		}
	}
}

// TestInternalLinks checks links to the page's own sections point to
// bookmarks that exist, with names Word accepts.
func TestInternalLinks(t *testing.T) {
	doc := convertFile(t, "features.html")["word/document.xml"]
	anchors := regexp.MustCompile(`<w:hyperlink w:anchor="([^"]+)"`).FindAllStringSubmatch(doc, -1)
	if len(anchors) != 2 {
		t.Fatalf("%d internal links, want 2", len(anchors))
	}
	for _, a := range anchors {
		if !regexp.MustCompile(`^_[A-Za-z0-9_]{1,39}$`).MatchString(a[1]) {
			t.Errorf("bookmark name %q is not one Word accepts", a[1])
		}
		if !strings.Contains(doc, `w:name="`+a[1]+`"/>`) {
			t.Errorf("link to %s, which has no bookmark", a[1])
		}
	}
	if strings.Contains(doc, `w:name="_main"`) {
		t.Error("the skip link, which the printed page hides, made a bookmark")
	}
	if !regexp.MustCompile(`<w:bookmarkStart w:id="\d+" w:name="_sekcja_pierwsza"/><w:bookmarkEnd w:id="\d+"/><w:r><w:t xml:space="preserve">Pierwsza sekcja`).MatchString(doc) {
		t.Error("the bookmark of a section is not at its heading")
	}
}

// TestImages checks the logo is in the document at the size the page's
// CSS gives it, and an image Word cannot show is left out with a notice.
func TestImages(t *testing.T) {
	parts := convertFile(t, "features.html")
	m := regexp.MustCompile(`<wp:extent cx="(\d+)" cy="(\d+)"/><wp:docPr id="1" name="Picture 1" descr="Zażółć sp. z o.o."/>`).FindStringSubmatch(parts["word/document.xml"])
	if m == nil {
		t.Fatal("the logo is not in the document with its alternative text")
	}
	if m[1] != "1400175" || m[2] != "466725" {
		t.Errorf("logo size %s × %s EMU, want 1400175 × 466725 (3.5 rem high, 3:1)", m[1], m[2])
	}
	var notices []string
	doc, err := Convert([]byte(`<html><body><img class="logo" src="logo.svg" alt="Logo"><p>x</p></body></html>`),
		WithImages(func(string) ([]byte, error) { return []byte(`<svg xmlns="http://www.w3.org/2000/svg"/>`), nil }),
		WithNotice(func(msg string) { notices = append(notices, msg) }))
	if err != nil {
		t.Fatal(err)
	}
	if len(notices) != 1 || !strings.Contains(notices[0], `"logo.svg"`) || !strings.Contains(notices[0], "PNG, JPEG or GIF") {
		t.Errorf("notices %q", notices)
	}
	if strings.Contains(unzip(t, doc)["word/document.xml"], "<w:drawing>") {
		t.Error("an SVG image is in the document")
	}
}

// TestDeterministic checks the same page gives the same bytes.
func TestDeterministic(t *testing.T) {
	page, err := os.ReadFile("testdata/features.html")
	if err != nil {
		t.Fatal(err)
	}
	a, err := Convert(page, WithImages(func(string) ([]byte, error) { return logoPNG(t), nil }))
	if err != nil {
		t.Fatal(err)
	}
	b, _ := Convert(page, WithImages(func(string) ([]byte, error) { return logoPNG(t), nil }))
	if string(a) != string(b) {
		t.Fatal("converting the same page twice gave different bytes")
	}
}

// TestParseError checks a page that cannot be read is an error with its line.
func TestParseError(t *testing.T) {
	_, err := Convert([]byte("<html>\n<body>\n<p>a</b>\n</body></html>"))
	var pe *ParseError
	if !errors.As(err, &pe) || pe.Line != 3 || !strings.Contains(err.Error(), "line 3: unexpected end element </b>") {
		t.Fatalf("got %v, want a *ParseError at line 3", err)
	}
}

// TestGolden compares document.xml of one notice with
// testdata/privacy.pl.document.xml; run with -update to accept changes.
func TestGolden(t *testing.T) {
	doc := convertFile(t, renderedNotice, WithPageOf("Strona {page} z {pages}"))["word/document.xml"]
	got := strings.NewReplacer("<w:p>", "\n<w:p>", "<w:tbl>", "\n<w:tbl>", "<w:tr>", "\n<w:tr>", "<w:sectPr>", "\n<w:sectPr>").Replace(doc) + "\n"
	golden.Check(t, "testdata/privacy.pl.document.xml", []byte(got))
}

// TestHugeColspan checks a cell claiming a billion columns spans as many as
// Word allows, rather than making a grid of a billion columns (the build
// would run out of memory).
func TestHugeColspan(t *testing.T) {
	doc, err := Convert([]byte(`<table><tr><td colspan="999999999">x</td></tr></table>`))
	if err != nil {
		t.Fatal(err)
	}
	body := unzip(t, doc)["word/document.xml"]
	if n := strings.Count(body, "<w:gridCol "); n != maxColumns || !strings.Contains(body, `<w:gridSpan w:val="63"/>`) {
		t.Errorf("%d grid columns, want %d, spanned by the cell", n, maxColumns)
	}
}

// TestColumnsFitTheirWords checks a column with a short German header and
// short answers is still wide enough for its longest word, so Word does
// not break "Ergebnis" in the middle.
func TestColumnsFitTheirWords(t *testing.T) {
	long := strings.Repeat("Verwendete Daten: Name, E-Mail-Adresse, Bestellhistorie. ", 3)
	head := &node{tag: "th", kids: []*node{{text: "Ergebnis"}}}
	rows := []row{{head: true, cells: []*node{{tag: "th", kids: []*node{{text: "Frage"}}}, {tag: "th", kids: []*node{{text: long}}}, head, {tag: "th", kids: []*node{{text: long}}}}}}
	for range 5 {
		rows = append(rows, row{cells: []*node{{tag: "td", kids: []*node{{text: long}}}, {tag: "td", kids: []*node{{text: long}}}, {tag: "td", kids: []*node{{text: "Offen"}}}, {tag: "td", kids: []*node{{text: long}}}}})
	}
	widths := columnWidths(rows)
	if need := cellMargin + len("Ergebnis")*charWidth; widths[2] < need {
		t.Errorf("column widths %v: the third, %d twips, is narrower than its word needs (%d)", widths, widths[2], need)
	}
	total := 0
	for _, w := range widths {
		total += w
	}
	if total != textWidth {
		t.Errorf("column widths %v add up to %d, want %d", widths, total, textWidth)
	}
}

// TestGoldenReadsTheCurrentNotice: the notice the Word tests convert is the
// one Basis renders today (formal Polish, "r." after the year), not a page
// frozen before the formal register.
func TestGoldenReadsTheCurrentNotice(t *testing.T) {
	text := docText(convertFile(t, renderedNotice)["word/document.xml"])
	for _, want := range []string{"Państwa dane", " r."} {
		if !strings.Contains(text, want) {
			t.Errorf("the converted notice lacks %q", want)
		}
	}
	if strings.Contains(text, "Twoje dane") {
		t.Error("the converted notice speaks informally")
	}
}

// TestSoftHyphen: a soft hyphen of the page (U+00AD, as in the German
// record's label "Datenschutz­beauftragter") becomes Word's optional
// hyphen, which shows only where a line breaks at it, never a character
// of its own in the text.
func TestSoftHyphen(t *testing.T) {
	doc, err := Convert([]byte("<dl><dt>Datenschutz&shy;beauftragter</dt><dd>Jan Kowalski</dd></dl>"))
	if err != nil {
		t.Fatal(err)
	}
	body := unzip(t, doc)["word/document.xml"]
	if strings.Contains(body, "\u00ad") || !strings.Contains(body, `Datenschutz</w:t><w:softHyphen/><w:t xml:space="preserve">beauftragter`) {
		t.Errorf("the soft hyphen is not Word's optional hyphen:\n%s", body)
	}
}
