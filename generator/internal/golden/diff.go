package golden

import (
	"fmt"
	"strings"
)

// context is how many unchanged lines a hunk shows around a change.
const context = 3

// maxLines bounds the part of each input, after their common beginning and
// end, that the diff compares (its table takes maxLines² cells); beyond it
// the rest is shown as removed and added whole.
const maxLines = 3000

// Diff returns a unified diff from a (named aname) to b (named bname), or ""
// when they are equal.
func Diff(aname, bname, a, b string) string {
	if a == b {
		return ""
	}
	x, y := lines(a), lines(b)
	ops := edits(x, y)
	var out strings.Builder
	fmt.Fprintf(&out, "--- %s\n+++ %s\n", aname, bname)
	for _, h := range hunks(ops) {
		writeHunk(&out, h, ops)
	}
	return out.String()
}

func lines(s string) []string {
	ls := strings.SplitAfter(s, "\n")
	if len(ls) > 0 && ls[len(ls)-1] == "" {
		ls = ls[:len(ls)-1]
	}
	return ls
}

// op is one line of the edit script: ' ' kept, '-' only in a, '+' only in b;
// ai and bi are the line numbers (0-based) in a and b before the line.
type op struct {
	kind   byte
	text   string
	ai, bi int
}

// edits computes a shortest edit script: the common beginning and end are
// kept, and the middle is compared by its longest common subsequence.
func edits(a, b []string) []op {
	pre := 0
	for pre < len(a) && pre < len(b) && a[pre] == b[pre] {
		pre++
	}
	suf := 0
	for suf < len(a)-pre && suf < len(b)-pre && a[len(a)-1-suf] == b[len(b)-1-suf] {
		suf++
	}
	var ops []op
	for i := 0; i < pre; i++ {
		ops = append(ops, op{' ', a[i], i, i})
	}
	for _, o := range middle(a[pre:len(a)-suf], b[pre:len(b)-suf]) {
		o.ai, o.bi = o.ai+pre, o.bi+pre
		ops = append(ops, o)
	}
	for k := suf; k > 0; k-- {
		i, j := len(a)-k, len(b)-k
		ops = append(ops, op{' ', a[i], i, j})
	}
	return ops
}

// middle is the edit script of a and b by their longest common subsequence,
// or all of a removed and all of b added when either is too long.
func middle(a, b []string) []op {
	n, m := len(a), len(b)
	if n > maxLines || m > maxLines {
		var ops []op
		for i, l := range a {
			ops = append(ops, op{'-', l, i, 0})
		}
		for j, l := range b {
			ops = append(ops, op{'+', l, n, j})
		}
		return ops
	}
	lcs := make([][]int32, n+1)
	for i := range lcs {
		lcs[i] = make([]int32, m+1)
	}
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			if a[i] == b[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	var ops []op
	i, j := 0, 0
	for i < n || j < m {
		switch {
		case i < n && j < m && a[i] == b[j]:
			ops = append(ops, op{' ', a[i], i, j})
			i, j = i+1, j+1
		case i < n && (j == m || lcs[i+1][j] >= lcs[i][j+1]):
			ops = append(ops, op{'-', a[i], i, j})
			i++
		default:
			ops = append(ops, op{'+', b[j], i, j})
			j++
		}
	}
	return ops
}

// hunks groups the changed ops with their context: each is [from, to) in ops.
func hunks(ops []op) [][2]int {
	var out [][2]int
	for i := 0; i < len(ops); i++ {
		if ops[i].kind == ' ' {
			continue
		}
		from := max(0, i-context)
		to := min(len(ops), i+1+context)
		if len(out) > 0 && from <= out[len(out)-1][1] {
			out[len(out)-1][1] = to
		} else {
			out = append(out, [2]int{from, to})
		}
	}
	return out
}

func writeHunk(out *strings.Builder, h [2]int, ops []op) {
	first := ops[h[0]]
	var na, nb int
	for _, o := range ops[h[0]:h[1]] {
		if o.kind != '+' {
			na++
		}
		if o.kind != '-' {
			nb++
		}
	}
	fmt.Fprintf(out, "@@ -%d,%d +%d,%d @@\n", first.ai+1, na, first.bi+1, nb)
	for _, o := range ops[h[0]:h[1]] {
		out.WriteByte(o.kind)
		out.WriteString(o.text)
		if !strings.HasSuffix(o.text, "\n") {
			out.WriteString("\n\\ No newline at end of file\n")
		}
	}
}
