package cli

import (
	"errors"
	"fmt"
	"io"

	"github.com/basis-privacy/basis/generator/check"
	"github.com/basis-privacy/basis/generator/load"
	"github.com/basis-privacy/basis/generator/locale"
	"github.com/basis-privacy/basis/generator/model"
)

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
	write := check.WriteText
	if *format == "json" {
		write = check.WriteJSON
	}
	_, err = readProject() // its mistakes are the input's, at their positions
	var companies []*model.Company
	if err == nil {
		companies, err = loadSelected(*content, slugs, load.WithCatalog(cat))
	}
	if err != nil {
		if *format == "json" {
			if werr := write(stdout, &check.Report{Findings: inputFindings(err)}, p); werr != nil {
				fmt.Fprintln(stderr, "basis:", werr)
			}
		}
		return exitFor(err, stderr, false)
	}
	rep := &check.Report{}
	for _, c := range companies {
		rep.Merge(check.Company(c))
	}
	if *campaign != "" {
		return printCampaign(rep, *campaign, p, stdout, stderr)
	}
	if err := write(stdout, rep, p); err != nil {
		return exitFor(err, stderr, false)
	}
	if rep.Errors() > 0 {
		return ExitError
	}
	return ExitOK
}

// inputFindings turns the loader's errors into findings: each mistake at its
// position, an input that could not be read at its path.
func inputFindings(err error) []check.Finding {
	var es load.Errors
	var re *load.ReadError
	switch {
	case errors.As(err, &es):
		out := make([]check.Finding, len(es))
		for i, e := range es {
			text := e.Msg
			if e.Hint != "" {
				text += "; " + e.Hint
			}
			out[i] = check.InputFinding(e.Pos, text)
		}
		return out
	case errors.As(err, &re):
		return []check.Finding{check.InputFinding(model.Pos{File: re.Path}, "cannot be read: "+re.Err.Error())}
	}
	return []check.Finding{check.InputFinding(model.Pos{}, err.Error())}
}
