package law

// Rules is the law of one market for messages to its recipients. Every
// provision is a reference id (ref.<id> in locales/refs.*.yaml).
type Rules struct {
	Market Market
	// Regime is the data-protection law of the market's recipients; "" for
	// Canada, whose privacy law Basis does not apply.
	Regime Regime
	// Consent lists the provisions that require prior consent for
	// electronic marketing; the first is the rule itself.
	Consent []string
	// ConsentNeeded is the reason message id that says consent is needed
	// where the exception does not apply: "prior consent" (Art. 13(1)
	// Directive 2002/58/EC), or "prior express consent" in Germany (§ 7(2)
	// Nr. 2 UWG).
	ConsentNeeded string
	// Exception is the existing-customer exception; nil where the market
	// has none (NoException then says why, as a reason message id).
	Exception   *Exception
	NoException string
	// Implied is consent implied by an existing business relationship
	// (Canada); nil elsewhere.
	Implied *Implied
	// LegitimateInterests reports whether the market's law knows a
	// legitimate-interests basis (not in Vietnam: Law No. 91/2025/QH15).
	LegitimateInterests bool
	// Survey is how a satisfaction survey by email or SMS is judged.
	Survey Survey
	// PurchasedBan is the provision prohibiting the purchase of personal
	// data, where one does; consent does not cure it.
	PurchasedBan string
	// AdInService is the authority for "advertising in a service message
	// makes it advertising", where the market has one of its own.
	AdInService []string
	// Service lists what service messages cite besides the contract.
	Service []string
	// ServiceExempt is the exemption of transactional messages from the
	// consent rule (Canada), where the market has one.
	ServiceExempt []string
	// ContractOnly: without consent, only what the contract needs (no
	// legitimate interests), so after-sales messages are confined to it.
	ContractOnly bool
	// Post and Phone judge marketing letters and calls.
	Post  Channel
	Phone Channel
}

// Exception is the existing-customer exception of Art. 13(2) Directive
// 2002/58/EC in the form a market gives it.
type Exception struct {
	// ID is the provision; it is what an Outcome names when it rests on it.
	ID string
	// OwnSimilar is the condition "own similar products or services".
	OwnSimilar string
	// Notice is the condition that objection is offered at collection and
	// in every message.
	Notice string
	// Negotiations: people who only asked about buying count, because the
	// details were obtained in "negotiations for the sale" (PECR reg. 22(3)).
	Negotiations bool
	// Basis lists what the notice cites as the basis of marketing under
	// the exception (with the regime's Separate: Art. 6(1) is not applied
	// in addition).
	Basis []string
	// CaseLaw lists judgments the verdict cites.
	CaseLaw []string
}

// Implied is consent implied by an existing business relationship.
type Implied struct {
	ID string // the provision
	// Inquiries: an inquiry creates the relationship too.
	Inquiries bool
	// Identify lists the rules on identification and unsubscribe.
	Identify []string
}

// Survey is how a market judges a satisfaction survey sent by email or SMS.
type Survey struct {
	// Rule: "exception" (advertising: the existing-customer exception or
	// consent), "consent", "research" (not marketing if genuine research),
	// "implied" (implied consent).
	Rule      string
	Contested bool
	Reason    string   // reason message id
	Refs      []string // authorities
}

// Channel is how a market judges marketing letters or calls to customers.
type Channel struct {
	// Allowed: without consent (legitimate interests, right to object).
	Allowed bool
	Reason  string   // reason message id
	Refs    []string // authorities
	// Extra is a national condition: a reason and a condition message id
	// with their provision.
	ExtraReason, ExtraCond, ExtraRef string
}

// Advertises reports whether a survey is judged as advertising.
func (s Survey) Advertises() bool { return s.Rule != "research" }

// For returns the rules of market m under the default law (see Default).
func For(m Market) *Rules { return Default().For(m) }

// HasException reports whether m has an existing-customer exception under
// the default law.
func HasException(m Market) bool { return Default().HasException(m) }
