package docx

import (
	"fmt"
	"strconv"
	"strings"
)

// converter turns the body of one HTML page into WordprocessingML.
type converter struct {
	cfg     *config
	lang    string // Word language tag of the document, e.g. de-DE
	body    strings.Builder
	cur     *para // paragraph being filled, or nil
	parts   *parts
	anchors map[string]string // element id -> bookmark name, for the ids links point to
	pending []string          // bookmarks waiting for the next paragraph
	marks   int               // bookmarks written
	paras   int               // paragraphs written
	table   bool              // the last block written was a table
}

// ctx is where blocks are being written.
type ctx struct {
	style string    // paragraph style of paragraphs opened here
	item  *listItem // list item whose first paragraph gets the number
	level int       // depth of lists around
	f     format    // format of text here
}

// listItem numbers the first paragraph of one <li>; later ones are indented.
type listItem struct {
	num, level int
	used       bool
}

// blockTags are the elements that start their own paragraphs.
var blockTags = map[string]bool{
	"p": true, "h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true,
	"ul": true, "ol": true, "li": true, "table": true, "pre": true, "address": true,
	"dl": true, "dt": true, "dd": true, "blockquote": true, "hr": true, "caption": true,
	"figcaption": true, "div": true, "section": true, "article": true, "main": true,
	"header": true, "footer": true, "nav": true, "aside": true, "figure": true, "body": true,
	"tr": true, "td": true, "th": true, "thead": true, "tbody": true, "tfoot": true,
}

// skipped reports whether n is not shown on the printed page: the page's
// head, the site navigation, the skip link, text only screen readers get,
// and the web page's link to its PDF ("download as PDF", class download).
// (What aria-hidden hides from screen readers is still on the page.)
func skipped(n *node) bool {
	switch n.tag {
	case "head", "script", "style", "template", "colgroup", "col", "noscript":
		return true
	case "header":
		return n.hasClass("site")
	}
	_, hidden := n.attr["hidden"]
	return hidden || n.hasClass("sr-only") || n.hasClass("skip") || n.hasClass("download")
}

// para returns the open paragraph, opening one in x if there is none.
func (c *converter) para(x ctx) *para {
	if c.cur != nil {
		return c.cur
	}
	props := ""
	if it := x.item; it != nil {
		if !it.used {
			props = fmt.Sprintf(`<w:numPr><w:ilvl w:val="%d"/><w:numId w:val="%d"/></w:numPr>`, it.level, it.num)
			it.used = true
		} else {
			props = fmt.Sprintf(`<w:ind w:left="%d"/>`, listIndent(it.level))
		}
	}
	c.cur = newPara(x.style, props)
	return c.cur
}

// flush writes the open paragraph, unless it shows nothing.
func (c *converter) flush() {
	p := c.cur
	c.cur = nil
	if p == nil || p.empty() {
		return
	}
	for _, name := range c.pending {
		c.marks++
		p.marks += fmt.Sprintf(`<w:bookmarkStart w:id="%d" w:name="%s"/><w:bookmarkEnd w:id="%d"/>`, c.marks, name, c.marks)
	}
	c.pending = nil
	p.write(&c.body)
	c.paras++
	c.table = false
}

// blocks writes the children of n.
func (c *converter) blocks(n *node, x ctx) {
	for _, k := range n.kids {
		c.node(k, x)
	}
}

// node writes n: text and inline elements into the open paragraph, blocks
// on their own.
func (c *converter) node(n *node, x ctx) {
	if n.tag == "" {
		if c.cur == nil && strings.TrimSpace(n.text) == "" {
			return
		}
		c.para(x).text(n.text, x.f)
		return
	}
	if skipped(n) {
		return
	}
	if name := c.anchors[n.attr["id"]]; name != "" {
		c.pending = append(c.pending, name)
	}
	if l := n.attr["lang"]; l != "" {
		x.f.lang = c.otherLang(l)
	}
	if !blockTags[n.tag] {
		c.inline(n, x, x.f)
		return
	}
	c.flush()
	c.block(n, x)
	c.flush()
}

// block writes one block element.
func (c *converter) block(n *node, x ctx) {
	switch n.tag {
	case "h1", "h2", "h3", "h4", "h5", "h6":
		level := min(int(n.tag[1]-'0'), 4)
		c.blocks(n, ctx{style: "Heading" + strconv.Itoa(level), f: x.f})
	case "p":
		switch {
		case n.hasClass("company"):
			x.style = "Company"
		case n.hasClass("lead"):
			x.style = "Lead"
		case n.hasClass("effective"):
			x.style = "Effective"
		case n.hasClass("important"):
			x.f.bold = true
		}
		c.blocks(n, x)
	case "ul", "ol":
		c.list(n, x)
	case "table":
		c.writeTable(n, x)
	case "pre":
		c.pre(n, x)
	case "address":
		c.blocks(n, ctx{style: "Address", f: x.f})
	case "dt":
		c.blocks(n, ctx{style: "Term", f: x.f})
	case "dd":
		c.blocks(n, ctx{style: "Definition", f: x.f})
	case "blockquote":
		c.blocks(n, ctx{style: "Quote", f: x.f, level: x.level})
	case "caption", "figcaption":
		c.blocks(n, ctx{style: "Caption", f: x.f})
	case "hr":
		c.body.WriteString(`<w:p><w:pPr><w:pBdr><w:bottom w:val="single" w:sz="6" w:space="1" w:color="BFBFBF"/></w:pBdr></w:pPr></w:p>`)
		c.paras++
		c.table = false
	default:
		c.blocks(n, x)
	}
}

// pre writes preformatted text, keeping its spaces and lines.
func (c *converter) pre(n *node, x ctx) {
	p := c.para(ctx{style: "Code"})
	p.pre = true
	f := x.f
	f.code = true
	for i, k := range n.kids {
		if i == 0 && k.tag == "" {
			c.inline(&node{text: strings.TrimPrefix(k.text, "\n")}, x, f)
			continue
		}
		c.inline(k, x, f)
	}
}

// inline writes n into the open paragraph in format f.
func (c *converter) inline(n *node, x ctx, f format) {
	if n.tag == "" {
		c.para(x).text(n.text, f)
		return
	}
	if skipped(n) {
		return
	}
	if l := n.attr["lang"]; l != "" {
		f.lang = c.otherLang(l)
	}
	switch n.tag {
	case "br":
		c.para(x).lineBreak()
		return
	case "img":
		c.image(n, x)
		return
	case "strong", "b":
		f.bold = true
	case "em", "i", "cite", "dfn", "var":
		f.italic = true
	case "code", "kbd", "samp", "tt":
		f.code = true
	case "a":
		c.link(n, x, f)
		return
	case "span":
		switch {
		case n.hasClass("box"):
			c.para(x).text("\u2610 ", f)
		case n.hasClass("line"):
			c.para(x).text("________________________________", f)
		}
	}
	for _, k := range n.kids {
		c.inline(k, x, f)
	}
}

// link writes a hyperlink: to a bookmark for "#id", else to its address.
func (c *converter) link(n *node, x ctx, f format) {
	href := strings.TrimSpace(n.attr["href"])
	start := ""
	switch {
	case strings.HasPrefix(href, "#") && c.anchors[href[1:]] != "":
		start = `<w:hyperlink w:anchor="` + c.anchors[href[1:]] + `" w:history="1">`
	case strings.Contains(href, ":"):
		start = `<w:hyperlink r:id="` + c.parts.link(href) + `" w:history="1">`
	}
	p := c.para(x)
	if start != "" {
		p.items = append(p.items, item{kind: itemLinkStart, xml: start})
		f.link = true
	}
	for _, k := range n.kids {
		c.inline(k, x, f)
	}
	if start != "" {
		c.para(x).items = append(c.para(x).items, item{kind: itemLinkEnd})
	}
}

// list writes a <ul> or <ol>, each item a numbered paragraph.
func (c *converter) list(n *node, x ctx) {
	start := 1
	if s, err := strconv.Atoi(n.attr["start"]); err == nil && s > 0 {
		start = s
	}
	level := min(x.level, maxLevel)
	num := c.parts.list(n.tag == "ol", level, start)
	for _, li := range n.kids {
		if li.tag != "li" || skipped(li) {
			continue
		}
		if name := c.anchors[li.attr["id"]]; name != "" {
			c.pending = append(c.pending, name)
		}
		lx := ctx{style: "ListParagraph", item: &listItem{num: num, level: level}, level: level + 1, f: x.f}
		c.flush()
		c.blocks(li, lx)
		c.flush()
	}
}

// otherLang returns the Word language tag of the HTML language l, or ""
// when it is the document's own.
func (c *converter) otherLang(l string) string {
	if w := wordLang(l); w != c.lang {
		return w
	}
	return ""
}

// wordLang maps a page's language to the tag Word's proofing tools use:
// the country whose legal language the documents are written in.
func wordLang(l string) string {
	switch strings.ToLower(l) {
	case "en":
		return "en-GB"
	case "de":
		return "de-DE"
	case "pl":
		return "pl-PL"
	case "vi":
		return "vi-VN"
	}
	return l
}
