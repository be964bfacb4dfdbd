package release

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"
)

// Page reads the released notice d of v as File does, and checks that it
// is still what was released: its text has the hash recorded at release
// (text_sha256), and it carries only markup Basis writes (see foreign).
// Anyone can put a new SHA-256 into release.json; the text hash and the
// markup tell an edited page from a released one.
func (v Version) Page(d Document) ([]byte, error) {
	page, err := v.File(d.HTML, d.HTMLSum)
	if err != nil {
		return nil, err
	}
	p := v.path(d.HTML)
	const restore = "; restore it from version control: a published version is never edited"
	if what := foreign(page); what != "" {
		return nil, &ArchiveError{Path: p, Problem: "carries markup Basis does not write (" + what + ")" + restore}
	}
	if h, err := TextHash(page); err != nil || h != d.Text {
		return nil, &ArchiveError{Path: p, Problem: "has been edited: its text is not the text released (text_sha256 in release.json)" + restore}
	}
	return page, nil
}

// elements are the elements of the pages Basis writes: its templates' and
// those goldmark writes for company Markdown.
var elements = set("html head meta title link body header nav main article section footer aside div span p a " +
	"ul ol li dl dt dd h1 h2 h3 h4 h5 h6 table caption colgroup col thead tbody tfoot tr th td " +
	"strong em b i del ins s code pre kbd br hr blockquote address img small sup sub abbr time")

// attributes are the attributes Basis writes, besides aria-*; those that
// hold an address are checked by address.
var attributes = set("class id href src alt title lang hreflang rel content name charset scope colspan rowspan span " +
	"data-label role for type start reversed dir datetime style")

func set(words string) map[string]bool {
	out := map[string]bool{}
	for _, w := range strings.Fields(words) {
		out[w] = true
	}
	return out
}

// allowedDecl is what a page may hold that starts with "<!": its doctype,
// and the note goldmark writes where it left out raw HTML.
var allowedDecl = regexp.MustCompile(`(?i)^(<!doctype html>|<!-- raw HTML omitted -->)`)

// alignStyle is the one style Basis writes: goldmark's alignment of a
// table column.
var alignStyle = regexp.MustCompile(`^text-align:(left|center|right)$`)

// foreign returns the first markup of page that Basis does not write, as
// it reads in the page, or "" for none: any script, frame, style sheet or
// event handler, any element or attribute outside those of its templates
// and of company Markdown, a comment other than goldmark's, and an address
// that runs script or loads a file from another site. It reads the page
// twice, as text (a browser and a parser may disagree about where a
// comment ends) and as elements.
func foreign(page []byte) string {
	lower := bytes.ToLower(page)
	for _, bad := range []string{"<script", "<style", "javascript:", "vbscript:"} {
		if i := bytes.Index(lower, []byte(bad)); i >= 0 {
			return quote(page[i:], 40)
		}
	}
	for at := 0; ; {
		i := bytes.Index(page[at:], []byte("<!"))
		if i < 0 {
			break
		}
		at += i
		m := allowedDecl.Find(page[at:])
		if m == nil {
			return quote(page[at:], 20)
		}
		at += len(m)
	}
	return foreignElements(page)
}

// foreignElements returns the first element or attribute of page that
// Basis does not write.
func foreignElements(page []byte) string {
	d := xml.NewDecoder(bytes.NewReader(page))
	d.Strict = false
	d.AutoClose = xml.HTMLAutoClose
	d.Entity = xml.HTMLEntity
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			return ""
		}
		if err != nil {
			return "markup that cannot be read: " + err.Error()
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if what := foreignElement(t); what != "" {
				return what
			}
		case xml.ProcInst:
			return "<?" + t.Target
		case xml.Directive:
			if !strings.EqualFold(strings.TrimSpace(string(t)), "doctype html") {
				return "<!" + string(t) + ">"
			}
		}
	}
}

// foreignElement returns the element t, or the first of its attributes,
// if Basis does not write it.
func foreignElement(t xml.StartElement) string {
	name := strings.ToLower(t.Name.Local)
	if !elements[name] || t.Name.Space != "" {
		return "<" + name + ">"
	}
	for _, a := range t.Attr {
		an := strings.ToLower(a.Name.Local)
		if a.Name.Space != "" {
			an = strings.ToLower(a.Name.Space) + ":" + an
		}
		shown := fmt.Sprintf("%s=%q", an, a.Value)
		switch {
		case !attributes[an] && !strings.HasPrefix(an, "aria-"):
			return shown
		case an == "style" && !alignStyle.MatchString(a.Value):
			return shown
		case an == "href" && name == "a" && !linkAddress(a.Value):
			return shown
		case (an == "href" || an == "src") && name != "a" && !siteAddress(a.Value, name == "img"):
			return shown
		}
	}
	return ""
}

// linkAddress reports whether a link's address is one Basis writes: on
// the site, a web page, an email address or a phone number.
func linkAddress(u string) bool {
	switch strings.ToLower(scheme(u)) {
	case "", "http", "https", "mailto", "tel":
		return true
	}
	return false
}

// siteAddress reports whether the address of something a page loads (a
// style sheet, an image) is on the site; an image may also be data:image/.
func siteAddress(u string, image bool) bool {
	u = strings.TrimSpace(u)
	if strings.HasPrefix(u, "//") || strings.HasPrefix(u, `\`) {
		return false
	}
	s := strings.ToLower(scheme(u))
	return s == "" || image && s == "data" && strings.HasPrefix(strings.ToLower(u), "data:image/")
}

// scheme returns the scheme of the address u ("https"), or "".
func scheme(u string) string {
	u = strings.TrimSpace(u)
	if i := strings.IndexAny(u, ":/?#"); i > 0 && u[i] == ':' {
		return u[:i]
	}
	return ""
}

// quote returns the start of b, up to n characters or its first ">".
func quote(b []byte, n int) string {
	s := string(b)
	if i := strings.IndexByte(s, '>'); i >= 0 {
		s = s[:i+1]
	}
	if r := []rune(s); len(r) > n {
		s = string(r[:n-1]) + "…"
	}
	return s
}
