package site

import (
	"errors"
	"io/fs"
	"sort"
)

// Overlay returns a file system that reads from upper first and from lower
// where upper lacks a file, so a project's own templates/ or locales/ folder
// overrides the embedded defaults file by file. A nil upper is skipped.
func Overlay(upper, lower fs.FS) fs.FS {
	if upper == nil {
		return lower
	}
	return overlay{upper, lower}
}

type overlay struct{ upper, lower fs.FS }

// Open implements fs.FS.
func (o overlay) Open(name string) (fs.File, error) {
	f, err := o.upper.Open(name)
	if err == nil {
		return f, nil
	}
	if !errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}
	return o.lower.Open(name)
}

// ReadDir implements fs.ReadDirFS, merging both directories.
func (o overlay) ReadDir(name string) ([]fs.DirEntry, error) {
	up, errU := fs.ReadDir(o.upper, name)
	low, errL := fs.ReadDir(o.lower, name)
	if errU != nil && errL != nil {
		return nil, errL
	}
	seen := map[string]bool{}
	var out []fs.DirEntry
	for _, e := range up {
		seen[e.Name()] = true
		out = append(out, e)
	}
	for _, e := range low {
		if !seen[e.Name()] {
			out = append(out, e)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name() < out[j].Name() })
	return out, nil
}
