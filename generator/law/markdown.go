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
	b.WriteString("| market | rules from | regime | consent rule | existing-customer exception (own similar / notice) | conditions it adds | inquirers count | surveys | business e-mail | calls | letters | legitimate interests | purchased data | not verified |\n")
	b.WriteString("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n")
	for _, m := range Markets {
		r := For(m)
		fmt.Fprintf(&b, "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n",
			m, rulesFrom(r), orDash(string(r.Regime)), ids(r.Consent), exception(r), condsCell(r), inquirers(r), survey(r.Survey),
			businessCell(r.Business), channelRule(r.Phone), channelRule(r.Post),
			yesNo(r.LegitimateInterests), purchased(r), notVerified(r))
	}
	b.WriteString("\nTransfers abroad (`law.Abroad`), judged from the controller's regime: `gdpr` outside the EEA " +
		"(adequacy: " + keys(adequateGDPR) + "); `ukgdpr` outside the United Kingdom (the EEA and " + keys(adequateUK) +
		" covered by UK adequacy regulations); `pdpl` out of Vietnam (`vn-pdpl-20`).\n")
	return b.String()
}

// rulesFrom says where a market's rules come from.
func rulesFrom(r *Rules) string {
	switch {
	case r.IsBaseline():
		return "EU baseline (own rule not verified)"
	case table[r.Market] != nil:
		return "`table.go`"
	}
	return "national table"
}

func condsCell(r *Rules) string {
	if r.Exception == nil || len(r.Exception.Conds) == 0 {
		return "–"
	}
	var out []string
	for _, c := range r.Exception.Conds {
		out = append(out, "`"+c.ID+"` (`"+c.Ref+"`)")
	}
	return strings.Join(out, ", ")
}

func businessCell(x Business) string {
	out := "as consumers"
	switch x.Email {
	case EmailNotCovered:
		out = "not covered " + ids(x.Refs)
		if x.Cond.ID != "" {
			out += " if `" + x.Cond.ID + "`"
		}
		if x.CustomersByException {
			out += "; existing customers under the exception"
		}
	case EmailNational:
		out = "consent (national law decides, contested) " + ids(x.Refs)
	}
	if x.PhonePresumed != "" {
		out += "; calls on presumed consent `" + x.PhonePresumed + "`"
	}
	if x.Published != "" {
		out += "; published address `" + x.Published + "`"
	}
	return out
}

func channelRule(c Channel) string {
	out := "consent"
	if c.Allowed {
		out = "allowed"
	}
	if c.Contested {
		out += ", contested"
	}
	if len(c.Refs) > 0 {
		out += " " + ids(c.Refs)
	}
	if c.ExtraCond != "" {
		out += " if `" + c.ExtraCond + "`"
	}
	return out
}

func notVerified(r *Rules) string {
	var out []string
	for _, g := range r.Baseline {
		if g != GroupMarketing {
			out = append(out, g+" (EU baseline applied)")
		}
	}
	for _, g := range r.Unverified {
		out = append(out, g+" (applied as secondary sources give it)")
	}
	if len(out) == 0 {
		return "–"
	}
	return strings.Join(out, "; ")
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
	case r.OptOut != nil:
		return "none; opt-out `" + r.OptOut.ID + "` (" + strings.Join(r.OptOut.Channels, ", ") + ")"
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
