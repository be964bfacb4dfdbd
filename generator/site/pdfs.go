package site

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/basis-privacy/basis/generator/pdf"
)

// printer prints a build's PDFs; *pdf.Printer is one.
type printer interface {
	PrintAll(ctx context.Context, jobs []pdf.Job, progress func(done, total int)) error
	Close() error
}

// printerFor says what a build's PDFs are printed on.
type printerFor struct {
	ctx     context.Context // the build's: cancelling it stops the browser's start or the connections
	browser string          // the local browser's path
	remote  []string        // remote DevTools endpoints, instead of a local browser
	root    string          // the site the pages are under
	tabs    int             // documents printed at once on each browser; 0: pdf.DefaultPages
}

// startPrinter starts the browser that prints a build's PDFs, or connects
// to the remote browsers if there are any.
func startPrinter(pf printerFor) (printer, error) {
	// The footer uses the body's font, the shipped one, which every page loads.
	opts := []pdf.Option{pdf.WithRoot(pf.root)}
	if pf.tabs > 0 {
		opts = append(opts, pdf.WithPages(pf.tabs))
	}
	if len(pf.remote) > 0 {
		return pdf.NewContext(pf.ctx, append(opts, pdf.WithEndpoints(pf.remote...))...)
	}
	return pdf.NewContext(pf.ctx, append(opts, pdf.WithBrowser(pf.browser))...)
}

// pickBrowser returns the local browser to print with, or "" when the
// build prints on remote browsers, whose addresses it checks.
func pickBrowser(opts Options) (string, error) {
	if len(opts.Browsers) == 0 {
		if opts.find != nil {
			return opts.find(opts.Chrome)
		}
		return pdf.FindBrowser(opts.Chrome)
	}
	return "", CheckBrowsers(opts.Chrome, opts.Browsers)
}

// CheckBrowsers checks the browsers given to print on: a local one
// (chrome) or remote ones, not both, each remote address a DevTools
// endpoint's.
func CheckBrowsers(chrome string, remote []string) error {
	if chrome != "" && len(remote) > 0 {
		return fmt.Errorf("both a local browser (%s) and remote browsers (%s) were given: pass --chrome or --browser, not both", chrome, pdf.Redact(remote[0]))
	}
	for _, u := range remote {
		if err := pdf.CheckEndpoint(u); err != nil {
			return fmt.Errorf("remote browser: %w", err)
		}
	}
	return nil
}

// pdfs puts a PDF next to every HTML document. A PDF whose key (everything
// its page loads, see pdfKey) is unchanged is carried over from the
// previous build or copied from the cache folder, if it is still a whole
// PDF; the rest are printed with one browser and then copied into the
// cache. It returns how many it printed.
func (b *builder) pdfs(browser, cache string, logw io.Writer, hook func(done, total int)) (int, error) {
	pdfCache := ""
	if cache != "" {
		pdfCache = filepath.Join(cache, "pdf")
		if err := os.MkdirAll(pdfCache, 0o755); err != nil {
			return 0, err
		}
	}
	type pending struct {
		rel, key string
	}
	var todo []pending
	var jobs []pdf.Job
	for _, d := range b.docs {
		rel := pdfRel(d.rel)
		pageOf := cmp.Or(d.page, b.cat.For(d.lang).T("ui.page"))
		job, key, err := b.pdfJob(d, pageOf)
		if err != nil {
			return 0, err
		}
		published := filepath.Join(b.out, filepath.FromSlash(rel))
		if ok, err := b.carry(rel, func(e entry) bool { return e.Key == digestOf(key) && wholePDF(published) }); ok || err != nil {
			if err != nil {
				return 0, err
			}
			b.count(&b.reused, true)
			continue
		}
		if pdfCache != "" {
			cached := filepath.Join(pdfCache, key+".pdf")
			if wholePDF(cached) {
				if err := copyPDF(cached, b.path(rel)); err != nil {
					return 0, err
				}
				if err := b.record(rel, digestOf(key)); err != nil {
					return 0, err
				}
				b.count(&b.copied, true)
				continue
			}
		}
		if err := b.inStage(d.rel); err != nil {
			return 0, err
		}
		todo = append(todo, pending{rel, key})
		jobs = append(jobs, job)
	}
	if len(jobs) > 0 {
		if err := b.print(browser, jobs, logw, hook); err != nil {
			return 0, err
		}
	}
	for _, t := range todo {
		if pdfCache != "" {
			// A copy, never a link: damage to the published file must not reach the cache.
			if err := copyPDF(b.path(t.rel), filepath.Join(pdfCache, t.key+".pdf")); err != nil {
				return 0, err
			}
		}
		if err := b.record(t.rel, digestOf(t.key)); err != nil {
			return 0, err
		}
	}
	return len(jobs), nil
}

// print prints jobs with one browser, showing progress on logw.
func (b *builder) print(browser string, jobs []pdf.Job, logw io.Writer, hook func(done, total int)) error {
	start := startPrinter
	if b.printer != nil {
		start = b.printer
	}
	p, err := start(printerFor{ctx: b.ctx, browser: browser, remote: b.remote, root: b.staged, tabs: b.tabs})
	if err != nil {
		return err
	}
	progress := newProgress(logw, len(jobs))
	err = p.PrintAll(b.ctx, jobs, func(done, total int) {
		progress.update(done, total)
		if hook != nil {
			hook(done, total)
		}
	})
	progress.finish()
	if cerr := p.Close(); err == nil {
		err = cerr
	}
	return err
}

// pdfJob returns the job that prints d with the footer phrase pageOf, and
// the key of its PDF: every byte its page loads or is made from. That is
// the page itself (made from its company's files, template and messages),
// each file the page loads (the logo), the assets (CSS and the fonts it
// loads), and the footer (title, language, page phrase).
func (b *builder) pdfJob(d doc, pageOf string) (pdf.Job, string, error) {
	page, err := b.read(d.rel)
	if err != nil {
		return pdf.Job{}, "", err
	}
	job := pdf.NewJob(b.staged, d.rel, page, b.path(pdfRel(d.rel)))
	// The printer reads the page when it prints it: a large build keeps
	// no page in memory meanwhile.
	job.Page = nil
	job.Title, job.Lang, job.PageOf = d.title, d.lang, pageOf
	h := newHasher(b.src.program, b.src.assets, sumBytes(page), d.title, d.lang, pageOf)
	for _, rel := range job.Loads {
		h.add(rel).add(b.sumOf(rel))
	}
	return job, h.sum(), nil
}

// read returns the output rel as this build makes it: staged, or else
// carried over in the output folder.
func (b *builder) read(rel string) ([]byte, error) {
	data, err := os.ReadFile(b.path(rel))
	if errors.Is(err, fs.ErrNotExist) {
		data, err = os.ReadFile(filepath.Join(b.out, filepath.FromSlash(rel)))
	}
	return data, err
}

// pruneCache removes cached PDFs no output of the current build uses.
func pruneCache(dir string, ms ...*manifest) {
	used := map[string]bool{}
	for _, m := range ms {
		for _, e := range m.Outputs {
			used[e.Key.String()+".pdf"] = true
		}
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		if !used[e.Name()] {
			_ = os.Remove(filepath.Join(dir, e.Name()))
		}
	}
}

// sumOf returns the SHA-256 of the file rel a page loads (a logo, the
// style sheet, a font) as this build makes it, or "" when there is none;
// each is read once per build.
func (b *builder) sumOf(rel string) string {
	b.mu.Lock()
	s, ok := b.sums[rel]
	b.mu.Unlock()
	if ok {
		return s
	}
	if data, err := b.read(rel); err == nil {
		s = sumBytes(data)
	}
	b.mu.Lock()
	if b.sums == nil {
		b.sums = map[string]string{}
	}
	b.sums[rel] = s
	b.mu.Unlock()
	return s
}
