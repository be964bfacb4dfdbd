package load

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"regexp"
	"strings"
)

// Logo formats: a logo is accepted only when its content is one of these
// and its name ends in the matching extension (the web server picks the
// type by the extension).
var logoExts = map[string]string{".png": "PNG", ".jpg": "JPEG", ".jpeg": "JPEG", ".webp": "WebP", ".svg": "SVG"}

// logoError is what is wrong with a logo's content, and how to fix it.
type logoError struct{ msg, hint string }

// checkLogo checks the logo name by its content: PNG, JPEG, WebP, or SVG
// without scripts, event handlers or references to anything outside itself.
func checkLogo(name string, b []byte) *logoError {
	format := sniffImage(b)
	if format == "" {
		return &logoError{"is not a PNG, JPEG, WebP or SVG image", "export the logo as PNG or SVG"}
	}
	ext := strings.ToLower(filepath.Ext(name))
	if logoExts[ext] != format {
		want := map[string]string{"PNG": ".png", "JPEG": ".jpg", "WebP": ".webp", "SVG": ".svg"}[format]
		article := "a"
		if format == "SVG" {
			article = "an"
		}
		return &logoError{fmt.Sprintf("is %s %s image but its name ends in %q", article, format, ext),
			fmt.Sprintf("rename it to %s", strings.TrimSuffix(filepath.Base(name), filepath.Ext(name))+want)}
	}
	if format == "SVG" {
		if line, what := checkSVG(b); what != "" {
			return &logoError{fmt.Sprintf("%s (line %d of the SVG)", what, line),
				"remove it: a logo may hold only shapes, text, styles and images embedded as data:image"}
		}
	}
	return nil
}

// sniffImage names the format of b by its first bytes, or "".
func sniffImage(b []byte) string {
	switch {
	case bytes.HasPrefix(b, []byte("\x89PNG\r\n\x1a\n")):
		return "PNG"
	case bytes.HasPrefix(b, []byte("\xff\xd8\xff")):
		return "JPEG"
	case len(b) >= 12 && string(b[:4]) == "RIFF" && string(b[8:12]) == "WEBP":
		return "WebP"
	case isSVG(b):
		return "SVG"
	}
	return ""
}

const svgNS = "http://www.w3.org/2000/svg"

// isSVG reports whether b is XML whose root element is svg.
func isSVG(b []byte) bool {
	dec := xml.NewDecoder(bytes.NewReader(b))
	for {
		tok, err := dec.Token()
		if err != nil {
			return false
		}
		if se, ok := tok.(xml.StartElement); ok {
			return se.Name.Local == "svg" && (se.Name.Space == "" || se.Name.Space == svgNS)
		}
	}
}

// svgForbidden are elements that run code, embed other documents or play
// media; their names are compared in lower case.
var svgForbidden = map[string]bool{
	"script": true, "foreignobject": true, "iframe": true, "embed": true, "object": true,
	"audio": true, "video": true, "handler": true, "listener": true,
}

var (
	cssURL      = regexp.MustCompile(`(?i)url\(\s*['"]?\s*([^'")\s]*)`)
	dataImage   = regexp.MustCompile(`(?i)^data:image/(png|jpeg|gif|webp);`)
	cssImport   = regexp.MustCompile(`(?i)@import`)
	hrefAttr    = map[string]bool{"href": true, "src": true}
	animateElem = map[string]bool{"set": true, "animate": true, "animatemotion": true, "animatetransform": true}
)

// checkSVG returns the line and a description of the first thing in the
// SVG that could run code or load something, or "" when there is none.
func checkSVG(b []byte) (int, string) {
	dec := xml.NewDecoder(bytes.NewReader(b))
	inStyle := false
	for {
		tok, err := dec.Token()
		line, _ := dec.InputPos()
		if errors.Is(err, io.EOF) {
			return 0, ""
		}
		if err != nil {
			return line, "is not valid XML: " + strings.TrimPrefix(err.Error(), "XML syntax error on line "+fmt.Sprint(line)+": ")
		}
		switch t := tok.(type) {
		case xml.Directive:
			if bytes.Contains(bytes.ToUpper(t), []byte("ENTITY")) {
				return line, "declares XML entities"
			}
		case xml.ProcInst:
			if t.Target != "xml" {
				return line, fmt.Sprintf("has a processing instruction <?%s?>", t.Target)
			}
		case xml.StartElement:
			if what := svgElement(t); what != "" {
				return line, what
			}
			inStyle = strings.EqualFold(t.Name.Local, "style")
		case xml.EndElement:
			inStyle = false
		case xml.CharData:
			if inStyle {
				if what := cssRefs(string(t)); what != "" {
					return line, what
				}
			}
		}
	}
}

// svgElement checks one element and its attributes.
func svgElement(e xml.StartElement) string {
	name := strings.ToLower(e.Name.Local)
	if svgForbidden[name] {
		return fmt.Sprintf("has a <%s> element", e.Name.Local)
	}
	for _, a := range e.Attr {
		attr := strings.ToLower(a.Name.Local)
		v := strings.TrimSpace(a.Value)
		switch {
		case strings.HasPrefix(attr, "on"):
			return fmt.Sprintf("has an event handler %s=", a.Name.Local)
		case hrefAttr[attr] && !strings.HasPrefix(v, "#") && !dataImage.MatchString(v):
			return fmt.Sprintf("refers to %q outside the image", v)
		case animateElem[name] && attr == "attributename" && (strings.Contains(strings.ToLower(v), "href") || strings.HasPrefix(strings.ToLower(v), "on")):
			return fmt.Sprintf("animates the attribute %s", v)
		}
		if what := cssRefs(v); what != "" {
			return what
		}
	}
	return ""
}

// cssRefs finds @import or url(...) pointing outside the image in CSS.
func cssRefs(css string) string {
	if cssImport.MatchString(css) {
		return "imports a style sheet"
	}
	for _, m := range cssURL.FindAllStringSubmatch(css, -1) {
		if !strings.HasPrefix(m[1], "#") && !dataImage.MatchString(m[1]) {
			return fmt.Sprintf("refers to %q outside the image", m[1])
		}
	}
	return ""
}
