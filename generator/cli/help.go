package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
)

// command is one subcommand: how Run runs it, and what `basis help`,
// `basis help CMD` and `basis CMD --help` print. Run dispatches through
// commands, so every command is in the lists basis prints.
type command struct {
	name, usage string
	short       string // for the list of commands in basis help; lines after the first are indented
	summary     string
	examples    string
	run         func(ctx context.Context, args []string, stdout, stderr io.Writer) int
}

// commands lists every command, in the order basis help names them. It is
// filled in init: the commands' own code looks their usage up in it.
var commands []command

func init() {
	commands = append(buildCommands(), manageCommands()...)
}

// buildCommands are the commands that start a project, check it and build
// its documents.
func buildCommands() []command {
	return []command{
		{"init", "basis init [--example bakery|consultancy|retailer] [--slug SLUG] [DIR]",
			"write a new project: content/<slug>/company.yaml, a commented starter,\n" +
				"and basis.yaml, the project file",
			"Write a new project into DIR (default: the current folder): content/<slug>/company.yaml,\n" +
				"a starter with every key and its choices in comments; basis.yaml, the project file\n" +
				"(what public/ and internal/ get, with comments); and their schemas for editors.\n" +
				"With --example, write one of the examples instead. Never overwrites a file.\n" +
				"In an existing project, --slug NAME adds the starter for another company.",
			"  basis init my-privacy && cd my-privacy\n  basis init --example bakery\n  basis init --slug second-client",
			plain(runInit)},
		{"check", checkUsage,
			"apply the compliance rules and print findings and campaign verdicts;\n" +
				"exit 0 without errors, 1 with errors, 2 if the input cannot be read",
			"Check the companies under --content (all, or those named) and print every finding\n" +
				"as file:line:column, then the verdict on each campaign in each market. Exits 0\n" +
				"without errors (warnings alone keep 0), 1 with errors, 2 when the input cannot be read.\n" +
				"A company is named by its folder name, its folder or its company.yaml.",
			"  basis check\n  basis check baeckerei-schmidt\n  basis check content/baeckerei-schmidt/company.yaml\n  basis check --campaign butcher-opening\n  basis check --format json > findings.json",
			plain(runCheck)},
		{"audience", audienceUsage,
			"print who may receive a campaign, market by market, as rules a\n" +
				"CRM can apply; with --contacts FILE.csv, split a contact export\n" +
				"into who may receive it and who may not, with the reason per\n" +
				"contact (Basis sends nothing)",
			"Print who may receive a campaign, market by market: the conditions each contact's record\n" +
				"must meet (select) and what a person confirms before sending (attest). With --contacts,\n" +
				"read a contact export (CSV with the columns id, country, relationship, business, source,\n" +
				"type, last_purchase, last_inquiry, consents, objected, opt_out_register) and write, per\n" +
				"contact, whether it may receive the campaign and which conditions it does not meet. A\n" +
				"file with mistakes is refused, each at its line:column. Basis never sends anything.",
			"  basis audience christmas-stollen --format json\n  basis audience christmas-stollen --contacts crm-export.csv > split.csv\n" +
				"  basis audience tet-sale sen-vang --contacts contacts.csv --date 2027-01-20 --format json",
			plain(runAudience)},
		{"build", buildUsage,
			"check the companies under --content (default content) and write the\n" +
				"site to --out (default public), replacing it only when all succeeded",
			"Check the companies under --content and write the site to --out: each document in\n" +
				"each language as HTML and PDF. The output folder is replaced only when everything\n" +
				"succeeded. Named companies limit the work to them; the others stay as last built.",
			"  basis build\n  basis build --no-pdf\n  basis build baeckerei-schmidt --no-pdf\n  basis build --shard 0/4 --out shard-0",
			runBuild},
		{"merge", mergeUsage,
			"assemble the output folders of the shards of a sharded build\n" +
				"(basis build --shard I/N for each I below N) into one site in --out\n" +
				"(default public), replacing it only when all succeeded",
			"Assemble the output folders of the shards of a sharded build (basis build --shard I/N\n" +
				"for each I below N, on as many machines) into one site with one index in --out,\n" +
				"replaced only when all succeeded. Refuses missing, repeated or overlapping shards and\n" +
				"shards built from other contents, programs, templates or options.",
			"  basis build --shard 0/2 --out shard-0 && basis build --shard 1/2 --out shard-1\n  basis merge --out public shard-0 shard-1",
			runMerge},
		{"serve", serveUsage,
			"build the site without PDFs, serve it at http://127.0.0.1:8080/\n" +
				"(--port) and rebuild it on every change of DIR, templates/ or\n" +
				"locales/; open pages reload, errors show over the last good pages,\n" +
				"and PDFs are printed when asked for; Ctrl-C stops",
			"Build the site without PDFs, serve it at http://127.0.0.1:8080/ and rebuild it on\n" +
				"every change to the content, templates/ or locales/. Open pages reload; errors\n" +
				"show over the last good pages. Ctrl-C stops.",
			"  basis serve\n  basis serve --port 0\n  basis serve --bind 0.0.0.0:8080 --base-url http://preview.lan:8080/\n  basis serve --browser ws://localhost:3000?token=local-secret",
			runServe},
	}
}

// manageCommands are the commands that release, explain and describe.
func manageCommands() []command {
	return []command{
		{"release", releaseUsage,
			"freeze the current privacy notices of the named companies (all\n" +
				"when none is named) into releases/ next to DIR, with the PDFs of\n" +
				"--out; commit it, and every build publishes each version and\n" +
				"what changed; a released effective date is never released again",
			"Freeze the current privacy notice of the named companies (all when none is named)\n" +
				"into releases/<slug>/<effective date>/ next to --content, with the PDFs --out holds\n" +
				"for the same text. Commit it: every build then publishes each version and a page\n" +
				"of what changed. Refuses an effective date already released, and companies whose\n" +
				"check finds errors (unless --force).",
			"  basis release\n  basis release baeckerei-schmidt\n  basis release --content clients/content --out clients/public",
			runRelease},
		{"messages", messagesUsage, "list the messages a company can word itself, with their current\n" +
			"text in each of its languages (without SLUG: any company's)",
			"List the message ids a company can word itself in content/<slug>/locales/, each with its\n" +
				"current text (placeholders and plural forms as written) in each language the company\n" +
				"publishes, marking the texts it already words itself. Left out: what its wording would\n" +
				"not change (a message its law replaces by a variant, other laws' variants, informal\n" +
				"variants in a formal company). Without SLUG, every message in every language.",
			"  basis messages baeckerei-schmidt --area notice\n  basis messages --format json sen-vang > messages.json",
			plain(runMessages)},
		{"explain", explainUsage, "print a rule of basis check: its text, the provisions it applies\n" +
			"and the sources they were checked against; without RULE, every rule",
			"Print what Basis knows about a rule of basis check, named by the id check prints\n" +
				"(transfer.adequacy-dpf): its text, the provisions it applies, how each is cited and\n" +
				"the sources they were checked against (generator/check/RULES.md). Without RULE, list\n" +
				"every rule with its severity.",
			"  basis explain transfer.adequacy-dpf\n  basis explain\n  basis explain --format json consent.pre-ticked",
			plain(runExplain)},
		{"schema", "basis schema [--project]", "print the JSON Schema of company.yaml (--project: of basis.yaml)",
			"Print the JSON Schema (draft 2020-12) of company.yaml, or with --project of basis.yaml,\nfor editors and tools.",
			"  basis schema > company.schema.json\n  basis schema --project > docs/project.schema.json",
			plain(runSchema)},
		{"version", "basis version", "print the version",
			"Print the version and the source revision of this binary.", "  basis version",
			runVersion},
		{"help", "basis help [COMMAND]", "show the help of a command: basis help build",
			"Show the help of a command.", "  basis help build",
			plain(runHelp)},
	}
}

// plain adapts a command that needs no context to the table.
func plain(run func(args []string, stdout, stderr io.Writer) int) func(context.Context, []string, io.Writer, io.Writer) int {
	return func(_ context.Context, args []string, stdout, stderr io.Writer) int { return run(args, stdout, stderr) }
}

// usage is what basis help prints: what Basis does, the usage of every
// command and what each does.
func usage() string {
	var b strings.Builder
	b.WriteString(about)
	b.WriteString("\nUsage:\n")
	for _, c := range commands {
		fmt.Fprintf(&b, "  %s\n", c.usage)
	}
	b.WriteString("\nCommands:\n")
	for _, c := range commands {
		fmt.Fprintf(&b, "  %-8s %s\n", c.name, strings.ReplaceAll(c.short, "\n", "\n           "))
	}
	b.WriteString(footer)
	return b.String()
}

// runVersion prints the version.
func runVersion(_ context.Context, args []string, stdout, _ io.Writer) int {
	if len(args) > 0 && (args[0] == "--help" || args[0] == "-h") {
		printHelp(stdout, findCommand("version"), nil)
		return ExitOK
	}
	fmt.Fprintln(stdout, versionLine())
	return ExitOK
}

const serveUsage = "basis serve [--content DIR] [--out DIR] [--port N | --bind ADDR] [--base-url URL] [--chrome PATH | --browser URL...]"

func findCommand(name string) *command {
	for i := range commands {
		if commands[i].name == name {
			return &commands[i]
		}
	}
	return nil
}

func commandNames() []string {
	out := make([]string, len(commands))
	for i, c := range commands {
		out[i] = c.name
	}
	return out
}

// printHelp writes a command's help, with its flags when fset is given.
func printHelp(w io.Writer, c *command, fset *flag.FlagSet) {
	fmt.Fprintf(w, "Usage: %s\n\n%s\n", c.usage, c.summary)
	if fset != nil {
		var flags strings.Builder
		fset.SetOutput(&flags)
		fset.PrintDefaults()
		if flags.Len() > 0 {
			fmt.Fprintf(w, "\nFlags:\n%s", flags.String())
		}
	}
	fmt.Fprintf(w, "\nExamples:\n%s\n", c.examples)
}

// runHelp runs `basis help [COMMAND]`.
func runHelp(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stdout, usage())
		return ExitOK
	}
	switch args[0] {
	case "help", "-h", "--help", "-help":
		printHelp(stdout, findCommand("help"), nil)
		return ExitOK
	}
	if findCommand(args[0]) == nil {
		return unknownCommand(args[0], stderr)
	}
	return Run(context.Background(), []string{args[0], "--help"}, stdout, stderr)
}

func unknownCommand(name string, stderr io.Writer) int {
	fmt.Fprintf(stderr, "basis: unknown command %q", name)
	if c := nearest(name, commandNames()); c != "" {
		fmt.Fprintf(stderr, "; did you mean %q?", c)
	}
	fmt.Fprintf(stderr, "\nThe commands are: %s. Run basis help for more.\n", strings.Join(commandNames(), ", "))
	return ExitInput
}

// parseFlags parses args with fset, allowing flags after the other
// arguments, and returns those arguments. --help prints the command's
// help to stdout (ok false, code 0); a wrong flag says so, suggesting the
// nearest flag (ok false, code 2).
func parseFlags(fset *flag.FlagSet, name string, args []string, stdout, stderr io.Writer) (rest []string, code int, ok bool) {
	fset.SetOutput(io.Discard)
	fset.Usage = func() {}
	for {
		err := fset.Parse(args)
		if errors.Is(err, flag.ErrHelp) {
			printHelp(stdout, findCommand(name), fset)
			return nil, ExitOK, false
		}
		if err != nil {
			fmt.Fprintf(stderr, "basis %s: %s%s\nusage: %s (basis help %s for more)\n", name, err, flagHint(fset, err), findCommand(name).usage, name)
			return nil, ExitInput, false
		}
		args = fset.Args()
		if len(args) == 0 || args[0] == "--" {
			if len(args) > 0 {
				rest = append(rest, args[1:]...)
			}
			if err := checkedFlags(fset); err != nil {
				fmt.Fprintf(stderr, "basis %s: %s\nusage: %s (basis help %s for more)\n", name, err, findCommand(name).usage, name)
				return nil, ExitInput, false
			}
			return rest, ExitOK, true
		}
		rest = append(rest, args[0])
		args = args[1:]
	}
}

// checkedValue is a flag value that keeps its error for after parsing
// (see browserList), so that the flag package, which quotes the value
// whole in its error, never sees it.
type checkedValue interface{ Err() error }

// checkedFlags returns the first error of a checkedValue flag, naming the
// flag.
func checkedFlags(fset *flag.FlagSet) error {
	var err error
	fset.VisitAll(func(f *flag.Flag) {
		if cv, ok := f.Value.(checkedValue); ok && err == nil && cv.Err() != nil {
			err = fmt.Errorf("--%s: %w", f.Name, cv.Err())
		}
	})
	return err
}

// flagHint suggests the nearest flag for an unknown one.
func flagHint(fset *flag.FlagSet, err error) string {
	const prefix = "flag provided but not defined: "
	msg := err.Error()
	if !strings.HasPrefix(msg, prefix) {
		return ""
	}
	given := strings.TrimLeft(strings.TrimPrefix(msg, prefix), "-")
	var names []string
	fset.VisitAll(func(f *flag.Flag) { names = append(names, f.Name) })
	if c := nearest(given, names); c != "" {
		return fmt.Sprintf("; did you mean --%s?", c)
	}
	return ""
}

// nearest returns the candidate nearest to s, ignoring '-' and '_' (so
// nopdf finds no-pdf), or "" when none is near enough to be a typo.
func nearest(s string, candidates []string) string {
	norm := func(x string) string { return strings.NewReplacer("-", "", "_", "").Replace(strings.ToLower(x)) }
	best, bestD := "", -1
	for _, c := range candidates {
		d := distance(norm(s), norm(c))
		if bestD < 0 || d < bestD {
			best, bestD = c, d
		}
	}
	if bestD < 0 || bestD > max(2, len(s)/3) {
		return ""
	}
	return best
}

// distance is the Levenshtein distance between a and b, with a swap of
// two neighbours counting as one (biuld is one step from build).
func distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	d := make([][]int, len(ra)+1)
	for i := range d {
		d[i] = make([]int, len(rb)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(ra); i++ {
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(ra)][len(rb)]
}
