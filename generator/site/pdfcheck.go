package site

import (
	"bytes"
	"crypto/rand"
	"io"
	"os"
	"path/filepath"
	"strconv"
)

// The smallest file that can be a PDF here, and how much of a file's end
// holds its trailer.
const (
	minPDFSize = 64
	pdfTailLen = 1024
)

// wholePDF reports whether the file at p looks like a whole PDF: it starts
// with the %PDF- header and ends with a trailer, "startxref", an offset
// inside the file where a cross-reference table or stream begins, and
// "%%EOF". A truncated file, garbage, or a file damaged at either end fails.
func wholePDF(p string) bool {
	f, err := os.Open(p)
	if err != nil {
		return false
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil || !st.Mode().IsRegular() || st.Size() < minPDFSize {
		return false
	}
	head := make([]byte, 5)
	if _, err := io.ReadFull(f, head); err != nil || string(head) != "%PDF-" {
		return false
	}
	tail := make([]byte, min(st.Size(), pdfTailLen))
	if _, err := f.ReadAt(tail, st.Size()-int64(len(tail))); err != nil {
		return false
	}
	tail = bytes.TrimRight(tail, "\r\n\t ")
	body, ok := bytes.CutSuffix(tail, []byte("%%EOF"))
	i := bytes.LastIndex(body, []byte("startxref"))
	if !ok || i < 0 {
		return false
	}
	off, err := strconv.ParseInt(string(bytes.TrimSpace(body[i+len("startxref"):])), 10, 64)
	if err != nil || off < int64(len(head)) || off >= st.Size() {
		return false
	}
	at := make([]byte, 4)
	if _, err := f.ReadAt(at, off); err != nil {
		return false
	}
	// A cross-reference table, or the object of a cross-reference stream.
	return string(at) == "xref" || (at[0] >= '1' && at[0] <= '9')
}

// copyPDF copies the file src to dst, through a temporary file renamed
// into place, so dst is never seen half written.
func copyPDF(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		return err
	}
	// Created with 0644 through the umask, as every published file.
	out, err := os.OpenFile(dst+".tmp-"+rand.Text(), os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	_, err = io.Copy(out, in)
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(out.Name(), dst)
	}
	if err != nil {
		_ = os.Remove(out.Name())
	}
	return err
}
