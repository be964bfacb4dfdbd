package check

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/basis-privacy/basis/generator/locale"
)

// WriteVerdicts writes one line per market for the outcomes of one
// campaign: market, verdict, basis and the first condition, through p.
//
//	market  verdict           basis                  conditions
//	DE      consent required  consent                each recipient's consent is recorded
func WriteVerdicts(w io.Writer, os []Outcome, p *locale.Printer) error {
	rd := newRenderer(p)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", rd.t("check.text.market"), rd.t("check.text.verdict"), rd.t("check.text.basis"), rd.t("check.text.conditions"))
	for _, o := range os {
		first := "-"
		if cs := rd.msgs(o.Conditions); len(cs) > 0 {
			first = cs[0]
		}
		verdict := rd.t("check.verdict." + string(o.Verdict))
		if o.Contested {
			verdict += " (" + rd.t("check.text.contested") + ")"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", o.Market, verdict, rd.basis(o), strings.TrimSpace(first))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	return rd.err()
}
