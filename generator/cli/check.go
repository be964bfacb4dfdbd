package cli

import (
	"cmp"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"

	"github.com/basis-privacy/basis/generator/check"
	"github.com/basis-privacy/basis/generator/load"
	"github.com/basis-privacy/basis/generator/locale"
	"github.com/basis-privacy/basis/generator/model"
	"github.com/basis-privacy/basis/generator/release"
)

// writeFunc writes a check report (check.WriteText or check.WriteJSON).
type writeFunc func(io.Writer, *check.Report, *locale.Printer) error

func runCheck(args []string, stdout, stderr io.Writer) int {
	fset := newFlags("check", stderr)
	content := fset.String("content", "content", "folder of company folders")
	format := fset.String("format", "text", "output format: text or json")
	campaign := fset.String("campaign", "", "print only the verdicts on this campaign, one line per market")
	slugs, code, ok := parseFlags(fset, "check", args, stdout, stderr)
	if !ok {
		return code
	}
	if *format != "text" && *format != "json" {
		fmt.Fprintf(stderr, "basis check: --format must be text or json, not %q\n", *format)
		return ExitInput
	}
	tmpl, locs := sources()
	cat, err := locale.Load(locs...)
	if err != nil {
		return exitFor(err, stderr, false)
	}
	p := cat.For("en")
	write := writeFunc(check.WriteText)
	if *format == "json" {
		write = check.WriteJSON
	}
	// A broken project file stops everything: no company is read.
	_, err = readProject()
	fatal := err != nil
	if err == nil {
		err = contentMissing(*content)
	}
	if err == nil {
		slugs, err = companyNames(*content, slugs)
	}
	var companies []*model.Company
	if err == nil {
		companies, err = loadSelected(*content, slugs, load.WithCatalog(cat))
	}
	var lerr load.Errors
	if err != nil && (fatal || !errors.As(err, &lerr)) {
		// Nothing could be read: no company to report on.
		if *format == "json" {
			if werr := write(stdout, &check.Report{Findings: inputFindings(err)}, p); werr != nil {
				fmt.Fprintln(stderr, "basis:", werr)
			}
		}
		return exitFor(err, stderr, false)
	}
	rep := checkAll(companies, lerr)
	if *campaign != "" {
		return printCampaign(rep, *campaign, *format == "json", p, stdout, stderr, lerr)
	}
	drift, err := releaseDrift(*content, rep, tmpl, cat)
	if err != nil {
		drift = archiveFindings(err)
	}
	rep.Findings = append(rep.Findings, drift...)
	sortFindings(rep.Findings)
	if err := write(stdout, rep, p); err != nil {
		return exitFor(err, stderr, false)
	}
	return checkStatus(rep, lerr, stderr)
}

// checkAll checks every company read and adds the errors of the files that
// could not be read as findings at their positions, so that one broken
// file hides no other company. The findings are in file order.
func checkAll(companies []*model.Company, lerr load.Errors) *check.Report {
	rep := &check.Report{Findings: loadFindings(lerr)}
	for _, c := range companies {
		rep.Merge(check.Company(c))
	}
	sortFindings(rep.Findings)
	return rep
}

// sortFindings puts findings in the order of their positions, keeping the
// order of those at the same place.
func sortFindings(fs []check.Finding) {
	slices.SortStableFunc(fs, func(a, b check.Finding) int {
		return cmp.Or(strings.Compare(a.Pos.File, b.Pos.File), cmp.Compare(a.Pos.Line, b.Pos.Line), cmp.Compare(a.Pos.Column, b.Pos.Column))
	})
}

// archiveFindings turns a problem with the releases, or with rendering a
// notice to compare with them, into an error finding, so that check still
// reports (and answers JSON): a damaged release.json at its path.
func archiveFindings(err error) []check.Finding {
	var ae *release.ArchiveError
	if errors.As(err, &ae) {
		return []check.Finding{check.InputFinding(model.Pos{File: ae.Path}, ae.Problem)}
	}
	return []check.Finding{check.InputFinding(model.Pos{}, "the notice could not be compared with its release: "+err.Error())}
}

// checkStatus is the exit status of a check: 2 when a company file is not
// YAML (it cannot be read), 1 with errors, 0 without. The companies that
// could not be checked are named on stderr.
func checkStatus(rep *check.Report, lerr load.Errors, stderr io.Writer) int {
	if len(lerr) > 0 {
		others := ""
		if len(rep.Results) > 0 {
			others = "; every other company was checked"
		}
		fmt.Fprintf(stderr, "basis check: %d error(s) in the input kept %s from being checked%s\n",
			len(lerr), strings.Join(unchecked(lerr), ", "), others)
	}
	switch {
	case lerr.Syntax():
		return ExitInput
	case rep.Errors() > 0:
		return ExitError
	}
	return ExitOK
}

// unchecked names the company folders the load errors are in.
func unchecked(lerr load.Errors) []string {
	var out []string
	for _, e := range lerr {
		dir := e.Pos.File // a folder (a link to one) has no extension
		if filepath.Ext(dir) != "" {
			dir = filepath.Dir(dir)
		}
		if filepath.Base(dir) == load.MessagesDir {
			dir = filepath.Dir(dir)
		}
		if !slices.Contains(out, dir) {
			out = append(out, dir)
		}
	}
	return out
}

// inputFindings turns the loader's errors into findings: each mistake at its
// position, an input that could not be read at its path.
func inputFindings(err error) []check.Finding {
	var es load.Errors
	var re *load.ReadError
	var ne *NoContentError
	switch {
	case errors.As(err, &es):
		return loadFindings(es)
	case errors.As(err, &ne):
		return []check.Finding{check.InputFinding(model.Pos{File: ne.Content}, ne.Error())}
	case errors.As(err, &re):
		return []check.Finding{check.InputFinding(model.Pos{File: re.Path}, "cannot be read: "+re.Err.Error())}
	}
	return []check.Finding{check.InputFinding(model.Pos{}, err.Error())}
}

// loadFindings turns each of the loader's errors into a finding at its
// position.
func loadFindings(es load.Errors) []check.Finding {
	out := make([]check.Finding, len(es))
	for i, e := range es {
		text := e.Msg
		if e.Hint != "" {
			text += "; " + e.Hint
		}
		out[i] = check.InputFinding(e.Pos, text)
	}
	return out
}
