package pdf

import (
	"net/url"
	pathpkg "path"
	"path/filepath"
	"strings"
)

// origin is the made-up address under which a remote browser sees the
// root: its pages are loaded from it and every request to it is answered
// by the printer over the DevTools connection. The .invalid domain never
// resolves, so nothing else can answer.
const origin = "http://basis.invalid"

// root is the directory pages may load files from.
type root struct {
	dir    string // absolute, cleaned
	real   string // dir with symlinks resolved
	served bool   // pages see the root at origin, not as file: URLs
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

// allowsURL reports whether a page may load rawURL: the root's files (see
// file), and data:, blob: and about: URLs, which never leave the browser.
func (r *root) allowsURL(rawURL string) bool {
	_, ok := r.file(rawURL)
	return ok || inBrowser(rawURL)
}

// inBrowser reports whether rawURL is a data:, blob: or about: URL, which
// the browser answers itself.
func inBrowser(rawURL string) bool {
	u, err := url.Parse(rawURL)
	if err != nil {
		return false
	}
	switch strings.ToLower(u.Scheme) {
	case "data", "blob", "about":
		return true
	}
	return false
}

// file returns the file under the root that rawURL names, as pages see the
// root: a file: URL, or an address at origin if the root is served.
func (r *root) file(rawURL string) (string, bool) {
	u, err := url.Parse(rawURL)
	if err != nil {
		return "", false
	}
	var path string
	switch {
	case r.served && strings.EqualFold(u.Scheme, "http") && strings.EqualFold(u.Host, strings.TrimPrefix(origin, "http://")):
		path = filepath.Join(r.dir, filepath.FromSlash(pathpkg.Clean("/"+u.Path)))
	case !r.served && strings.EqualFold(u.Scheme, "file") && (u.Host == "" || u.Host == "localhost"):
		path = filepath.FromSlash(u.Path)
	default:
		return "", false
	}
	if !filepath.IsAbs(path) || !r.allows(path) {
		return "", false
	}
	return filepath.Clean(path), true
}

// url returns the address under which pages load the file at the absolute
// path under the root: its file: URL, or its address at origin.
func (r *root) url(path string) string {
	if !r.served {
		return fileURL(path)
	}
	rel, err := filepath.Rel(r.dir, path)
	if err != nil || !filepath.IsLocal(rel) {
		rel = "." // outside the root: the root itself, which is never served as a file
	}
	return origin + (&url.URL{Path: pathpkg.Clean("/" + filepath.ToSlash(rel))}).EscapedPath()
}

// samePage reports whether the two addresses name the same document,
// ignoring the query and fragment.
func samePage(a, b string) bool {
	ua, err1 := url.Parse(a)
	ub, err2 := url.Parse(b)
	return err1 == nil && err2 == nil && strings.EqualFold(ua.Scheme, ub.Scheme) &&
		strings.EqualFold(ua.Host, ub.Host) && pathpkg.Clean("/"+ua.Path) == pathpkg.Clean("/"+ub.Path)
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
