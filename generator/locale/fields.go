package locale

import (
	"maps"
	"slices"
	"strings"
	"text/template/parse"
)

// fieldsOf returns the data fields ({{.Name}}) the message texts use, sorted
// and without repeats, or the first syntax error. Texts without "{{" are
// plain text, as go-i18n treats them.
func fieldsOf(texts []string) ([]string, error) {
	seen := map[string]bool{}
	for _, s := range texts {
		if !strings.Contains(s, "{{") {
			continue
		}
		t := parse.New("message")
		t.Mode = parse.SkipFuncCheck
		trees := map[string]*parse.Tree{}
		if _, err := t.Parse(s, "{{", "}}", trees); err != nil {
			return nil, err
		}
		for _, tr := range trees {
			walk(tr.Root, seen)
		}
	}
	return slices.Sorted(maps.Keys(seen)), nil
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
