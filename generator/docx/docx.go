// Package docx turns the HTML pages Basis renders into Word documents
// (.docx, Office Open XML WordprocessingML) a lawyer can open, edit with
// Track Changes on, and send back.
//
// The document has the page's text and structure in Word's own styles:
// headings as Heading 1 to 4 (so Word's navigation pane and table of
// contents work), lists as numbered or bulleted list paragraphs, tables
// with their header row repeated on every page, addresses, definition
// lists, code, links (to web addresses and to the document's own
// sections) and the logo. The document language is set in the styles, so
// Word checks the spelling of a German notice in German (de-DE), a Polish
// one in Polish (pl-PL), a Vietnamese one in Vietnamese (vi-VN) and an
// English one in British English (en-GB). The footer repeats the title and
// counts the pages with Word's PAGE and NUMPAGES fields.
//
// What the printed page does not show is left out: the head, the site
// navigation, the skip link, text only for screen readers and the web page's
// link to its PDF (class download).
//
// The same page always gives the same bytes: no dates, fixed file times
// in the zip archive, parts in a fixed order.
//
//	doc, err := docx.Convert(page,
//		docx.WithTitle("Datenschutzhinweise – Bäckerei Schmidt GmbH"),
//		docx.WithPageOf("Seite {page} von {pages}"),
//		docx.WithImages(func(src string) ([]byte, error) { return os.ReadFile(filepath.Join(dir, src)) }))
package docx

import (
	"archive/zip"
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"time"
)

// config holds the options of Convert.
type config struct {
	title  string
	pageOf string
	images func(src string) ([]byte, error)
	notice func(msg string)
}

// Option configures Convert.
type Option func(*config)

// WithTitle sets the title in the footer and the document properties; by
// default it is the page's <title>.
func WithTitle(title string) Option { return func(c *config) { c.title = title } }

// WithPageOf sets the page count phrase of the footer, with {page} and
// {pages} where the numbers go, e.g. "Seite {page} von {pages}"; by default
// "{page} / {pages}".
func WithPageOf(phrase string) Option { return func(c *config) { c.pageOf = phrase } }

// WithImages reads the image an <img src> names (as written in the page).
// Without it, images are left out.
func WithImages(read func(src string) ([]byte, error)) Option {
	return func(c *config) { c.images = read }
}

// WithNotice receives a sentence for each thing of the page the document
// leaves out, such as an image Word cannot show.
func WithNotice(f func(msg string)) Option { return func(c *config) { c.notice = f } }

// Convert returns the Word document of an HTML page. Its language is the
// page's <html lang> (English without one).
func Convert(page []byte, opts ...Option) ([]byte, error) {
	cfg := &config{pageOf: "{page} / {pages}", notice: func(string) {}}
	for _, o := range opts {
		o(cfg)
	}
	root, err := parse(page)
	if err != nil {
		return nil, err
	}
	lang := "en-GB"
	if h := root.find("html"); h != nil && h.attr["lang"] != "" {
		lang = wordLang(h.attr["lang"])
	}
	if cfg.title == "" {
		if t := root.find("title"); t != nil {
			cfg.title = strings.Join(strings.Fields(t.textContent()), " ")
		}
	}
	body := root.find("body")
	if body == nil {
		body = root
	}
	c := &converter{cfg: cfg, lang: lang, parts: newParts(), anchors: anchors(body)}
	c.blocks(body, ctx{})
	c.flush()
	if c.paras == 0 || c.table {
		c.body.WriteString("<w:p/>") // Word needs a paragraph before the section's end
	}
	return c.pack()
}

// pack zips the document's parts.
func (c *converter) pack() ([]byte, error) {
	document := xmlHeader + `<w:document xmlns:w="` + nsW + `" xmlns:r="` + nsR + `"` +
		` xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"` +
		` xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"` +
		` xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"><w:body>` +
		c.body.String() + sectPr + `</w:body></w:document>`
	files := []struct{ name, data string }{
		{"[Content_Types].xml", c.parts.contentTypes()},
		{"_rels/.rels", packageRels},
		{"docProps/app.xml", appXML},
		{"docProps/core.xml", coreXML(c.cfg.title, c.lang)},
		{"word/document.xml", document},
		{"word/_rels/document.xml.rels", c.parts.relsXML()},
		{"word/styles.xml", stylesXML(c.lang)},
		{"word/settings.xml", settingsXML(c.lang)},
		{"word/numbering.xml", c.parts.numberingXML()},
		{"word/footer1.xml", footerXML(c.cfg.title, c.cfg.pageOf)},
	}
	for _, m := range c.parts.media {
		files = append(files, struct{ name, data string }{"word/" + m.name, string(m.data)})
	}
	var buf bytes.Buffer
	z := zip.NewWriter(&buf)
	for _, f := range files {
		w, err := z.CreateHeader(&zip.FileHeader{Name: f.name, Method: zip.Deflate, Modified: zipTime})
		if err != nil {
			return nil, fmt.Errorf("write %s: %w", f.name, err)
		}
		if _, err := w.Write([]byte(f.data)); err != nil {
			return nil, fmt.Errorf("write %s: %w", f.name, err)
		}
	}
	if err := z.Close(); err != nil {
		return nil, fmt.Errorf("write the document: %w", err)
	}
	return buf.Bytes(), nil
}

// zipTime is the time of every file in the archive, so the same page gives
// the same bytes (the earliest time the zip format can hold).
var zipTime = time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)

// nonName matches what a Word bookmark name cannot hold.
var nonName = regexp.MustCompile(`[^A-Za-z0-9_]`)

// anchors names a bookmark for each element id a link of the page points
// to. The names start with "_", which keeps them out of Word's bookmark
// list, as Word does for its own table of contents.
func anchors(body *node) map[string]string {
	targets := map[string]bool{}
	body.walk(func(n *node) {
		if href := strings.TrimSpace(n.attr["href"]); n.tag == "a" && strings.HasPrefix(href, "#") && len(href) > 1 {
			targets[href[1:]] = true
		}
	})
	names := map[string]string{}
	used := map[string]bool{}
	body.walk(func(n *node) {
		id := n.attr["id"]
		if n.tag == "" || !targets[id] || names[id] != "" {
			return
		}
		name := "_" + nonName.ReplaceAllString(id, "_")
		if len(name) > 36 {
			name = name[:36]
		}
		for i, base := 2, name; used[name]; i++ {
			name = fmt.Sprintf("%.36s%d", base, i)
		}
		used[name] = true
		names[id] = name
	})
	return names
}
