package pdf

import (
	"net/url"
	"path/filepath"
	"strings"
)

// root is the directory pages may load files from.
type root struct {
	dir  string // absolute, cleaned
	real string // dir with symlinks resolved
}

func newRoot(dir string) (*root, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	real, err := filepath.EvalSymlinks(abs)
	if err != nil {
		return nil, err
	}
	return &root{dir: abs, real: real}, nil
}

// allows reports whether the file at the absolute path lies under the root,
// both as written and with symlinks resolved.
func (r *root) allows(path string) bool {
	path = filepath.Clean(path)
	if !within(r.dir, path) && !within(r.real, path) {
		return false
	}
	if real, err := filepath.EvalSymlinks(path); err == nil && !within(r.real, real) {
		return false
	}
	return true
}

// allowsURL reports whether a page may load rawURL: file: URLs under the
// root, and data:, blob: and about: URLs, which never leave the browser.
func (r *root) allowsURL(rawURL string) bool {
	u, err := url.Parse(rawURL)
	if err != nil {
		return false
	}
	switch strings.ToLower(u.Scheme) {
	case "file":
		if u.Host != "" && u.Host != "localhost" {
			return false
		}
		return r.allows(filepath.FromSlash(u.Path))
	case "data", "blob", "about":
		return true
	}
	return false
}

// within reports whether path is dir or lies below it; both must be clean.
func within(dir, path string) bool {
	rel, err := filepath.Rel(dir, path)
	if err != nil {
		return false
	}
	return rel == "." || (rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel))
}

// fileURL returns the file: URL of the absolute path.
func fileURL(path string) string {
	p := filepath.ToSlash(path)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // Windows drive letter
	}
	return (&url.URL{Scheme: "file", Path: p}).String()
}

// urlPath returns the file path of a file: URL, or "" for any other URL.
func urlPath(rawURL string) string {
	u, err := url.Parse(rawURL)
	if err != nil || u.Scheme != "file" {
		return ""
	}
	return filepath.Clean(filepath.FromSlash(u.Path))
}
