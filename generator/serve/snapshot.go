package serve

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"io/fs"
	"os"
	"path"
	"path/filepath"

	"github.com/basis-privacy/basis/generator/pdf"
)

// snapshot is a private copy of a page and of every file it loads,
// taken under the site's read lock, so a print never holds the lock and a
// rebuild cannot change the files under the browser.
type snapshot struct {
	dir  string // the copy of the site's layout
	page []byte // the page's HTML
	sum  hash.Hash
}

// takeSnapshot copies the page htmlRel and every file it loads (the logo,
// the stylesheets and the fonts they load) into a fresh folder under
// scratch. The site is read-locked only meanwhile. It returns an error
// wrapping fs.ErrNotExist when the site has no such page.
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

// copyFor copies the page htmlRel and what it loads, as pdf.Loads and,
// for a stylesheet, pdf.StyleLoads find it, names and contents entering
// the snapshot's sum in a fixed order. A file the page names but the site
// lacks enters the sum as missing; the browser will not find it either.
func (snap *snapshot) copyFor(site fs.FS, htmlRel string) error {
	page, err := snap.copy(site, htmlRel)
	if err != nil {
		return err
	}
	snap.page = page
	queue := pdf.Loads(htmlRel, page)
	seen := map[string]bool{htmlRel: true}
	for len(queue) > 0 {
		rel := queue[0]
		queue = queue[1:]
		if seen[rel] {
			continue
		}
		seen[rel] = true
		data, err := snap.copy(site, rel)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			fmt.Fprintf(snap.sum, "%d:%s;missing;", len(rel), rel)
		case err != nil:
			return err
		case path.Ext(rel) == ".css":
			queue = append(queue, pdf.StyleLoads(rel, data)...)
		}
	}
	return nil
}

// copy copies the site's regular file rel into the snapshot, adds it to
// the sum and returns its content.
func (snap *snapshot) copy(site fs.FS, rel string) ([]byte, error) {
	st, err := fs.Stat(site, rel)
	if err != nil {
		return nil, err
	}
	if !st.Mode().IsRegular() {
		return nil, fmt.Errorf("%s: not a regular file: %w", rel, fs.ErrNotExist)
	}
	data, err := fs.ReadFile(site, rel)
	if err != nil {
		return nil, err
	}
	dst := snap.path(rel)
	if err := os.MkdirAll(filepath.Dir(dst), 0o700); err != nil {
		return nil, err
	}
	if err := os.WriteFile(dst, data, 0o600); err != nil {
		return nil, err
	}
	fmt.Fprintf(snap.sum, "%d:%s;%d;", len(rel), rel, len(data))
	snap.sum.Write(data)
	return data, nil
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
