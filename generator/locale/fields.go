package locale

import (
	"maps"
	"slices"
	"strings"
	"text/template/parse"
	"unicode/utf8"
)

// fieldsOf returns the data fields ({{.Name}}) the message texts use, sorted
// and without repeats, or the first syntax error. Texts without "{{" are
// plain text, as go-i18n treats them. It reads the shared messages, which
// may use any action; a company's own wording is read by ownFields.
func fieldsOf(texts []string) ([]string, error) {
	seen := map[string]bool{}
	for _, s := range texts {
		if !strings.Contains(s, "{{") {
			continue
		}
		trees, err := parseMessage(s, 0)
		if err != nil {
			return nil, err
		}
		for _, tr := range trees {
			walk(tr.Root, seen)
		}
	}
	return slices.Sorted(maps.Keys(seen)), nil
}

// parseMessage parses the message text s as go-i18n does (text/template),
// without looking up functions.
func parseMessage(s string, mode parse.Mode) (map[string]*parse.Tree, error) {
	t := parse.New("message")
	t.Mode = parse.SkipFuncCheck | mode
	trees := map[string]*parse.Tree{}
	if _, err := t.Parse(s, "{{", "}}", trees); err != nil {
		return nil, err
	}
	return trees, nil
}

// action is a part of a company's text between "{{" and "}}": where it
// starts (a byte offset in the text) and what it says.
type action struct {
	Offset int
	Text   string
}

// ownText is a company's own wording of a message, read by ownFields.
type ownText struct {
	fields map[string]int // each placeholder ({{.Name}}) and where it first is
	bad    *action        // the first action that is not a placeholder
}

// ownFields reads a company's text of a message: plain text and
// placeholders ({{.Name}}, one field of the data, nothing else). Any other
// action (range, if, with, define, template, block, a function, a
// pipeline, a variable, a comment) is reported as bad: the shared
// messages use none, and a company's text that could loop or recurse
// would hold up every build of its documents. Every "{{" of the text must
// open a placeholder of the message's own template.
func ownFields(s string) (ownText, error) {
	out := ownText{fields: map[string]int{}}
	if !strings.Contains(s, "{{") {
		return out, nil
	}
	trees, err := parseMessage(s, parse.ParseComments)
	if err != nil {
		return out, err
	}
	opens := map[int]bool{} // where the placeholders start
	if tr := trees["message"]; tr != nil {
		for _, n := range tr.Root.Nodes {
			if f, ok := placeholder(n); ok {
				at := actionStart(s, n.Position())
				opens[at] = true
				if _, seen := out.fields[f]; !seen {
					out.fields[f] = at
				}
			}
		}
	}
	for i := 0; ; i += 2 {
		j := strings.Index(s[i:], "{{")
		if j < 0 {
			return out, nil
		}
		if i += j; !opens[i] {
			out.bad = &action{Offset: i, Text: actionText(s, i)}
			return out, nil
		}
	}
}

// placeholder returns the field of n if n is {{.Name}} and nothing else.
func placeholder(n parse.Node) (string, bool) {
	a, ok := n.(*parse.ActionNode)
	if !ok || a.Pipe == nil || len(a.Pipe.Decl) > 0 || len(a.Pipe.Cmds) != 1 || len(a.Pipe.Cmds[0].Args) != 1 {
		return "", false
	}
	f, ok := a.Pipe.Cmds[0].Args[0].(*parse.FieldNode)
	if !ok || len(f.Ident) != 1 {
		return "", false
	}
	return f.Ident[0], true
}

// actionStart returns the offset of the "{{" that opens the action at pos.
func actionStart(s string, pos parse.Pos) int {
	p := min(max(int(pos), 0), len(s))
	if strings.HasPrefix(s[p:], "{{") {
		return p
	}
	if i := strings.LastIndex(s[:p], "{{"); i >= 0 {
		return i
	}
	return 0
}

// maxActionText is how much of an action a message quotes.
const maxActionText = 40

// actionText returns the action that starts at offset start, up to its
// "}}", shortened to maxActionText characters.
func actionText(s string, start int) string {
	t := s[start:]
	if i := strings.Index(t, "}}"); i >= 0 {
		t = t[:i+2]
	}
	if utf8.RuneCountInString(t) <= maxActionText {
		return t
	}
	r := []rune(t)
	return string(r[:maxActionText-1]) + "…"
}

// walk adds the first name of every field node under n to seen.
func walk(n parse.Node, seen map[string]bool) {
	switch n := n.(type) {
	case *parse.ListNode:
		if n == nil {
			return
		}
		for _, c := range n.Nodes {
			walk(c, seen)
		}
	case *parse.ActionNode:
		walk(n.Pipe, seen)
	case *parse.PipeNode:
		if n == nil {
			return
		}
		for _, c := range n.Cmds {
			walk(c, seen)
		}
	case *parse.CommandNode:
		for _, a := range n.Args {
			walk(a, seen)
		}
	case *parse.FieldNode:
		seen[n.Ident[0]] = true
	case *parse.ChainNode:
		walk(n.Node, seen)
	case *parse.IfNode:
		walkBranch(&n.BranchNode, seen)
	case *parse.RangeNode:
		walkBranch(&n.BranchNode, seen)
	case *parse.WithNode:
		walkBranch(&n.BranchNode, seen)
	}
}

func walkBranch(b *parse.BranchNode, seen map[string]bool) {
	walk(b.Pipe, seen)
	walk(b.List, seen)
	if b.ElseList != nil {
		walk(b.ElseList, seen)
	}
}
