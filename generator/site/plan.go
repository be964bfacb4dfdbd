package site

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"

	"github.com/basis-privacy/basis/generator/load"
	"github.com/basis-privacy/basis/generator/model"
	"github.com/basis-privacy/basis/generator/release"
)

// plan is what a build must do, decided before anything is written: the
// companies of the build and the key of each, the keys of everything else
// it reads, what the previous build of each output left, and which
// companies changed since.
type plan struct {
	paths    []string // the company files of this build (of its shard)
	selected []string // of all, those Options.Only names (all without it)
	content  string   // key of every company slug in the content folder
	total    int      // companies in the content folder
	arch     *archive
	src      *sources
	sources  string            // key of all but the companies
	keys     map[string]string // company slug -> key of its folder
	inputs   string            // key of every input together
	targets  []*target
	patch    bool     // every output is as the previous build left it: carry over
	upToDate bool     // and nothing changed since: there is nothing to do
	changed  []string // the company files to read (and check, and render)
}

// newPlan plans the build of opts into targets.
func newPlan(ctx context.Context, opts Options, targets []*target) (*plan, error) {
	paths, err := load.Folders(opts.Content)
	if err != nil {
		return nil, err
	}
	p := &plan{content: contentKey(paths), total: len(paths), targets: targets, keys: map[string]string{}}
	if p.selected, err = load.Select(paths, opts.Only); err != nil {
		return nil, err
	}
	p.paths = filterShard(paths, opts.Shard)
	if p.arch, err = readArchive(release.Folder(opts.Content), slugs(p.paths)); err != nil {
		return nil, err
	}
	for _, t := range targets {
		t.old = readManifest(opts.Cache, t.manifest, t.out)
	}
	p.src, err = hashSources(opts.Templates, opts.Locales, opts.Version, targets[0].old.Program, opts.exe)
	if err != nil {
		return nil, fmt.Errorf("read templates and locales: %w", err)
	}
	p.sources = sourcesKey(p.src, opts)
	if err := p.keyCompanies(ctx); err != nil {
		return nil, err
	}
	p.patch = opts.Cache != ""
	p.upToDate = true
	for _, t := range targets {
		p.patch = p.patch && t.old.intact(t.out)
		p.upToDate = p.upToDate && t.old.Inputs == p.inputs
	}
	p.upToDate = p.upToDate && p.patch
	p.changed = p.changedCompanies()
	return p, nil
}

// sourcesKey is the key of everything a build of opts reads besides the
// companies: program, assets, options, templates and messages.
func sourcesKey(src *sources, opts Options) string {
	h := newHasher(src.program, src.assets, fmt.Sprint(opts.PDF, opts.LinkPDF, opts.Force), fmt.Sprint(opts.DOCX), projectKey(project(opts)))
	for _, d := range documentTemplates() {
		h.add(src.templates[d])
	}
	for _, l := range model.Languages {
		h.add(src.locales[l])
	}
	return h.sum()
}

// projectKey is the key of what the project file says that pages show:
// which documents each output gets, the languages of the indexes, the
// title, the public address, the firm.
func projectKey(p *load.Project) string {
	return fmt.Sprint(p.Title, "|", p.BaseURL, "|", p.Firm.Name, "|", p.Firm.SignOff.Same, "|", p.Firm.SignOff.ByLang, "|", p.Firm.Disclaimer, "|", p.Languages, "|", p.Public.Documents, "|", p.Internal.Documents)
}

// keyCompanies keys each company folder, with its releases (a new release
// renders its notices again), and every input together.
func (p *plan) keyCompanies(ctx context.Context) error {
	all := newHasher(p.sources)
	for _, path := range p.paths {
		dir := filepath.Dir(path)
		k, err := hashDir(ctx, dir)
		if err != nil {
			return &load.ReadError{Path: dir, Err: err}
		}
		k = p.arch.key(filepath.Base(dir), k)
		p.keys[filepath.Base(dir)] = k
		all.add(path).add(k)
	}
	p.inputs = all.sum()
	return nil
}

// changedCompanies lists the selected companies whose files changed since
// the previous build; all of them when the templates, messages, program or
// options changed, which touch every company, or nothing can be carried over.
func (p *plan) changedCompanies() []string {
	var changed []string
	for _, path := range p.paths {
		if !slices.Contains(p.selected, path) {
			continue
		}
		slug := filepath.Base(filepath.Dir(path))
		same := p.patch
		for _, t := range p.targets {
			same = same && t.old.Sources == p.sources && t.old.Companies[slug].Key == p.keys[slug]
		}
		if !same {
			changed = append(changed, path)
		}
	}
	return changed
}
