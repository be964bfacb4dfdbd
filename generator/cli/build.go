package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"path/filepath"
	"slices"
	"strings"

	"github.com/basis-privacy/basis/generator/check"
	"github.com/basis-privacy/basis/generator/locale"
	"github.com/basis-privacy/basis/generator/model"
	"github.com/basis-privacy/basis/generator/site"
)

func runBuild(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fset := newFlags("build", stderr)
	content := fset.String("content", "content", "folder of company folders")
	f := outputFlags(fset, "output folder of what is published (replaced when the build succeeds)")
	out := f.out
	noPDF := fset.Bool("no-pdf", false, "build HTML only, without printing PDFs")
	word := fset.Bool("docx", false, "also write a Word document (.docx) beside each HTML document")
	chrome := fset.String("chrome", "", "path of Chrome or Chromium (default $BASIS_CHROME, else found on PATH)")
	browsers := browserFlag(fset)
	tabs := fset.Int("tabs", 0, "documents each browser prints at once (default: this machine's cores + 1, at most 8); for remote browsers, what one of them can take")
	force := fset.Bool("force", false, "publish companies even when the check finds errors")
	keepGoing := fset.Bool("keep-going", false, "publish the companies without errors and keep the last published pages of those with errors (as make -k); exit 1 if any had errors")
	cache := fset.String("cache", "", "cache folder for incremental builds, safe to delete (default .basis-cache beside --out; --cache= disables)")
	shardFlag := fset.String("shard", "", "build only shard `I/N` of the companies (0 ≤ I < N), to merge with basis merge")
	merge := fset.Bool("merge", false, "merge the output folders of the shards named after the flags into --out (as basis merge)")
	slugs, code, ok := parseFlags(fset, "build", args, stdout, stderr)
	if !ok {
		return code
	}
	proj, err := readProject()
	if err != nil {
		return exitFor(err, stderr, true)
	}
	if err := f.resolve(fset, proj); err != nil {
		fmt.Fprintln(stderr, "basis build:", err)
		return ExitInput
	}
	if *merge {
		return mergeShards(ctx, *out, *f.internal, slugs, stdout, stderr)
	}
	if *tabs < 0 || *tabs > maxTabs {
		fmt.Fprintf(stderr, "basis build: --tabs %d: give a number of tabs from 1 to %d (0 or none: the default)\n", *tabs, maxTabs)
		return ExitInput
	}
	var shard site.Shard
	if *shardFlag != "" {
		s, err := site.ParseShard(*shardFlag)
		if err != nil {
			fmt.Fprintln(stderr, "basis build:", err)
			return ExitInput
		}
		shard = s
	}
	if err := contentMissing(*content); err != nil {
		return exitFor(err, stderr, true)
	}
	slugs, err = companyNames(*content, slugs)
	if err != nil {
		return exitFor(err, stderr, true)
	}
	if !flagSet(fset, "cache") {
		*cache = filepath.Join(filepath.Dir(filepath.Clean(*out)), ".basis-cache")
	}
	remote, err := browsers.list(*chrome)
	if err != nil {
		fmt.Fprintln(stderr, "basis build:", err)
		return ExitInput
	}
	tmpl, locs := sources()
	res, err := site.Build(ctx, site.Options{
		Content: *content, Out: *out, Internal: *f.internal, Project: proj, Cache: *cache, PDF: !*noPDF, DOCX: *word, Chrome: *chrome, Browsers: remote, Tabs: *tabs, Force: *force,
		Templates: tmpl, Locales: locs, Version: version(), Log: stderr, Only: slugs, Shard: shard, KeepGoing: *keepGoing,
	})
	var cerr *site.CheckError
	if errors.As(err, &cerr) {
		printFindings(cerr.Report, locs, stderr)
	}
	if err != nil && ctx.Err() != nil {
		fmt.Fprintf(stderr, "basis: interrupted; %s unchanged\n", *out)
		return ExitError
	}
	if err != nil {
		return exitFor(err, stderr, true)
	}
	return reportBuild(res, buildReport{out: *out, internal: *f.internal, force: *force, word: *word, locs: locs}, stdout, stderr)
}

// buildReport is what reportBuild needs to know of the command line.
type buildReport struct {
	out, internal string
	force, word   bool
	locs          []fs.FS
}

// reportBuild prints what a finished build did: its warnings and
// findings, the summary, and what is left out; it returns the exit status.
func reportBuild(res *site.Result, r buildReport, stdout, stderr io.Writer) int {
	for _, w := range res.Warnings {
		if !strings.Contains(w, "warning:") { // a positioned warning says so itself
			w = "basis: warning: " + w
		}
		fmt.Fprintln(stderr, w)
	}
	if res.UpToDate {
		fmt.Fprintf(stdout, "%s is up to date (%d files); nothing to do\n", r.out, res.Files)
		return ExitOK
	}
	if res.Report.Errors() > 0 || res.Report.Warnings() > 0 {
		printFindings(res.Report, r.locs, stderr)
	}
	if r.force && res.Report.Errors() > 0 {
		fmt.Fprintf(stderr, "basis: published despite %d error(s) because of --force\n", res.Report.Errors())
	}
	built := r.out
	if r.internal != "" {
		built += " and " + r.internal
	}
	fmt.Fprintln(stdout, summary(built, res))
	printReworded(stdout, res.Reworded)
	printWord(stdout, res.Word, r.word)
	left := slices.DeleteFunc(slices.Clone(res.Left), func(s string) bool { return slices.Contains(res.Failed, s) })
	if len(left) > 0 {
		fmt.Fprintf(stderr, "basis: not in the site yet: %s (build without names to add them)\n", strings.Join(left, ", "))
	}
	fmt.Fprintln(stdout, "Basis produces documents, not legal advice: have a lawyer review them.")
	return keptGoing(res, stderr)
}

// keptGoing reports the companies a build with --keep-going did not
// publish: their load errors (the check's were printed with the
// findings), and what stays of each. It returns the exit status: 1 when
// any failed, as make -k.
func keptGoing(res *site.Result, stderr io.Writer) int {
	if len(res.Failed) == 0 {
		return ExitOK
	}
	for _, e := range res.LoadErrors {
		fmt.Fprintln(stderr, e)
	}
	var kept, out []string
	for _, slug := range res.Failed {
		if slices.Contains(res.Left, slug) {
			out = append(out, slug)
		} else {
			kept = append(kept, slug)
		}
	}
	if len(kept) > 0 {
		fmt.Fprintf(stderr, "basis: not published, because of the errors above: %s; the last published pages stay\n", strings.Join(kept, ", "))
	}
	if len(out) > 0 {
		fmt.Fprintf(stderr, "basis: not published, because of the errors above: %s; not in the site, as no earlier build published it\n", strings.Join(out, ", "))
	}
	return ExitError
}

// printFindings prints the findings (not the verdict table) in English.
func printFindings(rep *check.Report, locs []fs.FS, w io.Writer) {
	cat, err := locale.Load(locs...)
	if err != nil {
		fmt.Fprintln(w, "basis:", err)
		return
	}
	findings := &check.Report{Findings: rep.Findings}
	if err := check.WriteText(w, findings, cat.For("en")); err != nil {
		fmt.Fprintln(w, "basis:", err)
	}
}

// printReworded lists, per company, the messages it words itself.
func printReworded(w io.Writer, reworded map[string][]model.Reword) {
	for _, slug := range slices.Sorted(maps.Keys(reworded)) {
		rw := reworded[slug]
		ids := make([]string, len(rw))
		for i, r := range rw {
			ids[i] = r.String()
		}
		fmt.Fprintf(w, "%s words %s itself: %s\n", slug, count(len(rw), "message", "messages"), strings.Join(ids, ", "))
	}
}

// flagSet reports whether the flag name was given on the command line.
func flagSet(fset *flag.FlagSet, name string) bool {
	set := false
	fset.Visit(func(f *flag.Flag) { set = set || f.Name == name })
	return set
}

// count writes n with the singular or plural noun.
func count(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}
