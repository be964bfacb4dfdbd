package cli

import (
	"context"
	"fmt"
	"io"

	"github.com/basis-privacy/basis/generator/site"
)

// runMerge is basis merge [--out DIR] SHARD-DIR...
func runMerge(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fset := newFlags("merge", stderr)
	f := outputFlags(fset, "output folder (replaced when the merge succeeds)")
	dirs, code, ok := parseFlags(fset, "merge", args, stdout, stderr)
	if !ok {
		return code
	}
	proj, err := readProject()
	if err != nil {
		return exitFor(err, stderr, false)
	}
	if err := f.resolve(fset, proj); err != nil {
		fmt.Fprintln(stderr, "basis merge:", err)
		return ExitInput
	}
	return mergeShards(ctx, *f.out, *f.internal, dirs, stdout, stderr)
}

// mergeShards merges the shard output folders dirs into out.
func mergeShards(ctx context.Context, out, internal string, dirs []string, stdout, stderr io.Writer) int {
	if len(dirs) == 0 {
		fmt.Fprintf(stderr, "basis merge: name the output folder of every shard; usage: %s\n", mergeUsage)
		return ExitInput
	}
	tmpl, locs := sources()
	res, err := site.Merge(ctx, site.MergeOptions{Shards: dirs, Out: out, Internal: internal, Templates: tmpl, Locales: locs, Version: version()})
	if err != nil {
		return exitFor(err, stderr, false)
	}
	for _, w := range res.Warnings {
		fmt.Fprintln(stderr, "basis: warning:", w)
	}
	fmt.Fprintf(stdout, "merged %s into %s: %s, %d files\n", count(res.Shards, "shard", "shards"), out, count(res.Companies, "company", "companies"), res.Files)
	return ExitOK
}
