package check

import (
	"github.com/basis-privacy/basis/generator/law"
	"github.com/basis-privacy/basis/generator/model"
)

// regimes says which data-protection regimes apply to c and where the people
// each covers complain: to the controller's own authority under its home
// regime, to the authority of their own country under a regime that reaches
// the controller through them (Art. 77 GDPR and UK GDPR; Art. 4(1)(đ) Law
// No. 91/2025/QH15 with the authority specialised in personal data
// protection).
func regimes(l *law.Law, c *model.Company) []Regime {
	var out []Regime
	for _, a := range l.Applicable(c.Country, c.Markets) {
		g := Regime{Applied: a}
		if a.Home {
			if k, sure := law.AuthorityFor(c.Country, c.Controller.Address); sure == law.Sure {
				g.Authorities = append(g.Authorities, k)
			}
			out = append(out, g)
			continue
		}
		for _, m := range a.Markets {
			switch {
			case m == law.DE:
				g.Land = true
			case m == law.EU:
				// Another member state: the text names the rule only.
			default:
				if k, sure := law.AuthorityFor(string(m), ""); sure == law.Sure && !hasAuthority(g.Authorities, k) {
					g.Authorities = append(g.Authorities, k)
				}
			}
		}
		out = append(out, g)
	}
	return out
}

func hasAuthority(as []law.Authority, k law.Authority) bool {
	for _, a := range as {
		if a.Key == k.Key {
			return true
		}
	}
	return false
}
