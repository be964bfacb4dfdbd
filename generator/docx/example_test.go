package docx_test

import (
	"archive/zip"
	"bytes"
	"fmt"
	"log"

	"github.com/basis-privacy/basis/generator/docx"
)

// Convert a page and list the parts of the Word document it makes.
func ExampleConvert() {
	page := []byte(`<!DOCTYPE html><html lang="de"><head><title>Datenschutzhinweise</title></head>
<body><h1>Datenschutzhinweise</h1><p>Verantwortlicher ist die Bäckerei Schmidt GmbH.</p></body></html>`)
	doc, err := docx.Convert(page, docx.WithPageOf("Seite {page} von {pages}"))
	if err != nil {
		log.Fatal(err)
	}
	z, err := zip.NewReader(bytes.NewReader(doc), int64(len(doc)))
	if err != nil {
		log.Fatal(err)
	}
	for _, f := range z.File {
		fmt.Println(f.Name)
	}
	// Output:
	// [Content_Types].xml
	// _rels/.rels
	// docProps/app.xml
	// docProps/core.xml
	// word/document.xml
	// word/_rels/document.xml.rels
	// word/styles.xml
	// word/settings.xml
	// word/numbering.xml
	// word/footer1.xml
}
