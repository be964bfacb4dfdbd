package render

import (
	"bytes"
	"unicode"
	"unicode/utf8"
)

// Long words: a word (a run of text without a space) longer than
// longWord characters, such as the address of a policy, gets places to wrap
// (<wbr>): after a character that ends a part of an address, and at least
// every wrapEvery characters. Without them the word would run past the
// right margin of the printed page, which cuts it off, or widen the column
// of its table past the page. Shorter words stay as they are: the style
// sheet wraps a word only where it overflows (overflow-wrap: break-word),
// which keeps words whole in narrow table columns.
const (
	longWord   = 40
	wrapEvery  = 20
	wrapMinRun = 6 // characters since the last place before one after a separator
)

// rawText are the elements whose text is left as it is: code, and what a
// browser does not show as text.
var rawText = [][]byte{[]byte("pre"), []byte("code"), []byte("script"), []byte("style"), []byte("title"), []byte("textarea")}

// wrapLongWords returns page with places to wrap in its long words (see
// longWord). Tags, comments, entities and the text of rawText elements
// are copied as they are.
func wrapLongWords(page []byte) []byte {
	var out bytes.Buffer
	out.Grow(len(page))
	var word []byte // the word being read, not yet written
	flush := func() {
		writeWord(&out, word)
		word = word[:0]
	}
	for i := 0; i < len(page); {
		switch c := page[i]; {
		case c == '<':
			flush()
			n := tagLen(page[i:])
			out.Write(page[i : i+n])
			i += n
		case c == '&':
			n := entityLen(page[i:])
			word = append(word, page[i:i+n]...)
			i += n
		default:
			r, n := utf8.DecodeRune(page[i:])
			if unicode.IsSpace(r) {
				flush()
				out.Write(page[i : i+n])
			} else {
				word = append(word, page[i:i+n]...)
			}
			i += n
		}
	}
	flush()
	return out.Bytes()
}

// writeWord writes word, with places to wrap if it is long.
func writeWord(out *bytes.Buffer, word []byte) {
	if units(word) <= longWord {
		out.Write(word)
		return
	}
	run := 0 // characters since the last place to wrap
	for i := 0; i < len(word); {
		n := charLen(word[i:])
		if run >= wrapEvery && i > 0 {
			out.WriteString("<wbr>")
			run = 0
		}
		out.Write(word[i : i+n])
		run++
		i += n
		if i < len(word) && run >= wrapMinRun && separator(word[i-1]) && !separator(word[i]) {
			out.WriteString("<wbr>")
			run = 0
		}
	}
}

// separator reports whether c ends a part of an address, where it may
// wrap (after the last of several: "https://|").
func separator(c byte) bool { return bytes.IndexByte([]byte("/?&=-_.:,;"), c) >= 0 }

// units counts the characters of word, an entity as one.
func units(word []byte) int {
	n := 0
	for i := 0; i < len(word); n++ {
		i += charLen(word[i:])
	}
	return n
}

// charLen returns the length of the character or entity at the start of b.
func charLen(b []byte) int {
	if b[0] == '&' {
		return entityLen(b)
	}
	_, n := utf8.DecodeRune(b)
	return n
}

// entityLen returns the length of the entity (&amp;) at the start of b,
// or 1 for an "&" that starts none.
func entityLen(b []byte) int {
	if n := bytes.IndexByte(b, ';') + 1; n > 1 && n <= 12 {
		return n
	}
	return 1
}

// tagLen returns the length of the tag or comment at the start of b, and
// of the text and closing tag that follow the start tag of a rawText
// element.
func tagLen(b []byte) int {
	if bytes.HasPrefix(b, []byte("<!--")) {
		if i := bytes.Index(b[4:], []byte("-->")); i >= 0 {
			return 4 + i + 3
		}
		return len(b)
	}
	end := tagEnd(b)
	name := tagName(b[1:end])
	for _, raw := range rawText {
		if bytes.EqualFold(name, raw) {
			close := append([]byte("</"), raw...)
			if i := bytes.Index(bytes.ToLower(b[end:]), close); i >= 0 {
				return end + i + tagEnd(b[end+i:])
			}
			return len(b)
		}
	}
	return end
}

// tagEnd returns the length of the tag at the start of b, up to its ">"
// outside quotes.
func tagEnd(b []byte) int {
	var quote byte
	for i := 1; i < len(b); i++ {
		switch c := b[i]; {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '>':
			return i + 1
		}
	}
	return len(b)
}

// tagName returns the name of a start tag, without its "<".
func tagName(b []byte) []byte {
	for i, c := range b {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
			return b[:i]
		}
	}
	return b
}
