package render

import (
	"html/template"
	"strconv"
	"text/template/parse"

	"github.com/basis-privacy/basis/generator/locale"
)

// foldMessages replaces, in every template of set (bound to p, not yet
// executed), each action that is only a message without data, {{t "id"}},
// by that message as p words it: every page of a view shares those words,
// so they are looked up once, not once per page through a reflective call.
// A view is a language in a register (New folds each shared set) or a
// company's own wording (view folds the copy made for it): never fold the
// base templates, which are cloned for every wording. The escaping html/template adds for the action's
// context stays as it was. A message the language lacks is left to be
// looked up, and so reported, when a page needs it.
func foldMessages(set *template.Template, p *locale.Printer) {
	for _, t := range set.Templates() {
		if t.Tree != nil && t.Tree.Root != nil {
			foldList(t.Tree.Root, p)
		}
	}
}

func foldList(l *parse.ListNode, p *locale.Printer) {
	if l == nil {
		return
	}
	for _, n := range l.Nodes {
		switch n := n.(type) {
		case *parse.ActionNode:
			foldAction(n, p)
		case *parse.IfNode:
			foldList(n.List, p)
			foldList(n.ElseList, p)
		case *parse.RangeNode:
			foldList(n.List, p)
			foldList(n.ElseList, p)
		case *parse.WithNode:
			foldList(n.List, p)
			foldList(n.ElseList, p)
		case *parse.ListNode:
			foldList(n, p)
		}
	}
}

// foldAction turns {{t "id"}} into {{"the message"}}.
func foldAction(a *parse.ActionNode, p *locale.Printer) {
	if a.Pipe == nil || len(a.Pipe.Decl) > 0 || len(a.Pipe.Cmds) != 1 {
		return
	}
	cmd := a.Pipe.Cmds[0]
	if len(cmd.Args) != 2 {
		return
	}
	fn, ok := cmd.Args[0].(*parse.IdentifierNode)
	id, ok2 := cmd.Args[1].(*parse.StringNode)
	if !ok || !ok2 || fn.Ident != "t" || !p.Has(id.Text) {
		return
	}
	msg := p.T(id.Text)
	id.Text, id.Quoted = msg, strconv.Quote(msg)
	cmd.Args = cmd.Args[1:]
}
