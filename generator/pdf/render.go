package pdf

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/go-rod/rod"
	"github.com/go-rod/rod/lib/cdp"
	"github.com/go-rod/rod/lib/proto"
)

// pollInterval is how often the page's ready state is checked while it loads.
const pollInterval = 5 * time.Millisecond

// render prints job, loaded from the address page, with tab t: put into
// the document the tab already holds (see put) when it holds one and fast
// is set, else by navigating the tab to it. ctx carries the document's
// deadline and bounds every step: loading, waiting for fonts, printing and
// writing. fontCSS is added to the document for the footer's font family,
// or the body's font if family is "".
func (t *tab) render(ctx context.Context, job Job, page, fontCSS, family string, fast bool) error {
	p := t.page.Context(ctx)
	if err := t.load(ctx, p, job, page, fast); err != nil {
		return err
	}
	family, err := prepare(p, job, fontCSS, family)
	if err != nil {
		return fmt.Errorf("prepare: %w", err)
	}
	if err := waitFonts(p, job, family); err != nil {
		return fmt.Errorf("wait for fonts: %w", err)
	}
	if err := printPDF(p, job); err != nil {
		return fmt.Errorf("print: %w", err)
	}
	return nil
}

// load loads job's page into the tab, the fast way if it may, else, or if
// that fails, by navigating to it. It may not when a file the tab loaded
// changed since (the browser would not ask for it again); nor when the
// page has no title (a document put into a warm tab keeps the address of
// the tab's first, which the browser would print as its title); nor when
// the page's stylesheets are not among the files the tab's document loaded
// (put finds them in the memory cache only while a document uses them:
// else the page would be printed before they apply).
func (t *tab) load(ctx context.Context, p *rod.Page, job Job, page string, fast bool) error {
	if fast && t.warm && !t.changed() && job.Title != "" && t.holds(styleSheets(job)) {
		err := t.put(ctx, p, job, page)
		if err == nil {
			t.log.Debug("pdf: put into a warm tab", "html", job.HTML)
		}
		if err == nil || ctx.Err() != nil {
			return err
		}
		t.log.Warn("pdf: loading a page into a warm tab failed, navigating to it instead", "html", job.HTML, "err", err)
	}
	t.warm = false
	t.forget()
	if err := p.Navigate(page); err != nil {
		return fmt.Errorf("load: %w", err)
	}
	if err := waitLoaded(ctx, p, page); err != nil {
		return fmt.Errorf("wait for load: %w", err)
	}
	t.warm = true
	return nil
}

// waitLoaded polls until the document at the address page has loaded with
// all its subresources. Polling instead of a load listener also works when the
// page's scripts are disabled, and the URL check skips the previous document.
func waitLoaded(ctx context.Context, p *rod.Page, page string) error {
	for {
		r, err := proto.RuntimeEvaluate{Expression: `document.readyState + " " + location.href`, ReturnByValue: true}.Call(p)
		var cdpErr *cdp.Error
		switch {
		case err == nil && r.ExceptionDetails == nil && r.Result != nil:
			state, href, _ := strings.Cut(r.Result.Value.Str(), " ")
			if state == "complete" && samePage(href, page) {
				return nil
			}
		case err != nil && !errors.As(err, &cdpErr):
			return err // the connection or the deadline, not the page
		}
		// Errors from the browser here mean the old document's context went away mid-navigation.
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(pollInterval):
		}
	}
}

// evaluate runs a JavaScript expression in the page, awaiting a promise,
// and returns its string result. It works while the page's own scripts are
// disabled, as long as it passes no callbacks to the page's APIs.
func evaluate(p *rod.Page, expr string) (string, error) {
	r, err := proto.RuntimeEvaluate{Expression: expr, AwaitPromise: true, ReturnByValue: true}.Call(p)
	if err != nil {
		return "", err
	}
	if r.ExceptionDetails != nil {
		msg := r.ExceptionDetails.Text
		if r.ExceptionDetails.Exception != nil {
			msg += " " + r.ExceptionDetails.Exception.Description
		}
		return "", errors.New(msg)
	}
	if r.Result == nil {
		return "", &ProtocolError{Reason: "a Runtime.evaluate reply without a result"}
	}
	return r.Result.Value.Str(), nil
}

// jsArgs encodes values as a JavaScript argument list.
func jsArgs(vals ...string) string {
	enc := make([]string, len(vals))
	for i, v := range vals {
		b, _ := json.Marshal(v)
		enc[i] = string(b)
	}
	return strings.Join(enc, ", ")
}

// prepare sets the document's title and, if it has none, its language, and
// adds fontCSS and the running footer in font family, or in the body's font
// if family is "". It returns the footer's font family.
func prepare(p *rod.Page, job Job, fontCSS, family string) (string, error) {
	body, err := evaluate(p, `((title, lang) => {
	if (title) document.title = title;
	if (lang && !document.documentElement.lang) document.documentElement.lang = lang;
	return getComputedStyle(document.body || document.documentElement).fontFamily;
})(`+jsArgs(job.Title, job.Lang)+`)`)
	if err != nil {
		return "", err
	}
	if family == "" {
		family = body
	}
	if checkFamily(family) != nil {
		family = "sans-serif"
	}
	_, err = evaluate(p, `((css) => {
	const style = document.createElement("style");
	style.textContent = css;
	(document.head || document.documentElement).append(style);
	return "";
})(`+jsArgs(fontCSS+footerCSS(job, family))+`)`)
	return family, err
}

// waitFonts lays the page out, loads the fonts of the footer (in family),
// waits for document.fonts.ready and fails if a font in use could not be loaded.
func waitFonts(p *rod.Page, job Job, family string) error {
	failed, err := evaluate(p, `(async (family, text) => {
	void document.documentElement.offsetHeight;
	try { await document.fonts.load("8pt " + family, text); } catch (e) {}
	await document.fonts.ready;
	const failed = [];
	for (const f of document.fonts) { // no callbacks: they do not run while the page's scripts are disabled
		if (f.status === "error") failed.push(f.family + " " + f.weight + " " + f.style);
	}
	return failed.join(", ");
})(`+jsArgs(family, footerText(job))+`)`)
	if err != nil {
		return err
	}
	if failed != "" {
		return fmt.Errorf("fonts failed to load: %s", failed)
	}
	return nil
}

// printPDF prints the page to job.Out: A4, tagged, with an outline.
func printPDF(p *rod.Page, job Job) error {
	inch := func(v float64) *float64 { return &v }
	res, err := proto.PagePrintToPDF{
		PaperWidth:              inch(paperWidthIn),
		PaperHeight:             inch(paperHeightIn),
		MarginTop:               inch(marginTopMM / mmPerInch),
		MarginBottom:            inch(marginBotMM / mmPerInch),
		MarginLeft:              inch(marginSideMM / mmPerInch),
		MarginRight:             inch(marginSideMM / mmPerInch),
		PrintBackground:         true,
		PreferCSSPageSize:       true,
		GenerateTaggedPDF:       true,
		GenerateDocumentOutline: true,
		TransferMode:            proto.PagePrintToPDFTransferModeReturnAsStream,
	}.Call(p)
	if err != nil {
		return err
	}
	stream := &pdfStream{p: p, handle: res.Stream}
	defer func() { _ = proto.IOClose{Handle: res.Stream}.Call(p) }()
	return writeAtomic(job.Out, stream)
}

// Limits of a printed PDF as it comes back over the DevTools connection.
const (
	streamChunk = 1 << 20   // bytes asked for by one IO.read
	maxPDF      = 512 << 20 // the largest PDF accepted
)

// pdfStream reads a PDF the browser returned as a stream, a chunk of at
// most streamChunk bytes at a time, up to maxPDF bytes.
type pdfStream struct {
	p      *rod.Page
	handle proto.IOStreamHandle
	buf    []byte
	read   int
	eof    bool
}

func (s *pdfStream) Read(b []byte) (int, error) {
	for len(s.buf) == 0 {
		if s.eof {
			return 0, io.EOF
		}
		size := streamChunk
		res, err := proto.IORead{Handle: s.handle, Size: &size}.Call(s.p)
		if err != nil {
			return 0, err
		}
		s.buf = []byte(res.Data)
		if res.Base64Encoded {
			if s.buf, err = base64.StdEncoding.DecodeString(res.Data); err != nil {
				return 0, &ProtocolError{Reason: "a PDF chunk that is not base64"}
			}
		}
		s.eof = res.EOF
		if s.read += len(s.buf); s.read > maxPDF {
			return 0, fmt.Errorf("the browser returned a PDF of more than %d MiB", maxPDF>>20)
		}
	}
	n := copy(b, s.buf)
	s.buf = s.buf[n:]
	return n, nil
}

// writeAtomic writes the PDF read from r to path+".tmp" and renames it to path.
func writeAtomic(path string, r io.Reader) (err error) {
	head := make([]byte, 5)
	if _, err := io.ReadFull(r, head); err != nil {
		return fmt.Errorf("read PDF: %w", err)
	}
	if !bytes.Equal(head, []byte("%PDF-")) {
		return fmt.Errorf("browser returned no PDF (starts with %q)", head)
	}
	tmp := path + ".tmp"
	f, err := os.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			_ = f.Close()
			_ = os.Remove(tmp)
		}
	}()
	if _, err = f.Write(head); err != nil {
		return err
	}
	if _, err = io.Copy(f, r); err != nil {
		return fmt.Errorf("read PDF: %w", err)
	}
	if err = f.Close(); err != nil {
		return err
	}
	return os.Rename(tmp, path)
}
