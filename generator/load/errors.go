// Package load reads company files into the model. It decodes yaml.v3 nodes
// by hand so that every problem is reported at file:line:column, with what to
// write instead, and all problems of a file are reported at once.
package load

import (
	"fmt"
	"strings"

	"github.com/basis-privacy/basis/generator/model"
)

// Error is one problem in an input file.
type Error struct {
	Pos  model.Pos
	Msg  string // what is wrong
	Hint string // how to fix it
}

// Error formats the problem as "file:line:column: what is wrong; how to fix it".
func (e *Error) Error() string {
	if e.Hint == "" {
		return fmt.Sprintf("%s: %s", e.Pos, e.Msg)
	}
	return fmt.Sprintf("%s: %s; %s", e.Pos, e.Msg, e.Hint)
}

// Errors is every problem found in the input. Callers treat it as "the input
// is wrong" (as opposed to "the input could not be read").
type Errors []*Error

// Error lists the problems, one per line.
func (es Errors) Error() string {
	lines := make([]string, len(es))
	for i, e := range es {
		lines[i] = e.Error()
	}
	return strings.Join(lines, "\n")
}

// ReadError reports an input that could not be read at all (missing folder,
// permission denied). It is distinct from Errors, which are mistakes in input.
type ReadError struct {
	Path string
	Err  error
}

// Error describes the failed read.
func (e *ReadError) Error() string { return fmt.Sprintf("read %s: %v", e.Path, e.Err) }

// Unwrap returns the underlying error.
func (e *ReadError) Unwrap() error { return e.Err }
