package law

// Law is the law Basis applies: the rules of every market and the
// provisions of every regime. A Law is a value: it is never changed once
// made, so checks may run in parallel, each with the law it was given. The
// default law is the table in table.go; With gives a changed copy, for the
// tests that prove the documents follow a change of the law and for what-if
// runs.
//
//	pl := law.Default().With(law.PL, func(r *law.Rules) { r.NoException = "" })
//	pl.For(law.PL) // the changed rules; law.Default() is as it was
type Law struct {
	markets map[Market]*Rules
	regimes map[Regime]RegimeRules
}

// defaultLaw is the law as Basis ships it: the markets of table.go, and
// every other country's rules made from the national table.
var defaultLaw = &Law{markets: allMarkets(), regimes: regimes}

func allMarkets() map[Market]*Rules {
	out := make(map[Market]*Rules, len(Markets))
	for _, m := range Markets {
		if r, ok := table[m]; ok {
			out[m] = r
			continue
		}
		n, _ := NationalOf(string(m))
		out[m] = national(n)
	}
	return out
}

// Default returns the law as Basis ships it.
func Default() *Law { return defaultLaw }

// For returns the rules of market m. For of an unknown market panics, as
// that is a programming error (markets are checked when a file is loaded).
// The rules are shared: read them, never change them (see With).
func (l *Law) For(m Market) *Rules {
	r, ok := l.markets[m]
	if !ok {
		panic("law: unknown market " + string(m))
	}
	return r
}

// Of returns the provisions of regime g.
func (l *Law) Of(g Regime) RegimeRules { return l.regimes[g] }

// HasException reports whether m has an existing-customer exception.
func (l *Law) HasException(m Market) bool { return l.For(m).Exception != nil }

// With returns a copy of l in which market m's rules are changed by edit;
// l itself is unchanged.
func (l *Law) With(m Market, edit func(*Rules)) *Law {
	changed := *l.For(m)
	edit(&changed)
	next := &Law{markets: make(map[Market]*Rules, len(l.markets)), regimes: l.regimes}
	for k, v := range l.markets {
		next.markets[k] = v
	}
	next.markets[m] = &changed
	return next
}
