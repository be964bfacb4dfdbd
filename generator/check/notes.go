package check

import (
	"github.com/basis-privacy/basis/generator/model"
)

// NoteReworded is the kind of note on a message a company words itself.
const NoteReworded = "reworded"

// Note is information about a company file that is neither an error nor a
// warning: it changes no exit status and stops no build.
type Note struct {
	Pos     model.Pos
	Company string // company slug
	Kind    string // NoteReworded
	Msg     Message
}

// notes notes each message c words itself (content/<slug>/locales/), at
// the position of its first language.
func notes(c *model.Company) []Note {
	var out []Note
	for _, r := range c.Reworded() {
		out = append(out, Note{Pos: r.Pos, Company: c.Slug, Kind: NoteReworded,
			Msg: msg("check.note.reworded", "Company", c.Slug, "Message", r.String())})
	}
	return out
}
