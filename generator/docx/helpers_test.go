package docx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"image"
	"image/color"
	"image/png"
	"io"
	"os"
	"regexp"
	"strings"
	"testing"
)

// unzip returns the parts of a document by name, checking each XML part is
// well-formed.
func unzip(t *testing.T, doc []byte) map[string]string {
	t.Helper()
	z, err := zip.NewReader(bytes.NewReader(doc), int64(len(doc)))
	if err != nil {
		t.Fatalf("not a zip archive: %v", err)
	}
	parts := map[string]string{}
	for _, f := range z.File {
		r, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, err := io.ReadAll(r)
		r.Close()
		if err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
		if !f.Modified.Equal(zipTime) {
			t.Errorf("%s: time %v, want the fixed %v", f.Name, f.Modified, zipTime)
		}
		if strings.HasSuffix(f.Name, ".xml") || strings.HasSuffix(f.Name, ".rels") {
			wellFormed(t, f.Name, data)
		}
		parts[f.Name] = string(data)
	}
	return parts
}

// wellFormed fails t unless data is well-formed XML.
func wellFormed(t *testing.T, name string, data []byte) {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(data))
	for {
		_, err := d.Token()
		if errors.Is(err, io.EOF) {
			return
		}
		if err != nil {
			t.Fatalf("%s is not well-formed XML: %v", name, err)
		}
	}
}

// logoPNG is a 300 × 100 pixel PNG.
func logoPNG(t *testing.T) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, 300, 100))
	for x := range 300 {
		for y := range 100 {
			img.Set(x, y, color.RGBA{uint8(x), 90, 160, 255})
		}
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// renderedNotice is a notice as Basis renders it today: the render
// package's golden page, so these tests read the markup Basis writes, never
// a copy frozen at some earlier day.
const renderedNotice = "../render/testdata/golden/pl/privacy.html"

// convertFile converts a page under testdata (or, for a name with a
// folder, that file), with the logo as ../logo.png.
func convertFile(t *testing.T, name string, opts ...Option) map[string]string {
	t.Helper()
	if !strings.Contains(name, "/") {
		name = "testdata/" + name
	}
	page, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	logo := logoPNG(t)
	opts = append([]Option{WithImages(func(src string) ([]byte, error) {
		if src == "../logo.png" {
			return logo, nil
		}
		return nil, os.ErrNotExist
	})}, opts...)
	doc, err := Convert(page, opts...)
	if err != nil {
		t.Fatal(err)
	}
	return unzip(t, doc)
}

var textRE = regexp.MustCompile(`<w:t(?: [^>]*)?>([^<]*)</w:t>|</w:p>|<w:br/>`)

// docText returns the text of a document part, a line per paragraph.
func docText(part string) string {
	var b strings.Builder
	for _, m := range textRE.FindAllStringSubmatch(part, -1) {
		if m[0] == "</w:p>" || m[0] == "<w:br/>" {
			b.WriteString("\n")
			continue
		}
		b.WriteString(m[1])
	}
	r := strings.NewReplacer("&amp;", "&", "&lt;", "<", "&gt;", ">", "&#34;", `"`, "&#39;", "'", "&#x9;", "\t", "&#xA;", "\n")
	return r.Replace(b.String())
}

// paragraph returns the paragraph of doc whose text starts with text.
func paragraph(t *testing.T, doc, text string) string {
	t.Helper()
	for _, p := range strings.Split(doc, "<w:p>") {
		if i := strings.Index(p, "</w:p>"); i >= 0 {
			p = p[:i]
		}
		if m := regexp.MustCompile(`<w:t(?: [^>]*)?>([^<]*)</w:t>`).FindStringSubmatch(p); m != nil && m[1] == text {
			return p
		}
	}
	t.Fatalf("no paragraph %q", text)
	return ""
}
