package render

import (
	"html/template"
	"strings"
)

// unbroken writes a citation as HTML in which no word breaks at its
// hyphen: "91/2020/NĐ-CP" and "C-654/23" stay on one line wherever the
// column ends, since a reader cannot tell a line broken there from the
// citation's own hyphen. Every other word may still wrap.
func unbroken(citation string) template.HTML {
	var b strings.Builder
	for i, word := range strings.Split(citation, " ") {
		if i > 0 {
			b.WriteByte(' ')
		}
		if strings.ContainsRune(word, '-') {
			b.WriteString(`<span class="nobr">` + template.HTMLEscapeString(word) + `</span>`)
			continue
		}
		b.WriteString(template.HTMLEscapeString(word))
	}
	return template.HTML(b.String()) //nolint:gosec // every word is escaped above
}
