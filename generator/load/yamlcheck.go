package load

import (
	"fmt"
	"strings"
	"unicode"

	"gopkg.in/yaml.v3"
)

// minYear is the earliest year a date in a company file may have; an
// earlier one (0000-01-01) is a mistake, not a date a notice took effect.
const minYear = 1900

// tags reports every explicit YAML tag (!!binary, !!python/..., !foo):
// Basis reads plain values only, and would otherwise drop the tag silently.
// !!str, which only says "this is text", is allowed. Aliases are not
// followed: the anchored node is visited where it is written.
func (d *decoder) tags(n *yaml.Node) {
	if n.Style&yaml.TaggedStyle != 0 && n.Tag != "!!str" {
		d.fail(n, "remove the tag: Basis reads plain values (quote text that starts with !)", "YAML tag %s is not supported", n.Tag)
	}
	for _, c := range n.Content {
		d.tags(c)
	}
}

// splitByComma reports whether v, the value of an entry of the mapping n
// written as {…}, is missing because the entry was split off the text
// before it by a comma: {en: Orders, returns and refunds}.
func splitByComma(n, v *yaml.Node) bool {
	return n.Style&yaml.FlowStyle != 0 && v.Kind == yaml.ScalarNode && v.Tag == "!!null" && v.Value == ""
}

// quoteHint says to quote the text that the entry at index i of n was split
// from, quoting the text as it was meant.
func quoteHint(n *yaml.Node, i int) string {
	if i < 2 {
		return `a comma inside {…} ends the text: put text that contains a comma in quotes, e.g. {en: "Orders, returns"}`
	}
	s := i - 2
	for s >= 2 && splitByComma(n, n.Content[s+1]) {
		s -= 2
	}
	lang, text := n.Content[s].Value, n.Content[s+1].Value
	for j := s + 2; j+1 < len(n.Content) && splitByComma(n, n.Content[j+1]); j += 2 {
		text += ", " + n.Content[j].Value
	}
	return fmt.Sprintf("a comma inside {…} ends the text: put it in quotes, %s: %q", lang, strings.TrimSpace(text))
}

// controls reports every text of n that holds a character no document can
// show (see notText), at the key that holds the text, or at the list item:
// a Word document cannot even hold it, and a page shows it as a box or not
// at all. what names n for the message.
func (d *decoder) controls(n *yaml.Node, what string) {
	switch n.Kind {
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			if !d.control(k, k.Value, k.Value) && v.Kind == yaml.ScalarNode {
				d.control(k, k.Value, v.Value)
				continue
			}
			d.controls(v, k.Value)
		}
	case yaml.SequenceNode:
		for _, c := range n.Content {
			if c.Kind == yaml.ScalarNode {
				d.control(c, what, c.Value)
				continue
			}
			d.controls(c, what)
		}
	}
}

// control reports s, the text of what, at n if it holds a character that
// is not text.
func (d *decoder) control(n *yaml.Node, what, s string) bool {
	i, r := notText(s)
	if i < 0 {
		return false
	}
	d.fail(n, controlHint, "%s %s", what, notTextMessage(r))
	return true
}

// controlHint says how to fix a text that holds a control character.
const controlHint = "remove the character: a document holds printable text, tabs and line breaks only"

// notTextMessage says what is wrong with the character r, after the name
// of the text that holds it.
func notTextMessage(r rune) string {
	if unicode.IsControl(r) {
		return fmt.Sprintf("holds the control character U+%04X, which no document can show", r)
	}
	return fmt.Sprintf("holds the character U+%04X, which is not text", r)
}

// notText returns the byte offset and the first character of s that a
// document cannot hold: a control character (C0, DEL, C1) other than tab,
// line feed and carriage return, or a noncharacter (U+FFFE, U+FFFF and the
// like, which XML forbids), or -1.
func notText(s string) (int, rune) {
	for i, r := range s {
		switch {
		case r == '\t' || r == '\n' || r == '\r':
		case unicode.IsControl(r), r&0xFFFE == 0xFFFE, r >= 0xFDD0 && r <= 0xFDEF:
			return i, r
		}
	}
	return -1, 0
}
