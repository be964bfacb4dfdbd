package law

import "slices"

// Applied is a data-protection regime that applies to a company's
// processing, for all of its customers or for those of some markets.
type Applied struct {
	Regime Regime
	// Home: the regime of the controller's establishment, which covers all
	// its processing (Art. 3(1) GDPR and UK GDPR; Art. 1(2)(a) Law No.
	// 91/2025/QH15).
	Home bool
	// Markets are the markets whose customers bring the regime to bear on a
	// controller established elsewhere; nil for the home regime.
	Markets []Market
	// Reason is the provision that makes the regime apply (a reference id).
	Reason string
}

// homeRegime returns the regime of a controller established in country, and
// false where Basis knows none (outside the EEA, the UK and Vietnam).
func homeRegime(country string) (Regime, bool) {
	switch {
	case country == "VN":
		return PDPL, true
	case IsUK(country):
		return UKGDPR, true
	case InEEA(country):
		return GDPR, true
	}
	return "", false
}

// reasons names the provision that makes each regime apply, at home and to
// a controller established elsewhere: establishment (Art. 3(1) GDPR, Art.
// 3(1) UK GDPR, Art. 1(2)(a) Law No. 91/2025/QH15) and offering goods or
// services to people there (Art. 3(2)(a) GDPR, Art. 3(2)(a) UK GDPR; Law
// No. 91/2025/QH15 Art. 1(2)(c): foreign organisations processing the data
// of Vietnamese citizens).
var reasons = map[Regime][2]string{
	GDPR:   {"gdpr-3-1", "gdpr-3-2-a"},
	UKGDPR: {"uk-gdpr-3-1", "uk-gdpr-3-2-a"},
	PDPL:   {"vn-pdpl-1-2-a", "vn-pdpl-1-2-c"},
}

// Home returns the data-protection regime of a controller established in
// country, which applies to all its processing wherever its customers are
// (ScopeRef), and false for a controller established where Basis applies
// no regime (Switzerland, the United States, Canada).
func Home(country string) (Regime, bool) { return homeRegime(country) }

// ScopeRef is the provision that makes regime g apply to a controller
// established under it (Art. 3(1) GDPR and UK GDPR; Law No. 91/2025/QH15
// Art. 1(2)(a)), or "" for an unknown regime.
func ScopeRef(g Regime) string { return reasons[g][0] }

// Applicable says which data-protection regimes apply to a controller
// established in controller that writes to customers in markets: its home
// regime for everyone, and each other market's regime for that market's
// customers (a German shop's UK customers bring in the UK GDPR; a Vietnamese
// exporter's Polish customers the GDPR). The first entry is the regime the
// documents are written under: the home regime, or for a controller Basis
// knows no regime for, the regime of its first market (the GDPR when it has
// none it knows). Canada's market brings in no regime (Basis applies CASL
// only).
func (l *Law) Applicable(controller string, markets []Market) []Applied {
	var out []Applied
	home, ok := homeRegime(controller)
	if ok {
		out = append(out, Applied{Regime: home, Home: true, Reason: reasons[home][0]})
	}
	for _, m := range markets {
		g := l.For(m).Regime
		if g == "" || (ok && g == home) {
			continue
		}
		i := slices.IndexFunc(out, func(a Applied) bool { return a.Regime == g })
		if i < 0 {
			out = append(out, Applied{Regime: g, Reason: reasons[g][1]})
			i = len(out) - 1
		}
		out[i].Markets = append(out[i].Markets, m)
	}
	if len(out) == 0 {
		out = append(out, Applied{Regime: GDPR, Reason: reasons[GDPR][1]})
	}
	return out
}

// Applicable is Applicable under the default law.
func Applicable(controller string, markets []Market) []Applied {
	return Default().Applicable(controller, markets)
}

// Primary is the regime the documents of a controller in controller writing
// to markets are written under (the first of Applicable).
func Primary(controller string, markets []Market) Regime {
	return Applicable(controller, markets)[0].Regime
}
