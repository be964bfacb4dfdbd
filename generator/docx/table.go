package docx

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// textWidth is the width between the margins of an A4 page with 2 cm
// margins, in twentieths of a point.
const textWidth = 9638

// row is one table row; head rows repeat at the top of every page.
type row struct {
	cells []*node
	head  bool
}

// writeTable writes a <table>: its visible caption above it, header rows
// that Word repeats on each page, and columns as wide as their text needs.
func (c *converter) writeTable(n *node, x ctx) {
	var rows []row
	for _, k := range n.kids {
		switch {
		case k.tag == "caption" && !skipped(k):
			c.blocks(k, ctx{style: "Caption", f: x.f})
			c.flush()
		case k.tag == "thead", k.tag == "tbody", k.tag == "tfoot":
			for _, tr := range k.kids {
				if tr.tag == "tr" {
					rows = append(rows, row{cells: cells(tr), head: k.tag == "thead"})
				}
			}
		case k.tag == "tr":
			rows = append(rows, row{cells: cells(k)})
		}
	}
	if len(rows) == 0 {
		return
	}
	widths := columnWidths(rows)
	if c.table {
		c.body.WriteString(`<w:p><w:pPr><w:pStyle w:val="TableText"/></w:pPr></w:p>`)
	}
	b := &c.body
	b.WriteString(`<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="` + strconv.Itoa(textWidth) + `" w:type="dxa"/>`)
	b.WriteString(`<w:tblLayout w:type="fixed"/><w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr><w:tblGrid>`)
	for _, w := range widths {
		b.WriteString(`<w:gridCol w:w="` + strconv.Itoa(w) + `"/>`)
	}
	b.WriteString("</w:tblGrid>")
	for _, r := range rows {
		c.writeRow(r, widths, x)
	}
	b.WriteString("</w:tbl>")
	c.table = true
}

// writeRow writes one row; a row is never split across pages.
func (c *converter) writeRow(r row, widths []int, x ctx) {
	c.body.WriteString("<w:tr><w:trPr><w:cantSplit/>")
	if r.head {
		c.body.WriteString("<w:tblHeader/>")
	}
	c.body.WriteString("</w:trPr>")
	col := 0
	for _, cell := range r.cells {
		span := colspan(cell)
		w := 0
		for i := col; i < col+span && i < len(widths); i++ {
			w += widths[i]
		}
		col += span
		c.body.WriteString(`<w:tc><w:tcPr><w:tcW w:w="` + strconv.Itoa(w) + `" w:type="dxa"/>`)
		if span > 1 {
			fmt.Fprintf(&c.body, `<w:gridSpan w:val="%d"/>`, span)
		}
		if r.head {
			c.body.WriteString(`<w:shd w:val="clear" w:color="auto" w:fill="E8EDF3"/>`)
		}
		c.body.WriteString("</w:tcPr>")
		style := "TableText"
		if cell.tag == "th" {
			style = "TableHeading"
		}
		c.cell(cell, ctx{style: style, f: x.f})
		c.body.WriteString("</w:tc>")
	}
	// Word needs every grid column in a row.
	for ; col < len(widths); col++ {
		fmt.Fprintf(&c.body, `<w:tc><w:tcPr><w:tcW w:w="%d" w:type="dxa"/></w:tcPr><w:p/></w:tc>`, widths[col])
	}
	c.body.WriteString("</w:tr>")
}

// cell writes the content of a cell, which Word needs to end in a paragraph.
func (c *converter) cell(n *node, x ctx) {
	before := c.paras
	c.cur, c.table = nil, false
	c.blocks(n, x)
	c.flush()
	if c.paras == before || c.table {
		c.body.WriteString(`<w:p><w:pPr><w:pStyle w:val="` + x.style + `"/></w:pPr></w:p>`)
		c.paras++
	}
	c.table = false
}

// cells returns the th and td of a row.
func cells(tr *node) []*node {
	var out []*node
	for _, k := range tr.kids {
		if k.tag == "th" || k.tag == "td" {
			out = append(out, k)
		}
	}
	return out
}

// maxColumns is the most columns a Word table can have.
const maxColumns = 63

// colspan is how many columns the cell n spans, as many as Word allows at most.
func colspan(n *node) int {
	if s, err := strconv.Atoi(n.attr["colspan"]); err == nil && s > 1 {
		return min(s, maxColumns)
	}
	return 1
}

// Approximate widths in twips, for columns wide enough for their longest
// word: a bold character of the 9.5 pt table text, and a cell's margins.
const (
	charWidth  = 115
	cellMargin = 230
)

// columnWidths shares the text width among the columns: each first gets
// room for its longest word (so no word breaks in the middle), the rest
// goes by the length of the longest text, within bounds, so short columns
// stay narrow.
func columnWidths(rows []row) []int {
	cols := 0
	for _, r := range rows {
		n := 0
		for _, cell := range r.cells {
			n += colspan(cell)
		}
		cols = max(cols, n)
	}
	weight, least := make([]int, cols), make([]int, cols)
	for i := range weight {
		weight[i], least[i] = 20, cellMargin+4*charWidth
	}
	for _, r := range rows {
		col := 0
		for _, cell := range r.cells {
			if span := colspan(cell); span > 1 {
				col += span
				continue
			}
			text := strings.Fields(cell.textContent())
			weight[col] = max(weight[col], min(utf8.RuneCountInString(strings.Join(text, " ")), 100)+12)
			for _, w := range text {
				least[col] = max(least[col], min(cellMargin+utf8.RuneCountInString(w)*charWidth, textWidth/cols))
			}
			col++
		}
	}
	return share(weight, least)
}

// share divides textWidth: each column its least, the rest by weight.
func share(weight, least []int) []int {
	spare, total := textWidth, 0
	for i := range weight {
		spare -= least[i]
		total += weight[i]
	}
	widths := make([]int, len(weight))
	left := textWidth
	for i := range weight {
		if spare > 0 {
			widths[i] = least[i] + spare*weight[i]/total
		} else {
			widths[i] = textWidth / len(weight)
		}
		left -= widths[i]
	}
	widths[len(widths)-1] += left
	return widths
}
