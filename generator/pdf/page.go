package pdf

import (
	"bytes"
	"html"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
)

// NewJob returns the job that prints the page at rel, a slash-separated
// path under the printer's root, whose bytes are page, to the file out:
// with the title and language the page states (its <title> and the lang
// of its <html>) and the files under the root it loads (see Loads). The
// caller sets PageOf, and may set Title and Lang to its own values.
//
// Build and serve make their jobs with it, so a page prints the same
// whichever asks, and keys its PDF on the same files.
func NewJob(root, rel string, page []byte, out string) Job {
	t := scanPage(page)
	return Job{
		HTML:  filepath.Join(root, filepath.FromSlash(rel)),
		Page:  page,
		Out:   out,
		Title: t.title,
		Lang:  t.lang,
		Loads: resolveAll(rel, t.refs),
	}
}

// Loads returns the files under the root that the page at rel (a
// slash-separated path) loads rather than links to, as slash-separated
// paths under the root, sorted: the src of images and the like, and the
// href of each <link> that is a stylesheet, an icon or a preload. Other
// addresses (absolute, another site's, outside the root) are left out:
// the printer blocks them.
func Loads(rel string, page []byte) []string {
	return resolveAll(rel, scanPage(page).refs)
}

// StyleLoads returns the files under the root that the stylesheet at rel
// loads: its @import and url() references, resolved as Loads resolves a
// page's.
func StyleLoads(rel string, css []byte) []string {
	var refs []string
	for _, m := range cssURL.FindAllSubmatch(css, -1) {
		refs = append(refs, string(m[2]))
	}
	for _, m := range cssImport.FindAllSubmatch(css, -1) {
		refs = append(refs, string(m[1]))
	}
	return resolveAll(rel, refs)
}

// resolveAll resolves the references refs of the file at rel to paths
// under the root, dropping the others, sorted and without repeats.
func resolveAll(rel string, refs []string) []string {
	var out []string
	for _, ref := range refs {
		ref = strings.TrimSpace(ref)
		ref, _, _ = strings.Cut(ref, "#")
		ref, _, _ = strings.Cut(ref, "?")
		if ref == "" || strings.Contains(ref, ":") || strings.HasPrefix(ref, "/") {
			continue
		}
		if p := path.Join(path.Dir(rel), ref); filepath.IsLocal(filepath.FromSlash(p)) {
			out = append(out, p)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// cssImport matches an @import of a quoted address (url() ones match cssURL).
var cssImport = regexp.MustCompile(`@import\s+['"]([^'"]+)['"]`)

// pageFacts is what scanPage finds in a page.
type pageFacts struct {
	title string   // the text of the first <title>, whitespace collapsed as document.title does
	lang  string   // the lang attribute of <html>
	refs  []string // the references of what it loads, as written (entities decoded)
}

// scanPage reads the tags of an HTML page: enough of HTML's tokenizer for
// pages Basis writes and for what a browser would load from any page
// (comments, raw text of script and style, quoted and unquoted attributes).
func scanPage(page []byte) pageFacts {
	var f pageFacts
	sawTitle := false
	for s := page; len(s) > 0; {
		i := bytes.IndexByte(s, '<')
		if i < 0 {
			break
		}
		s = s[i:]
		switch {
		case bytes.HasPrefix(s, []byte("<!--")):
			s = skipPast(s[4:], "-->")
			continue
		case len(s) > 1 && (s[1] == '!' || s[1] == '?' || s[1] == '/'):
			s = skipPast(s[1:], ">")
			continue
		}
		name, attrs, rest, ok := readTag(s[1:])
		if !ok {
			s = s[1:]
			continue
		}
		s = rest
		switch name {
		case "html":
			if v, ok := attrs["lang"]; ok && f.lang == "" {
				f.lang = strings.TrimSpace(v)
			}
		case "title":
			text, after := rawText(s, "title")
			if !sawTitle {
				f.title, sawTitle = strings.Join(strings.Fields(html.UnescapeString(string(text))), " "), true
			}
			s = after
		case "script", "style", "textarea", "xmp", "iframe", "noembed", "noframes", "plaintext":
			_, s = rawText(s, name)
		case "link":
			if href, ok := attrs["href"]; ok && loadedRel(attrs["rel"]) {
				f.refs = append(f.refs, href)
			}
		}
		if src, ok := attrs["src"]; ok && name != "link" {
			f.refs = append(f.refs, src)
		}
	}
	return f
}

// loadedRel reports whether a <link> of this rel is loaded, not linked to.
func loadedRel(rel string) bool {
	for _, r := range strings.Fields(strings.ToLower(rel)) {
		if r == "stylesheet" || r == "icon" || r == "preload" {
			return true
		}
	}
	return false
}

// readTag reads a start tag after its "<": its lowercase name, its
// attributes (lowercase names, values with entities decoded; the first of
// a name wins, as in a browser) and what follows the tag.
func readTag(s []byte) (name string, attrs map[string]string, rest []byte, ok bool) {
	n := 0
	for n < len(s) && (isAlpha(s[n]) || n > 0 && (isDigit(s[n]) || s[n] == '-' || s[n] == ':')) {
		n++
	}
	if n == 0 {
		return "", nil, s, false
	}
	name, s = strings.ToLower(string(s[:n])), s[n:]
	attrs = map[string]string{}
	for {
		s = bytes.TrimLeft(s, " \t\n\r\f/")
		if len(s) == 0 {
			return name, attrs, s, true
		}
		if s[0] == '>' {
			return name, attrs, s[1:], true
		}
		k := 0
		for k < len(s) && !strings.ContainsRune(" \t\n\r\f/>=", rune(s[k])) {
			k++
		}
		if k == 0 { // a stray "=": skip it
			s = s[1:]
			continue
		}
		key := strings.ToLower(string(s[:k]))
		s = bytes.TrimLeft(s[k:], " \t\n\r\f")
		val := ""
		if len(s) > 0 && s[0] == '=' {
			val, s = attrValue(bytes.TrimLeft(s[1:], " \t\n\r\f"))
		}
		if _, dup := attrs[key]; !dup {
			attrs[key] = html.UnescapeString(val)
		}
	}
}

// attrValue reads an attribute value, quoted or not, and what follows it.
func attrValue(s []byte) (string, []byte) {
	if len(s) > 0 && (s[0] == '"' || s[0] == '\'') {
		if end := bytes.IndexByte(s[1:], s[0]); end >= 0 {
			return string(s[1 : 1+end]), s[2+end:]
		}
		return string(s[1:]), nil
	}
	k := 0
	for k < len(s) && !strings.ContainsRune(" \t\n\r\f>", rune(s[k])) {
		k++
	}
	return string(s[:k]), s[k:]
}

// rawText returns the text up to the end tag of name (case-insensitive)
// and what follows that tag.
func rawText(s []byte, name string) (text, rest []byte) {
	lower := bytes.ToLower(s)
	i := bytes.Index(lower, []byte("</"+name))
	if i < 0 {
		return s, nil
	}
	return s[:i], skipPast(s[i:], ">")
}

// skipPast returns what follows the first end in s, or nothing.
func skipPast(s []byte, end string) []byte {
	if i := bytes.Index(s, []byte(end)); i >= 0 {
		return s[i+len(end):]
	}
	return nil
}

func isAlpha(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
func isDigit(c byte) bool { return c >= '0' && c <= '9' }
