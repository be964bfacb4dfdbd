package site

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"

	"github.com/basis-privacy/basis/generator/check"
	"github.com/basis-privacy/basis/generator/locale"
	"github.com/basis-privacy/basis/generator/model"
	"github.com/basis-privacy/basis/generator/render"
)

// builder writes one build into the staging folder, carrying over what the
// previous build made from the same inputs.
type builder struct {
	ctx  context.Context
	r    *render.Renderer
	cat  *locale.Catalog
	src  *sources
	keys map[string]string // company slug -> key of its folder
	// result returns what the check decided about a company.
	result func(*model.Company) *check.Result
	old    *manifest
	out    string // the current output folder
	lists  bool   // a PDF or Word stage follows the HTML: it needs the list of documents
	staged string // the folder the complete new site is built in
	// flags are the build options every page depends on (whether it
	// links PDFs), part of each page's key.
	flags string

	dirs sync.Map // staging folders made, by path

	mu       sync.Mutex
	next     *manifest
	sums     map[string]string // content sums of files pages load, by path (sumOf)
	docs     []doc
	arch     *archive // released versions, published under versions/
	rendered int
	reused   int
	remote   []string // remote browsers to print on, if any
	tabs     int      // documents at once on each browser; 0: the default
	copied   int      // PDFs copied from the cache
	patch    bool     // the previous build can be carried over
	left     []string // companies neither read nor kept
}

// carry keeps the previous build's file rel if its recorded entry matches
// and the file is still as recorded: it is hard-linked into the staging
// folder, not rewritten. It reports whether it kept the file.
func (b *builder) carry(rel string, match func(entry) bool) (bool, error) {
	e, ok := b.old.Outputs[rel]
	if !ok || !match(e) {
		return false, nil
	}
	prev := filepath.Join(b.out, filepath.FromSlash(rel))
	st, err := os.Lstat(prev)
	if err != nil || !st.Mode().IsRegular() || st.Size() != e.Size || st.ModTime().UnixNano() != e.MTime {
		return false, nil
	}
	if err := b.link(rel); err != nil {
		return false, err
	}
	b.mu.Lock()
	b.next.Outputs[rel] = e
	b.mu.Unlock()
	return true, nil
}

// link hard-links (or copies) the previous site's file rel into the
// staging folder.
func (b *builder) link(rel string) error {
	dst := b.path(rel)
	if err := b.mkdir(filepath.Dir(dst)); err != nil {
		return err
	}
	return linkFile(filepath.Join(b.out, filepath.FromSlash(rel)), dst)
}

// mkdir makes the staging folder dir and its parents, once per build.
func (b *builder) mkdir(dir string) error {
	if _, ok := b.dirs.Load(dir); ok {
		return nil
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	b.dirs.Store(dir, true)
	return nil
}

// inStage makes sure rel is in the staging folder, linking it there
// from the output folder if needed (a page to print whose HTML is unchanged).
func (b *builder) inStage(rel string) error {
	if _, err := os.Stat(b.path(rel)); err == nil {
		return nil
	}
	return b.link(rel)
}

// path returns the staging path of rel, refusing anything outside it.
func (b *builder) path(rel string) string {
	return filepath.Join(b.staged, filepath.FromSlash(rel))
}

// record adds rel, written into the staging folder by this build, to the
// next manifest.
func (b *builder) record(rel string, key digest) error {
	st, err := os.Stat(b.path(rel))
	if err != nil {
		return err
	}
	b.recordStat(rel, key, st)
	return nil
}

// recordStat is record with the file's size and modification time known.
func (b *builder) recordStat(rel string, key digest, st fs.FileInfo) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.next.Outputs[rel] = entry{Key: key, Size: st.Size(), MTime: st.ModTime().UnixNano()}
}

// emit puts the output rel into the new build: kept when its key is
// unchanged, else rendered; a rendered file equal to the previous one is
// kept too, so it is not rewritten.
func (b *builder) emit(rel, hexKey string, render func() ([]byte, error)) error {
	if err := b.cancelled(); err != nil {
		return err // no further document is rendered
	}
	key, done, err := b.keepByKey(rel, hexKey)
	if done || err != nil {
		return err
	}
	data, err := render()
	if err != nil {
		return err
	}
	same := func(prev string) bool { return equalFile(prev, data) }
	if ok, err := b.keepSame(rel, key, int64(len(data)), same); ok || err != nil {
		return err
	}
	p, err := b.create(rel)
	if err != nil {
		return err
	}
	st, err := writeNew(p, data)
	if err != nil {
		return err
	}
	b.count(&b.rendered, true)
	b.recordStat(rel, key, st)
	return nil
}

// cancelled returns the build's context's error once it is cancelled.
func (b *builder) cancelled() error {
	if b.ctx == nil {
		return nil
	}
	return b.ctx.Err()
}

// emitStream is emit for a file written as it is rendered, never held in
// memory whole: the site index, which grows with the number of companies.
func (b *builder) emitStream(rel, hexKey string, write func(io.Writer) error) error {
	if err := b.cancelled(); err != nil {
		return err
	}
	key, done, err := b.keepByKey(rel, hexKey)
	if done || err != nil {
		return err
	}
	p, err := b.create(rel)
	if err != nil {
		return err
	}
	st, err := writeStream(p, write)
	if err != nil {
		return err
	}
	if e, ok := b.old.Outputs[rel]; ok && e.Size == st.Size() {
		// As emit does: the previous file stays, not an equal new one.
		staged := filepath.Join(b.staged, "."+path.Base(rel)+".new")
		if err := os.Rename(p, staged); err != nil {
			return err
		}
		same := func(prev string) bool { return equalFiles(prev, staged) }
		if ok, err := b.keepSame(rel, key, st.Size(), same); ok || err != nil {
			return errors.Join(err, os.Remove(staged))
		}
		if err := os.Rename(staged, p); err != nil {
			return err
		}
	}
	b.count(&b.rendered, true)
	b.recordStat(rel, key, st)
	return nil
}

// keepByKey refuses a path outside the output folder and carries rel over
// when its key is unchanged (done). It returns the key as a digest.
func (b *builder) keepByKey(rel, hexKey string) (key digest, done bool, err error) {
	if !filepath.IsLocal(filepath.FromSlash(rel)) {
		return key, false, fmt.Errorf("refusing to write %q: it is outside the output folder", rel)
	}
	key = digestOf(hexKey)
	ok, err := b.carry(rel, func(e entry) bool { return e.Key == key })
	b.count(&b.reused, ok)
	return key, ok, err
}

// keepSame carries rel over when the previous build wrote the same
// content (of size bytes, same tells of the previous file), recording it
// under its new key.
func (b *builder) keepSame(rel string, key digest, size int64, same func(prev string) bool) (bool, error) {
	ok, err := b.carry(rel, func(e entry) bool {
		return e.Size == size && same(filepath.Join(b.out, filepath.FromSlash(rel)))
	})
	b.count(&b.reused, ok)
	if ok {
		b.mu.Lock()
		e := b.next.Outputs[rel]
		e.Key = key
		b.next.Outputs[rel] = e
		b.mu.Unlock()
	}
	return ok, err
}

// create makes the folder of rel in the staging folder and returns the
// path to write rel at.
func (b *builder) create(rel string) (string, error) {
	p := b.path(rel)
	if err := b.mkdir(filepath.Dir(p)); err != nil {
		return "", err
	}
	return p, step("write", p)
}

func (b *builder) count(n *int, ok bool) {
	if !ok {
		return
	}
	b.mu.Lock()
	*n++
	b.mu.Unlock()
}

func (b *builder) addDoc(d doc) {
	if !b.lists {
		return // only the PDF and Word stages need the list
	}
	b.mu.Lock()
	b.docs = append(b.docs, d)
	b.mu.Unlock()
}

// begin writes the files every site has before its companies': the
// marker and the assets.
func (b *builder) begin(tmpl fs.FS) error {
	if err := b.emit(Marker, newHasher(markerText).sum(), func() ([]byte, error) { return []byte(markerText), nil }); err != nil {
		return err
	}
	if err := b.assets(tmpl); err != nil {
		return fmt.Errorf("copy assets: %w", err)
	}
	return nil
}

// finish writes the files that follow the companies': the blank
// checklists and the index of the companies index lists.
func (b *builder) finish(index []render.Listed) error {
	for _, l := range model.Languages {
		rel := "checklist/" + l + ".html"
		key := newHasher(b.src.program, b.src.templates["checklist.html"], b.src.locales[l], rel, b.flags).sum()
		if err := b.emit(rel, key, func() ([]byte, error) { return b.r.BlankChecklist(l) }); err != nil {
			return err
		}
		b.addDoc(doc{rel: rel, title: docTitle(b.cat, "blank-checklist", l, ""), lang: l})
	}
	for _, l := range model.Languages {
		h := newHasher(b.src.program, b.src.templates["index.html"], b.src.locales[l], l, b.flags)
		for _, c := range index {
			h.add(c.Slug).add(b.keys[c.Slug])
		}
		if err := b.emitStream(render.IndexFile(l), h.sum(), func(w io.Writer) error { return b.r.WriteIndex(w, index, l) }); err != nil {
			return err
		}
	}
	sort.Slice(b.docs, func(i, j int) bool { return b.docs[i].rel < b.docs[j].rel })
	return nil
}

// companies writes the documents and logos of companies.
func (b *builder) companies(companies []*model.Company) error {
	type job struct {
		c    *model.Company
		lang string
	}
	var jobs []job
	results := map[string]*check.Result{}
	for _, c := range companies {
		results[c.Slug] = b.result(c)
		for _, l := range c.Languages {
			jobs = append(jobs, job{c, l})
		}
	}
	errs := make([]error, len(jobs))
	var wg sync.WaitGroup
	next := make(chan int)
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for i := range next {
				errs[i] = b.company(results[jobs[i].c.Slug], jobs[i].lang)
			}
		})
	}
	for i := range jobs {
		if b.ctx.Err() != nil {
			break
		}
		next <- i
	}
	close(next)
	wg.Wait()
	if err := b.ctx.Err(); err != nil {
		return err
	}
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	for _, c := range companies {
		if c.Logo == "" {
			continue
		}
		err := b.emit(logoRel(c), b.keys[c.Slug], func() ([]byte, error) { return os.ReadFile(filepath.Join(c.Dir, c.Logo)) })
		if err != nil {
			return fmt.Errorf("logo of %s: %w", c.Slug, err)
		}
	}
	// The folders of these companies are done with: forgetting them keeps
	// the memory of a build from growing with the number of companies.
	b.dirs.Clear()
	return nil
}

// company writes the documents of c in lang.
func (b *builder) company(res *check.Result, lang string) error {
	c := res.Company
	dir := c.Slug + "/" + lang + "/"
	p, err := b.r.Printer(c, lang)
	if err != nil {
		return err
	}
	for _, d := range companyDocs {
		key := newHasher(b.src.program, b.keys[c.Slug], b.src.locales[lang], d.name, b.src.templates[d.template], b.flags).sum()
		err := b.emit(dir+d.name, key, func() ([]byte, error) { return d.render(b.r, res, lang) })
		if err != nil {
			return fmt.Errorf("%s (%s): %w", c.File, lang, err)
		}
		if strings.HasSuffix(d.name, ".html") {
			b.addDoc(doc{rel: dir + d.name, lang: lang, title: titleIn(p, strings.TrimSuffix(d.name, ".html"), c.Controller.Name), page: p.T("ui.page")})
		}
	}
	return b.versions(res, lang)
}

// assets copies the CSS and fonts.
func (b *builder) assets(tmpl fs.FS) error {
	return fs.WalkDir(tmpl, "assets", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		return b.emit(p, newHasher(b.src.assets, p).sum(), func() ([]byte, error) { return fs.ReadFile(tmpl, p) })
	})
}

// pdfRel is the PDF printed from the HTML document rel.
func pdfRel(rel string) string { return strings.TrimSuffix(rel, path.Ext(rel)) + ".pdf" }

// keep carries over, unread, every company that did not change (patch mode
// only: all others were read) and returns the companies the site index lists:
// those read, and the kept ones as the last build recorded them.
func (b *builder) keep(paths []string, read []render.Listed) ([]render.Listed, error) {
	byslug := map[string]render.Listed{}
	for _, c := range read {
		byslug[c.Slug] = c
		b.next.Companies[c.Slug] = companyEntry{Key: b.keys[c.Slug], Name: c.Name, Languages: c.Languages, Logo: c.Logo}
	}
	bySlug := map[string][]string{} // previous outputs by the folder they are in
	for rel := range b.old.Outputs {
		if slug, _, ok := strings.Cut(rel, "/"); ok {
			bySlug[slug] = append(bySlug[slug], rel)
		}
	}
	var index []render.Listed
	var kept []string
	for _, p := range paths {
		slug := filepath.Base(filepath.Dir(p))
		if c, ok := byslug[slug]; ok {
			index = append(index, c)
			continue
		}
		e, ok := b.old.Companies[slug]
		if !ok || !b.patch {
			b.left = append(b.left, slug)
			continue
		}
		b.next.Companies[slug] = e
		kept = append(kept, bySlug[slug]...)
		index = append(index, render.Listed{Slug: slug, Name: e.Name, Languages: e.Languages, Logo: e.Logo})
	}
	sort.Slice(index, func(i, j int) bool { return index[i].Slug < index[j].Slug })
	// One at a time: creating names in one file system does not go faster
	// in parallel (measured), unlike removing them.
	// The build checked moments ago that every previous output is as
	// recorded (manifest.intact), so they are linked without a look.
	for _, rel := range kept {
		if err := b.link(rel); err != nil {
			return nil, err
		}
		b.next.Outputs[rel] = b.old.Outputs[rel]
	}
	b.reused += len(kept)
	return index, nil
}
