package site

import (
	"io"
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
