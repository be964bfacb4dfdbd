package law

import (
	"fmt"
	"strings"
)

// NationalMarkdown writes the national table (every country's marketing
// rule, authority and Art. 8 age, with what each was checked against) as
// RULES.md carries it between <!-- national:begin --> and
// <!-- national:end -->; TestNationalTable keeps the two the same.
func NationalMarkdown() string {
	var b strings.Builder
	b.WriteString("| state | regime | e-mail and SMS | existing-customer exception | B2B | phone | post | age (Art. 8 GDPR or equivalent) | authority | verified: marketing / authority / age |\n")
	b.WriteString("|---|---|---|---|---|---|---|---|---|---|\n")
	for _, n := range Nationals() {
		m := n.Marketing
		fmt.Fprintf(&b, "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s / %s / %s |\n",
			n.Country, orDash(string(n.Regime)), emailRule(m), nationalException(m.Exception), b2bCell(m.B2B),
			channelCell(m.Phone), channelCell(m.Post), ageCell(n.Age), authorityCell(n),
			yesNo(m.Verified && (m.Exception == nil || m.Exception.Verified)), authorityVerified(n), yesNo(n.Age.Verified))
	}
	b.WriteString("\n\"(unverified)\" marks a rule that was not checked against the act's text, an official page or the authority's own page; " +
		"check warns where a verdict rests on one. Notes and sources, per state (read on the date given, through stored copies):\n\n")
	for _, n := range Nationals() {
		writeNotes(&b, n)
	}
	return b.String()
}

func emailRule(m Marketing) string {
	rule := "consent "
	if m.OptOut {
		rule = "opt-out "
	}
	return rule + ids(m.Consent) + unverified(m.Verified)
}

func nationalException(x *NationalException) string {
	if x == nil {
		return "none"
	}
	out := "`" + x.ID + "`"
	var conds []string
	if x.Negotiations {
		conds = append(conds, "negotiations for a sale count")
	}
	if x.WithinMonths > 0 {
		conds = append(conds, fmt.Sprintf("sale within %d months", x.WithinMonths))
	}
	if x.OptOutList != "" {
		conds = append(conds, "not on the list of `"+x.OptOutList+"`")
	}
	if x.LegalPersons {
		conds = append(conds, "legal persons too")
	}
	if len(conds) > 0 {
		out += "; " + strings.Join(conds, "; ")
	}
	return out + unverified(x.Verified)
}

func b2bCell(x B2B) string {
	out := string(x.Rule)
	if len(x.Refs) > 0 {
		out += " " + ids(x.Refs)
	}
	return out + unverified(x.Verified || x.Rule == B2BUnknown)
}

func channelCell(c NationalChannel) string {
	out := string(c.Rule)
	if c.Register != "" {
		out += " (" + c.Register + ")"
	}
	if len(c.Refs) > 0 {
		out += " " + ids(c.Refs)
	}
	return out + unverified(c.Verified || c.Rule == ChannelUnknown)
}

func ageCell(a ChildAge) string {
	out := "none fixed"
	if a.Age > 0 {
		out = fmt.Sprint(a.Age)
	}
	return out + " " + ids(a.Refs) + unverified(a.Verified)
}

func authorityCell(n National) string {
	if n.Authority == "" {
		return "the Land's authority (postcode, `authority_de.go`)"
	}
	a := nationalAuthorities[n.Authority]
	return a.LocalName() + ", " + a.Website
}

// authorityVerified says whether n's authority was verified; Germany's are
// the Länder's, each marked in authority_de.go.
func authorityVerified(n National) string {
	if n.Authority == "" {
		return "per Land"
	}
	return yesNo(n.AuthorityVerified)
}

func unverified(ok bool) string {
	if ok {
		return ""
	}
	return " (unverified)"
}

// writeNotes writes one state's notes and sources as a list item.
func writeNotes(b *strings.Builder, n National) {
	m := n.Marketing
	fmt.Fprintf(b, "- **%s**: %s.", n.Country, m.Note)
	for _, part := range []struct{ what, note string }{
		{"B2B", m.B2B.Note}, {"Phone", m.Phone.Note}, {"Post", m.Post.Note}, {"Age", n.Age.Note},
	} {
		if part.note != "" {
			fmt.Fprintf(b, " %s: %s.", part.what, part.note)
		}
	}
	if len(n.Sources) == 0 {
		b.WriteString(" Sources: none read.\n")
		return
	}
	b.WriteString(" Sources:")
	for i, s := range n.Sources {
		sep := ";"
		if i == len(n.Sources)-1 {
			sep = "."
		}
		fmt.Fprintf(b, " %s, %s, %s (%s)%s", s.Facts, s.Kind, s.URL, s.Checked, sep)
	}
	b.WriteString("\n")
}
