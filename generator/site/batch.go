package site

import (
	"errors"

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
	opts   []load.Option   // how they are read (the catalog their own wording must fit)
	size   int             // companies in a batch
	whole  bool            // all fit in one batch: the report keeps every verdict
	listed []render.Listed // what the site index needs of each
	// outcomes are the check's verdicts on the campaigns of the batch
	// being rendered, by slug.
	outcomes map[string][]check.Outcome
}

func newCompanies(cat *locale.Catalog, whole bool, size int) *companies {
	return &companies{opts: []load.Option{load.WithCatalog(cat)}, whole: whole, size: size}
}

// read reads and checks the company files paths in batches, adds the
// findings to res.Report (and, when all fit in one batch, the verdicts)
// and the messages each company words itself to res.Reworded, and hands
// each batch read without a load error to render, if given. It reports
// every file's load errors together, as load.Files does.
func (cs *companies) read(paths []string, res *Result, render func([]*model.Company) error) error {
	var errs load.Errors
	for i := 0; i < len(paths); i += cs.size {
		batch, err := load.Files(paths[i:min(i+cs.size, len(paths))], cs.opts...)
		var es load.Errors
		if errors.As(err, &es) {
			errs = append(errs, es...)
			continue
		}
		if err != nil {
			return err
		}
		cs.check(batch, res)
		if render != nil && len(errs) == 0 {
			if err := render(batch); err != nil {
				return err
			}
		}
	}
	if len(errs) > 0 {
		return errs
	}
	return nil
}

// check checks the companies of batch, keeping their verdicts for
// rendering them.
func (cs *companies) check(batch []*model.Company, res *Result) {
	cs.outcomes = map[string][]check.Outcome{}
	for _, c := range batch {
		r := check.Company(c)
		if cs.whole {
			res.Report.Merge(r)
		} else {
			res.Report.Merge(&check.Report{Findings: r.Findings})
		}
		cs.outcomes[c.Slug] = r.Campaigns
		if rw := c.Reworded(); len(rw) > 0 {
			res.Reworded[c.Slug] = rw
		}
		cs.listed = append(cs.listed, render.ListedOf(c))
	}
}

// verdicts returns the check's verdicts on the campaigns of c, one of the
// batch being rendered (read hands a batch to render only once checked).
func (cs *companies) verdicts(c *model.Company) []check.Outcome {
	return cs.outcomes[c.Slug]
}
