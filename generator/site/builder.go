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
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/basis-privacy/basis/generator/load"
	"github.com/basis-privacy/basis/generator/locale"
	"github.com/basis-privacy/basis/generator/model"
	"github.com/basis-privacy/basis/generator/render"
)

// env is what the outputs of one build share.
type env struct {
	ctx  context.Context
	r    *render.Renderer
	cat  *locale.Catalog
	src  *sources
	keys map[string]string // company slug -> key of its folder
	arch *archive          // released versions, published under versions/
	// flags are the build options every page depends on (whether it
	// links PDFs), part of each page's key.
	flags  string
	lists  bool     // a PDF or Word stage follows the HTML: it needs the list of documents
	patch  bool     // the previous build can be carried over
	remote []string // remote browsers to print on, if any
	tabs   int      // documents at once on each browser; 0: the default
	fault  faults   // test seam: called before each change on disk
	proj   *load.Project
	// printer, if set (by tests), starts the printer instead of startPrinter.
	printer func(printerFor) (printer, error)
}

// builder writes one output of a build into its staging folder, carrying
// over what the previous build made from the same inputs.
type builder struct {
	*env
	t      *target
	old    *manifest
	out    string   // the current output folder
	st     *staging // the folder the complete new output is built in
	staged string   // st.dir

	dirs sync.Map // staging folders made, by path

	mu       sync.Mutex
	next     *manifest
	sums     map[string]string // content sums of files pages load, by path (sumOf)
	docs     []doc
	rendered int
	reused   int
	copied   int      // PDFs copied from the cache
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
	return linkFile(filepath.Join(b.out, filepath.FromSlash(rel)), dst, b.fault)
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
	return p, b.fault.step("write", p)
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

// open stages the output and writes the files it has before its
// companies': the marker and the assets.
func (b *builder) open(tmpl fs.FS) error {
	st, err := stage(b.out, b.fault)
	if err != nil {
		return err
	}
	b.st, b.staged = st, st.dir
	if err := b.assets(tmpl); err != nil {
		return fmt.Errorf("copy assets: %w", err)
	}
	return nil
}

// indexSpec says what the index of the output lists: the documents of the
// registry it gets (a page, and its data when there is some), the blank
// checklists if it gets them; the project's title and address for the
// public output, the firm for the internal one.
func (b *builder) indexSpec() render.IndexSpec {
	spec := render.IndexSpec{Langs: b.proj.Languages, Internal: !b.t.public}
	for _, d := range documents {
		switch {
		case !b.t.gets(d.group):
		case d.kind != "":
			spec.Docs = append(spec.Docs, render.IndexDoc{Kind: d.kind})
		case strings.HasSuffix(d.name, ".json"):
			for i := range spec.Docs {
				if spec.Docs[i].Kind == strings.TrimSuffix(d.name, ".json") {
					spec.Docs[i].JSON = true
				}
			}
		}
	}
	if b.t.gets(load.DocBlank) {
		spec.Blank = b.proj.Languages
	}
	if b.t.public {
		spec.Title, spec.Base = b.proj.Title, b.proj.BaseURL
	} else {
		spec.Firm = firmOf(b.proj)
	}
	return spec
}

// indexFile is a file of the site index and its language.
type indexFile struct{ name, lang string }

// indexFiles are the files of the index in langs: render.IndexFile of
// each, and index.html (which a web server opens first) in the first
// language when English is not among them.
func indexFiles(langs []string) []indexFile {
	var out []indexFile
	for _, l := range langs {
		out = append(out, indexFile{render.IndexFile(l), l})
	}
	if len(langs) > 0 && !slices.Contains(langs, "en") {
		out = append(out, indexFile{render.IndexFile("en"), langs[0]})
	}
	return out
}

// mark writes the [Marker] file, listing every file of the output, last:
// a later build refuses the folder while it holds any other file.
func (b *builder) mark() error {
	rels := []string{Marker}
	for rel := range b.next.Outputs {
		if rel != Marker {
			rels = append(rels, rel)
		}
	}
	sort.Strings(rels)
	data := markerOf(rels)
	return b.emit(Marker, sumBytes(data), func() ([]byte, error) { return data, nil })
}

// finish writes the files that follow the companies': the blank
// checklists and the index of the companies index lists.
func (b *builder) finish(index []render.Listed) error {
	for _, l := range b.proj.Languages {
		if !b.t.gets(load.DocBlank) {
			break
		}
		rel := "checklist/" + l + ".html"
		key := newHasher(b.src.program, b.src.templates["checklist.html"], b.src.locales[l], rel, b.flags).sum()
		if err := b.emit(rel, key, func() ([]byte, error) { return b.r.BlankChecklist(l) }); err != nil {
			return err
		}
		b.addDoc(doc{rel: rel, title: docTitle(b.cat, "blank-checklist", l, ""), lang: l})
	}
	spec := b.indexSpec()
	for _, f := range indexFiles(b.proj.Languages) {
		l := f.lang
		h := newHasher(b.src.program, b.src.templates["index.html"], b.src.locales[l], f.name, b.flags, fmt.Sprint(spec))
		for _, c := range index {
			h.add(c.Slug).add(b.keys[c.Slug])
		}
		if err := b.emitStream(f.name, h.sum(), func(w io.Writer) error { return b.r.WriteIndexOf(w, index, l, spec) }); err != nil {
			return err
		}
	}
	sort.Slice(b.docs, func(i, j int) bool { return b.docs[i].rel < b.docs[j].rel })
	return nil
}

// logos writes the logos of the companies of batch that have one.
func (b *builder) logos(batch []*model.Company) error {
	for _, c := range batch {
		if c.Logo == "" {
			continue
		}
		err := b.emit(logoRel(c), b.keys[c.Slug], func() ([]byte, error) { return os.ReadFile(filepath.Join(c.Dir, c.Logo)) })
		if err != nil {
			return fmt.Errorf("logo of %s: %w", c.Slug, err)
		}
	}
	return nil
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
