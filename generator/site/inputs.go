package site

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path"
	"slices"

	"github.com/basis-privacy/basis/generator/load"
)

// hashDir keys a company folder by the names and contents of its files
// (company.yaml, section files, logo), read as the loader reads them: through
// os.Root, so nothing outside the folder is read; only regular files of at
// most load.MaxFileSize, so a named pipe never blocks and a device is never
// read; ctx stops it between files. A file the loader would refuse (a link
// out of the folder, a named pipe, a huge file, an unreadable file) is keyed
// by what it is, not read: the loader reports it when company.yaml names it,
// so build and check agree on it. Links to folders inside are followed once.
func hashDir(ctx context.Context, dir string) (string, error) {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return "", err
	}
	defer root.Close()
	h := newHasher()
	err = hashTree(ctx, root, ".", nil, h)
	return h.sum(), err
}

// hashTree adds the files under rel to h, in name order; above lists the
// folders rel is inside, to stop at a link back to one of them.
func hashTree(ctx context.Context, root *os.Root, rel string, above []fs.FileInfo, h *hasher) error {
	entries, err := fs.ReadDir(root.FS(), rel)
	if err != nil {
		h.add(rel).add("unreadable folder: " + err.Error())
		return nil
	}
	for _, e := range entries {
		if err := ctx.Err(); err != nil {
			return err
		}
		p := path.Join(rel, e.Name())
		fi, err := root.Stat(p)
		switch {
		case err == nil && fi.IsDir():
			if slices.ContainsFunc(above, func(a fs.FileInfo) bool { return os.SameFile(a, fi) }) {
				h.add(p).add("link to a folder above it")
				continue
			}
			if err := hashTree(ctx, root, p, append(above, fi), h); err != nil {
				return err
			}
			continue
		case err == nil:
			b, rerr := load.ReadFile(ctx, root, p)
			if rerr == nil {
				h.add(p).add(sumBytes(b))
				continue
			}
			if ctx.Err() != nil {
				return ctx.Err()
			}
		}
		h.add(p).add(describe(root, p))
	}
	return nil
}

// describe keys a file that is not read by its type, size, time and, for a
// link, its target.
func describe(root *os.Root, p string) string {
	fi, err := root.Lstat(p)
	if err != nil {
		return "unreadable: " + err.Error()
	}
	s := fmt.Sprintf("%s %d %d", load.KindOf(fi.Mode()), fi.Size(), fi.ModTime().UnixNano())
	if target, err := root.Readlink(p); err == nil {
		s += " -> " + target
	}
	return s
}
