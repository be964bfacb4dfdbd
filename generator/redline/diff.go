package redline

import (
	"strings"

	"github.com/sergi/go-diff/diffmatchpatch"
)

// Op is what happened to a run of words.
type Op int

// Ops.
const (
	Equal Op = iota
	Insert
	Delete
)

// Status is what happened to a section.
type Status int

// Statuses.
const (
	Same Status = iota
	Changed
	Added
	Removed
)

// String names the status: same, changed, added or removed.
func (s Status) String() string {
	return [...]string{"same", "changed", "added", "removed"}[s]
}

// Span is a run of words with the same Op.
type Span struct {
	Op   Op
	Text string
}

// Inserted reports whether the span's words were inserted; for templates.
func (s Span) Inserted() bool { return s.Op == Insert }

// Deleted reports whether the span's words were deleted; for templates.
func (s Span) Deleted() bool { return s.Op == Delete }

// Change is one section of the comparison.
type Change struct {
	N        int // its place in the comparison, from 1: an anchor for links
	Key      string
	ID       string // the anchor of the section in the later version, else in the earlier
	Heading  string // as the later version has it, else the earlier
	Renamed  string // the earlier heading, when the later one differs
	Level    int
	Status   Status
	Paras    [][]Span
	Inserted int // words inserted
	Deleted  int // words deleted
}

// Redline compares two versions: every section of both, in the later
// version's order with removed sections where they were.
type Redline struct {
	Sections []Change
	Added    []string // headings of the sections only the later version has
	Removed  []string // headings of the sections only the earlier version has
}

// Changed lists the sections whose text changed, in order.
func (r *Redline) Changed() []Change {
	var out []Change
	for _, c := range r.Sections {
		if c.Status == Changed {
			out = append(out, c)
		}
	}
	return out
}

// Same reports whether the two versions have the same text.
func (r *Redline) Same() bool {
	for _, c := range r.Sections {
		if c.Status != Same {
			return false
		}
	}
	return true
}

// Compare compares the sections of an earlier and a later version.
func Compare(earlier, later []Section) *Redline {
	r := &Redline{}
	before := map[string]Section{}
	for _, s := range earlier {
		before[s.Key()] = s
	}
	after := map[string]bool{}
	for _, s := range later {
		after[s.Key()] = true
	}
	// Removed sections go after the nearest earlier section that remains.
	removedAfter := map[string][]Section{}
	anchor := ""
	for _, s := range earlier {
		if after[s.Key()] {
			anchor = s.Key()
			continue
		}
		removedAfter[anchor] = append(removedAfter[anchor], s)
	}
	emitRemoved := func(key string) {
		for _, s := range removedAfter[key] {
			r.Removed = append(r.Removed, s.Heading)
			r.Sections = append(r.Sections, whole(s, Removed, Delete))
		}
	}
	defer func() {
		for i := range r.Sections {
			r.Sections[i].N = i + 1
		}
	}()
	emitRemoved("")
	for _, s := range later {
		old, ok := before[s.Key()]
		switch {
		case !ok:
			r.Added = append(r.Added, s.Heading)
			r.Sections = append(r.Sections, whole(s, Added, Insert))
		default:
			r.Sections = append(r.Sections, compare(old, s))
		}
		emitRemoved(s.Key())
	}
	return r
}

// whole is a section added or removed: all its words inserted or deleted.
func whole(s Section, st Status, op Op) Change {
	c := Change{Key: s.Key(), ID: s.ID, Heading: s.Heading, Level: s.Level, Status: st}
	for _, p := range s.Paras {
		c.Paras = append(c.Paras, []Span{{Op: op, Text: p}})
		n := len(strings.Fields(p))
		if op == Insert {
			c.Inserted += n
		} else {
			c.Deleted += n
		}
	}
	return c
}

var ops = map[diffmatchpatch.Operation]Op{diffmatchpatch.DiffEqual: Equal,
	diffmatchpatch.DiffInsert: Insert, diffmatchpatch.DiffDelete: Delete}

// paraBreak is the word that stands for the end of a block of text.
const paraBreak = "\n"

// compare diffs the words of one section in two versions.
func compare(old, now Section) Change {
	c := Change{Key: now.Key(), ID: now.ID, Heading: now.Heading, Level: now.Level}
	if old.Heading != now.Heading {
		c.Renamed = old.Heading
	}
	var w words
	a, b := w.encode(old.Paras), w.encode(now.Paras)
	dmp := diffmatchpatch.New()
	dmp.DiffTimeout = 0 // the same result however busy the machine is
	diffs := dmp.DiffCleanupSemantic(dmp.DiffMainRunes(a, b, false))
	var para []Span
	var run []string // the words of the span being read
	op := Equal
	endSpan := func() {
		if len(run) > 0 {
			para = append(para, Span{Op: op, Text: strings.Join(run, " ")})
			run = nil
		}
	}
	endPara := func() {
		endSpan()
		if len(para) > 0 {
			c.Paras = append(c.Paras, para)
		}
		para = nil
	}
	for _, d := range diffs {
		if next := ops[d.Type]; next != op {
			endSpan()
			op = next
		}
		for _, word := range w.decode(d.Text) {
			switch {
			case word == paraBreak:
				endPara()
			case op == Insert:
				c.Inserted++
			case op == Delete:
				c.Deleted++
			}
			if word != paraBreak {
				run = append(run, word)
			}
		}
	}
	endPara()
	if c.Inserted > 0 || c.Deleted > 0 || c.Renamed != "" {
		c.Status = Changed
	}
	return c
}

// words maps each distinct word to one rune, so that a diff of runes is a
// diff of words.
type words struct {
	index map[string]rune
	list  []string
}

func (w *words) encode(paras []string) []rune {
	if w.index == nil {
		w.index = map[string]rune{}
	}
	var out []rune
	for i, p := range paras {
		if i > 0 {
			out = append(out, w.rune(paraBreak))
		}
		for _, f := range strings.Fields(p) {
			out = append(out, w.rune(f))
		}
	}
	return out
}

// rune returns the rune of word, skipping the surrogate range, which a Go
// string cannot hold.
func (w *words) rune(word string) rune {
	if r, ok := w.index[word]; ok {
		return r
	}
	r := rune(len(w.list) + 1)
	if r >= 0xD800 {
		r += 0x800
	}
	w.index[word] = r
	w.list = append(w.list, word)
	return r
}

func (w *words) decode(s string) []string {
	var out []string
	for _, r := range s {
		i := int(r) - 1
		if r > 0xDFFF {
			i -= 0x800
		}
		out = append(out, w.list[i])
	}
	return out
}
