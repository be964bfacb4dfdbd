package check

import (
	"slices"
	"time"

	"github.com/basis-privacy/basis/generator/law"
	"github.com/basis-privacy/basis/generator/model"
)

// Recipient is the record of one contact an Eligibility is evaluated over:
// the columns of the contact file `basis audience --contacts` reads.
type Recipient struct {
	ID string
	// Country is where the contact lives (ISO 3166-1; UK is read as GB).
	Country string
	// Relationship is customer, inquirer or prospect; "" when not known.
	Relationship string
	// Business is the id of the business the contact bought from or asked.
	Business string
	// Source is how the address was obtained; "" when not known, which
	// for a customer reads as sale and for an inquirer as inquiry, as the
	// company file reads an audience without source:.
	Source model.Source
	// Type is consumer, business or sole_trader; "" reads as consumer, as
	// the company file reads an audience without type:.
	Type string
	// LastPurchase is the day of the last purchase, or the day the last
	// contract ended; LastInquiry the day of the last inquiry. Zero: none.
	LastPurchase, LastInquiry time.Time
	// Consents are the consents recorded, each with its purpose and the day
	// it was given.
	Consents []ConsentRecord
	// Objected: the contact objected to marketing, unsubscribed or
	// withdrew consent (the suppression list).
	Objected bool
	// OptOutRegister: the number or address is on a national opt-out
	// register for the campaign's channel that the sender must respect (the
	// UK's Telephone Preference Service for calls, Austria's ECG list for
	// e-mail).
	OptOutRegister bool
}

// ConsentRecord is one recorded consent.
type ConsentRecord struct {
	Purpose string    // purpose id of the company file
	Since   time.Time // the day it was given; zero: not recorded
}

// source is the record's source, or what its relationship implies.
func (r *Recipient) source() string {
	switch {
	case r.Source != "":
		return string(r.Source)
	case r.Relationship == "customer":
		return string(model.FromSale)
	case r.Relationship == "inquirer":
		return string(model.FromInquiry)
	}
	return ""
}

// contactType is the record's type, consumer when blank.
func (r *Recipient) contactType() string {
	if r.Type == "" {
		return "consumer"
	}
	return r.Type
}

// value is the record's value of a text field.
func (r *Recipient) value(f RecordField) string {
	switch f {
	case FieldCountry:
		return law.Country(r.Country)
	case FieldRelationship:
		return r.Relationship
	case FieldBusiness:
		return r.Business
	case FieldSource:
		return r.source()
	case FieldType:
		return r.contactType()
	}
	return ""
}

// Covers reports whether the rule is the one for the contact's country.
func (e *Eligibility) Covers(r *Recipient) bool {
	return slices.Contains(e.Countries, law.Country(r.Country))
}

// Unmet returns the ids of the Select conditions the contact's record does
// not meet for a sending on the day asOf, in the rule's order; for a rule
// that lets nobody through, UnmetNotAllowed. None: the contact may receive
// the campaign, once the attestations hold.
func (e *Eligibility) Unmet(r *Recipient, asOf time.Time) []string {
	var out []string
	for i := range e.Select {
		if !e.Select[i].Holds(r, asOf) {
			out = append(out, e.Select[i].ID)
		}
	}
	if e.Nobody {
		out = append(out, UnmetNotAllowed)
	}
	return out
}

// Holds reports whether a Select condition holds of the record for a
// sending on the day asOf.
func (c *Condition) Holds(r *Recipient, asOf time.Time) bool {
	if len(c.Countries) > 0 && !slices.Contains(c.Countries, law.Country(r.Country)) {
		return true
	}
	x := c.Expr
	switch x.Op {
	case OpIn:
		return slices.Contains(x.Values, r.value(x.Field))
	case OpNotIn:
		return !slices.Contains(x.Values, r.value(x.Field))
	case OpWithinMonths:
		d := r.LastPurchase
		if x.Field == FieldLastInquiry {
			d = r.LastInquiry
		}
		return within(d, x.Months, asOf)
	case OpConsent:
		return slices.ContainsFunc(r.Consents, func(k ConsentRecord) bool {
			return k.Purpose == x.Purpose && !k.Since.IsZero() && !day(k.Since).After(day(asOf))
		})
	case OpFalse:
		if x.Field == FieldOptOutRegister {
			return !r.OptOutRegister
		}
		return !r.Objected
	}
	return false
}

// within reports whether day d is on or before asOf and no more than n
// months before it ("within the two-year period immediately before the day
// on which the message was sent", CASL s. 10(10)).
func within(d time.Time, n int, asOf time.Time) bool {
	if d.IsZero() {
		return false
	}
	d, asOf = day(d), day(asOf)
	return !d.After(asOf) && !d.Before(asOf.AddDate(0, -n, 0))
}

// day is t's calendar day, at midnight UTC.
func day(t time.Time) time.Time { return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC) }

// Decision is what a campaign's rules say of one contact.
type Decision struct {
	// Market is the market whose rule covers the contact; "" for none.
	Market law.Market
	// Unmet are the ids of the conditions the contact does not meet
	// (UnmetNoMarket when no rule covers it); none: it may receive the
	// campaign.
	Unmet []string
}

// Eligible reports whether the contact may receive the campaign.
func (d Decision) Eligible() bool { return len(d.Unmet) == 0 }

// Decide applies the rule of the contact's country among rules (one
// campaign's, one per market) for a sending on the day asOf.
func Decide(rules []*Eligibility, r *Recipient, asOf time.Time) Decision {
	for _, e := range rules {
		if e.Covers(r) {
			return Decision{Market: e.Market, Unmet: e.Unmet(r, asOf)}
		}
	}
	return Decision{Unmet: []string{UnmetNoMarket}}
}

// Rules returns the eligibility rules of the campaign's verdicts, one per
// market.
func (c *Campaign) Rules() []*Eligibility {
	out := make([]*Eligibility, 0, len(c.Outcomes))
	for _, o := range c.Outcomes {
		if o.Eligibility != nil {
			out = append(out, o.Eligibility)
		}
	}
	return out
}
