package site

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// stage creates a fresh folder beside out for a build to write into, so the
// final swap is a rename on the same file system.
func stage(out string) (string, error) {
	abs, err := filepath.Abs(out)
	if err != nil {
		return "", err
	}
	parent := filepath.Dir(abs)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return "", fmt.Errorf("create %s: %w", parent, err)
	}
	return os.MkdirTemp(parent, "."+filepath.Base(abs)+".build-")
}

// swap replaces out with the finished build in staged. The previous out is
// kept until the new one is in place, and removed afterwards.
func swap(staged, out string) error {
	old := ""
	if _, err := os.Lstat(out); err == nil {
		old = staged + ".old"
		if err := os.Rename(out, old); err != nil {
			return fmt.Errorf("move previous %s aside: %w", out, err)
		}
	} else if !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	if err := os.Rename(staged, out); err != nil {
		if old != "" {
			_ = os.Rename(old, out) // put the previous output back
		}
		return fmt.Errorf("move build into %s: %w", out, err)
	}
	if old != "" {
		return os.RemoveAll(old)
	}
	return nil
}
