package check

import (
	"slices"

	"github.com/basis-privacy/basis/generator/law"
	"github.com/basis-privacy/basis/generator/model"
)

// regimes says which data-protection regimes apply to c and where the people
// each covers complain: to the controller's own authority under its home
// regime, and to the authority of their own country (Art. 77 GDPR and UK
// GDPR: in particular the state of habitual residence; Art. 4(1)(đ) Law No.
// 91/2025/QH15 with the authority specialised in personal data protection):
// for the customers of a regime that reaches the controller through them,
// its Authorities; for the customers in other states of its home regime,
// Residence. Customers in a country whose data-protection law Basis does
// not apply (Switzerland, the United States, Canada) are told of that
// country's authority too, in the first regime's Abroad.
func regimes(l *law.Law, c *model.Company) []Regime {
	var out []Regime
	for _, a := range l.Applicable(c.Country, c.Markets) {
		g := Regime{Applied: a}
		if a.Home {
			own, sure := law.AuthorityFor(c.Country, c.Controller.Address)
			if sure == law.Sure {
				g.Authorities = append(g.Authorities, own)
			}
			for _, m := range c.Markets {
				if l.For(m).Regime == a.Regime && law.Country(string(m)) != law.Country(c.Country) {
					g.Residence = g.residence(m, g.Residence)
				}
			}
			out = append(out, g)
			continue
		}
		for _, m := range a.Markets {
			g.Authorities = g.residence(m, g.Authorities)
		}
		out = append(out, g)
	}
	for _, m := range law.Markets {
		if m != law.EU && slices.Contains(c.Markets, m) && l.For(m).Regime == "" {
			out[0].Abroad = out[0].residence(m, out[0].Abroad)
		}
	}
	return out
}

// residence adds to as the authority of customers in market m: in Germany
// the Land's (Land), which Basis cannot tell from the controller's file; for
// the EU baseline none (another member state: the text names the rule).
func (g *Regime) residence(m law.Market, as []law.Authority) []law.Authority {
	switch m {
	case law.DE:
		g.Land = true
		return as
	case law.EU:
		return as
	}
	k, sure := law.AuthorityFor(string(m), "")
	if sure != law.Sure || slices.ContainsFunc(as, func(a law.Authority) bool { return a.Key == k.Key }) ||
		slices.ContainsFunc(g.Authorities, func(a law.Authority) bool { return a.Key == k.Key }) {
		return as
	}
	return append(as, k)
}
