package load

import (
	"fmt"
	"strings"

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
