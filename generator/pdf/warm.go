package pdf

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"html"
	"os"
	"regexp"
	"time"

	"github.com/go-rod/rod"
	"github.com/go-rod/rod/lib/proto"
)

// put loads job's page into the document tab t holds, instead of
// navigating to it: Page.setDocumentContent replaces the document, head
// and all, with the page, as the parser would build it from the page's
// address; its stylesheet and fonts come from the browser's memory cache.
// Nothing of the document before stays: the DOM, the title, the footer's
// style and anything else prepare added are replaced with it, and the
// scroll position is reset. Two elements are added at the start of its
// head: a <base> with the page's own address, so relative addresses (the
// stylesheet, the logo, links) resolve as they would at that address, and
// a <meta> with a nonce, by which put knows the document it waits for is
// this job's. The wait ends when that document and its subresources
// (stylesheets, images) have loaded and every image is complete.
func (t *tab) put(ctx context.Context, p *rod.Page, job Job, page string) error {
	src := job.Page
	if src == nil {
		var err error
		if src, err = os.ReadFile(job.HTML); err != nil {
			return err
		}
	}
	var b [12]byte
	_, _ = rand.Read(b[:])
	nonce := hex.EncodeToString(b[:])
	doc := withHead(src, `<base href="`+html.EscapeString(page)+`"><meta name="basis-job" content="`+nonce+`">`)
	err := proto.PageSetDocumentContent{FrameID: proto.PageFrameID(t.page.TargetID), HTML: string(doc)}.Call(p)
	if err != nil {
		return fmt.Errorf("set the document: %w", err)
	}
	for {
		state, err := evaluate(p, `(() => {
	const m = document.querySelector('head > meta[name="basis-job"]');
	if (!m || document.readyState !== "complete") return "";
	for (const i of document.images) if (!i.complete) return "";
	window.scrollTo(0, 0);
	return m.content;
})()`)
		switch {
		case err != nil:
			return fmt.Errorf("wait for load: %w", err)
		case state == nonce:
			return nil
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(pollInterval):
		}
	}
}

// headTag finds a page's <head> start tag, or else its <html> start tag,
// or else its doctype, whichever comes first that exists.
var (
	headTag    = regexp.MustCompile(`(?i)<head(?:\s[^>]*)?>`)
	htmlTag    = regexp.MustCompile(`(?i)<html(?:\s[^>]*)?>`)
	doctypeTag = regexp.MustCompile(`(?i)^\s*<!doctype[^>]*>`)
)

// withHead returns page with markup inserted where the parser starts the
// head: after <head>; else after <html> (the head is implied there); else
// after the doctype; else at the start.
func withHead(page []byte, markup string) []byte {
	at := 0
	for _, re := range []*regexp.Regexp{headTag, htmlTag, doctypeTag} {
		if loc := re.FindIndex(page); loc != nil && !inComment(page, loc[0]) {
			at = loc[1]
			break
		}
	}
	out := make([]byte, 0, len(page)+len(markup))
	out = append(out, page[:at]...)
	out = append(out, markup...)
	return append(out, page[at:]...)
}

// inComment reports whether the offset i of page lies inside a comment.
func inComment(page []byte, i int) bool {
	open := bytes.LastIndex(page[:i], []byte("<!--"))
	return open >= 0 && !bytes.Contains(page[open:i], []byte("-->"))
}
