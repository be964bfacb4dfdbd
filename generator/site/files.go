package site

import (
	"bufio"
	"bytes"
	"io"
	"io/fs"
	"os"
)

// linkFile puts the file at src also at dst, whose folder exists: a hard
// link where the file system allows it (the file is not rewritten), else
// a copy.
func linkFile(src, dst string, f faults) error {
	if err := f.step("link", dst); err != nil {
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

// writeStream creates the file p, which must not exist, with what write
// writes, and returns its size and modification time and the SHA-256 of
// its content, without holding the content in memory.
func writeStream(p string, write func(io.Writer) error) (fs.FileInfo, error) {
	f, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return nil, err
	}
	w := bufio.NewWriterSize(f, 256<<10)
	err = write(w)
	if err == nil {
		err = w.Flush()
	}
	var st fs.FileInfo
	if err == nil {
		st, err = f.Stat()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return st, err
}

// equalFile reports whether the file p holds exactly data.
func equalFile(p string, data []byte) bool {
	f, err := os.Open(p)
	if err != nil {
		return false
	}
	defer f.Close()
	return sameReader(f, bytes.NewReader(data))
}

// equalFiles reports whether the files p and q have the same content.
func equalFiles(p, q string) bool {
	f, err := os.Open(p)
	if err != nil {
		return false
	}
	defer f.Close()
	g, err := os.Open(q)
	if err != nil {
		return false
	}
	defer g.Close()
	return sameReader(f, g)
}

// sameReader reports whether r and s read the same bytes to their end.
func sameReader(r, s io.Reader) bool {
	a, b := make([]byte, 64<<10), make([]byte, 64<<10)
	for {
		n, errA := io.ReadFull(r, a)
		m, errB := io.ReadFull(s, b)
		if n != m || !bytes.Equal(a[:n], b[:m]) {
			return false
		}
		endA := errA == io.EOF || errA == io.ErrUnexpectedEOF
		endB := errB == io.EOF || errB == io.ErrUnexpectedEOF
		if endA || endB || errA != nil || errB != nil {
			return endA && endB
		}
	}
}
