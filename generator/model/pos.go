package model

import "fmt"

// Pos is a position in an input file, 1-based like editors show it.
type Pos struct {
	File   string
	Line   int
	Column int
}

// String formats the position as file:line:column.
func (p Pos) String() string {
	if p.Line == 0 {
		return p.File
	}
	return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Column)
}

// Positions records where each key of a YAML mapping was written, so that a
// finding can point at the exact value it is about.
type Positions map[string]Pos

// At returns the position of the first of keys that was written, or of the
// mapping itself (key "") when none was. A finding about a key passes that
// key first, then the key that explains it when it is not written:
// At("contract", "role") points at "contract: false" when it is written,
// else at "role: processor".
func (ps Positions) At(keys ...string) Pos {
	for _, key := range keys {
		if p, ok := ps[key]; ok {
			return p
		}
	}
	return ps[""]
}
