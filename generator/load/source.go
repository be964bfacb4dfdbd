package load

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"github.com/basis-privacy/basis/generator/model"
)

// offsetOf returns the byte offset in data of line and column (1-based;
// columns count characters, as yaml.v3's do), or -1 if there is none.
func offsetOf(data []byte, line, column int) int {
	at := 0
	for l := 1; l < line; l++ {
		i := bytes.IndexByte(data[at:], '\n')
		if i < 0 {
			return -1
		}
		at += i + 1
	}
	for c := 1; c < column; c++ {
		if at >= len(data) || data[at] == '\n' {
			return -1
		}
		_, n := utf8.DecodeRune(data[at:])
		at += n
	}
	return at
}

// posOf returns the position in file of the byte offset off of data.
func posOf(file string, data []byte, off int) model.Pos {
	off = min(max(off, 0), len(data))
	start := bytes.LastIndexByte(data[:off], '\n') + 1
	return model.Pos{File: file, Line: bytes.Count(data[:off], []byte("\n")) + 1, Column: utf8.RuneCount(data[start:off]) + 1}
}

// placeholderPos returns where in the file data the "{{" at byte offset
// off of text, the value of the scalar n as read, is written: the k-th
// "{{" of the text is the k-th of the scalar as written, whatever its
// quotes, escapes and line breaks. It returns the scalar's position when
// off is not such a "{{" or the file does not tell.
func (d *decoder) placeholderPos(data []byte, n *yaml.Node, text string, off int) model.Pos {
	if off < 0 || off > len(text) || !strings.HasPrefix(text[off:], "{{") {
		return d.pos(n)
	}
	k := strings.Count(text[:off], "{{")
	at := offsetOf(data, n.Line, n.Column)
	if at < 0 {
		return d.pos(n)
	}
	for ; ; k-- {
		i := bytes.Index(data[at:], []byte("{{"))
		if i < 0 {
			return d.pos(n)
		}
		if at += i; k == 0 {
			return posOf(d.file, data, at)
		}
		at += 2
	}
}
