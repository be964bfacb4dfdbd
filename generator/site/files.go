package site

import (
	"io"
	"io/fs"
	"os"
)

// linkFile puts the file at src also at dst, whose folder exists: a hard
// link where the file system allows it (the file is not rewritten), else
// a copy.
func linkFile(src, dst string) error {
	if err := step("link", dst); err != nil {
		return err
	}
	if err := os.Link(src, dst); err == nil {
		return nil
	}
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

// writeNew creates the file p, which must not exist, with data, and
// returns its size and modification time: four system calls (open, write,
// fstat, close), no more.
func writeNew(p string, data []byte) (fs.FileInfo, error) {
	f, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return nil, err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return nil, err
	}
	st, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, err
	}
	return st, f.Close()
}
