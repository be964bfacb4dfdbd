// Package site builds the whole static site: it loads and checks every
// company, renders each document in each language in parallel, prints the
// PDFs with one browser, and swaps the result into the output folder only
// when everything succeeded.
package site

import (
	"context"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"runtime"
	"sync"
	"time"

	"github.com/basis-privacy/basis/generator/check"
	"github.com/basis-privacy/basis/generator/load"
	"github.com/basis-privacy/basis/generator/locale"
	"github.com/basis-privacy/basis/generator/model"
	"github.com/basis-privacy/basis/generator/pdf"
	"github.com/basis-privacy/basis/generator/render"
)

// Options configures a build.
type Options struct {
	Content   string // folder of company folders
	Out       string // output folder, replaced on success
	PDF       bool   // print PDFs
	Chrome    string // browser path; empty means BASIS_CHROME or the PATH
	Force     bool   // publish companies whose check found errors
	Templates fs.FS  // template tree (embedded, possibly overlaid)
	Locales   []fs.FS
	Version   string
	Log       io.Writer // progress and summary; nil discards
}

// Result reports what a build did.
type Result struct {
	Companies int
	Files     int
	PDFs      int
	Load      time.Duration
	HTML      time.Duration
	Print     time.Duration
	Report    *check.Report
}

// CheckError reports companies whose check found errors; the build refused
// to publish them.
type CheckError struct {
	Report *check.Report
}

// Error says how many errors stopped the build and how to proceed.
func (e *CheckError) Error() string {
	return fmt.Sprintf("the check found %d error(s); nothing was published (fix them, or build with --force to publish anyway)", e.Report.Errors())
}

// Build builds the site described by opts.
func Build(ctx context.Context, opts Options) (*Result, error) {
	res := &Result{}
	logw := opts.Log
	if logw == nil {
		logw = io.Discard
	}
	start := time.Now()
	companies, err := load.Dir(opts.Content)
	if err != nil {
		return nil, err
	}
	res.Companies = len(companies)
	res.Report = &check.Report{}
	for _, c := range companies {
		res.Report.Merge(check.Company(c))
	}
	if res.Report.Errors() > 0 && !opts.Force {
		return res, &CheckError{Report: res.Report}
	}
	cat, err := locale.Load(opts.Locales...)
	if err != nil {
		return nil, err
	}
	r, err := render.New(render.WithTemplates(opts.Templates), render.WithCatalog(cat), render.WithVersion(opts.Version))
	if err != nil {
		return nil, err
	}
	res.Load = time.Since(start)

	var browser string
	if opts.PDF {
		// Find the browser before any work, so a missing one fails fast.
		if browser, err = pdf.FindBrowser(opts.Chrome); err != nil {
			return nil, err
		}
	}

	staged, err := stage(opts.Out)
	if err != nil {
		return nil, err
	}
	done := false
	defer func() {
		if !done {
			_ = os.RemoveAll(staged)
		}
	}()

	start = time.Now()
	w := &writer{root: staged}
	docs, err := renderAll(ctx, r, cat, companies, res.Report, w, opts.Templates)
	if err != nil {
		return nil, err
	}
	res.HTML = time.Since(start)

	if opts.PDF {
		start = time.Now()
		if err := printAll(ctx, browser, staged, docs, cat, logw); err != nil {
			return nil, err
		}
		res.PDFs = len(docs)
		res.Print = time.Since(start)
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	res.Files = w.files + res.PDFs
	if err := swap(staged, opts.Out); err != nil {
		return nil, err
	}
	done = true
	return res, nil
}

// doc is one HTML document that also gets a PDF.
type doc struct {
	rel   string // path of the .html under the output root
	title string // for the PDF footer
	lang  string
}

// renderAll writes every HTML and JSON file; rendering uses all cores.
func renderAll(ctx context.Context, r *render.Renderer, cat *locale.Catalog, companies []*model.Company,
	rep *check.Report, w *writer, tmpl fs.FS) ([]doc, error) {
	if err := w.copyTree(tmpl, "assets", "assets"); err != nil {
		return nil, fmt.Errorf("copy assets: %w", err)
	}
	type job struct {
		c    *model.Company
		lang string
	}
	var jobs []job
	for _, c := range companies {
		for _, l := range c.Languages {
			jobs = append(jobs, job{c, l})
		}
	}
	type output struct {
		files map[string][]byte
		docs  []doc
		err   error
	}
	outs := make([]output, len(jobs))
	var wg sync.WaitGroup
	next := make(chan int)
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for i := range next {
				outs[i].files, outs[i].docs, outs[i].err = renderCompany(r, cat, jobs[i].c, jobs[i].lang, rep)
			}
		})
	}
	for i := range jobs {
		if ctx.Err() != nil {
			break
		}
		next <- i
	}
	close(next)
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	var docs []doc
	for _, o := range outs {
		if o.err != nil {
			return nil, o.err
		}
		for _, name := range sortedKeys(o.files) {
			if err := w.write(name, o.files[name]); err != nil {
				return nil, err
			}
		}
		docs = append(docs, o.docs...)
	}
	for _, c := range companies {
		if c.Logo != "" {
			data, err := os.ReadFile(path.Join(c.Dir, c.Logo))
			if err != nil {
				return nil, fmt.Errorf("logo of %s: %w", c.Slug, err)
			}
			if err := w.write(c.Slug+"/logo"+path.Ext(c.Logo), data); err != nil {
				return nil, err
			}
		}
	}
	for _, l := range model.Languages {
		b, err := r.BlankChecklist(l)
		if err != nil {
			return nil, err
		}
		rel := "checklist/" + l + ".html"
		if err := w.write(rel, b); err != nil {
			return nil, err
		}
		docs = append(docs, doc{rel: rel, title: cat.For(l).T("doc.blank-checklist.title"), lang: l})
	}
	b, err := r.Index(companies)
	if err != nil {
		return nil, err
	}
	return docs, w.write("index.html", b)
}

// renderCompany renders the documents of c in lang.
func renderCompany(r *render.Renderer, cat *locale.Catalog, c *model.Company, lang string, rep *check.Report) (map[string][]byte, []doc, error) {
	p := cat.For(lang)
	dir := c.Slug + "/" + lang + "/"
	files := map[string][]byte{}
	var docs []doc
	add := func(name string, b []byte, err error) error {
		if err != nil {
			return fmt.Errorf("%s (%s): %w", c.File, lang, err)
		}
		files[dir+name] = b
		if path.Ext(name) == ".html" {
			kind := name[:len(name)-len(".html")]
			docs = append(docs, doc{rel: dir + name, lang: lang,
				title: p.T("doc."+kind+".title") + " – " + c.Controller.Name})
		}
		return nil
	}
	b, err := r.Privacy(c, lang)
	if err := add("privacy.html", b, err); err != nil {
		return nil, nil, err
	}
	b, err = r.Checklist(c, lang, campaignsOf(rep, c.Slug))
	if err := add("checklist.html", b, err); err != nil {
		return nil, nil, err
	}
	b, err = r.Fields(c, lang)
	if err := add("fields.html", b, err); err != nil {
		return nil, nil, err
	}
	b, err = r.FieldsJSON(c, lang)
	if err := add("fields.json", b, err); err != nil {
		return nil, nil, err
	}
	return files, docs, nil
}

// printAll prints a PDF next to every HTML document with one browser.
func printAll(ctx context.Context, browser, root string, docs []doc, cat *locale.Catalog, logw io.Writer) error {
	p, err := pdf.New(pdf.WithBrowser(browser), pdf.WithRoot(root))
	if err != nil {
		return err
	}
	defer p.Close()
	jobs := make([]pdf.Job, len(docs))
	for i, d := range docs {
		html := path.Join(root, d.rel)
		jobs[i] = pdf.Job{HTML: html, Out: html[:len(html)-len(".html")] + ".pdf", Title: d.title, Lang: d.lang,
			PageOf: cat.For(d.lang).T("ui.page")}
	}
	progress := newProgress(logw, len(jobs))
	if err := p.PrintAll(ctx, jobs, progress.update); err != nil {
		return err
	}
	progress.finish()
	return p.Close()
}

// campaignsOf returns the verdicts on the campaigns of the company slug.
func campaignsOf(rep *check.Report, slug string) []check.Outcome {
	var out []check.Outcome
	for _, o := range rep.Campaigns {
		if o.Company == slug {
			out = append(out, o)
		}
	}
	return out
}
