package cli

import (
	"fmt"
	"io"

	"github.com/basis-privacy/basis/generator/schema"
)

// runSchema prints the JSON Schema of company.yaml, or with --project of
// basis.yaml.
func runSchema(args []string, stdout, stderr io.Writer) int {
	fset := newFlags("schema", stderr)
	project := fset.Bool("project", false, "print the JSON Schema of the project file, basis.yaml")
	rest, code, ok := parseFlags(fset, "schema", args, stdout, stderr)
	if !ok {
		return code
	}
	if len(rest) > 0 {
		fmt.Fprintf(stderr, "basis schema: unexpected argument %q; usage: basis schema [--project]\n", rest[0])
		return ExitInput
	}
	out := schema.JSON()
	if *project {
		out = schema.ProjectJSON()
	}
	if _, err := stdout.Write(out); err != nil {
		fmt.Fprintln(stderr, "basis schema:", err)
		return ExitError
	}
	return ExitOK
}
