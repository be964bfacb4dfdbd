package model

import (
	"slices"
	"strings"
)

// Reword is a message the company words itself, in the languages it does.
type Reword struct {
	ID    string
	Langs []string // in the company's order of languages
	Pos   Pos      // where the first of them is written
}

// String names the message and its languages: "notice.rights.free (de, en)".
func (r Reword) String() string { return r.ID + " (" + strings.Join(r.Langs, ", ") + ")" }

// Reworded lists the messages the company words itself, by id.
func (c *Company) Reworded() []Reword {
	var out []Reword
	for _, m := range c.Messages {
		i := slices.IndexFunc(out, func(r Reword) bool { return r.ID == m.ID })
		if i < 0 {
			out = append(out, Reword{ID: m.ID, Pos: m.Pos})
			i = len(out) - 1
		}
		out[i].Langs = append(out[i].Langs, m.Lang)
	}
	rank := func(l string) int { return slices.Index(c.Languages, l) }
	for i := range out {
		slices.SortFunc(out[i].Langs, func(a, b string) int { return rank(a) - rank(b) })
	}
	slices.SortFunc(out, func(a, b Reword) int { return strings.Compare(a.ID, b.ID) })
	return out
}
