package redline

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"
)

// Section is the text of one section of a page: what one heading starts,
// without the sections nested in it.
type Section struct {
	ID      string   // the id of the section element (its anchor)
	Heading string   // the heading's text
	Level   int      // 2 for h2, 3 for h3, ...
	Paras   []string // the blocks of text (paragraphs, list items, rows), spaces collapsed
}

// numbered matches the anchors of extra sections, which are numbered in
// order: they are matched by their heading instead.
var numbered = regexp.MustCompile(`^section-[0-9]+$`)

// Key is what matches a section with the same section of another version:
// its anchor, or its heading for numbered extra sections.
func (s Section) Key() string {
	if s.ID == "" || numbered.MatchString(s.ID) {
		return "heading:" + s.Heading
	}
	return "id:" + s.ID
}

// Skip is the id of the section that is never compared: the list of
// versions, which changes with every release without the notice changing.
const Skip = "versions"

// blocks are the elements that start a new block of text.
var blocks = map[string]bool{
	"p": true, "li": true, "dt": true, "tr": true, "address": true, "div": true,
	"br": true, "ul": true, "ol": true, "dl": true, "table": true, "caption": true,
	"blockquote": true, "pre": true, "h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true,
}

// cells are the elements whose text is set apart from the next cell's.
var cells = map[string]bool{"td": true, "th": true}

// extractor walks the elements of a page.
type extractor struct {
	out     []*Section
	open    []*Section // the sections enclosing the current element
	depth   []int      // element depth at which each open section started
	level   int        // current element depth
	skip    int        // >0: inside the skipped section or a script, at this depth
	heading int        // >0: inside the heading of the innermost section, at this depth
	buf     strings.Builder
}

// Sections returns the sections of a rendered page in document order,
// leaving out the list of versions (Skip). The page must be well-formed
// enough for encoding/xml in its lenient HTML mode, as Basis's pages are.
func Sections(page []byte) ([]Section, error) {
	d := xml.NewDecoder(bytes.NewReader(page))
	d.Strict = false
	d.AutoClose = xml.HTMLAutoClose
	d.Entity = xml.HTMLEntity
	var x extractor
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("read the page's text: %w", err)
		}
		x.token(tok)
	}
	out := make([]Section, len(x.out))
	for i, s := range x.out {
		out[i] = *s
	}
	return out, nil
}

func (x *extractor) token(tok xml.Token) {
	switch t := tok.(type) {
	case xml.StartElement:
		x.start(t)
	case xml.EndElement:
		x.end(t.Name.Local)
	case xml.CharData:
		if x.skip == 0 && len(x.open) > 0 {
			x.buf.Write(t)
		}
	}
}

func (x *extractor) start(t xml.StartElement) {
	x.level++
	name := strings.ToLower(t.Name.Local)
	if x.skip > 0 {
		return
	}
	id := attr(t, "id")
	switch {
	case name == "script" || name == "style" || (name == "section" && id == Skip):
		x.skip = x.level
		return
	case name == "section":
		x.flush()
		s := &Section{ID: id}
		x.out = append(x.out, s)
		x.open = append(x.open, s)
		x.depth = append(x.depth, x.level)
		return
	}
	if len(name) == 2 && name[0] == 'h' && name[1] >= '1' && name[1] <= '6' && len(x.open) > 0 {
		if s := x.open[len(x.open)-1]; s.Heading == "" && x.heading == 0 {
			x.flush()
			s.Level = int(name[1] - '0')
			x.heading = x.level
			return
		}
	}
	x.boundary(name)
}

func (x *extractor) end(local string) {
	name := strings.ToLower(local)
	defer func() { x.level-- }()
	if x.skip > 0 {
		if x.level == x.skip {
			x.skip = 0
		}
		return
	}
	if x.heading == x.level {
		x.open[len(x.open)-1].Heading = collapse(x.buf.String())
		x.buf.Reset()
		x.heading = 0
		return
	}
	if n := len(x.open); n > 0 && x.depth[n-1] == x.level {
		x.flush()
		x.open, x.depth = x.open[:n-1], x.depth[:n-1]
		return
	}
	if name == "dt" && x.heading == 0 {
		// A term and its description read as one line: "Data: name, email".
		x.buf.WriteString(": ")
		return
	}
	if name == "dd" {
		x.flush()
		return
	}
	x.boundary(name)
}

// boundary ends the current block at a block element and sets table cells apart.
func (x *extractor) boundary(name string) {
	switch {
	case x.heading > 0:
	case blocks[name]:
		x.flush()
	case cells[name]:
		x.buf.WriteByte(' ')
	}
}

// flush adds the text read so far to the innermost section.
func (x *extractor) flush() {
	if x.heading > 0 {
		return
	}
	text := collapse(x.buf.String())
	x.buf.Reset()
	if text == "" || len(x.open) == 0 {
		return
	}
	s := x.open[len(x.open)-1]
	s.Paras = append(s.Paras, text)
}

func attr(t xml.StartElement, name string) string {
	for _, a := range t.Attr {
		if strings.EqualFold(a.Name.Local, name) {
			return a.Value
		}
	}
	return ""
}

// collapse joins the words of s with single spaces.
func collapse(s string) string { return strings.Join(strings.Fields(s), " ") }

// Hash is a digest of the text of sections: equal for two pages whose
// compared text is equal, whatever their markup.
func Hash(sections []Section) string {
	h := sha256.New()
	for _, s := range sections {
		fmt.Fprintf(h, "%d:%s;%d:%s;%d;", len(s.Key()), s.Key(), len(s.Heading), s.Heading, len(s.Paras))
		for _, p := range s.Paras {
			fmt.Fprintf(h, "%d:%s;", len(p), p)
		}
	}
	return hex.EncodeToString(h.Sum(nil))
}
