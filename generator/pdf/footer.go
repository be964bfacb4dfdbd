package pdf

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
)

// Page geometry: A4 with margins in millimetres.
const (
	paperWidthIn  = 8.27
	paperHeightIn = 11.69
	marginTopMM   = 20
	marginSideMM  = 18
	marginBotMM   = 22
	mmPerInch     = 25.4
)

// defaultPageOf is the footer phrase used when a job has none.
const defaultPageOf = "{page} / {pages}"

// The running footer is drawn in the page's bottom margin boxes (CSS Paged
// Media), not with Chrome's footer template: the template is rendered in a
// document of its own that cannot use the page's web fonts, so its text
// would fall back to whatever system font is installed. Margin boxes belong
// to the document and use its fonts.

// footerCSS returns the @page rule that prints job's title bottom left and
// its page phrase bottom right in font family (a CSS font-family value).
func footerCSS(job Job, family string) string {
	title := "none"
	if job.Title != "" {
		title = cssString(job.Title)
	}
	box := "font-family:" + family + ";font-size:8pt;line-height:1.3;color:#444;vertical-align:middle;"
	return fmt.Sprintf("@page{@bottom-left{content:%s;%stext-align:left}@bottom-right{content:%s;%stext-align:right;white-space:nowrap}}",
		title, box, pageOfContent(job.PageOf), box)
}

// footerText returns the characters the footer can show, so their fonts can be loaded before printing.
func footerText(job Job) string {
	pageOf := job.PageOf
	if pageOf == "" {
		pageOf = defaultPageOf
	}
	return job.Title + strings.NewReplacer("{page}", "", "{pages}", "").Replace(pageOf) + "0123456789"
}

// pageOfContent turns a phrase like "Seite {page} von {pages}" into a CSS
// content value: "Seite " counter(page) " von " counter(pages).
func pageOfContent(pageOf string) string {
	if pageOf == "" {
		pageOf = defaultPageOf
	}
	var parts []string
	for pageOf != "" {
		i, token, counter := len(pageOf), "", ""
		for _, t := range [...][2]string{{"{page}", "counter(page)"}, {"{pages}", "counter(pages)"}} {
			if j := strings.Index(pageOf, t[0]); j >= 0 && j < i {
				i, token, counter = j, t[0], t[1]
			}
		}
		if i > 0 {
			parts = append(parts, cssString(pageOf[:i]))
		}
		if token == "" {
			break
		}
		parts = append(parts, counter)
		pageOf = pageOf[i+len(token):]
	}
	return strings.Join(parts, " ")
}

// cssString quotes s as a CSS string; markup in s stays text.
func cssString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, "\\%x ", r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// cssFamily returns family as a CSS font-family value: a bare name is
// quoted and given a generic fallback, a list is checked and kept.
func cssFamily(family string) (string, error) {
	family = strings.TrimSpace(family)
	if err := checkFamily(family); err != nil {
		return "", err
	}
	switch {
	case strings.ContainsAny(family, `,'"`):
		return family, nil
	case family == "serif" || family == "sans-serif" || family == "monospace" || family == "system-ui":
		return family, nil
	}
	return cssString(family) + ", sans-serif", nil
}

// checkFamily rejects a font-family value that could break out of its declaration.
func checkFamily(family string) error {
	if strings.TrimSpace(family) == "" || strings.ContainsAny(family, ";{}\\<>\n\r") {
		return fmt.Errorf("invalid font family %q", family)
	}
	return nil
}

// cssURL matches a url() reference in a stylesheet.
var cssURL = regexp.MustCompile(`url\(\s*(['"]?)([^'")]+)['"]?\s*\)`)

// fontFaceCSS reads the stylesheet at path, which must lie under r, and
// makes its relative url() references absolute (file: URLs, or addresses
// at origin if the root is served), so it works
// when added to a document elsewhere.
func fontFaceCSS(path string, r *root) (string, error) {
	path, err := filepath.Abs(path)
	if err != nil {
		return "", err
	}
	if !r.allows(path) {
		return "", fmt.Errorf("%s: %w %s", path, ErrOutsideRoot, r.dir)
	}
	css, err := os.ReadFile(path)
	if err != nil {
		return "", err
	}
	dir := filepath.Dir(path)
	return cssURL.ReplaceAllStringFunc(string(css), func(m string) string {
		ref := cssURL.FindStringSubmatch(m)[2]
		if strings.Contains(ref, ":") || strings.HasPrefix(ref, "#") {
			return m // absolute, data: or a fragment
		}
		suffix := ""
		if i := strings.IndexAny(ref, "?#"); i >= 0 {
			ref, suffix = ref[:i], ref[i:]
		}
		if strings.HasPrefix(ref, "/") {
			return "url(" + cssString(r.url(filepath.Join(r.dir, filepath.FromSlash(ref)))+suffix) + ")"
		}
		return "url(" + cssString(r.url(filepath.Join(dir, filepath.FromSlash(ref)))+suffix) + ")"
	}), nil
}
