package check

import (
	"github.com/basis-privacy/basis/generator/law"
	"github.com/basis-privacy/basis/generator/model"
)

// governing is the data-protection regime whose lawfulness rules govern the
// processing for the market's customers: the market's own, or, in a market
// whose data-protection law Basis does not apply (Switzerland, the United
// States, Canada), the controller's home regime, which applies to all its
// processing wherever its customers are (Art. 3(1) GDPR and UK GDPR; Law
// No. 91/2025/QH15 Art. 1(2)(a)); "" when neither applies.
func (v *verdict) governing() law.Regime {
	if v.l.Regime != "" {
		return v.l.Regime
	}
	return v.s.Home
}

// home gives a message the market's own rule allows a legal basis under the
// controller's home regime, where that regime governs a market whose
// data-protection law Basis does not apply. The market's rule (art. 3 para.
// 1 lit. o UWG, the CAN-SPAM Act, CASL's implied consent) says whether the
// message may go out there; it transposes no Directive 2002/58/EC, so Art.
// 95 GDPR does not set Art. 6(1) GDPR aside (CJEU C-654/23 concerns the
// directive's own exception). Under the GDPR and the UK GDPR the basis is
// legitimate interests, with the right to object (Recital 47, Art.
// 6(1)(f), 21(2) GDPR); Vietnamese law has no such basis, so the message
// needs the person's consent. A contract, and consent given, keep their
// basis, cited under the home regime.
func (v *verdict) home() {
	g := v.s.Home
	if v.l.Regime != "" || g == "" || v.o.Verdict != Allowed {
		return
	}
	rg := v.law.Of(g)
	switch {
	case v.o.Basis == model.Contract:
		v.refs(rg.Contract)
	case v.o.Basis == model.Consent && !v.o.Implied():
	case rg.LegitimateInterests == "":
		advertising := v.o.Advertising
		v.o = Outcome{Market: v.s.Market, Regime: g, Advertising: advertising, Reasons: v.o.Reasons, Refs: v.o.Refs}
		v.reason("check.reason.home-consent", law.ScopeRef(g), rg.ConsentProof)
		v.set(ConsentRequired, model.Consent)
	default:
		v.reason("check.reason.home-li", law.ScopeRef(g), rg.LegitimateInterests)
		v.cond("check.cond.objection-offered", rg.LegitimateInterests, rg.Objection)
		v.o.Basis = model.LegitimateInterests
	}
}
