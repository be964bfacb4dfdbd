package cli

import (
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
	_, locs := sources()
	cat, err := locale.Load(locs...)
	if err != nil {
		return exitFor(err, stderr, false)
	}
	p := cat.For("en")
	write := writeFunc(check.WriteText)
	if *format == "json" {
		write = check.WriteJSON
	}
	companies, err := loadSelected(*content, slugs, load.WithCatalog(cat))
	var lerr load.Errors
	if err != nil && !errors.As(err, &lerr) {
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
	slices.SortStableFunc(rep.Findings, func(a, b check.Finding) int { return strings.Compare(a.Pos.File, b.Pos.File) })
	return rep
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
	switch {
	case errors.As(err, &es):
		return loadFindings(es)
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
