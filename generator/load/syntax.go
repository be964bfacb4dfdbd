package load

import (
	"bytes"
	"regexp"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/basis-privacy/basis/generator/model"
)

var yamlLine = regexp.MustCompile(`line (\d+): `)

// bisectLimit is the largest file whose syntax error is located by parsing
// its beginnings; a larger one keeps the line yaml.v3 reports.
const bisectLimit = 1 << 20

// syntaxError turns a yaml.v3 syntax error in data into an Error at the
// line and column of the mistake. yaml.v3 reports the line of the context
// (often the line above the mistake, or the start of the enclosing list), so
// the line is found as the shortest beginning of the file, in whole lines,
// that fails with the same message.
func syntaxError(path string, data []byte, err error) *Error {
	msg, line := splitYAMLError(err)
	lines := bytes.SplitAfter(data, []byte("\n"))
	if len(data) <= bisectLimit {
		if l := firstFailing(lines, msg, line); l > 0 {
			line = l
		}
	}
	col := 1
	if line >= 1 && line <= len(lines) {
		col = mistakeColumn(string(lines[line-1]), msg)
	}
	hint := "check the indentation and that every key is followed by ': ' (quote values that contain ': ' or start with a special character)"
	if strings.Contains(msg, "control characters") {
		hint = "remove the invisible control character there, and save the file as plain UTF-8 text"
	}
	if strings.Contains(msg, "',' or '}'") || strings.Contains(msg, "',' or ']'") {
		hint = `inside {…} or […], a comma or ': ' ends the text: put such text in quotes, e.g. {en: "Orders, returns: 30 days"}, and close every bracket`
	}
	return &Error{Pos: model.Pos{File: path, Line: max(line, 1), Column: col}, Msg: "YAML syntax: " + msg, Hint: hint}
}

// splitYAMLError returns yaml.v3's message without "yaml: line N: ", and N.
func splitYAMLError(err error) (string, int) {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	line := 1
	if m := yamlLine.FindStringSubmatch(msg); m != nil {
		line, _ = strconv.Atoi(m[1])
		msg = strings.Replace(msg, m[0], "", 1)
	}
	return msg, line
}

// firstFailing returns the smallest number of lines whose text fails to
// parse with msg, or 0. Once a beginning holds the mistake every longer one
// fails too. The mistake is at or after near, the line of the context
// yaml.v3 reported, and usually a few lines after it: the search gallops
// forward from there, then halves, so a big file takes a few parses.
func firstFailing(lines [][]byte, msg string, near int) int {
	fails := func(n int) bool {
		var doc yaml.Node
		err := yaml.Unmarshal(bytes.Join(lines[:n], nil), &doc)
		if err == nil {
			return false
		}
		m, _ := splitYAMLError(err)
		return m == msg
	}
	n := len(lines)
	if !fails(n) {
		return 0
	}
	lo := min(max(near-1, 0), n-1) // the last count known to parse
	if lo > 0 && fails(lo) {
		lo = 0
	}
	hi := n // a count known to fail
	for step := 1; lo+step < n; step *= 2 {
		if fails(lo + step) {
			hi = lo + step
			break
		}
		lo += step
	}
	for lo+1 < hi {
		mid := (lo + hi) / 2
		if fails(mid) {
			hi = mid
		} else {
			lo = mid
		}
	}
	return hi
}

// mistakeColumn guesses the column of the mistake on line: the second ': '
// when a value holds one (in an entry of {…} too), the opening bracket of a
// {…} or […] that is not closed, the control character, else the first
// character that is not a space.
func mistakeColumn(line, msg string) int {
	col := func(i int) int { return len([]rune(line[:i])) + 1 }
	if strings.Contains(msg, "',' or '}'") || strings.Contains(msg, "',' or ']'") {
		if i := strings.IndexAny(line, "{["); i >= 0 {
			if j := secondColon(line, i+1); j >= 0 {
				return col(j)
			}
			return col(i)
		}
	}
	if strings.Contains(msg, "mapping values are not allowed") {
		if i := strings.Index(line, ": "); i >= 0 {
			if j := strings.Index(line[i+2:], ": "); j >= 0 {
				return col(i + 2 + j)
			}
		}
	}
	if strings.Contains(msg, "control characters") {
		if i := strings.IndexFunc(line, func(r rune) bool { return r < 0x20 && r != '\t' && r != '\n' && r != '\r' || r == 0x7f }); i >= 0 {
			return col(i)
		}
	}
	trimmed := strings.TrimLeft(line, " ")
	if trimmed == "" || trimmed == "\n" {
		return 1
	}
	return len(line) - len(trimmed) + 1
}

// secondColon returns the index of a second ': ' within one comma-separated
// entry of a flow collection starting at from, outside quotes, or -1.
func secondColon(line string, from int) int {
	seen := false
	for j := from; j+1 < len(line); j++ {
		switch line[j] {
		case ',', '{', '[':
			seen = false
		case '"', '\'':
			k := strings.IndexByte(line[j+1:], line[j])
			if k < 0 {
				return -1
			}
			j += k + 1
		case ':':
			if line[j+1] != ' ' {
				continue
			}
			if seen {
				return j
			}
			seen = true
		}
	}
	return -1
}
