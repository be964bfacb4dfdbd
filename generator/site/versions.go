package site

import (
	"cmp"
	"encoding/json"
	"fmt"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/basis-privacy/basis/generator/check"
	"github.com/basis-privacy/basis/generator/model"
	"github.com/basis-privacy/basis/generator/redline"
	"github.com/basis-privacy/basis/generator/release"
	"github.com/basis-privacy/basis/generator/render"
)

// archive is the released versions of every company (release.Folder next
// to the content folder), published at <slug>/<lang>/versions/<date>/: each
// release's notice and PDF as released, and a "What changed" page for each
// release after the first.
type archive struct {
	bySlug map[string][]release.Version

	mu sync.Mutex
	// drift are the release.drift warnings: notices changed without a new
	// version (see check.ReleaseDrift).
	drift []check.Finding
}

// readArchive reads the releases of the companies slugs in dir.
func readArchive(dir string, slugs []string) (*archive, error) {
	a := &archive{bySlug: map[string][]release.Version{}}
	for _, slug := range slugs {
		vs, err := release.Read(dir, slug)
		if err != nil {
			return nil, err
		}
		if len(vs) > 0 {
			a.bySlug[slug] = vs
		}
	}
	return a, nil
}

// key folds the releases of slug into the key of its company folder, so
// that a new release renders the company's notices again.
func (a *archive) key(slug, folder string) string {
	h := newHasher(folder)
	for _, v := range a.bySlug[slug] {
		m, _ := json.Marshal(v.Manifest)
		h.add(string(m))
	}
	return h.sum()
}

// history is the list of versions the current notice of c shows.
func (a *archive) history(c *model.Company, lang string) *render.Versions {
	return release.History(a.bySlug[c.Slug], lang, c.Effective, false)
}

// docHistory is the list of versions the current internal document kind
// of c shows: nil when no release holds it.
func (a *archive) docHistory(c *model.Company, lang, kind string) *render.Versions {
	return release.DocHistory(a.bySlug[c.Slug], lang, kind, c.Effective, false)
}

func (a *archive) warn(f check.Finding) {
	a.mu.Lock()
	a.drift = append(a.drift, f)
	lang := func(f check.Finding) string { s, _ := f.Msg.Args["Lang"].(string); return s }
	slices.SortFunc(a.drift, func(x, y check.Finding) int {
		return cmp.Or(strings.Compare(x.Pos.File, y.Pos.File), strings.Compare(lang(x), lang(y)))
	})
	a.mu.Unlock()
}

// versions publishes the released versions of c in lang and warns
// (release.drift) when the notice changed since its latest release without
// a new effective date.
func (b *builder) versions(res *check.Result, lang string) error {
	c := res.Company
	vs := b.arch.bySlug[c.Slug]
	for _, v := range vs {
		d, ok := v.Doc(lang)
		if !ok {
			continue
		}
		if err := b.release(c, lang, vs, v, d); err != nil {
			return fmt.Errorf("release %s of %s (%s): %w", v.Name(), c.Slug, lang, err)
		}
	}
	latest, ok := release.Latest(vs)
	if !ok || !latest.Date.Equal(c.Effective) {
		return nil
	}
	d, ok := latest.Doc(lang)
	if !ok {
		return nil
	}
	page, err := b.r.Privacy(res, lang)
	if err != nil {
		return fmt.Errorf("%s (%s): %w", c.File, lang, err)
	}
	if h, err := release.TextHash(page); err != nil || h == d.Text {
		return err
	}
	b.arch.warn(check.ReleaseDrift(c, lang, latest.Name()))
	return nil
}

// release publishes one released version of c in lang, byte for byte, and
// what changed since the version before it.
func (b *builder) release(c *model.Company, lang string, vs []release.Version, v release.Version, d release.Document) error {
	file := func(name string) string { return release.URL(c.Slug, lang, v.Date, name) }
	// The page is checked against its text hash and for markup Basis does
	// not write (release.Version.Page) by each program that publishes it;
	// its navigation then loses the documents this output does not have.
	missing := b.missingKinds()
	pageKey := newHasher(b.src.program, "release", d.HTMLSum, d.Text, strings.Join(missing, ",")).sum()
	err := b.emit(file("privacy.html"), pageKey, func() ([]byte, error) {
		page, err := v.Page(d)
		return unlinkKinds(page, missing), err
	})
	if err != nil {
		return err
	}
	if d.PDF != "" {
		err := b.emit(file("privacy.pdf"), newHasher("release", d.PDFSum).sum(), func() ([]byte, error) { return v.File(d.PDF, d.PDFSum) })
		if err != nil {
			return err
		}
	}
	prev, ok := release.Previous(vs, v, lang)
	if !ok {
		return nil
	}
	pd, _ := prev.Doc(lang)
	key := newHasher(b.src.program, b.keys[c.Slug], b.src.locales[lang], b.src.templates["privacy.html"], pd.HTMLSum, d.HTMLSum).sum()
	return b.emit(file("changes.html"), key, func() ([]byte, error) {
		r, err := compareReleases(prev, pd, v, d)
		if err != nil {
			return nil, err
		}
		return b.r.Changes(c, lang, &render.ChangesData{Date: v.Date, Previous: prev.Date, Redline: r,
			Here: "privacy.html", Before: "../" + prev.Date.Format(time.DateOnly) + "/privacy.html"})
	})
}

// missingKinds lists the kinds of page (privacy, checklist, fields) the
// output does not get.
func (b *builder) missingKinds() []string {
	var out []string
	for _, d := range documents {
		if d.kind != "" && !b.t.gets(d.group) {
			out = append(out, d.kind)
		}
	}
	return out
}

// navItem matches an entry of a page's document navigation.
var navItem = regexp.MustCompile(`<li><a href="(?:\.\./)*([a-z-]+)\.html"[^>]*>[^<]*</a></li>`)

// unlinkKinds removes from a released page's document navigation the
// entries of the kinds of page its output does not have (a notice
// released when the site still held the campaign checklists), so a
// published page never links an internal document. The notice itself,
// whose text the release's hash covers, is untouched.
func unlinkKinds(page []byte, kinds []string) []byte {
	if len(kinds) == 0 || page == nil {
		return page
	}
	return navItem.ReplaceAllFunc(page, func(m []byte) []byte {
		if slices.Contains(kinds, string(navItem.FindSubmatch(m)[1])) {
			return nil
		}
		return m
	})
}

// compareReleases compares the text of two released notices.
func compareReleases(prev release.Version, pd release.Document, v release.Version, d release.Document) (*redline.Redline, error) {
	var secs [2][]redline.Section
	for i, x := range []struct {
		v release.Version
		d release.Document
	}{{prev, pd}, {v, d}} {
		page, err := x.v.Page(x.d)
		if err != nil {
			return nil, err
		}
		if secs[i], err = redline.Sections(page); err != nil {
			return nil, fmt.Errorf("%s: %w", x.v.Dir, err)
		}
	}
	return redline.Compare(secs[0], secs[1]), nil
}

// slugs returns the company slugs of the company files paths.
func slugs(paths []string) []string {
	out := make([]string, 0, len(paths))
	for _, p := range paths {
		out = append(out, filepath.Base(filepath.Dir(p)))
	}
	return slices.Compact(out)
}

// released is the newest released notice of c in lang with its sections,
// for the client report's "what changed since".
func (a *archive) released(c *model.Company, lang string) (time.Time, []redline.Section, bool, error) {
	vs := a.bySlug[c.Slug]
	for i := len(vs) - 1; i >= 0; i-- {
		d, ok := vs[i].Doc(lang)
		if !ok {
			continue
		}
		page, err := vs[i].Page(d)
		if err != nil {
			return time.Time{}, nil, false, err
		}
		secs, err := redline.Sections(page)
		if err != nil {
			return time.Time{}, nil, false, fmt.Errorf("%s: %w", vs[i].Dir, err)
		}
		return vs[i].Date, secs, true, nil
	}
	return time.Time{}, nil, false, nil
}

// internalVersions publishes, in the output that keeps the internal
// document kind (record, assessment), each release's page of it as
// released and, for each release after the first that holds it, what
// changed since the one before: versions/<date>/<kind>.html and
// <kind>-changes.html beside the language's current document.
func (b *builder) internalVersions(c *model.Company, lang, kind string) error {
	vs := b.arch.bySlug[c.Slug]
	missing := b.missingKinds()
	var prev release.Version
	var pd release.Document
	for _, v := range vs {
		d, ok := v.Doc(lang)
		if !ok {
			continue
		}
		id, ok := d.InternalDoc(kind)
		if !ok {
			continue
		}
		file := func(name string) string { return release.URL(c.Slug, lang, v.Date, name) }
		key := newHasher(b.src.program, "release", id.HTMLSum, id.Text, strings.Join(missing, ",")).sum()
		err := b.emit(file(kind+".html"), key, func() ([]byte, error) {
			page, err := v.Page(id)
			return unlinkKinds(page, missing), err
		})
		if err == nil && pd.HTML != "" {
			err = b.internalChanges(c, lang, kind, prev, pd, v, id)
		}
		if err != nil {
			return fmt.Errorf("release %s of %s (%s, %s): %w", v.Name(), c.Slug, lang, kind, err)
		}
		prev, pd = v, id
	}
	return nil
}

// internalChanges writes the "What changed" page of the internal document
// kind between two releases that both hold it.
func (b *builder) internalChanges(c *model.Company, lang, kind string, prev release.Version, pd release.Document, v release.Version, d release.Document) error {
	key := newHasher(b.src.program, b.keys[c.Slug], b.src.locales[lang], b.src.templates[kind+".html"], kind, pd.HTMLSum, d.HTMLSum).sum()
	return b.emit(release.URL(c.Slug, lang, v.Date, kind+"-changes.html"), key, func() ([]byte, error) {
		r, err := compareReleases(prev, pd, v, d)
		if err != nil {
			return nil, err
		}
		return b.r.Changes(c, lang, &render.ChangesData{Date: v.Date, Previous: prev.Date, Redline: r, Kind: kind,
			Here: kind + ".html", Before: "../" + prev.Name() + "/" + kind + ".html"})
	})
}
