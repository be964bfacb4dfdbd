package cli

import (
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/basis-privacy/basis/generator/check"
	"github.com/basis-privacy/basis/generator/load"
	"github.com/basis-privacy/basis/generator/locale"
	"github.com/basis-privacy/basis/generator/model"
	"github.com/basis-privacy/basis/generator/site"
)

// loadSelected reads the companies under dir, or only those named.
func loadSelected(dir string, slugs []string, opts ...load.Option) ([]*model.Company, error) {
	if len(slugs) == 0 {
		return load.Dir(dir, opts...)
	}
	paths, err := load.Folders(dir)
	var errs load.Errors
	if err != nil && !errors.As(err, &errs) {
		return nil, err
	}
	selected, err := load.Select(paths, slugs)
	if err != nil {
		return nil, err
	}
	return load.Files(selected, opts...)
}

// printCampaign prints the verdicts on one campaign, one line per market,
// per company that has it. The findings are left out; the exit status
// still counts them.
func printCampaign(rep *check.Report, id string, p *locale.Printer, stdout, stderr io.Writer) int {
	byCompany := map[string][]check.Outcome{}
	ids := map[string]bool{}
	for _, o := range rep.Campaigns {
		ids[o.Campaign] = true
		if o.Campaign == id {
			byCompany[o.Company] = append(byCompany[o.Company], o)
		}
	}
	if len(byCompany) == 0 {
		known := make([]string, 0, len(ids))
		for k := range ids {
			known = append(known, k)
		}
		sort.Strings(known)
		fmt.Fprintf(stderr, "basis check: no campaign %q", id)
		if c := nearest(id, known); c != "" {
			fmt.Fprintf(stderr, " (did you mean %q?)", c)
		}
		fmt.Fprintf(stderr, "; the campaigns are: %s\n", strings.Join(known, ", "))
		return ExitInput
	}
	companies := make([]string, 0, len(byCompany))
	for c := range byCompany {
		companies = append(companies, c)
	}
	sort.Strings(companies)
	for _, c := range companies {
		if len(companies) > 1 {
			fmt.Fprintf(stdout, "%s:\n", c)
		}
		if err := check.WriteVerdicts(stdout, byCompany[c], p); err != nil {
			return exitFor(err, stderr, false)
		}
	}
	if rep.Errors() > 0 {
		fmt.Fprintf(stderr, "basis check: the companies have %d error(s); run basis check to see them\n", rep.Errors())
		return ExitError
	}
	return ExitOK
}

// summary is the last line of a build: every file counted once.
func summary(out string, res *site.Result) string {
	written := res.Rendered + res.Printed + res.Copied
	var parts []string
	if res.Printed > 0 {
		parts = append(parts, count(res.Printed, "PDF printed", "PDFs printed"))
	}
	if res.Copied > 0 {
		parts = append(parts, count(res.Copied, "PDF from the cache", "PDFs from the cache"))
	}
	detail := ""
	if len(parts) > 0 {
		detail = " (" + strings.Join(parts, ", ") + ")"
	}
	return fmt.Sprintf("built %s: %s read, %d files: %d written%s, %d unchanged; load %s, HTML %s, PDF %s",
		out, count(res.Companies, "company", "companies"), res.Files, written, detail, res.Reused,
		res.Load.Round(1e6), res.HTML.Round(1e6), res.Print.Round(1e6))
}
