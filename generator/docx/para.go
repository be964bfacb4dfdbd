package docx

import (
	"encoding/xml"
	"strings"
	"unicode"
)

// format is how a run of text looks.
type format struct {
	bold, italic, code, link bool
	lang                     string // Word language tag when it differs from the document's
}

// item is one piece of a paragraph: text, a line break, an image, or the
// start or end of a hyperlink.
type item struct {
	kind   itemKind
	text   string
	format format
	xml    string // for images and hyperlink starts: the markup itself
}

type itemKind int

const (
	itemText itemKind = iota
	itemBreak
	itemRaw // image or bookmark: markup written as is
	itemLinkStart
	itemLinkEnd
)

// para is the paragraph being filled.
type para struct {
	style string
	props string // further paragraph properties (numbering, indentation)
	marks string // bookmarks, written before the first run
	items []item
	pre   bool // keep white space as written (<pre>)
	space bool // the text so far ends in white space, or nothing was written yet
}

func newPara(style, props string) *para {
	return &para{style: style, props: props, space: true}
}

// text adds s, collapsing white space as HTML does unless p.pre.
func (p *para) text(s string, f format) {
	if p.pre {
		lines := strings.Split(s, "\n")
		for i, l := range lines {
			if i > 0 {
				p.items = append(p.items, item{kind: itemBreak})
			}
			p.add(l, f)
		}
		return
	}
	var b strings.Builder
	for _, r := range s {
		if r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\f' {
			if !p.space {
				b.WriteByte(' ')
				p.space = true
			}
			continue
		}
		b.WriteRune(r)
		p.space = false
	}
	p.add(b.String(), f)
}

// add appends text, joining it to the last run when that looks the same.
func (p *para) add(s string, f format) {
	if s == "" {
		return
	}
	if n := len(p.items); n > 0 && p.items[n-1].kind == itemText && p.items[n-1].format == f {
		p.items[n-1].text += s
		return
	}
	p.items = append(p.items, item{kind: itemText, text: s, format: f})
}

// lineBreak adds a <br>.
func (p *para) lineBreak() {
	p.items = append(p.items, item{kind: itemBreak})
	p.space = true
}

// raw adds markup that is not text, such as an image.
func (p *para) raw(x string) {
	p.items = append(p.items, item{kind: itemRaw, xml: x})
	p.space = false
}

// empty reports whether p shows nothing.
func (p *para) empty() bool {
	for _, it := range p.items {
		switch {
		case it.kind == itemText && strings.TrimSpace(it.text) != "", it.kind == itemRaw, it.kind == itemBreak:
			return false
		}
	}
	return true
}

// trimEnd drops the white space that ends the paragraph.
func (p *para) trimEnd() {
	for i := len(p.items) - 1; i >= 0; i-- {
		it := &p.items[i]
		if it.kind != itemText {
			if it.kind == itemLinkEnd {
				continue
			}
			return
		}
		if p.pre {
			return
		}
		it.text = strings.TrimRightFunc(it.text, unicode.IsSpace)
		if it.text != "" {
			return
		}
	}
}

// write appends the paragraph's WordprocessingML to b.
func (p *para) write(b *strings.Builder) {
	p.trimEnd()
	b.WriteString("<w:p>")
	if p.style != "" || p.props != "" {
		b.WriteString("<w:pPr>")
		if p.style != "" {
			b.WriteString(`<w:pStyle w:val="` + p.style + `"/>`)
		}
		b.WriteString(p.props)
		b.WriteString("</w:pPr>")
	}
	b.WriteString(p.marks)
	for _, it := range p.items {
		switch it.kind {
		case itemText:
			if it.text != "" {
				b.WriteString("<w:r>" + runProps(it.format) + runText(it.text) + "</w:r>")
			}
		case itemBreak:
			b.WriteString("<w:r><w:br/></w:r>")
		case itemRaw, itemLinkStart:
			b.WriteString(it.xml)
		case itemLinkEnd:
			b.WriteString("</w:hyperlink>")
		}
	}
	b.WriteString("</w:p>")
}

// runText is the content of a run holding s: its text, with each soft
// hyphen (U+00AD) as Word's optional hyphen, which shows only where a line
// breaks at it.
func runText(s string) string {
	parts := strings.Split(s, "\u00ad")
	for i, t := range parts {
		parts[i] = `<w:t xml:space="preserve">` + escape(t) + "</w:t>"
	}
	return strings.Join(parts, "<w:softHyphen/>")
}

// runProps returns the run properties of f.
func runProps(f format) string {
	var b strings.Builder
	if f.link {
		b.WriteString(`<w:rStyle w:val="Hyperlink"/>`)
	}
	if f.code {
		b.WriteString(`<w:rFonts w:ascii="Courier New" w:hAnsi="Courier New" w:cs="Courier New"/>`)
	}
	if f.bold {
		b.WriteString("<w:b/><w:bCs/>")
	}
	if f.italic {
		b.WriteString("<w:i/><w:iCs/>")
	}
	if f.lang != "" {
		b.WriteString(`<w:lang w:val="` + escape(f.lang) + `"/>`)
	}
	if b.Len() == 0 {
		return ""
	}
	return "<w:rPr>" + b.String() + "</w:rPr>"
}

// escape returns s escaped for XML text and attribute values; characters
// XML cannot hold become U+FFFD.
func escape(s string) string {
	var b strings.Builder
	_ = xml.EscapeText(&b, []byte(s))
	return b.String()
}
