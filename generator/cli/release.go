package cli

import (
	"context"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"

	"github.com/basis-privacy/basis/generator/check"
	"github.com/basis-privacy/basis/generator/load"
	"github.com/basis-privacy/basis/generator/model"
	"github.com/basis-privacy/basis/generator/release"
)

// runRelease freezes the current notices of the named companies (all when
// none is named) into the archive next to the content folder. Every company
// is checked first; if any cannot be released, none is.
func runRelease(_ context.Context, args []string, stdout, stderr io.Writer) int {
	fset := newFlags("release", stderr)
	content := fset.String("content", "content", "folder of company folders")
	out := fset.String("out", "public", "the built site, whose PDFs are kept with the release (default: the project file's public.folder, else public)")
	force := fset.Bool("force", false, "release companies even when the check finds errors")
	names, code, ok := parseFlags(fset, "release", args, stdout, stderr)
	if !ok {
		return code
	}
	if err := contentMissing(*content); err != nil {
		return exitFor(err, stderr, false)
	}
	names, err := companyNames(*content, names)
	if err != nil {
		return exitFor(err, stderr, false)
	}
	proj, err := readProject()
	if err != nil {
		return exitFor(err, stderr, false)
	}
	if !flagSet(fset, "out") {
		*out = proj.Public.Folder
	}
	companies, err := load.Dir(*content)
	if err != nil {
		return exitFor(err, stderr, true)
	}
	chosen, err := choose(companies, names)
	if err != nil {
		fmt.Fprintln(stderr, "basis release:", err)
		return ExitInput
	}
	archive := release.Folder(*content)
	tmpl, locs := sources()
	rep := &check.Report{}
	var refused []string
	for _, c := range chosen {
		rep.Merge(check.Company(c))
		if _, err := release.Check(c, archive); err != nil {
			refused = append(refused, err.Error())
		}
	}
	if rep.Errors() > 0 && !*force {
		printFindings(rep, locs, stderr)
		fmt.Fprintf(stderr, "basis release: the check found %d error(s); nothing was released (fix them, or release with --force)\n", rep.Errors())
		return ExitError
	}
	if len(refused) > 0 {
		for _, r := range refused {
			fmt.Fprintln(stderr, r)
		}
		fmt.Fprintln(stderr, "basis release: nothing was released")
		return ExitError
	}
	for _, c := range chosen {
		res, err := release.Freeze(rep.Result(c.Slug), release.Options{Archive: archive, Out: *out, Templates: tmpl, Locales: locs, Version: version()})
		if err != nil {
			return exitFor(err, stderr, true)
		}
		fmt.Fprintf(stdout, "released %s, effective %s (%s), into %s\n", c.Slug, res.Version.Name(), strings.Join(c.Languages, ", "), res.Version.Dir)
		if len(res.NoPDF) > 0 {
			fmt.Fprintf(stdout, "  without PDF in %s: no PDF in %s was printed from this text (run basis build first to keep one)\n",
				strings.Join(res.NoPDF, ", "), filepath.Join(*out, c.Slug))
		}
	}
	fmt.Fprintf(stdout, "Commit %s with %s, then build: each version is published under <company>/<lang>/versions/<date>/.\n", archive, *content)
	return ExitOK
}

// choose returns the companies named by slugs, or all of them when none is.
func choose(companies []*model.Company, slugs []string) ([]*model.Company, error) {
	if len(slugs) == 0 {
		return companies, nil
	}
	var out []*model.Company
	var known []string
	for _, c := range companies {
		known = append(known, c.Slug)
	}
	for _, s := range slugs {
		i := slices.Index(known, s)
		if i < 0 {
			return nil, fmt.Errorf("no company %q under the content folder; the companies are: %s", s, strings.Join(known, ", "))
		}
		if !slices.Contains(out, companies[i]) {
			out = append(out, companies[i])
		}
	}
	return out, nil
}
