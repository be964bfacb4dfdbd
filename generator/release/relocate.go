package release

import (
	"regexp"
	"strings"
	"time"
)

// linkAttr matches the links of a rendered page.
var linkAttr = regexp.MustCompile(`\b(href|src)="([^"]*)"`)

// otherLangOf matches a link to a document in another language, with the
// document's name.
var otherLangOf = regexp.MustCompile(`^\.\./([a-z]{2,3})/([a-z-]+)\.html$`)

// relocate rewrites the relative links of a notice rendered for
// <slug>/<lang>/privacy.html so that they work from
// <slug>/<lang>/versions/<date>/privacy.html: every link reaches what it
// reached before, except the links to the notice in the other languages,
// which reach the same version in those languages.
func relocate(page []byte, date time.Time) []byte { return relocateDoc(page, date, "privacy") }

// relocateDoc is relocate for the document kind (privacy, record,
// assessment): the links to kind in the other languages reach the same
// version in those languages.
func relocateDoc(page []byte, date time.Time, kind string) []byte {
	return linkAttr.ReplaceAllFunc(page, func(m []byte) []byte {
		sub := linkAttr.FindSubmatch(m)
		attr, url := string(sub[1]), string(sub[2])
		if !relative(url) {
			return m
		}
		if l := otherLangOf.FindStringSubmatch(url); l != nil && l[2] == kind {
			url = "../../../" + l[1] + "/versions/" + date.Format(time.DateOnly) + "/" + kind + ".html"
		} else {
			url = "../../" + url
		}
		return []byte(attr + `="` + url + `"`)
	})
}

// relative reports whether url is a relative path (not an anchor, an
// absolute path or a URL with a scheme such as mailto: or https:).
func relative(url string) bool {
	if url == "" || strings.HasPrefix(url, "#") || strings.HasPrefix(url, "/") {
		return false
	}
	if i := strings.IndexAny(url, ":/?#"); i >= 0 && url[i] == ':' {
		return false
	}
	return true
}
