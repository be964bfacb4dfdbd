package law

import "slices"

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
	// consent rule (Canada), or the market's rule on advertising messages
	// that a message promoting nothing is outside of (Switzerland, the
	// United States: no data-protection law of theirs is applied), where
	// the market has one; ServiceReason says so (a reason message id) and
	// ServiceCond is what such electronic messages must still meet ("" for
	// nothing).
	ServiceExempt []string
	ServiceReason string
	ServiceCond   string
	// ContractOnly: without consent, only what the contract needs (no
	// legitimate interests), so after-sales messages are confined to it.
	ContractOnly bool
	// Post and Phone judge marketing letters and calls.
	Post  Channel
	Phone Channel
	// Identify lists the rules that a marketing message must identify its
	// sender and give a valid address for an objection (Art. 13(4)
	// Directive 2002/58/EC and its national forms).
	Identify []string
	// Business is how the market treats recipients at business addresses.
	Business Business
	// Spam lists the duties of every advertising e-mail or text message
	// beyond identifying the sender, as condition message ids (Vietnam:
	// a refusal function at its end, and sending stops on refusal).
	Spam []string
	// Refusal lists, by channel (email, sms), the provisions that require
	// every advertising message to end with a way to refuse further ones
	// and sending to stop on refusal, where the market has such a rule of
	// its own (Vietnam: Decree No. 91/2020/ND-CP); the form that asks for
	// consent says so beside the address.
	Refusal map[string][]string
	// OptOut is a rule that allows electronic advertising without consent
	// until the recipient refuses it (the United States: the CAN-SPAM Act
	// for e-mail); nil where the market has none.
	OptOut *OptOut
	// Baseline names the fact groups for which the market applies the EU
	// baseline's rule because Basis has not verified its own: GroupMarketing
	// (the whole rule on electronic mail: the market's rules are the EU
	// baseline's), GroupB2B, GroupPhone, GroupPost. Check says so.
	Baseline []string
	// Unverified names the fact groups whose national rule is applied as
	// secondary sources give it, not verified against the act's text (an
	// exception's conditions; Switzerland's and the United States' channels,
	// which have no EU baseline to fall back on). Check says so.
	Unverified []string
}

// The fact groups of a market's rules, as Baseline and Unverified name
// them.
const (
	GroupMarketing = "marketing"
	GroupException = "exception"
	GroupB2B       = "b2b"
	GroupPhone     = "phone"
	GroupPost      = "post"
)

// IsBaseline reports whether the market's rule on electronic mail is the EU
// baseline's, its own being unverified: its verdicts are given in the EU
// baseline's row.
func (r *Rules) IsBaseline() bool { return slices.Contains(r.Baseline, GroupMarketing) }

// OptOut is a rule that allows electronic advertising without consent until
// the recipient refuses further messages.
type OptOut struct {
	// ID is the provision.
	ID string
	// Channels are the channels it covers (email); the others follow the
	// consent rule.
	Channels []string
	// Reason is the reason message id of a verdict resting on it.
	Reason string
	// Conds are the condition message ids every such message meets.
	Conds []string
	// Other is the reason message id for an electronic channel it does not
	// cover (text messages in the United States: the TCPA).
	Other string
}

// Cond is a condition a national rule adds: a condition message id with its
// provision.
type Cond struct {
	ID, Ref string
}

// BusinessEmail is how a market's rule on electronic marketing treats
// recipients at business addresses.
type BusinessEmail string

// How business recipients of electronic mail are treated.
const (
	// EmailAsConsumers: the consent rule covers them as it covers consumers
	// (Germany: § 7(2) Nr. 2 UWG protects every market participant;
	// Poland: art. 398 PKE every end user).
	EmailAsConsumers BusinessEmail = ""
	// EmailNotCovered: the consent rule protects individual subscribers
	// only (UK: PECR reg. 22(1)); corporate subscribers are written to on
	// legitimate interests with the right to object, the sender identified.
	EmailNotCovered BusinessEmail = "not-covered"
	// EmailNational: the directive leaves legal persons to national law
	// (Art. 13(5) Directive 2002/58/EC): the baseline gives the safe answer.
	EmailNational BusinessEmail = "national"
)

// Business is how a market treats recipients at business addresses.
type Business struct {
	Email BusinessEmail
	// Reason is the reason message id for business recipients of
	// electronic mail where Email is not EmailAsConsumers; Refs its
	// provisions.
	Reason string
	Refs   []string
	// SoleTradersIndividual: for electronic mail, sole traders are
	// individual subscribers, protected as consumers are (PECR reg. 2;
	// natural persons under Art. 13(5) Directive 2002/58/EC).
	SoleTradersIndividual bool
	// PhonePresumed is the provision under which marketing calls to
	// businesses (sole traders included) need only their presumed consent
	// (§ 7(2) Nr. 1 UWG); "" where calls to businesses follow the general
	// rule.
	PhonePresumed string
	// Published is the provision that implies consent for an electronic
	// address a business person conspicuously published, for messages
	// relevant to their role (CASL s. 10(9)(b)); "" where there is none.
	Published string
	// Cond is a condition of writing to business recipients without
	// consent where Email is EmailNotCovered (Ireland: an address used
	// mainly for business, a message about that business only); "" for
	// none.
	Cond Cond
	// CustomersByException: existing customers at business addresses are
	// judged by the existing-customer exception, which protects them as
	// it protects consumers, before the rule for business recipients
	// (Netherlands: art. 11.7(4) Tw covers every end user).
	CustomersByException bool
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
	// NoticeCond is the message id that words that condition where the
	// market's act words it otherwise than "at no cost other than the
	// transmission at basic rates" (§ 7(3) Nr. 4 UWG, PECR reg. 22(3)(c));
	// "" for check.cond.objection-at-collection.
	NoticeCond string
	// Customer is the condition that the sender obtained the address from
	// the customer in the context of a sale (§ 7(3) Nr. 1 UWG): addresses
	// taken over with a business, bought or rented do not qualify.
	Customer string
	// NotObjected is the condition that the customer has not objected:
	// a suppression list checked before every sending.
	NotObjected string
	// Negotiations: people who only asked about buying count, because the
	// details were obtained in "negotiations for the sale" (PECR reg. 22(3)).
	Negotiations bool
	// Basis lists what the notice cites as the basis of marketing under
	// the exception (with the regime's Separate: Art. 6(1) is not applied
	// in addition).
	Basis []string
	// CaseLaw lists judgments the verdict cites.
	CaseLaw []string
	// Conds are the conditions the market's form of the exception adds
	// (Austria: the ECG list, § 174 Abs. 4 Z 4 TKG 2021; Ireland: a sale in
	// the 12 months before, reg. 13(11) S.I. No. 336 of 2011).
	Conds []Cond
}

// Implied is consent implied by an existing business relationship.
type Implied struct {
	ID string // the provision
	// Inquiries: an inquiry creates the relationship too.
	Inquiries bool
	// PurchaseMonths and InquiryMonths are how long the relationship lasts:
	// a purchase (or a contract, counted from its end) within the two years
	// before the message, an inquiry within the six months before it (CASL
	// s. 10(10)(a), (d), (e) and (14)).
	PurchaseMonths, InquiryMonths int
	// Acquired is the provision that carries the seller's relationships
	// over to the buyer of a business, in respect of that business (CASL
	// s. 10(12)); "" where the market has none.
	Acquired string
	// Identify lists the rules on identification and unsubscribe.
	Identify []string
}

// Survey is how a market judges a satisfaction survey sent by email or SMS.
type Survey struct {
	// Rule: "exception" (advertising: the existing-customer exception or
	// consent), "consent", "research" (not marketing if genuine research),
	// "implied" (implied consent), "opt-out" (the market's OptOut rule:
	// allowed until the recipient refuses).
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
	// Contested: consent is the safe answer to a question Basis has not
	// settled (a channel rule it has not verified).
	Contested bool
}

// Advertises reports whether a survey is judged as advertising.
func (s Survey) Advertises() bool { return s.Rule != "research" }

// For returns the rules of market m under the default law (see Default).
func For(m Market) *Rules { return Default().For(m) }

// HasException reports whether m has an existing-customer exception under
// the default law.
func HasException(m Market) bool { return Default().HasException(m) }
