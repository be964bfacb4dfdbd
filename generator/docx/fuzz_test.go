package docx

import (
	"os"
	"testing"
)

// FuzzConvert checks any page converts without a panic, to a well-formed
// document or a *ParseError.
func FuzzConvert(f *testing.F) {
	for _, name := range []string{"testdata/features.html", renderedNotice} {
		page, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(page)
	}
	f.Add([]byte(`<table><tr><td colspan="9"><ul><li><table><tr><td><pre>x</pre></td></tr></table></li></ul></td></tr></table>`))
	f.Add([]byte(`<ol start="-3"><li><a href="#x" id="x">a</a><img src="y"></li></ol><h9>`))
	f.Fuzz(func(t *testing.T, page []byte) {
		doc, err := Convert(page, WithImages(func(string) ([]byte, error) { return page, nil }))
		if err != nil {
			if _, ok := err.(*ParseError); !ok {
				t.Fatalf("error %v is not a *ParseError", err)
			}
			return
		}
		unzip(t, doc)
	})
}
