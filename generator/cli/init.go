package cli

import (
	_ "embed"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing/fstest"

	examples "github.com/basis-privacy/basis/content"
	"github.com/basis-privacy/basis/generator/load"
	"github.com/basis-privacy/basis/generator/schema"
)

// starter is the company file `basis init` writes: every key, with the
// choices in comments.
//
//go:embed starter.yaml
var starter []byte

// schemaPath is where `basis init` puts the schema in a project; company
// files name it as ../../docs/company.schema.json, as in this repository.
var schemaPath = filepath.Join("docs", "company.schema.json")

// runInit writes a new project: content/<slug>/company.yaml (the starter,
// or an example with --example) and docs/company.schema.json. It never
// overwrites: an existing company folder is an error, and nothing is written.
func runInit(args []string, stdout, stderr io.Writer) int {
	fset := newFlags("init", stderr)
	example := fset.String("example", "", "write an example instead of the starter: bakery, consultancy or retailer (or its folder name: "+strings.Join(examples.Examples, ", ")+")")
	slug := fset.String("slug", "my-company", "folder name of the new company: lower-case letters, digits and hyphens")
	rest, code, ok := parseFlags(fset, "init", args, stdout, stderr)
	if !ok {
		return code
	}
	if len(rest) > 1 {
		fmt.Fprintf(stderr, "basis init: one folder only, got %q; usage: %s\n", rest, findCommand("init").usage)
		return ExitInput
	}
	dir := "."
	if len(rest) == 1 {
		dir = rest[0]
	}
	files, name, err := initFiles(*example, *slug)
	if err != nil {
		fmt.Fprintln(stderr, "basis init:", err)
		return ExitInput
	}
	company := filepath.Join(dir, "content", name)
	if _, err := os.Lstat(company); err == nil {
		fmt.Fprintf(stderr, "basis init: %s already exists; nothing was written (choose another --slug, or another folder)\n", company)
		return ExitInput
	}
	if err := writeNew(company, files); err != nil {
		fmt.Fprintln(stderr, "basis init:", err)
		return ExitError
	}
	fmt.Fprintf(stdout, "wrote %s\n", filepath.Join(company, load.FileName))
	if err := writeSchema(dir); err != nil {
		fmt.Fprintln(stderr, "basis init: warning:", err)
	}
	if wrote, err := writeProject(dir); err != nil {
		fmt.Fprintln(stderr, "basis init: warning:", err)
	} else if wrote {
		fmt.Fprintf(stdout, "wrote %s (how the documents are published: public/ and internal/)\n", filepath.Join(dir, load.ProjectFileName))
	}
	next := "basis check && basis build"
	if dir != "." {
		next = "cd " + dir + " && " + next
	}
	fmt.Fprintf(stdout, "Next: edit it (docs/company.schema.json lets editors complete keys), then run\n  %s\n", next)
	return ExitOK
}

// initFiles returns the files of the new company folder and its name.
func initFiles(example, slug string) (fs.FS, string, error) {
	if example != "" {
		if slug, ok := examples.Nicknames[example]; ok {
			example = slug
		}
		if !slices.Contains(examples.Examples, example) {
			names := append([]string{"bakery", "consultancy", "retailer"}, examples.Examples...)
			msg := fmt.Sprintf("no example %q", example)
			if c := nearest(example, names); c != "" {
				msg += fmt.Sprintf(" (did you mean %q?)", c)
			}
			return nil, "", fmt.Errorf("%s; the examples are: bakery (%s), consultancy (%s), retailer (%s)", msg, examples.Examples[0], examples.Examples[1], examples.Examples[2])
		}
		sub, err := examples.Example(example)
		return sub, example, err
	}
	if !validSlug(slug) {
		return nil, "", fmt.Errorf("--slug %q cannot be used in web addresses; use lower-case letters, digits and hyphens", slug)
	}
	return fstest.MapFS{load.FileName: {Data: starter, Mode: 0o644}}, slug, nil
}

func validSlug(s string) bool {
	if s == "" || strings.HasPrefix(s, "-") || strings.HasSuffix(s, "-") || strings.Contains(s, "--") || load.Reserved[s] {
		return false
	}
	return strings.Trim(s, "abcdefghijklmnopqrstuvwxyz0123456789-") == ""
}

// writeNew writes files into the folder dir, which must not exist yet.
func writeNew(dir string, files fs.FS) error {
	if err := os.MkdirAll(filepath.Dir(dir), 0o755); err != nil {
		return err
	}
	if err := os.Mkdir(dir, 0o755); err != nil {
		return err
	}
	return os.CopyFS(dir, files)
}

// writeSchema writes docs/company.schema.json under dir unless a file is
// there already.
func writeSchema(dir string) error {
	if err := writeNewFile(filepath.Join(dir, schemaPath), schema.JSON()); err != nil {
		return err
	}
	return writeNewFile(filepath.Join(dir, "docs", "project.schema.json"), schema.ProjectJSON())
}

// writeNewFile writes data to p unless a file is there already.
func writeNewFile(p string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return err
	}
	f, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		return nil // kept: `basis schema > docs/company.schema.json` renews it
	}
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
