package site

import (
	"cmp"
	"context"
	"fmt"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"github.com/basis-privacy/basis/generator/check"
	"github.com/basis-privacy/basis/generator/load"
	"github.com/basis-privacy/basis/generator/locale"
	"github.com/basis-privacy/basis/generator/model"
	"github.com/basis-privacy/basis/generator/release"
	"github.com/basis-privacy/basis/generator/render"
)

// build is one run of [Build]: its plan, what every output shares, and a
// builder per output.
type build struct {
	*env
	opts    Options
	plan    *plan
	res     *Result
	cs      *companies
	outs    []*builder
	browser string // the local browser to print with; "" on remote ones
}

// step is a named stage of a build.
type step struct {
	name string
	run  func() error
}

// newBuild sets up the build of plan p: the messages, the renderer and the
// reader of the companies.
func newBuild(ctx context.Context, opts Options, p *plan, res *Result) (*build, error) {
	cat, err := locale.Load(opts.Locales...)
	if err != nil {
		return nil, err
	}
	res.Reworded = map[string][]model.Reword{}
	size := cmp.Or(opts.batchSize, batchSize)
	cs := newCompanies(cat, len(p.changed) <= size, size, opts.KeepGoing && !opts.Force)
	proj := project(opts)
	r, err := render.New(render.WithTemplates(opts.Templates), render.WithCatalog(cat), render.WithVersion(opts.Version),
		render.WithHistory(p.arch.history), render.WithDocHistory(p.arch.docHistory), render.WithPDF(opts.PDF || opts.LinkPDF), render.WithLanguages(proj.Languages),
		render.WithNav(func(doc string) []string { return navOf(p.targets, doc) }),
		render.WithBaseURL(proj.BaseURL, func(doc string) bool { return targetOf(p.targets, doc).public }),
		render.WithFirm(firmOf(proj), firmsDoc(p.targets)), render.WithReleased(p.arch.released))
	if err != nil {
		return nil, err
	}
	e := &env{ctx: ctx, r: r, cat: cat, proj: proj, src: p.src, keys: p.keys, arch: p.arch, lists: opts.PDF || opts.DOCX,
		flags: fmt.Sprint("pdf=", opts.PDF || opts.LinkPDF, " project=", projectKey(proj)), patch: p.patch, remote: opts.Browsers, tabs: opts.Tabs, fault: opts.fault, printer: opts.printer}
	b := &build{env: e, opts: opts, plan: p, res: res, cs: cs}
	for _, t := range p.targets {
		next := &manifest{Out: t.out, Inputs: p.inputs, Sources: p.sources, Program: p.src.stamp,
			Companies: map[string]companyEntry{}, Outputs: map[string]entry{}}
		b.outs = append(b.outs, &builder{env: e, t: t, out: t.out, old: t.old, next: next})
	}
	return b, nil
}

// stages lists the stages of the build, in order.
func (b *build) stages() []step {
	s := []step{{"find the browser", b.findBrowser}, {"render HTML", b.html}}
	if b.opts.DOCX {
		s = append(s, step{"write Word documents", b.word})
	}
	if b.opts.PDF {
		s = append(s, step{"print PDFs", b.print})
	}
	return append(s, step{"publish", b.publish})
}

// close removes what a build that did not publish left staged.
func (b *build) close() {
	for _, o := range b.outs {
		if o.st != nil {
			o.st.close()
		}
	}
}

// failed reports whether the check found errors that stop publishing.
func (b *build) failed() bool {
	return b.res.Report.Errors() > 0 && !b.opts.Force && !b.opts.KeepGoing
}

// findBrowser finds the browser before any work, so a missing one fails
// fast; the check's errors, if any, are still reported first.
func (b *build) findBrowser() error {
	if !b.opts.PDF {
		return nil
	}
	browser, err := pickBrowser(b.opts)
	if err == nil {
		b.browser = browser
		return nil
	}
	if cerr := b.cs.read(b.plan.changed, b.res, nil); cerr != nil {
		return cerr
	}
	b.res.Companies = len(b.cs.listed)
	if b.failed() {
		return &CheckError{Report: b.res.Report, Failed: b.cs.failed}
	}
	return err
}

// html renders every output's HTML and data into its staging folder:
// each company file is read once, checked, and rendered unless an error
// was found (then nothing is published, and the rest is only checked, so
// every error is reported).
func (b *build) html() error {
	start := time.Now()
	for _, o := range b.outs {
		if err := o.open(b.opts.Templates); err != nil {
			return err
		}
	}
	err := b.cs.read(b.plan.changed, b.res, func(batch []*model.Company) error {
		if b.failed() {
			return nil
		}
		return b.companies(batch)
	})
	if err != nil {
		return err
	}
	b.res.Companies = len(b.cs.listed)
	if b.failed() {
		for _, o := range b.outs {
			o.st.close()
			o.st.removeMade()
		}
		return &CheckError{Report: b.res.Report, Failed: b.cs.failed}
	}
	if b.opts.KeepGoing {
		b.res.Failed = b.cs.failed
	}
	for i, o := range b.outs {
		if err := b.finish(o, i == 0); err != nil {
			return err
		}
		b.res.Rendered += o.rendered
		b.res.Reused += o.reused
	}
	b.res.HTML = time.Since(start)
	b.res.Report.Findings = append(b.res.Report.Findings, b.arch.drift...)
	return nil
}

// finish completes the HTML of the output o: the companies kept from the
// previous build, the blank checklists, the index and, in the first
// output of a shard, the shard file.
func (b *build) finish(o *builder, first bool) error {
	index, err := o.keep(b.plan.paths, b.cs.listed)
	if err != nil {
		return err
	}
	b.res.Left = o.left
	if stale(o.next, b.keys) {
		o.next.Inputs = "" // a company kept as last built is not current: the next build looks at all
	}
	if err := o.finish(index); err != nil {
		return err
	}
	if !first || !b.opts.Shard.set() {
		return nil
	}
	data, err := shardJSON(originKey(b.src), b.plan.content, b.plan.total, b.opts, index, b.outs)
	if err != nil {
		return err
	}
	return o.emit(ShardFile, sumBytes(data), func() ([]byte, error) { return data, nil })
}

// outputFor returns the output that gets the document group, or nil when
// none does.
func (b *build) outputFor(group string) *builder {
	for _, o := range b.outs {
		if o.t.gets(group) {
			return o
		}
	}
	return nil
}

// companies renders the documents of a batch of companies, each language
// of each on its own core, and their logos.
func (b *build) companies(batch []*model.Company) error {
	type job struct {
		c    *model.Company
		lang string
	}
	var jobs []job
	results := map[string]*check.Result{}
	for _, c := range batch {
		results[c.Slug] = b.cs.result(c)
		for _, l := range c.Languages {
			jobs = append(jobs, job{c, l})
		}
	}
	err := forEach(b.ctx, len(jobs), runtime.GOMAXPROCS(0), func(i int) error {
		return b.company(results[jobs[i].c.Slug], jobs[i].lang)
	})
	if err != nil {
		return err
	}
	for _, o := range b.outs {
		if err := o.logos(batch); err != nil {
			return err
		}
		// The folders of these companies are done with: forgetting them
		// keeps the memory of a build from growing with the companies.
		o.dirs.Clear()
	}
	return nil
}

// company renders each document of the registry for c in lang into the
// output of its audience, and the released versions of its notice.
func (b *build) company(res *check.Result, lang string) error {
	c := res.Company
	dir := c.Slug + "/" + lang + "/"
	p, err := b.r.Printer(c, lang)
	if err != nil {
		return err
	}
	keys := map[string]string{}
	for _, d := range documents {
		o := b.outputFor(d.group)
		if o == nil {
			continue
		}
		in := docInput{r: b.r, res: res, lang: lang}
		key, render := d.key(b.src, b.keys[c.Slug], lang, b.flags), func() ([]byte, error) { return d.render(in) }
		if d.from != "" {
			key, render = newHasher(keys[d.from], d.name, b.baseOf(o)).sum(), func() ([]byte, error) {
				page, err := o.read(dir + d.from)
				if err != nil {
					return nil, err
				}
				return d.derive(derived{page: page, rel: dir + d.from, base: b.baseOf(o), lang: lang, slug: c.Slug, name: c.Controller.Name, from: c.Effective})
			}
		}
		keys[d.name] = key
		err := o.emit(dir+d.name, key, render)
		if err != nil {
			return fmt.Errorf("%s (%s): %w", c.File, lang, err)
		}
		if d.kind != "" {
			o.addDoc(doc{rel: dir + d.name, lang: lang, title: titleIn(p, d.kind, c.Controller.Name), page: p.T("ui.page")})
		}
	}
	for _, kind := range release.InternalKinds {
		if o := b.outputFor(kind); o != nil {
			if err := o.internalVersions(c, lang, kind); err != nil {
				return err
			}
		}
	}
	if o := b.outputFor(load.DocPrivacy); o != nil {
		if err := o.versions(res, lang); err != nil {
			return err
		}
		return o.feeds(c, lang, b.baseOf(o), p)
	}
	return nil
}

// baseOf is the public address of the output o, or "" when it is not
// published or its address is unknown.
func (b *build) baseOf(o *builder) string {
	if !o.t.public {
		return ""
	}
	return b.proj.BaseURL
}

// word writes a Word document beside every HTML document of each output.
func (b *build) word() error {
	start := time.Now()
	for _, o := range b.outs {
		w, err := o.words(b.opts.Log)
		if err != nil {
			return err
		}
		b.res.Word.Documents += w.Documents
		b.res.Word.Written += w.Written
	}
	b.res.Word.Time = time.Since(start)
	return nil
}

// print puts a PDF beside every HTML document of each output.
func (b *build) print() error {
	start := time.Now()
	b.res.Printed, b.res.Copied, b.res.Reused = 0, 0, 0
	for _, o := range b.outs {
		printed, err := o.pdfs(b.browser, b.opts.Cache, b.opts.Log, b.opts.Progress)
		if err != nil {
			return err
		}
		b.res.Printed += printed
		b.res.Copied += o.copied
		b.res.Reused += o.reused // PDFs carried over count too
	}
	if b.opts.Cache != "" {
		var used []*manifest
		for _, o := range b.outs {
			used = append(used, o.next)
		}
		pruneCache(filepath.Join(b.opts.Cache, "pdf"), used...)
	}
	b.res.Print = time.Since(start)
	return nil
}

// publish swaps each output's new site in, the first output last, then
// records what it wrote in the cache.
func (b *build) publish() error {
	if err := b.ctx.Err(); err != nil {
		return err
	}
	for _, o := range b.outs {
		rendered, reused := o.rendered, o.reused
		if err := o.mark(); err != nil {
			return err
		}
		b.res.Rendered += o.rendered - rendered
		b.res.Reused += o.reused - reused
		for rel := range o.next.Outputs {
			if strings.HasSuffix(rel, ".pdf") {
				b.res.PDFs++
			}
		}
		b.res.Files += len(o.next.Outputs)
	}
	for i := len(b.outs) - 1; i >= 0; i-- {
		o := b.outs[i]
		warnings, err := publish(o.st.dir, o.out, b.opts.Lock, b.fault)
		if err != nil {
			return err
		}
		b.res.Warnings = append(b.res.Warnings, warnings...)
	}
	// The site is published; what follows only tidies up.
	for _, o := range b.outs {
		if err := o.next.write(b.opts.Cache, o.t.manifest, b.fault); err != nil {
			b.res.Warnings = append(b.res.Warnings, fmt.Sprintf("the build cache could not be written (%v); the next build does everything again", err))
		}
	}
	return nil
}
