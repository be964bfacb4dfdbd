package check

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/basis-privacy/basis/generator/law"
	"github.com/basis-privacy/basis/generator/model"
)

// Eligibility is who may receive one campaign in one market: the verdict as
// a rule a CRM or an e-mail service applies to each contact. A contact in
// one of Countries may receive the campaign when every Select condition
// holds of its record (Recipient); the Attest conditions are what a person
// confirms before sending, because no record shows them (a survey that is
// genuine research, a message that promotes nothing, the sender named in
// the template). Nobody: the verdict is not_allowed, and no contact in the
// market may receive the campaign.
//
// A rule never reaches beyond the audience the verdict was given for: the
// campaign's relationship, business, source and recipient type are Select
// conditions, so a list built by another team for a broader purpose is cut
// back to the people the verdict covers.
//
//	e := o.Eligibility // Outcome of butcher-opening in DE
//	e.Select[i].ID      // "country", "relationship", "business", "source", "type", "consent", "not-objected"
//	e.Unmet(&Recipient{Country: "DE", Relationship: "customer", Business: "bakery"}, today)
//	                    // ["consent"]: no consent to shop_news is recorded
type Eligibility struct {
	Market law.Market
	// Countries are the contacts' countries the rule covers (ISO 3166-1,
	// GB for the United Kingdom): the market's own, or for the EU baseline
	// the states it stands for (CountriesOf).
	Countries []string
	Channel   string
	Verdict   Verdict
	// Contested: the verdict is the safe answer to an unsettled question.
	Contested bool
	Nobody    bool
	Select    []Condition
	Attest    []Condition
	// Reasons are the verdict's reasons, for a rule that lets nobody
	// through.
	Reasons []Message
}

// CondKind says whether a condition is checked against a contact's record
// or confirmed by a person.
type CondKind string

// The kinds of condition.
const (
	Select CondKind = "select"
	Attest CondKind = "attest"
)

// Condition is one condition of an Eligibility.
type Condition struct {
	// ID is a stable key: one of the Cond* constants for a Select
	// condition; for an attestation, the verdict condition's message id
	// without "check.cond." (sender-identified, genuine-research, ...).
	ID   string
	Kind CondKind
	// Expr is the predicate a Select condition applies to the record.
	Expr Expr
	// Countries limits a Select condition to contacts in these countries
	// (a national rule inside a market's rule); empty: all of the rule's.
	Countries []string
	// Msg says what the condition asks, for people.
	Msg  Message
	Refs []string
	// Unverified: the condition comes from national law data Basis has not
	// verified against the act's text; it is applied as the safe answer.
	Unverified bool
}

// Base is the condition's id without the country a national condition
// names after a dot (national-recency.IE is national-recency).
func (c Condition) Base() string {
	base, _, _ := strings.Cut(c.ID, ".")
	return base
}

// RecordField is a field of the recipient record (Recipient), named as the
// contact file's column.
type RecordField string

// The fields of the recipient record.
const (
	FieldCountry        RecordField = "country"
	FieldRelationship   RecordField = "relationship"
	FieldBusiness       RecordField = "business"
	FieldSource         RecordField = "source"
	FieldType           RecordField = "type"
	FieldLastPurchase   RecordField = "last_purchase"
	FieldLastInquiry    RecordField = "last_inquiry"
	FieldConsents       RecordField = "consents"
	FieldObjected       RecordField = "objected"
	FieldOptOutRegister RecordField = "opt_out_register"
)

// Fields lists the fields of the recipient record in the order of the
// contact file's columns (id first, which no condition reads).
var RecordFields = []RecordField{FieldCountry, FieldRelationship, FieldBusiness, FieldSource, FieldType,
	FieldLastPurchase, FieldLastInquiry, FieldConsents, FieldObjected, FieldOptOutRegister}

// Op is a predicate of a Select condition: the closed set a rule uses.
type Op string

// The predicates.
const (
	// OpIn: the field's value is one of Values.
	OpIn Op = "in"
	// OpNotIn: the field's value is none of Values (a blank value is none).
	OpNotIn Op = "not_in"
	// OpWithinMonths: the date field is on or before the day of sending and
	// no more than Months months before it.
	OpWithinMonths Op = "within_months"
	// OpConsent: a consent to Purpose is recorded, dated on or before the
	// day of sending.
	OpConsent Op = "has_consent"
	// OpFalse: the yes-or-no field is no (or blank).
	OpFalse Op = "is_false"
)

// Ops lists the predicates.
var Ops = []Op{OpIn, OpNotIn, OpWithinMonths, OpConsent, OpFalse}

// Expr is the predicate of a Select condition.
type Expr struct {
	Field   RecordField
	Op      Op
	Values  []string // OpIn, OpNotIn
	Months  int      // OpWithinMonths
	Purpose string   // OpConsent: a purpose id of the company file
}

// The ids of the Select conditions.
const (
	CondCountry         = "country"
	CondPurchaseBan     = "purchase-ban"
	CondRelationship    = "relationship"
	CondBusiness        = "business"
	CondSource          = "source"
	CondType            = "type"
	CondPurchaseRecency = "purchase-recency"
	CondInquiryRecency  = "inquiry-recency"
	CondNationalRecency = "national-recency"
	CondNationalList    = "national-register"
	CondCampaignRecency = "campaign-recency"
	CondConsent         = "consent"
	CondNotObjected     = "not-objected"
	CondOptOutRegister  = "opt-out-register"
)

// SelectIDs lists the ids of the Select conditions in the order a rule
// lists them.
var SelectIDs = []string{CondCountry, CondPurchaseBan, CondRelationship, CondBusiness, CondSource, CondType,
	CondPurchaseRecency, CondInquiryRecency, CondNationalRecency, CondCampaignRecency, CondConsent,
	CondNotObjected, CondOptOutRegister, CondNationalList}

// What a contact's decision names besides unmet conditions.
const (
	// UnmetNoMarket: no market of the company covers the contact's country.
	UnmetNoMarket = "no-market"
	// UnmetNotAllowed: the campaign may not be sent in the contact's market.
	UnmetNotAllowed = "not-allowed"
)

// AttestBusinessUnknown is the attestation of a rule whose campaign does not
// say whose customers it addresses, where the company has several businesses.
const AttestBusinessUnknown = "business-unknown"

// condClass is how a verdict condition (its message id) enters a rule: the
// Select conditions that check it on the record, and whether a person must
// also confirm it (what the record cannot show).
type condClass struct {
	selects []string
	attest  bool
}

// condClasses classifies every condition a verdict can name: the closed set
// of TestConditionsClassified. A new condition is unclassified until it is
// added here.
var condClasses = map[string]condClass{
	"check.cond.consent-recorded":           {selects: []string{CondConsent}},
	"check.cond.not-objected":               {selects: []string{CondNotObjected}},
	"check.cond.ca-ebr":                     {selects: []string{CondPurchaseRecency}},
	"check.cond.ca-acquired":                {selects: []string{CondPurchaseRecency}, attest: true},
	"check.cond.ca-inquiry":                 {selects: []string{CondInquiryRecency}},
	"check.cond.address-from-sale":          {selects: []string{CondSource, CondBusiness}},
	"check.cond.address-from-sale-uk":       {selects: []string{CondSource, CondBusiness}},
	"check.cond.objection-offered":          {selects: []string{CondNotObjected}, attest: true},
	"check.cond.post-no-refusal":            {selects: []string{CondNotObjected}, attest: true},
	"check.cond.uk-tps":                     {selects: []string{CondOptOutRegister, CondNotObjected}, attest: true},
	"check.cond.contract-link":              {attest: true},
	"check.cond.after-sales-content":        {attest: true},
	"check.cond.no-promotion":               {attest: true},
	"check.cond.vn-contract-only":           {attest: true},
	"check.cond.ca-identify-unsubscribe":    {attest: true},
	"check.cond.genuine-research":           {attest: true},
	"check.cond.own-similar":                {attest: true},
	"check.cond.objection-at-collection":    {attest: true},
	"check.cond.at-objection-at-collection": {attest: true},
	"check.cond.objection-every-message":    {attest: true},
	"check.cond.notice-mentions":            {attest: true},
	"check.cond.source-info":                {attest: true},
	"check.cond.vn-consent-content":         {attest: true},
	"check.cond.consent-names-sender":       {attest: true},
	"check.cond.sender-identified":          {attest: true},
	"check.cond.vn-refusal-function":        {attest: true},
	"check.cond.vn-stop-on-refusal":         {attest: true},
	"check.cond.presumed-consent":           {attest: true},
	"check.cond.ca-published":               {attest: true},
	"check.cond.children-consent":           {attest: true},
	// The conditions a national rule adds: the exception's own limits are
	// selected by the national conditions (ruleBuilder.national) and
	// confirmed by a person; a register for calls or letters as the TPS is.
	"check.cond.at-ecg-list":             {attest: true},
	"check.cond.ie-sale-12-months":       {attest: true},
	"check.cond.at-robinson":             {attest: true},
	"check.cond.ie-business-address":     {attest: true},
	"check.cond.nl-designated-address":   {attest: true},
	"check.cond.us-identified":           {attest: true},
	"check.cond.us-opt-out":              {selects: []string{CondNotObjected}, attest: true},
	"check.cond.ch-asterisk":             {selects: []string{CondOptOutRegister, CondNotObjected}, attest: true},
	"check.cond.it-register":             {selects: []string{CondOptOutRegister, CondNotObjected}, attest: true},
	"check.cond.it-register-post":        {selects: []string{CondOptOutRegister, CondNotObjected}, attest: true},
	"check.cond.children-no-profiling":   {attest: true},
	"check.cond.vn-child-representative": {attest: true},
}

// ClassifiedConditions lists the verdict conditions an eligibility rule
// knows, sorted.
func ClassifiedConditions() []string { return slices.Sorted(maps.Keys(condClasses)) }

// Relationships lists the values of the record's relationship field, and
// ContactTypes those of its type field.
var (
	Relationships = []string{"customer", "inquirer", "prospect"}
	ContactTypes  = []string{"consumer", "business", "sole_trader"}
)

// relationshipOf is the record's relationship for a campaign's audience.
func relationshipOf(w model.Who) string {
	switch w {
	case model.ExistingCustomers:
		return "customer"
	case model.Inquirers:
		return "inquirer"
	}
	return "prospect"
}

// contactType is the record's type for a campaign's recipient type.
func contactType(t model.RecipientType) string {
	switch t {
	case model.BusinessContacts:
		return "business"
	case model.SoleTraders:
		return "sole_trader"
	}
	return "consumer"
}

// CountriesOf returns the contacts' countries whose messages the verdict in
// market m on c's campaigns governs, sorted: the market's own country; for
// the EU baseline the EEA states of c's markets whose own rules Basis has
// not verified (law.Rules.IsBaseline), and, where c lists EU, every EEA
// state c does not name.
func CountriesOf(l *law.Law, c *model.Company, m law.Market) []string {
	if m != law.EU {
		return []string{law.Country(string(m))}
	}
	eu := slices.Contains(c.Markets, law.EU)
	var out []string
	for _, code := range slices.Sorted(maps.Keys(law.EEA)) {
		mk, ok := law.ParseMarket(code)
		named := ok && slices.Contains(c.Markets, mk)
		if named && l.For(mk).IsBaseline() || !named && eu {
			out = append(out, code)
		}
	}
	return out
}

// String writes the rule compactly, for logs and test failures:
// "DE consent_required [country in DE; consent has_consent shop_news] attest [sender-identified]".
func (e *Eligibility) String() string {
	if e == nil {
		return "<nil>"
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s %s", e.Market, e.Verdict)
	if e.Nobody {
		b.WriteString(" nobody")
	}
	b.WriteString(" [")
	for i, c := range e.Select {
		if i > 0 {
			b.WriteString("; ")
		}
		fmt.Fprintf(&b, "%s %s %s", c.ID, c.Expr.Field, c.Expr.Op)
		switch c.Expr.Op {
		case OpIn, OpNotIn:
			fmt.Fprintf(&b, " %s", strings.Join(c.Expr.Values, ","))
		case OpWithinMonths:
			fmt.Fprintf(&b, " %d", c.Expr.Months)
		case OpConsent:
			fmt.Fprintf(&b, " %s", c.Expr.Purpose)
		}
	}
	b.WriteString("] attest [")
	for i, c := range e.Attest {
		if i > 0 {
			b.WriteString("; ")
		}
		b.WriteString(c.ID)
	}
	b.WriteString("]")
	return b.String()
}
