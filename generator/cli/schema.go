package cli

import (
	"fmt"
	"io"

	"github.com/basis-privacy/basis/generator/schema"
)

// runSchema prints the JSON Schema of company.yaml.
func runSchema(args []string, stdout, stderr io.Writer) int {
	fset := newFlags("schema", stderr)
	rest, code, ok := parseFlags(fset, "schema", args, stdout, stderr)
	if !ok {
		return code
	}
	if len(rest) > 0 {
		fmt.Fprintf(stderr, "basis schema: unexpected argument %q; usage: basis schema\n", rest[0])
		return ExitInput
	}
	if _, err := stdout.Write(schema.JSON()); err != nil {
		fmt.Fprintln(stderr, "basis schema:", err)
		return ExitError
	}
	return ExitOK
}
