package check

import "github.com/basis-privacy/basis/generator/model"

// ReleaseDrift is the warning (rule release.drift) that c's privacy notice
// in lang differs from its latest release, of the date released (YYYY-MM-DD),
// though effective: still gives that date: the notice changed without a new
// version. Check cannot see releases; the caller that compares the rendered
// notice with the release (release.TextHash) adds it to the report:
//
//	rep.Findings = append(rep.Findings, check.ReleaseDrift(c, "de", "2026-11-01"))
func ReleaseDrift(c *model.Company, lang, released string) Finding {
	pos := c.At.At("effective")
	if pos.File == "" {
		pos.File = c.File
	}
	m := msg("check."+RuleReleaseDrift, "Lang", lang, "Release", released, "Company", c.Slug)
	return Finding{Pos: pos, Severity: ruleByID(RuleReleaseDrift).Severity, Rule: RuleReleaseDrift,
		Msg: m, Fix: Message{ID: m.ID + ".fix", Args: m.Args}}
}
