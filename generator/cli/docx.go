package cli

import (
	"fmt"
	"io"

	"github.com/basis-privacy/basis/generator/site"
)

// printWord reports the Word stage of a build made with --docx.
func printWord(w io.Writer, res site.Word, on bool) {
	if !on {
		return
	}
	fmt.Fprintf(w, "Word: %s (%d written, %d unchanged) in %s\n",
		count(res.Documents, "document", "documents"), res.Written, res.Documents-res.Written, res.Time.Round(1e6))
}
