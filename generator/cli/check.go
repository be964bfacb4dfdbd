package cli

import (
	"fmt"
	"io"

	"github.com/basis-privacy/basis/generator/check"
	"github.com/basis-privacy/basis/generator/load"
	"github.com/basis-privacy/basis/generator/locale"
)

func runCheck(args []string, stdout, stderr io.Writer) int {
	fset := newFlags("check", stderr)
	content := fset.String("content", "content", "folder of company folders")
	format := fset.String("format", "text", "output format: text or json")
	if err := fset.Parse(args); err != nil {
		return ExitInput
	}
	if !noArgs(fset, checkUsage, stderr) {
		return ExitInput
	}
	if *format != "text" && *format != "json" {
		fmt.Fprintf(stderr, "basis check: --format must be text or json, not %q\n", *format)
		return ExitInput
	}
	companies, err := load.Dir(*content)
	if err != nil {
		return exitFor(err, stderr)
	}
	_, locs := sources()
	cat, err := locale.Load(locs...)
	if err != nil {
		return exitFor(err, stderr)
	}
	rep := &check.Report{}
	for _, c := range companies {
		rep.Merge(check.Company(c))
	}
	p := cat.For("en")
	if *format == "json" {
		err = check.WriteJSON(stdout, rep, p)
	} else {
		err = check.WriteText(stdout, rep, p)
	}
	if err != nil {
		return exitFor(err, stderr)
	}
	if rep.Errors() > 0 {
		return ExitError
	}
	return ExitOK
}
