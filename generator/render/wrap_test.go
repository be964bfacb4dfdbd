package render

import (
	"strings"
	"testing"
)

// TestWrapLongWords: a word longer than longWord characters gets places to
// wrap (<wbr>) after the separators of an address and at least every
// wrapEvery characters; shorter words, tags, entities, comments and code
// stay as they are, and the text is unchanged.
func TestWrapLongWords(t *testing.T) {
	long := "https://lindenhof.example/datenschutz/" + strings.Repeat("AbCdEfGhIj", 5)
	tests := []struct{ in, want string }{
		{"<p>short words stay</p>", "<p>short words stay</p>"},
		{"<p>datenschutz@baeckerei-schmidt.example.</p>", "<p>datenschutz@baeckerei-schmidt.example.</p>"},
		{"<dd>see " + long + ".</dd>",
			"<dd>see https://<wbr>lindenhof.<wbr>example/<wbr>datenschutz/<wbr>AbCdEfGhIjAbCdEfGhIj<wbr>AbCdEfGhIjAbCdEfGhIj<wbr>AbCdEfGhIj.</dd>"},
		{`<a href="` + long + `" title="` + long + `">x</a>`, `<a href="` + long + `" title="` + long + `">x</a>`},
		{"<pre><code>" + long + "</code></pre><code>" + long + "</code>", "<pre><code>" + long + "</code></pre><code>" + long + "</code>"},
		{"<!-- " + long + " -->", "<!-- " + long + " -->"},
		{"<td>" + strings.Repeat("&amp;", 45) + "</td>", "<td>" + strings.Repeat("&amp;", 20) + "<wbr>" + strings.Repeat("&amp;", 20) + "<wbr>" + strings.Repeat("&amp;", 5) + "</td>"},
		{"<p>" + strings.Repeat("ä", 50) + "</p>", "<p>" + strings.Repeat("ä", 20) + "<wbr>" + strings.Repeat("ä", 20) + "<wbr>" + strings.Repeat("ä", 10) + "</p>"},
		{"a & b <", "a & b <"},
	}
	for _, tt := range tests {
		got := string(wrapLongWords([]byte(tt.in)))
		if got != tt.want {
			t.Errorf("wrapLongWords(%q)\n got %q\nwant %q", tt.in, got, tt.want)
		}
		if strings.ReplaceAll(got, "<wbr>", "") != tt.in {
			t.Errorf("wrapLongWords(%q) changed the text: %q", tt.in, got)
		}
	}
}
