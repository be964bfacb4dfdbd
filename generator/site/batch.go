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
// reads and checks all companies batch by batch, keeping only what the
// index and the checklists need, and reads them again batch by batch to
// render them, so its memory does not grow with the number of companies.
// With at most one batch, the companies read for the check are rendered.
var batchSize = 128

// companies are the company files a build reads, checked, and read again
// batch by batch for rendering.
type companies struct {
	paths  []string
	opts   []load.Option    // how they are read (the catalog their own wording must fit)
	kept   []*model.Company // all of them, when they fit in one batch
	listed []render.Listed  // what the site index needs of each
	// outcomes are the check's verdicts on the kept companies' campaigns.
	outcomes map[string][]check.Outcome
}

// readAndCheck reads and checks the company files paths in batches, with
// the messages of cat, adds the findings and verdicts to rep and the
// messages each company words itself to reworded, and reports every file's
// load errors together, as load.Files does.
func readAndCheck(paths []string, cat *locale.Catalog, rep *check.Report, reworded map[string][]model.Reword) (*companies, error) {
	cs := &companies{paths: paths, opts: []load.Option{load.WithCatalog(cat)}, outcomes: map[string][]check.Outcome{}}
	one := len(paths) <= batchSize
	var errs load.Errors
	for i := 0; i < len(paths); i += batchSize {
		batch, err := load.Files(paths[i:min(i+batchSize, len(paths))], cs.opts...)
		var es load.Errors
		if errors.As(err, &es) {
			errs = append(errs, es...)
			continue
		}
		if err != nil {
			return nil, err
		}
		for _, c := range batch {
			r := check.Company(c)
			if one {
				rep.Merge(r)
				cs.outcomes[c.Slug] = r.Campaigns
			} else {
				rep.Merge(&check.Report{Findings: r.Findings})
			}
			if rw := c.Reworded(); len(rw) > 0 {
				reworded[c.Slug] = rw
			}
			cs.listed = append(cs.listed, render.ListedOf(c))
		}
		if one {
			cs.kept = batch
		}
	}
	if len(errs) > 0 {
		return nil, errs
	}
	return cs, nil
}

// verdicts returns the check's verdicts on the campaigns of c: kept from
// the check when all companies fit in one batch, else checked again.
func (cs *companies) verdicts(c *model.Company) []check.Outcome {
	if o, ok := cs.outcomes[c.Slug]; ok {
		return o
	}
	return check.Company(c).Campaigns
}

// each calls do with the companies, a batch at a time.
func (cs *companies) each(do func([]*model.Company) error) error {
	if cs.kept != nil || len(cs.paths) == 0 {
		return do(cs.kept)
	}
	for i := 0; i < len(cs.paths); i += batchSize {
		batch, err := load.Files(cs.paths[i:min(i+batchSize, len(cs.paths))], cs.opts...)
		if err != nil {
			return err
		}
		if err := do(batch); err != nil {
			return err
		}
	}
	return nil
}
