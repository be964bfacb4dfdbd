package law

// Regime is the data-protection law a controller is established under; it
// decides the notice's citations and what counts as a transfer abroad.
type Regime string

// The regimes Basis writes notices under.
const (
	// GDPR: Regulation (EU) 2016/679, for a controller in the EEA, and for
	// others offering goods to people in the EU (Art. 3(2)).
	GDPR Regime = "gdpr"
	// UKGDPR: the UK GDPR with the Data Protection Act 2018.
	UKGDPR Regime = "ukgdpr"
	// PDPL: Vietnam's Law No. 91/2025/QH15 on Personal Data Protection with
	// Decree No. 356/2025/ND-CP.
	PDPL Regime = "pdpl"
)

// Regimes lists the regimes Basis writes notices under.
var Regimes = []Regime{GDPR, UKGDPR, PDPL}

// RegimeOf returns the regime of a controller established in country.
func RegimeOf(country string) Regime {
	switch {
	case country == "VN":
		return PDPL
	case IsUK(country):
		return UKGDPR
	}
	return GDPR
}

// RegimeRules are the provisions of one regime that verdicts and documents
// cite; "" where the regime has none.
type RegimeRules struct {
	Regime Regime
	// Contract is the basis for processing needed to perform a contract.
	Contract string
	// LegitimateInterests is the legitimate-interests basis; "" where the
	// regime has none (Vietnam).
	LegitimateInterests string
	// ConsentProof is the rule that consent must be demonstrable.
	ConsentProof string
	// Objection is the right to object to direct marketing, including
	// profiling related to it.
	Objection string
	// Separate is the rule that where the e-privacy exception applies,
	// the regime's lawfulness conditions are not applied in addition.
	Separate []string
	// Transfer lists the transfer rules, adequacy first.
	Transfer []string
	// ConsentContent lists the conditions (message ids) a consent must meet
	// beyond being recorded.
	ConsentContent []string
	// Source lists the rules on informing people whose data were not
	// obtained from them: the source, at the first communication at the
	// latest.
	Source []string
}

var regimes = map[Regime]RegimeRules{
	GDPR: {Regime: GDPR, Contract: "gdpr-6-1-b", LegitimateInterests: "gdpr-6-1-f", ConsentProof: "gdpr-7-1",
		Objection: "gdpr-21-2-3", Separate: []string{"gdpr-95", "cjeu-c-654-23"},
		Transfer: []string{"gdpr-45", "gdpr-44-46", "gdpr-13-1-f"}, Source: []string{"gdpr-14-2-f", "gdpr-14-3"}},
	UKGDPR: {Regime: UKGDPR, Contract: "uk-gdpr-6-1-b", LegitimateInterests: "uk-gdpr-6-1-f", ConsentProof: "uk-gdpr-7-1",
		Objection: "uk-gdpr-21-2-3", Transfer: []string{"uk-gdpr-45", "uk-gdpr-44-46"},
		Source: []string{"uk-gdpr-14-2-f", "uk-gdpr-14-3"}},
	// Consent names the data, the purpose, the controller and the person's
	// rights (Art. 9 Law No. 91/2025/QH15).
	PDPL: {Regime: PDPL, Contract: "vn-pdpl-19-1-d", ConsentProof: "vn-pdpl-9", Transfer: []string{"vn-pdpl-20"},
		ConsentContent: []string{"check.cond.vn-consent-content"}},
}

// Of returns the provisions of regime g under the default law.
func Of(g Regime) RegimeRules { return Default().Of(g) }
