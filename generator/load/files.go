package load

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/basis-privacy/basis/generator/model"
)

// folder is a company folder, opened as an os.Root the first time a file in
// it is read, so that nothing outside it is ever read.
type folder struct {
	dir  string
	root *os.Root
	err  error
}

// read reads name inside the folder (see ReadFile).
func (f *folder) read(name string) ([]byte, error) {
	if f.open(); f.err != nil {
		return nil, &FileError{Name: name, Problem: Unreadable, Err: f.err}
	}
	return ReadFile(context.Background(), f.root, name)
}

func (f *folder) open() {
	if f.root == nil && f.err == nil {
		f.root, f.err = os.OpenRoot(f.dir)
	}
}

// list lists the folder dir inside the folder, sorted by name; links out of
// the folder are refused as by read. A missing dir is fs.ErrNotExist.
func (f *folder) list(dir string) ([]fs.DirEntry, error) {
	if f.open(); f.err != nil {
		return nil, f.err
	}
	return fs.ReadDir(f.root.FS(), dir)
}

func (f *folder) close() {
	if f.root != nil {
		f.root.Close()
	}
}

// file reads the file name that the key at pos names; a problem is an error
// at pos.
func (d *companyDecoder) file(pos model.Pos, name, what string) ([]byte, bool) {
	b, err := d.files.read(name)
	if err == nil {
		return b, true
	}
	var fe *FileError
	if !errors.As(err, &fe) {
		fe = &FileError{Name: name, Problem: Unreadable, Err: err}
	}
	hint := fe.Hint()
	if fe.Problem == Outside && filepath.Base(name) != name {
		hint = "name a file inside the folder of company.yaml, e.g. " + filepath.Base(name)
	}
	d.errs = append(d.errs, &Error{Pos: pos, Msg: fmt.Sprintf("%s %q %s", what, name, fe.Message()), Hint: hint})
	return nil, false
}

// readText reads the Markdown files a Text names, relative to the company folder.
func (d *companyDecoder) readText(pos model.Pos, names model.Text) model.Text {
	read := func(name string) string {
		b, ok := d.file(pos, name, "section file")
		if !ok {
			return ""
		}
		d.checkMarkdownFile(name, b)
		return string(bytes.TrimSpace(b))
	}
	if names.ByLang == nil {
		return model.Plain(read(names.Same))
	}
	out := model.Text{ByLang: map[string]string{}}
	for l, name := range names.ByLang {
		out.ByLang[l] = read(name)
	}
	return out
}

// logo reads the logo and checks that it is an image Basis publishes.
func (d *companyDecoder) logo(pos model.Pos, name string) {
	if b, ok := d.file(pos, name, "logo"); ok {
		d.checkLogo(pos, name, b)
	}
}

func (d *companyDecoder) checkLogo(pos model.Pos, name string, b []byte) {
	if err := checkLogo(name, b); err != nil {
		d.errs = append(d.errs, &Error{Pos: pos, Msg: fmt.Sprintf("logo %q %s", name, err.msg), Hint: err.hint})
	}
}

// Logo reads the logo of c again for publishing, as the loader read and
// checked it: inside the company folder only, a regular file of at most
// MaxFileSize bytes, a PNG, JPEG, WebP or safe SVG. It returns Errors at
// the logo key when the file changed into something else since loading.
func Logo(c *model.Company) ([]byte, error) {
	d := &companyDecoder{decoder: decoder{file: c.File}, c: c, files: &folder{dir: c.Dir}}
	defer d.files.close()
	b, ok := d.file(c.At.At("logo"), c.Logo, "logo")
	if ok {
		d.checkLogo(c.At.At("logo"), c.Logo, b)
	}
	if len(d.errs) > 0 {
		return nil, d.errs
	}
	return b, nil
}
