// Package site builds the whole static site: it loads and checks every
// company, renders each document in each language in parallel, prints the
// PDFs with one browser, and swaps the result into the output folders (what
// is published, and what is kept internal) only when everything succeeded.
// With a cache folder the build is incremental: an output whose inputs did
// not change is carried over, not rewritten, and a PDF is printed only when
// its HTML changed. It never replaces a folder
// it did not make ([CheckFolders]), and a failed or killed build leaves the
// previous site whole.
package site

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"sync"
	"time"

	"github.com/basis-privacy/basis/generator/check"
	"github.com/basis-privacy/basis/generator/load"
	"github.com/basis-privacy/basis/generator/model"
)

// Options configures a build.
type Options struct {
	Content string // folder of company folders
	Out     string // output folder, replaced on success: what is published
	// Internal, if set, is the output folder of the documents a company
	// keeps in-house (Audience Internal): pre-filled checklists and their
	// data. Out then gets only what is published. Empty: one output, Out,
	// gets every document.
	Internal string
	// Project, if set, says which documents each output gets, the
	// languages of the indexes, the public address and the titles (see
	// load.Project); its folders are ignored (Out and Internal name them).
	// Nil: the defaults (load.DefaultProject).
	Project *load.Project
	Cache   string // cache folder for incremental builds; empty builds everything
	PDF     bool   // print PDFs
	DOCX    bool   // write a Word document beside each HTML document
	// LinkPDF makes every page link its PDF although the build prints
	// none: for a server that prints them when asked. PDF implies it.
	LinkPDF bool
	Chrome  string // browser path; empty means BASIS_CHROME or the PATH
	Force   bool   // publish companies whose check found errors
	// KeepGoing publishes the companies that can be, as make -k does:
	// a company whose file cannot be read or whose check found errors is
	// left as the previous build published it (or out of the site when
	// there is none), and named in Result.Failed.
	KeepGoing bool
	Templates fs.FS // template tree (embedded, possibly overlaid)
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

	// Test seams: each is nil outside tests.
	fault     faults                              // called before each change on disk (see faults)
	find      func(chrome string) (string, error) // finds the local browser; nil: pdf.FindBrowser
	printer   func(printerFor) (printer, error)   // starts the printer; nil: startPrinter
	batchSize int                                 // companies read at once; 0: batchSize
	exe       func() (string, error)              // finds the running program; nil: os.Executable
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
	// Failed names, with Options.KeepGoing, the companies not published
	// because their file could not be read (LoadErrors) or their check
	// found errors (Report); their last published pages were kept.
	Failed     []string
	LoadErrors load.Errors
}

// CheckError reports companies whose check found errors; the build refused
// to publish them.
type CheckError struct {
	Report *check.Report
	Failed []string // the companies with errors, by slug
}

// Error says how many errors stopped the build, in which companies, and
// how to proceed.
func (e *CheckError) Error() string {
	in := ""
	if len(e.Failed) > 0 {
		in = " in " + names(e.Failed)
	}
	return fmt.Sprintf("the check found %d error(s)%s; nothing was published (fix them; or publish the other companies with --keep-going, which keeps the last published pages of these; or publish all anyway with --force)", e.Report.Errors(), in)
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
//
// A build is a plan (what changed, what each output needs) followed by
// named stages, each taking the outputs as values: render the HTML, write
// the Word documents, print the PDFs, publish. An error of a stage says
// which one (see [StageError]).
func Build(ctx context.Context, opts Options) (*Result, error) {
	if err := CheckOutputs(opts.Content, opts.Out, opts.Internal, opts.Cache); err != nil {
		return nil, err
	}
	start := time.Now()
	targets, err := buildTargets(opts)
	if err != nil {
		return nil, err
	}
	p, err := newPlan(ctx, opts, targets)
	if err != nil {
		return nil, stageError("plan", err)
	}
	res := &Result{Report: &check.Report{}}
	if p.upToDate {
		res.UpToDate = true
		for _, t := range targets {
			res.Files += len(t.old.Outputs)
		}
		res.Load = time.Since(start)
		return res, nil
	}
	b, err := newBuild(ctx, opts, p, res)
	if err != nil {
		return nil, stageError("plan", err)
	}
	defer b.close()
	res.Load = time.Since(start)
	for _, s := range b.stages() {
		if err := s.run(); err != nil {
			var cerr *CheckError
			if errors.As(err, &cerr) {
				return res, err
			}
			return nil, stageError(s.name, err)
		}
	}
	return res, nil
}
