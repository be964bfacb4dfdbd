package law

import (
	"fmt"
	"strings"
)

// Markdown writes the table of every market's law, with reference ids, as
// RULES.md carries it between the markers <!-- law:begin --> and
// <!-- law:end -->; a test keeps the two the same.
func Markdown() string {
	var b strings.Builder
	b.WriteString("| market | regime | consent rule | existing-customer exception (own similar / notice) | inquirers count | surveys | legitimate interests | purchased data |\n")
	b.WriteString("|---|---|---|---|---|---|---|---|\n")
	for _, m := range Markets {
		r := For(m)
		fmt.Fprintf(&b, "| %s | %s | %s | %s | %s | %s | %s | %s |\n",
			m, orDash(string(r.Regime)), ids(r.Consent), exception(r), inquirers(r), survey(r.Survey),
			yesNo(r.LegitimateInterests), purchased(r))
	}
	b.WriteString("\nTransfers abroad (`law.Abroad`), judged from the controller's regime: `gdpr` outside the EEA " +
		"(adequacy: " + keys(adequateGDPR) + "); `ukgdpr` outside the United Kingdom (the EEA and " + keys(adequateUK) +
		" covered by UK adequacy regulations); `pdpl` out of Vietnam (`vn-pdpl-20`).\n")
	return b.String()
}

func ids(xs []string) string {
	if len(xs) == 0 {
		return "–"
	}
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = "`" + x + "`"
	}
	return strings.Join(out, ", ")
}

func orDash(s string) string {
	if s == "" {
		return "–"
	}
	return "`" + s + "`"
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

func exception(r *Rules) string {
	switch {
	case r.Exception != nil:
		x := r.Exception
		return fmt.Sprintf("`%s` (`%s` / `%s`)", x.ID, x.OwnSimilar, x.Notice)
	case r.Implied != nil:
		return "none; implied consent `" + r.Implied.ID + "`"
	}
	return "none"
}

func inquirers(r *Rules) string {
	switch {
	case r.Exception != nil && r.Exception.Negotiations:
		return "yes (negotiations for a sale)"
	case r.Implied != nil && r.Implied.Inquiries:
		return "yes (inquiry, 6 months)"
	}
	return "no"
}

func survey(s Survey) string {
	out := s.Rule
	if s.Contested {
		out += ", contested"
	}
	if len(s.Refs) > 0 {
		out += " " + ids(s.Refs)
	}
	return out
}

func purchased(r *Rules) string {
	if r.PurchasedBan != "" {
		return "prohibited `" + r.PurchasedBan + "`"
	}
	return "consent"
}

func keys(m map[string]bool) string {
	var out []string
	for _, c := range []string{"AD", "AR", "CA", "CH", "FO", "GB", "GG", "GI", "IL", "IM", "JP", "JE", "NZ", "KR", "UY"} {
		if m[c] {
			out = append(out, c)
		}
	}
	return strings.Join(out, ", ")
}
