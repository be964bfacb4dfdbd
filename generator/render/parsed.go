package render

import (
	"fmt"
	"html/template"
	"io/fs"
	"sort"

	"github.com/basis-privacy/basis/generator/internal/memo"
)

// parsed keeps the templates of the last few renderers, parsed and never
// executed, by the names and contents of their files: New clones them for
// each voice instead of parsing the files again, so a watch, a server or a
// test that rebuilds many times parses them once.
var parsed = memo.New[*template.Template](4)

// stubs maps the names of funcs to a function that does nothing: the
// templates kept for every renderer are parsed with them, and hold no
// renderer's functions (nor the renderer they would keep in memory).
func stubs(funcs template.FuncMap) template.FuncMap {
	out := make(template.FuncMap, len(funcs))
	for name := range funcs {
		out[name] = func() string { return "" }
	}
	return out
}

// parseTemplates returns the *.html templates of fsys parsed with funcs'
// names (each clone binds its own functions): associated templates named
// by their files, as template.ParseFS names them. The result is shared:
// callers Clone it and never execute it.
func parseTemplates(fsys fs.FS, funcs template.FuncMap) (*template.Template, error) {
	names, err := fs.Glob(fsys, "*.html")
	if err != nil {
		return nil, err
	}
	if len(names) == 0 {
		return nil, fmt.Errorf("no *.html templates")
	}
	sort.Strings(names)
	var k memo.Hasher
	srcs := make([][]byte, len(names))
	for i, name := range names {
		if srcs[i], err = fs.ReadFile(fsys, name); err != nil {
			return nil, err
		}
		k.File(name, srcs[i])
	}
	if t, ok := parsed.Get(k.Key()); ok {
		return t, nil
	}
	t := template.New("").Funcs(funcs)
	for i, name := range names {
		if _, err := t.New(name).Parse(string(srcs[i])); err != nil {
			return nil, err
		}
	}
	parsed.Put(k.Key(), t)
	return t, nil
}
