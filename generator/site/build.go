// Package site builds the whole static site: it loads and checks every
// company, renders each document in each language in parallel, prints the
// PDFs with one browser, and swaps the result into the output folder only
// when everything succeeded. With a cache folder the build is incremental:
// an output whose inputs did not change is carried over, not rewritten, and
// a PDF is printed only when its HTML changed. It never replaces a folder
// it did not make ([CheckFolders]), and a failed or killed build leaves the
// previous site whole.
package site

import (
	"context"
	"fmt"
	"io"
	"io/fs"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/basis-privacy/basis/generator/check"
	"github.com/basis-privacy/basis/generator/load"
	"github.com/basis-privacy/basis/generator/locale"
	"github.com/basis-privacy/basis/generator/model"
	"github.com/basis-privacy/basis/generator/release"
	"github.com/basis-privacy/basis/generator/render"
)

// Options configures a build.
type Options struct {
	Content string // folder of company folders
	Out     string // output folder, replaced on success
	Cache   string // cache folder for incremental builds; empty builds everything
	PDF     bool   // print PDFs
	DOCX    bool   // write a Word document beside each HTML document
	// LinkPDF makes every page link its PDF although the build prints
	// none: for a server that prints them when asked. PDF implies it.
	LinkPDF   bool
	Chrome    string // browser path; empty means BASIS_CHROME or the PATH
	Force     bool   // publish companies whose check found errors
	Templates fs.FS  // template tree (embedded, possibly overlaid)
	Locales   []fs.FS
	Version   string
	// Shard, if set, builds only that part of the companies, with an
	// index of them and a [ShardFile] for [Merge].
	Shard Shard
	Log   io.Writer // progress; nil discards
	// Progress, if set, is called as PDFs are printed: done of total.
	Progress func(done, total int)
	// Only, if set, limits the work to the companies with these slugs: the
	// others stay as the previous build published them, or are left out
	// when it has none (Result.Left). A slug that names no company is a
	// *load.UnknownSlugError.
	Only []string
	// Lock, if set, is held while, and only while, the build replaces files
	// in the output folder, so a server can read the folder meanwhile.
	Lock sync.Locker
	// Browsers, if set, are remote DevTools endpoints to print on instead
	// of a local browser (see pdf.WithEndpoints); Chrome must then be empty.
	Browsers []string
	// Tabs, if above zero, is how many documents each browser prints at
	// once; else pdf.DefaultPages (this machine's cores + 1, at most 8).
	// Remote browsers run on machines of their own: give what one takes.
	Tabs int
}

// Result reports what a build did.
type Result struct {
	UpToDate  bool // nothing changed since the last build: nothing was done
	Companies int
	Files     int // files in the output folder
	Rendered  int // HTML and JSON files rendered anew
	Reused    int // files carried over unchanged from the previous build
	PDFs      int // PDFs in the output folder
	Printed   int // PDFs printed by this build
	Copied    int // PDFs copied from the cache folder
	// Left lists the companies not in the site: left out by Only, with no
	// previous build to keep them from.
	Left  []string
	Load  time.Duration
	HTML  time.Duration
	Print time.Duration
	Word  Word // the Word documents, with Options.DOCX
	// Report holds the check's findings on the companies read; the
	// campaign verdicts only when they fit in one batch (128 companies):
	// the build keeps no more in memory, the checklists have them all.
	Report *check.Report
	// Warnings are problems outside the check after the site was
	// published: the build succeeded, but the cache or the previous site's
	// folder is left in a state the next build repairs. (A notice changed
	// without a new version is a finding in Report: release.drift.)
	Warnings []string
	// Reworded lists, by company slug, the messages each company read by
	// this build words itself (content/<slug>/locales/).
	Reworded map[string][]model.Reword
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
//
// It first refuses output and cache folders it must not replace (see
// [CheckFolders]). It writes the complete new site into a fresh folder
// beside the output and, once everything succeeded, swaps it in with one
// rename. With a usable previous build (a cache, and the output folder as
// that build left it) it renders only what changed and hard-links every
// unchanged file from the previous site, so those are not rewritten. A
// failed or killed build leaves the previous output as it was.
func Build(ctx context.Context, opts Options) (*Result, error) {
	if err := CheckFolders(opts.Content, opts.Out, opts.Cache); err != nil {
		return nil, err
	}
	res := &Result{Report: &check.Report{}}
	start := time.Now()
	out, err := filepath.Abs(opts.Out)
	if err != nil {
		return nil, err
	}
	paths, err := load.Folders(opts.Content)
	if err != nil {
		return nil, err
	}
	selected, err := load.Select(paths, opts.Only)
	if err != nil {
		return nil, err
	}
	content, total := contentKey(paths), len(paths)
	paths = filterShard(paths, opts.Shard)
	arch, err := readArchive(release.Folder(opts.Content), slugs(paths))
	if err != nil {
		return nil, err
	}
	old := readManifest(opts.Cache, out)
	src, err := hashSources(opts.Templates, opts.Locales, opts.Version, old.Program)
	if err != nil {
		return nil, fmt.Errorf("read templates and locales: %w", err)
	}
	all := newHasher(src.program, src.assets, fmt.Sprint(opts.PDF, opts.LinkPDF, opts.Force), fmt.Sprint(opts.DOCX))
	for _, d := range documentTemplates {
		all.add(src.templates[d])
	}
	for _, l := range model.Languages {
		all.add(src.locales[l])
	}
	sourcesKey := all.sum()
	keys := map[string]string{} // company slug -> key of its folder
	all = newHasher(sourcesKey)
	for _, p := range paths {
		k, err := hashDir(ctx, filepath.Dir(p))
		if err != nil {
			return nil, &load.ReadError{Path: filepath.Dir(p), Err: err}
		}
		k = arch.key(filepath.Base(filepath.Dir(p)), k) // a new release renders the notices again
		keys[filepath.Base(filepath.Dir(p))] = k
		all.add(p).add(k)
	}
	inputs := all.sum()
	patch := opts.Cache != "" && old.intact(out)
	if patch && old.Inputs == inputs {
		res.UpToDate = true
		res.Files = len(old.Outputs)
		res.Load = time.Since(start)
		return res, nil
	}

	// Read and check only the companies whose files changed, unless the
	// templates, messages, program or options changed, which touch them all.
	var changed []string
	for _, p := range paths {
		slug := filepath.Base(filepath.Dir(p))
		if !slices.Contains(selected, p) {
			continue
		}
		if !patch || old.Sources != sourcesKey || old.Companies[slug].Key != keys[slug] {
			changed = append(changed, p)
		}
	}
	cat, err := locale.Load(opts.Locales...)
	if err != nil {
		return nil, err
	}
	res.Reworded = map[string][]model.Reword{}
	cs := newCompanies(cat, len(changed) <= batchSize)
	r, err := render.New(render.WithTemplates(opts.Templates), render.WithCatalog(cat), render.WithVersion(opts.Version), render.WithHistory(arch.history),
		render.WithPDF(opts.PDF || opts.LinkPDF))
	if err != nil {
		return nil, err
	}
	res.Load = time.Since(start)

	var browser string
	if opts.PDF {
		// Find the browser before any work, so a missing one fails fast;
		// the check's errors, if any, are still reported first.
		if browser, err = pickBrowser(opts); err != nil {
			if cerr := cs.read(changed, res, nil); cerr != nil {
				return nil, cerr
			}
			res.Companies = len(cs.listed)
			if res.Report.Errors() > 0 && !opts.Force {
				return res, &CheckError{Report: res.Report}
			}
			return nil, err
		}
	}

	st, err := stage(out)
	if err != nil {
		return nil, err
	}
	defer st.close()

	next := &manifest{Out: out, Inputs: inputs, Sources: sourcesKey, Program: src.stamp,
		Companies: map[string]companyEntry{}, Outputs: map[string]entry{}}
	b := &builder{ctx: ctx, r: r, cat: cat, src: src, keys: keys, result: cs.result, old: old, out: out,
		lists: opts.PDF || opts.DOCX, staged: st.dir, next: next, arch: arch, flags: fmt.Sprint("pdf=", opts.PDF || opts.LinkPDF), patch: patch}
	b.remote, b.tabs = opts.Browsers, opts.Tabs
	start = time.Now()
	if err := b.begin(opts.Templates); err != nil {
		return nil, err
	}
	// Each company file is read once: checked, and rendered unless an
	// error was found (then nothing is published, and the rest is only
	// checked, so every error is reported).
	err = cs.read(changed, res, func(batch []*model.Company) error {
		if res.Report.Errors() > 0 && !opts.Force {
			return nil
		}
		return b.companies(batch)
	})
	if err != nil {
		return nil, err
	}
	res.Companies = len(cs.listed)
	if res.Report.Errors() > 0 && !opts.Force {
		st.close()
		st.removeMade()
		return res, &CheckError{Report: res.Report}
	}
	index, err := b.keep(paths, cs.listed)
	if err != nil {
		return nil, err
	}
	res.Left = b.left
	if stale(next, keys) {
		next.Inputs = "" // a company kept as last built is not current: the next build looks at all
	}
	if err := b.finish(index); err != nil {
		return nil, err
	}
	if opts.Shard.set() {
		data, err := shardJSON(originKey(src), content, total, opts, index)
		if err != nil {
			return nil, err
		}
		if err := b.emit(ShardFile, sumBytes(data), func() ([]byte, error) { return data, nil }); err != nil {
			return nil, err
		}
	}
	res.HTML = time.Since(start)
	res.Rendered, res.Reused = b.rendered, b.reused
	res.Report.Findings = append(res.Report.Findings, arch.drift...)
	if opts.DOCX {
		if res.Word, err = b.words(opts.Log); err != nil {
			return nil, err
		}
	}

	if opts.PDF {
		start = time.Now()
		printed, err := b.pdfs(browser, opts.Cache, opts.Log, opts.Progress)
		if err != nil {
			return nil, err
		}
		res.Printed, res.Copied = printed, b.copied
		res.Reused = b.reused // PDFs carried over count too
		res.Print = time.Since(start)
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	for rel := range next.Outputs {
		if strings.HasSuffix(rel, ".pdf") {
			res.PDFs++
		}
	}
	res.Files = len(next.Outputs)
	warnings, err := publish(st.dir, out, opts.Lock)
	if err != nil {
		return nil, err
	}
	// The site is published; what follows only tidies up.
	res.Warnings = append(res.Warnings, warnings...)
	if err := next.write(opts.Cache); err != nil {
		res.Warnings = append(res.Warnings, fmt.Sprintf("the build cache could not be written (%v); the next build does everything again", err))
	}
	return res, nil
}

// doc is one HTML document that also gets a PDF.
type doc struct {
	rel   string // path of the .html under the output root
	title string // for the PDF footer
	lang  string
	page  string // the footer's page label in the company's wording; "" for the shared one
}

// companyDocs lists the files rendered per company and language; each reads
// its own template (fields.json and checklist.json read none).
var companyDocs = []struct {
	name, template string
	render         func(r *render.Renderer, res *check.Result, lang string) ([]byte, error)
}{
	{"privacy.html", "privacy.html", (*render.Renderer).Privacy},
	{"checklist.html", "checklist.html", (*render.Renderer).Checklist},
	{"fields.html", "fields.html", (*render.Renderer).Fields},
	{"fields.json", "", (*render.Renderer).FieldsJSON},
	{"checklist.json", "", (*render.Renderer).ChecklistJSON},
}

// docTitle is the title of a document for its PDF footer.
func docTitle(cat *locale.Catalog, kind, lang, company string) string {
	return titleIn(cat.For(lang), kind, company)
}

// titleIn is docTitle in the wording of p (a company's own, see
// render.Renderer.Printer).
func titleIn(p *locale.Printer, kind, company string) string {
	t := p.T("doc." + kind + ".title")
	if company == "" {
		return t
	}
	return t + " – " + company
}

// logoRel is where the logo of c goes in the output.
func logoRel(c *model.Company) string { return c.Slug + "/logo" + path.Ext(c.Logo) }

// stale reports whether the site holds a company older than its files, or
// lacks one: a build limited by Options.Only left it so.
func stale(next *manifest, keys map[string]string) bool {
	for slug, k := range keys {
		if next.Companies[slug].Key != k {
			return true
		}
	}
	return false
}
