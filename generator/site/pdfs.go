package site

import (
	"io"
	"os"
	"path/filepath"

	"github.com/basis-privacy/basis/generator/pdf"
)

// findBrowser finds Chrome or Chromium: the flag, $BASIS_CHROME, the PATH.
func findBrowser(flagPath string) (string, error) { return pdf.FindBrowser(flagPath) }

// pdfs puts a PDF next to every HTML document. A PDF whose HTML, assets and
// program are unchanged is carried over from the previous build or taken
// from the cache folder; the rest are printed with one browser and then
// stored in the cache. It returns how many it printed.
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
		htmlSum := b.next.Outputs[d.rel].Sum
		pageOf := b.cat.For(d.lang).T("ui.page")
		key := newHasher(b.src.program, b.src.assets, htmlSum, d.title, d.lang, pageOf).sum()
		if ok, err := b.carry(rel, func(e entry) bool { return e.Key == key }); ok || err != nil {
			if err != nil {
				return 0, err
			}
			b.count(&b.reused, true)
			continue
		}
		if pdfCache != "" {
			cached := filepath.Join(pdfCache, key+".pdf")
			if _, err := os.Stat(cached); err == nil {
				if err := linkOrCopy(cached, b.path(rel)); err != nil {
					return 0, err
				}
				if err := b.record(rel, key, ""); err != nil {
					return 0, err
				}
				continue
			}
		}
		if err := b.inStage(d.rel); err != nil {
			return 0, err
		}
		todo = append(todo, pending{rel, key})
		jobs = append(jobs, pdf.Job{HTML: b.path(d.rel), Out: b.path(rel), Title: d.title, Lang: d.lang, PageOf: pageOf})
	}
	if len(jobs) > 0 {
		// The footer uses the body's font, the shipped one, which every page loads.
		p, err := pdf.New(pdf.WithBrowser(browser), pdf.WithRoot(b.staged))
		if err != nil {
			return 0, err
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
		if err != nil {
			return 0, err
		}
	}
	for _, t := range todo {
		if pdfCache != "" {
			if err := linkOrCopy(b.path(t.rel), filepath.Join(pdfCache, t.key+".pdf")); err != nil {
				return 0, err
			}
		}
		if err := b.record(t.rel, t.key, ""); err != nil {
			return 0, err
		}
	}
	if pdfCache != "" {
		pruneCache(pdfCache, b.next)
	}
	return len(jobs), nil
}

// pruneCache removes cached PDFs no output of the current build uses.
func pruneCache(dir string, m *manifest) {
	used := map[string]bool{}
	for _, e := range m.Outputs {
		used[e.Key+".pdf"] = true
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
