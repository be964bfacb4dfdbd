package serve

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
)

// snapshot is a private copy of a page and of every file it may load,
// taken under the site's read lock, so a print never holds the lock and a
// rebuild cannot change the files under the browser.
type snapshot struct {
	dir  string // the copy of the site's layout
	page []byte // the page's HTML
	sum  hash.Hash
}

// takeSnapshot copies the page htmlRel, every file in the folders above it
// (the logo is in the company's folder) and the assets (CSS, fonts) into a
// fresh folder under scratch. The site is read-locked only meanwhile. It
// returns an error wrapping fs.ErrNotExist when the site has no such page.
func (s *Server) takeSnapshot(scratch, htmlRel string) (*snapshot, error) {
	s.site.RLock()
	defer s.site.RUnlock()
	root, err := os.OpenRoot(s.root)
	if err != nil {
		return nil, err
	}
	defer root.Close()
	site := root.FS()
	if st, err := fs.Stat(site, htmlRel); err != nil {
		return nil, err
	} else if !st.Mode().IsRegular() {
		return nil, fmt.Errorf("%s: %w", htmlRel, fs.ErrNotExist)
	}
	dir, err := os.MkdirTemp(scratch, "page-")
	if err != nil {
		return nil, err
	}
	snap := &snapshot{dir: dir, sum: sha256.New()}
	if err := snap.copyFor(site, htmlRel); err != nil {
		snap.remove()
		return nil, err
	}
	return snap, nil
}

// copyFor copies what the page htmlRel may load, names and contents
// entering the snapshot's sum in a fixed order.
func (snap *snapshot) copyFor(site fs.FS, htmlRel string) error {
	var rels []string
	for d := path.Dir(htmlRel); ; d = path.Dir(d) {
		entries, err := fs.ReadDir(site, d)
		if err != nil {
			return err
		}
		for _, e := range entries {
			if e.Type().IsRegular() {
				rels = append(rels, path.Join(d, e.Name()))
			}
		}
		if d == "." {
			break
		}
	}
	err := fs.WalkDir(site, "assets", func(p string, d fs.DirEntry, err error) error {
		if err == nil && d.Type().IsRegular() {
			rels = append(rels, p)
		}
		return err
	})
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	for _, rel := range rels {
		if err := snap.copy(site, rel); err != nil {
			return err
		}
		if rel == htmlRel {
			page, err := os.ReadFile(snap.path(rel))
			if err != nil {
				return err
			}
			snap.page = page
		}
	}
	return nil
}

// copy copies the site's file rel into the snapshot and adds it to the sum.
func (snap *snapshot) copy(site fs.FS, rel string) error {
	in, err := site.Open(rel)
	if err != nil {
		return err
	}
	defer in.Close()
	dst := snap.path(rel)
	if err := os.MkdirAll(filepath.Dir(dst), 0o700); err != nil {
		return err
	}
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	fmt.Fprintf(snap.sum, "%d:%s;", len(rel), rel)
	n, err := io.Copy(io.MultiWriter(out, snap.sum), in)
	fmt.Fprintf(snap.sum, ";%d;", n)
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	return err
}

// path is where the site's file rel is in the snapshot.
func (snap *snapshot) path(rel string) string {
	return filepath.Join(snap.dir, filepath.FromSlash(rel))
}

// key is the cache key of the PDF of the snapshot's page with the footer
// parts: every byte the print depends on.
func (snap *snapshot) key(parts ...string) string {
	h := sha256.New()
	h.Write(snap.sum.Sum(nil))
	for _, p := range parts {
		fmt.Fprintf(h, "%d:%s;", len(p), p)
	}
	return hex.EncodeToString(h.Sum(nil))
}

func (snap *snapshot) remove() { _ = os.RemoveAll(snap.dir) }
