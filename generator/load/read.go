package load

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// MaxFileSize is the most Basis reads of any one file in a company folder
// (company.yaml, a section file, a logo): 8 MiB. A larger file is refused, so
// that a link to /dev/zero or a runaway file cannot exhaust memory.
const MaxFileSize = 8 << 20

// Problem says why a file in a company folder was not read.
type Problem int

// The problems ReadFile reports.
const (
	Missing    Problem = iota + 1 // no such file
	Outside                       // the name or a link in it leaves the folder
	NotRegular                    // a folder, named pipe, device or socket
	TooLarge                      // larger than MaxFileSize
	Unreadable                    // permission denied, I/O error
)

// FileError reports a file in a company folder that Basis refuses or fails
// to read. Callers turn it into a positioned error with Message and Hint.
type FileError struct {
	Name    string // as written, relative to the folder
	Problem Problem
	Kind    string // for NotRegular: "folder", "named pipe", ...
	Err     error  // for Unreadable
}

// Error describes the problem.
func (e *FileError) Error() string { return fmt.Sprintf("%q %s", e.Name, e.Message()) }

// Unwrap returns the underlying error.
func (e *FileError) Unwrap() error { return e.Err }

// Message completes "<what> <name> ..." in a positioned error.
func (e *FileError) Message() string {
	switch e.Problem {
	case Missing:
		return "does not exist"
	case Outside:
		return "points outside the company folder"
	case NotRegular:
		return "is a " + e.Kind + ", not a regular file"
	case TooLarge:
		return fmt.Sprintf("is larger than %d MiB", MaxFileSize>>20)
	}
	return fmt.Sprintf("cannot be read: %v", e.Err)
}

// Hint says how to fix the problem.
func (e *FileError) Hint() string {
	switch e.Problem {
	case Missing:
		return "put the file next to company.yaml or fix its name"
	case Outside:
		return "copy the file into the folder of company.yaml instead of linking to it"
	case NotRegular:
		return "name a regular file inside the folder of company.yaml"
	case TooLarge:
		return "make the file smaller"
	}
	return "check the file's permissions"
}

// ReadFile reads the regular file name inside root: nothing outside the
// root is ever opened (links that leave it are refused), only regular files
// are read (a named pipe never blocks), at most MaxFileSize bytes, and ctx
// stops the read between chunks. Problems are *FileError.
func ReadFile(ctx context.Context, root *os.Root, name string) ([]byte, error) {
	fe := func(p Problem, err error) error { return &FileError{Name: name, Problem: p, Err: err} }
	if !filepath.IsLocal(filepath.FromSlash(name)) {
		return nil, fe(Outside, nil)
	}
	name = filepath.FromSlash(name)
	fi, err := root.Stat(name)
	if err != nil {
		return nil, classify(name, err)
	}
	if err := regular(name, fi); err != nil {
		return nil, err
	}
	f, err := root.OpenFile(name, os.O_RDONLY|openFlags, 0)
	if err != nil {
		return nil, classify(name, err)
	}
	defer f.Close()
	// The file may have been swapped between Stat and Open.
	if st, err := f.Stat(); err != nil || !os.SameFile(fi, st) {
		return nil, fe(Unreadable, errors.New("the file changed while it was read"))
	}
	return readLimited(ctx, f, name, fi.Size())
}

// readLimited reads r in chunks, at most MaxFileSize bytes, checking ctx;
// size is the expected size.
func readLimited(ctx context.Context, r io.Reader, name string, size int64) ([]byte, error) {
	buf := make([]byte, 0, size+1)
	chunk := make([]byte, 64<<10)
	for {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		n, err := r.Read(chunk)
		buf = append(buf, chunk[:n]...)
		if len(buf) > MaxFileSize {
			return nil, &FileError{Name: name, Problem: TooLarge}
		}
		if err == io.EOF {
			return buf, nil
		}
		if err != nil {
			return nil, &FileError{Name: name, Problem: Unreadable, Err: err}
		}
	}
}

// regular refuses anything but a regular file of at most MaxFileSize bytes.
func regular(name string, fi fs.FileInfo) error {
	if !fi.Mode().IsRegular() {
		return &FileError{Name: name, Problem: NotRegular, Kind: KindOf(fi.Mode())}
	}
	if fi.Size() > MaxFileSize {
		return &FileError{Name: name, Problem: TooLarge}
	}
	return nil
}

// KindOf names the type of a file that is not a regular file.
func KindOf(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "folder"
	case m&fs.ModeNamedPipe != 0:
		return "named pipe"
	case m&fs.ModeSocket != 0:
		return "socket"
	case m&fs.ModeDevice != 0:
		return "device"
	case m&fs.ModeSymlink != 0:
		return "link"
	case m.IsRegular():
		return "file"
	}
	return "special file"
}

// classify turns an error of os.Root into a FileError. os.Root refuses a
// path that escapes it with an unexported error ("path escapes from parent");
// TestEscapeError keeps this test honest.
func classify(name string, err error) error {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return &FileError{Name: name, Problem: Missing, Err: err}
	case escapes(err):
		return &FileError{Name: name, Problem: Outside, Err: err}
	}
	return &FileError{Name: name, Problem: Unreadable, Err: err}
}

func escapes(err error) bool {
	var pe *fs.PathError
	if !errors.As(err, &pe) {
		return false
	}
	return strings.Contains(pe.Err.Error(), "escapes from parent")
}
