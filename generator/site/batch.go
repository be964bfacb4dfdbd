package site

import (
	"context"
	"errors"
	"path/filepath"
	"runtime"
	"sort"
	"strings"

	"github.com/basis-privacy/basis/generator/check"
	"github.com/basis-privacy/basis/generator/load"
	"github.com/basis-privacy/basis/generator/locale"
	"github.com/basis-privacy/basis/generator/model"
	"github.com/basis-privacy/basis/generator/render"
)

// batchSize is how many companies a build holds in memory at once: it
// reads, checks and renders them batch by batch, keeping only what the
// index and the checklists need, so its memory does not grow with the
// number of companies, and each company file is read once.
const batchSize = 128

// companies are the company files of a build, read a batch at a time.
type companies struct {
	opts  []load.Option // how they are read (the catalog their own wording must fit)
	size  int           // companies in a batch
	whole bool          // all fit in one batch: the report keeps every verdict
	// skip leaves out of rendering the companies whose check found errors
	// (Options.KeepGoing without Force); the others are rendered although
	// some file could not be read.
	skip   bool
	listed []render.Listed // what the site index needs of each company rendered
	failed []string        // slugs of the companies that could not be read, or were skipped
	// results are what the check decided about each company of the batch
	// being rendered, by slug.
	results map[string]*check.Result
}

func newCompanies(cat *locale.Catalog, whole bool, size int, skip bool) *companies {
	return &companies{opts: []load.Option{load.WithCatalog(cat)}, whole: whole, size: size, skip: skip}
}

// LoadError reports company files that could not be read (Errs, each at
// its position): the build published nothing. Failed names their
// companies, so the others can be built (see Options.KeepGoing).
type LoadError struct {
	Failed []string
	Errs   load.Errors
}

func (e *LoadError) Error() string { return e.Errs.Error() }

func (e *LoadError) Unwrap() error { return e.Errs }

// read reads and checks the company files paths in batches, adds the
// findings to res.Report (and, when all fit in one batch, the verdicts)
// and the messages each company words itself to res.Reworded, and hands
// each batch to render, if given: while no file failed to load, or always
// when skipping (then without the companies that failed). It reports every
// file's load errors together, as load.Files does: as a *LoadError, or
// when skipping in res.LoadErrors.
func (cs *companies) read(paths []string, res *Result, render func([]*model.Company) error) error {
	var errs load.Errors
	for i := 0; i < len(paths); i += cs.size {
		batch, bad, err := cs.load(paths[i:min(i+cs.size, len(paths))])
		if err != nil {
			return err
		}
		errs = append(errs, bad...)
		batch = cs.check(batch, res)
		if render != nil && (len(errs) == 0 || cs.skip) {
			if err := render(batch); err != nil {
				return err
			}
		}
	}
	sort.Strings(cs.failed)
	if len(errs) == 0 {
		return nil
	}
	if cs.skip {
		res.LoadErrors = errs
		return nil
	}
	return &LoadError{Failed: cs.failed, Errs: errs}
}

// load reads the company files paths on all cores: the companies read, in
// slug order, and the errors of those that could not be (their slugs
// join cs.failed).
func (cs *companies) load(paths []string) ([]*model.Company, load.Errors, error) {
	read := make([]*model.Company, len(paths))
	errs := make([]error, len(paths))
	_ = forEach(context.Background(), len(paths), runtime.GOMAXPROCS(0), func(i int) error {
		read[i], errs[i] = load.File(paths[i], cs.opts...)
		return nil
	})
	var out []*model.Company
	var bad load.Errors
	for i, err := range errs {
		var es load.Errors
		switch {
		case err == nil:
			out = append(out, read[i])
		case errors.As(err, &es):
			bad = append(bad, es...)
			cs.failed = append(cs.failed, filepath.Base(filepath.Dir(paths[i])))
		default:
			return nil, nil, err
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Slug < out[j].Slug })
	return out, bad, nil
}

// check checks the companies of batch, keeping their verdicts for
// rendering them, and returns those to render: all, or when skipping,
// those whose check found no error.
func (cs *companies) check(batch []*model.Company, res *Result) []*model.Company {
	cs.results = map[string]*check.Result{}
	var keep []*model.Company
	for _, c := range batch {
		r := check.Company(c)
		if cs.whole {
			res.Report.Merge(r)
		} else {
			res.Report.Merge(&check.Report{Findings: r.Findings})
		}
		if r.Errors() > 0 {
			cs.failed = append(cs.failed, c.Slug)
			if cs.skip {
				continue
			}
		}
		cs.results[c.Slug] = r.Results[0]
		if rw := c.Reworded(); len(rw) > 0 {
			res.Reworded[c.Slug] = rw
		}
		cs.listed = append(cs.listed, render.ListedOf(c))
		keep = append(keep, c)
	}
	return keep
}

// result returns what the check decided about c, one of the batch being
// rendered (read hands a batch to render only once checked).
func (cs *companies) result(c *model.Company) *check.Result {
	return cs.results[c.Slug]
}

// names lists slugs for a message.
func names(slugs []string) string { return strings.Join(slugs, ", ") }
