package docx

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
)

// node is one element or text of the HTML page: tag is empty for text.
type node struct {
	tag  string
	text string
	attr map[string]string
	kids []*node
}

// ParseError reports HTML the converter cannot read.
type ParseError struct {
	Line int
	Err  error
}

func (e *ParseError) Error() string {
	msg := e.Err.Error()
	if se, ok := e.Err.(*xml.SyntaxError); ok {
		msg = se.Msg
	}
	return fmt.Sprintf("read the HTML page: line %d: %s", e.Line, msg)
}

func (e *ParseError) Unwrap() error { return e.Err }

// parse reads an HTML page into a tree with encoding/xml's HTML mode:
// void elements close themselves and HTML's named entities are known.
func parse(page []byte) (*node, error) {
	d := xml.NewDecoder(bytes.NewReader(page))
	d.Strict = false
	d.AutoClose = xml.HTMLAutoClose
	d.Entity = xml.HTMLEntity
	root := &node{tag: "#document"}
	stack := []*node{root}
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			line, _ := d.InputPos()
			if se, ok := err.(*xml.SyntaxError); ok {
				line = se.Line
			}
			return nil, &ParseError{Line: line, Err: err}
		}
		top := stack[len(stack)-1]
		switch t := tok.(type) {
		case xml.StartElement:
			n := &node{tag: strings.ToLower(t.Name.Local), attr: map[string]string{}}
			for _, a := range t.Attr {
				name := a.Name.Local
				if a.Name.Space != "" {
					name = a.Name.Space + ":" + name
				}
				n.attr[strings.ToLower(name)] = a.Value
			}
			top.kids = append(top.kids, n)
			stack = append(stack, n)
		case xml.EndElement:
			if len(stack) > 1 {
				stack = stack[:len(stack)-1]
			}
		case xml.CharData:
			top.kids = append(top.kids, &node{text: string(t)})
		}
	}
	return root, nil
}

// find returns the first element named tag in n, depth first.
func (n *node) find(tag string) *node {
	if n.tag == tag {
		return n
	}
	for _, k := range n.kids {
		if f := k.find(tag); f != nil {
			return f
		}
	}
	return nil
}

// hasClass reports whether n's class attribute lists name.
func (n *node) hasClass(name string) bool {
	for _, c := range strings.Fields(n.attr["class"]) {
		if c == name {
			return true
		}
	}
	return false
}

// textContent returns all text under n.
func (n *node) textContent() string {
	if n.tag == "" {
		return n.text
	}
	var b strings.Builder
	for _, k := range n.kids {
		b.WriteString(k.textContent())
	}
	return b.String()
}

// walk calls f on n and every node under it the printed page shows.
func (n *node) walk(f func(*node)) {
	if n.tag != "" && skipped(n) {
		return
	}
	f(n)
	for _, k := range n.kids {
		k.walk(f)
	}
}
