package site

import (
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
)

// writer writes output files under one root and refuses any path that
// would leave it.
type writer struct {
	root  string
	files int
}

func (w *writer) path(rel string) (string, error) {
	if !filepath.IsLocal(filepath.FromSlash(rel)) {
		return "", fmt.Errorf("refusing to write %q: it is outside the output folder", rel)
	}
	return filepath.Join(w.root, filepath.FromSlash(rel)), nil
}

// write creates rel (and its folders) with data.
func (w *writer) write(rel string, data []byte) error {
	p, err := w.path(rel)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return err
	}
	if err := os.WriteFile(p, data, 0o644); err != nil {
		return err
	}
	w.files++
	return nil
}

// copyTree copies dir of fsys to rel under the root.
func (w *writer) copyTree(fsys fs.FS, dir, rel string) error {
	return fs.WalkDir(fsys, dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		sub, _ := filepath.Rel(dir, p)
		return w.write(path.Join(rel, filepath.ToSlash(sub)), data)
	})
}
