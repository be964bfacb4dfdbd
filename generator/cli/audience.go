package cli

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"os"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/basis-privacy/basis/generator/audience"
	"github.com/basis-privacy/basis/generator/check"
	"github.com/basis-privacy/basis/generator/load"
	"github.com/basis-privacy/basis/generator/locale"
	"github.com/basis-privacy/basis/generator/model"
)

const audienceUsage = "basis audience [--content DIR] [--format csv|json] [--contacts FILE.csv] [--date YYYY-MM-DD] [--lang LANG] CAMPAIGN [SLUG...]"

// audienceOptions are the command line of `basis audience`.
type audienceOptions struct {
	content, format, contacts, lang string
	asOf                            time.Time
	campaign                        string
	slugs                           []string
}

func runAudience(args []string, stdout, stderr io.Writer) int {
	fset := newFlags("audience", stderr)
	var o audienceOptions
	fset.StringVar(&o.content, "content", "content", "folder of company folders")
	fset.StringVar(&o.format, "format", "csv", "output format: csv or json")
	fset.StringVar(&o.contacts, "contacts", "", "a contact export (CSV) to split into who may receive the campaign and who may not")
	date := fset.String("date", "", "the day of sending, YYYY-MM-DD (default today): the periods count back from it")
	fset.StringVar(&o.lang, "lang", "en", "the language of the texts: "+strings.Join(model.Languages, ", "))
	rest, code, ok := parseFlags(fset, "audience", args, stdout, stderr)
	if !ok {
		return code
	}
	if msg := o.parse(rest, *date); msg != "" {
		fmt.Fprintf(stderr, "basis audience: %s\nusage: %s (basis help audience for more)\n", msg, audienceUsage)
		return ExitInput
	}
	_, locs := sources()
	cat, err := locale.Load(locs...)
	if err != nil {
		return exitFor(err, stderr, false)
	}
	companies, err := loadSelected(o.content, o.slugs, load.WithCatalog(cat))
	if err != nil {
		return exitFor(err, stderr, false)
	}
	rep, k, code := findCampaign(companies, o.campaign, stderr)
	if k == nil {
		return code
	}
	p := cat.For(o.lang)
	rule, err := check.WireAudience(p, slugOf(rep.Results[0].Company), k)
	if err != nil {
		return exitFor(err, stderr, false)
	}
	if o.contacts == "" {
		code = printRule(rule, o.format, stdout, stderr)
	} else {
		code = splitContacts(&o, k, rule, p, stdout, stderr)
	}
	if code == ExitOK && rep.Errors() > 0 {
		fmt.Fprintf(stderr, "basis audience: the company has %d error(s); run basis check to see them\n", rep.Errors())
		return ExitError
	}
	return code
}

// parse reads the arguments and the date, returning what is wrong.
func (o *audienceOptions) parse(rest []string, date string) string {
	if len(rest) == 0 {
		return "name the campaign: basis audience CAMPAIGN"
	}
	o.campaign, o.slugs = rest[0], rest[1:]
	if o.format != "csv" && o.format != "json" {
		return fmt.Sprintf("--format must be csv or json, not %q", o.format)
	}
	if !slices.Contains(model.Languages, o.lang) {
		return fmt.Sprintf("--lang must be one of %s, not %q", strings.Join(model.Languages, ", "), o.lang)
	}
	o.asOf = time.Now()
	if date != "" {
		d, err := time.Parse(time.DateOnly, date)
		if err != nil {
			return fmt.Sprintf("--date %q is not a date: write YYYY-MM-DD, e.g. 2026-12-01", date)
		}
		o.asOf = d
	}
	return ""
}

func slugOf(c *model.Company) string {
	if c.Slug != "" {
		return c.Slug
	}
	return c.File
}

// findCampaign checks the company that has the campaign id and returns its
// report and the campaign; with none or several, it says so and returns
// the exit status.
func findCampaign(companies []*model.Company, id string, stderr io.Writer) (*check.Report, *check.Campaign, int) {
	var found []*model.Company
	var known []string
	for _, c := range companies {
		for _, k := range c.Campaigns {
			if k.ID == id {
				found = append(found, c)
			}
			if !slices.Contains(known, k.ID) {
				known = append(known, k.ID)
			}
		}
	}
	switch len(found) {
	case 0:
		sort.Strings(known)
		fmt.Fprintf(stderr, "basis audience: no campaign %q", id)
		if c := nearest(id, known); c != "" {
			fmt.Fprintf(stderr, " (did you mean %q?)", c)
		}
		fmt.Fprintf(stderr, "; the campaigns are: %s\n", strings.Join(known, ", "))
		return nil, nil, ExitInput
	case 1:
		rep := check.Company(found[0])
		return rep, rep.Results[0].Campaign(id), ExitOK
	}
	var slugs []string
	for _, c := range found {
		slugs = append(slugs, slugOf(c))
	}
	fmt.Fprintf(stderr, "basis audience: campaign %q is in %s: name the company, e.g. basis audience %s %s\n",
		id, strings.Join(slugs, ", "), id, slugs[0])
	return nil, nil, ExitInput
}

// printRule prints the campaign's rules.
func printRule(rule check.AudienceJSON, format string, stdout, stderr io.Writer) int {
	var err error
	if format == "json" {
		enc := json.NewEncoder(stdout)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		err = enc.Encode(rule)
	} else {
		err = audience.WriteRuleCSV(stdout, rule)
	}
	if err != nil {
		return exitFor(err, stderr, false)
	}
	return ExitOK
}

// splitContacts checks the contact file, then writes who may receive the
// campaign and who may not; it writes nothing anywhere else.
func splitContacts(o *audienceOptions, k *check.Campaign, rule check.AudienceJSON, p *locale.Printer, stdout, stderr io.Writer) int {
	f, err := openContacts(o.contacts)
	if err != nil {
		fmt.Fprintln(stderr, "basis audience:", err)
		return ExitInput
	}
	defer f.Close()
	s := &audience.Splitter{File: o.contacts, Rules: k.Rules(), AsOf: o.asOf, Printer: p}
	if err := s.Validate(f); err != nil {
		return contactErrors(err, stderr)
	}
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		fmt.Fprintln(stderr, "basis audience:", err)
		return ExitInput
	}
	w := audience.NewCSV(stdout)
	if o.format == "json" {
		w = audience.NewJSON(stdout, rule, o.asOf)
	}
	sum, err := s.Split(f, w)
	if err != nil {
		return contactErrors(err, stderr)
	}
	fmt.Fprintf(stderr, "basis audience: %d contacts: %d may receive %s, %d may not%s\n",
		sum.Contacts, sum.Eligible, k.ID, sum.NotEligible, unmetSummary(sum.Unmet))
	return ExitOK
}

// openContacts opens the contact file, which must be a regular file: it is
// read twice, and a pipe or a device would make Basis wait.
func openContacts(path string) (*os.File, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("the contact file cannot be read: %w", err)
	}
	if !st.Mode().IsRegular() {
		return nil, fmt.Errorf("%s is not a regular file: export the contacts to a CSV file and name it with --contacts", path)
	}
	return os.Open(path)
}

func contactErrors(err error, stderr io.Writer) int {
	var errs *audience.Errors
	if !errors.As(err, &errs) {
		fmt.Fprintln(stderr, "basis audience:", err)
		return ExitInput
	}
	fmt.Fprintln(stderr, errs)
	n := len(errs.List) + errs.More
	if errs.Syntax() {
		fmt.Fprintf(stderr, "basis audience: the contact file cannot be read as CSV; nothing was split\n")
		return ExitInput
	}
	fmt.Fprintf(stderr, "basis audience: %d mistake(s) in the contact file; nothing was split\n", n)
	return ExitError
}

// unmetSummary lists how many contacts failed each condition.
func unmetSummary(unmet map[string]int) string {
	if len(unmet) == 0 {
		return ""
	}
	var parts []string
	for _, id := range slices.Sorted(maps.Keys(unmet)) {
		parts = append(parts, fmt.Sprintf("%s %d", id, unmet[id]))
	}
	return " (" + strings.Join(parts, ", ") + ")"
}
