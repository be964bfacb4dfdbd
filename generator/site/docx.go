package site

import (
	"cmp"
	"fmt"
	"io"
	"path"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/basis-privacy/basis/generator/docx"
	"github.com/basis-privacy/basis/generator/pdf"
)

// Word reports the Word stage of a build (Options.DOCX).
type Word struct {
	Documents int           // .docx files in the output folder
	Written   int           // of those, written by this build; the others were unchanged
	Time      time.Duration // time the stage took
}

// docxRel is the Word document made from the HTML document rel.
func docxRel(rel string) string { return strings.TrimSuffix(rel, path.Ext(rel)) + ".docx" }

// words puts a Word document next to every HTML document, converting the
// pages on all cores. A document whose key (see wordKey) is unchanged is
// carried over, and one converted to the same bytes is not rewritten.
// Notices (such as a logo Word cannot show) go to logw.
func (b *builder) words(logw io.Writer) (Word, error) {
	start := time.Now()
	before := b.rendered
	var logMu sync.Mutex
	notice := func(rel string) func(string) {
		return func(msg string) {
			if logw == nil {
				return
			}
			logMu.Lock()
			defer logMu.Unlock()
			fmt.Fprintf(logw, "basis: %s: %s\n", rel, msg)
		}
	}
	err := forEach(b.ctx, len(b.docs), runtime.GOMAXPROCS(0), func(i int) error {
		if err := b.word(b.docs[i], notice(docxRel(b.docs[i].rel))); err != nil {
			return fmt.Errorf("Word document of %s: %w", b.docs[i].rel, err)
		}
		return nil
	})
	if err != nil {
		return Word{}, err
	}
	res := Word{Written: b.rendered - before, Time: time.Since(start)}
	b.mu.Lock()
	for rel := range b.next.Outputs {
		if strings.HasSuffix(rel, ".docx") {
			res.Documents++
		}
	}
	b.mu.Unlock()
	return res, nil
}

// word writes the Word document of d.
func (b *builder) word(d doc, notice func(string)) error {
	page, err := b.read(d.rel)
	if err != nil {
		return err
	}
	pageOf := cmp.Or(d.page, b.cat.For(d.lang).T("ui.page")) // the company's own wording, as on the PDF
	return b.emit(docxRel(d.rel), b.wordKey(d, page, pageOf), func() ([]byte, error) {
		return docx.Convert(page, docx.WithTitle(d.title), docx.WithPageOf(pageOf), docx.WithNotice(notice),
			docx.WithImages(func(src string) ([]byte, error) { return b.pageFile(d.rel, src) }))
	})
}

// wordKey is the key of the Word document of d: its page, each file the
// page loads (the logo), its footer (title and page phrase) and language,
// and the program that converts them.
func (b *builder) wordKey(d doc, page []byte, pageOf string) string {
	h := newHasher(b.src.program, "docx", sumBytes(page), d.title, d.lang, pageOf)
	for _, rel := range pdf.Loads(d.rel, page) {
		h.add(rel).add(b.sumOf(rel))
	}
	return h.sum()
}

// pageFile reads the file src of the site that the page rel loads.
func (b *builder) pageFile(rel, src string) ([]byte, error) {
	p := path.Join(path.Dir(rel), src)
	if strings.Contains(src, ":") || !filepath.IsLocal(filepath.FromSlash(p)) {
		return nil, fmt.Errorf("%s is not a file of the site", src)
	}
	return b.read(p)
}
