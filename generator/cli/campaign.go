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
// still counts them. As JSON, it is check's JSON report restricted to the
// campaign: its verdicts, the findings about it, and the input errors
// (behind which a company that has the campaign may hide).
func printCampaign(rep *check.Report, id string, asJSON bool, p *locale.Printer, stdout, stderr io.Writer, lerr load.Errors) int {
	sub := campaignReport(rep, id)
	if len(sub.Campaigns) == 0 {
		msg := noCampaign(rep, id)
		if asJSON {
			sub.Findings = append([]check.Finding{check.InputFinding(model.Pos{}, msg)}, sub.Findings...)
			if err := check.WriteJSON(stdout, sub, p); err != nil {
				fmt.Fprintln(stderr, "basis:", err)
			}
		}
		fmt.Fprintln(stderr, "basis check: "+msg)
		checkStatus(rep, lerr, stderr)
		return ExitInput
	}
	if asJSON {
		if err := check.WriteJSON(stdout, sub, p); err != nil {
			return exitFor(err, stderr, false)
		}
		return checkStatus(rep, lerr, stderr)
	}
	byCompany := map[string][]check.Outcome{}
	for _, o := range sub.Campaigns {
		byCompany[o.Company] = append(byCompany[o.Company], o)
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
	if n := rep.Errors() - len(lerr); n > 0 {
		fmt.Fprintf(stderr, "basis check: the companies have %d error(s); run basis check to see them\n", n)
	}
	return checkStatus(rep, lerr, stderr)
}

// campaignReport keeps of rep the verdicts on campaign id, the findings
// about it and the input errors.
func campaignReport(rep *check.Report, id string) *check.Report {
	sub := &check.Report{}
	for _, o := range rep.Campaigns {
		if o.Campaign == id {
			sub.Campaigns = append(sub.Campaigns, o)
		}
	}
	for _, f := range rep.Findings {
		if f.Rule == check.RuleInput || (f.Campaign() == id && len(sub.Campaigns) > 0) {
			sub.Findings = append(sub.Findings, f)
		}
	}
	return sub
}

// noCampaign says that no company read has campaign id, with the nearest
// id and every id there is.
func noCampaign(rep *check.Report, id string) string {
	ids := map[string]bool{}
	for _, o := range rep.Campaigns {
		ids[o.Campaign] = true
	}
	known := make([]string, 0, len(ids))
	for k := range ids {
		known = append(known, k)
	}
	sort.Strings(known)
	msg := fmt.Sprintf("no campaign %q", id)
	if c := nearest(id, known); c != "" {
		msg += fmt.Sprintf(" (did you mean %q?)", c)
	}
	return msg + "; the campaigns are: " + strings.Join(known, ", ")
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
