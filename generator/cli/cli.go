// Package cli implements the basis command: build, check, audience, version.
// main only calls Run, so the whole command is testable in-process.
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"

	"github.com/basis-privacy/basis/generator/load"
	"github.com/basis-privacy/basis/generator/site"
	"github.com/basis-privacy/basis/locales"
	"github.com/basis-privacy/basis/templates"
)

// Exit statuses.
const (
	ExitOK    = 0 // success; warnings alone keep it
	ExitError = 1 // the input has errors, or the build failed
	ExitInput = 2 // the input cannot be read, or the command line is wrong
)

// Version is set at link time (-ldflags "-X .../cli.Version=v1.2.3"); it
// falls back to the module version of the binary.
var Version = ""

// about and footer open and close basis help (see usage).
const (
	about = `Basis turns one YAML description of a company's processing purposes and
legal bases into its privacy documents (privacy notice, marketing-purpose
review checklist, form field information) in English, German, Polish and
Vietnamese, as a static HTML site and as PDFs printed by headless Chrome.
Basis produces documents, not legal advice.
`
	footer = `
A project folder's own templates/ and locales/ override the built-in ones.
The browser for PDFs is --chrome PATH, else $BASIS_CHROME, else found on PATH
(chromium-headless-shell first, then Chrome or Chromium).
`
)

// The usage lines of build, merge, check and release.
const (
	buildUsage   = "basis build [--content DIR] [--out DIR] [--internal-out DIR] [--base-url URL] [--no-pdf] [--docx] [--chrome PATH | --browser URL...] [--tabs N] [--force | --keep-going] [--cache DIR] [--shard I/N] [SLUG...]"
	mergeUsage   = "basis merge [--out DIR] [--internal-out DIR] SHARD-DIR..."
	checkUsage   = "basis check [--content DIR] [--format text|json] [--campaign ID] [SLUG...]"
	releaseUsage = "basis release [--content DIR] [--out DIR] [--force] [SLUG...]"
)

// Run runs the command line args (without the program name) and returns the
// exit status.
func Run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage())
		return ExitInput
	}
	name := args[0]
	switch name {
	case "--version", "-version":
		name = "version"
	case "-h", "-help", "--help":
		name = "help"
	}
	if c := findCommand(name); c != nil {
		return c.run(ctx, args[1:], stdout, stderr)
	}
	return unknownCommand(args[0], stderr)
}

// newFlags returns a flag set that prints its usage to stderr.
func newFlags(name string, stderr io.Writer) *flag.FlagSet {
	fset := flag.NewFlagSet("basis "+name, flag.ContinueOnError)
	fset.SetOutput(stderr)
	return fset
}

// sources returns the template tree and the locale file systems: the
// embedded ones, overridden by ./templates and ./locales when present.
func sources() (fs.FS, []fs.FS) {
	tmpl := fs.FS(templates.FS)
	if dirExists("templates") {
		tmpl = site.Overlay(os.DirFS("templates"), templates.FS)
	}
	locs := []fs.FS{locales.FS}
	if dirExists("locales") {
		locs = append(locs, os.DirFS("locales"))
	}
	return tmpl, locs
}

func dirExists(p string) bool {
	st, err := os.Stat(p)
	return err == nil && st.IsDir()
}

// exitFor maps an error to an exit status and prints it; build says that
// nothing was written.
func exitFor(err error, stderr io.Writer, build bool) int {
	var rerr *load.ReadError
	var lerr load.Errors
	var ferr *site.FolderError
	var uerr *load.UnknownSlugError
	var serr *site.ShardError
	var nerr *NoContentError
	var oerr *OtherContentError
	switch {
	case errors.As(err, &rerr), errors.As(err, &ferr), errors.As(err, &uerr), errors.As(err, &serr), errors.As(err, &nerr), errors.As(err, &oerr):
		fmt.Fprintln(stderr, "basis:", err)
		return ExitInput
	case errors.As(err, &lerr):
		for _, e := range lerr {
			fmt.Fprintln(stderr, e)
		}
		tail := ""
		if build {
			tail = "; nothing was written"
		}
		hint := ""
		var failed *site.LoadError
		if build && errors.As(err, &failed) && len(failed.Failed) > 0 {
			hint = fmt.Sprintf("basis: to publish the other companies, keeping the last published pages of %s: basis build --keep-going\n", strings.Join(failed.Failed, ", "))
		}
		if lerr.Syntax() {
			fmt.Fprintf(stderr, "basis: a company file cannot be read (%d error(s))%s\n%s", len(lerr), tail, hint)
			return ExitInput
		}
		fmt.Fprintf(stderr, "basis: %d error(s) in the input%s\n%s", len(lerr), tail, hint)
		return ExitError
	}
	fmt.Fprintln(stderr, "basis:", err)
	return ExitError
}
