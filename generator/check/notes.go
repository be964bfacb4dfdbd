package check

import (
	"fmt"
	"io"

	"github.com/basis-privacy/basis/generator/locale"
	"github.com/basis-privacy/basis/generator/model"
)

// WriteNotes writes, for people, a note on each message c words itself
// (content/<slug>/locales/), at its position: information, neither an error
// nor a warning, so it changes no exit status.
//
//	content/acme/locales/notice.de.yaml:3:1: note reworded: acme words this message itself, ...: notice.rights.free (de, en)
func WriteNotes(w io.Writer, c *model.Company, p *locale.Printer) error {
	rd := &renderer{p: p}
	for _, r := range c.Reworded() {
		if _, err := fmt.Fprintf(w, "%s: note reworded: %s\n", r.Pos, rd.t("check.note.reworded", "Company", c.Slug, "Message", r.String())); err != nil {
			return err
		}
	}
	return rd.err()
}
