// Package redline compares two versions of a published notice the way a
// reader compares them: section by section (a section is what a heading
// starts), word by word. Sections reads the text of each section out of a
// rendered page; Compare matches the sections of two versions by their
// anchor, names the sections added and removed, and marks the words
// inserted and deleted in each changed section.
//
// The word diff is github.com/sergi/go-diff (Myers' algorithm with semantic
// clean-up): each distinct word is mapped to one rune, the rune strings are
// compared, and the runes are mapped back, as its line mode does for lines.
//
// Example:
//
//	old, err := redline.Sections(previousHTML)
//	...
//	now, err := redline.Sections(currentHTML)
//	...
//	r := redline.Compare(old, now)
//	for _, s := range r.Sections {
//		if s.Status == redline.Changed {
//			fmt.Println(s.Heading, s.Inserted, s.Deleted)
//		}
//	}
package redline
