// Package load reads company files into the model. It decodes yaml.v3 nodes
// by hand so that every problem is reported at file:line:column, with what to
// write instead, and all problems of a file are reported at once.
//
// Files are read only from inside their company folder, through os.Root: a
// logo or section file that is a link out of the folder, a named pipe, a
// device or a folder is an error at the key that names it, as is any file
// larger than MaxFileSize (8 MiB). A logo must be a PNG, JPEG, WebP or SVG by
// its content; an SVG may not hold scripts, event handlers, foreignObject or
// references outside itself. A company's own wording of shared messages is
// read the same way from content/<slug>/locales/<area>.<lang>.yaml into
// model.Company.Messages; WithCatalog checks each against the shared message
// (see locale.Catalog.Verify), reporting mistakes at their position:
//
//	companies, err := load.Dir("content", load.WithCatalog(cat))
//
// ReadFile is the same reader for other packages:
//
//	root, _ := os.OpenRoot("content/acme")
//	b, err := load.ReadFile(ctx, root, "cookies.en.md") // err is a *FileError
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
	// Syntax marks a file that is not valid YAML: it cannot be read, as
	// opposed to read and found wrong.
	Syntax bool
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

// Syntax reports whether a file among the problems is not valid YAML.
func (es Errors) Syntax() bool {
	for _, e := range es {
		if e.Syntax {
			return true
		}
	}
	return false
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
