package check

import (
	"github.com/basis-privacy/basis/generator/law"
	"github.com/basis-privacy/basis/generator/model"
)

// Result is what check decided about one company, for the documents: the
// law it judged by, the facts it derived once for each campaign and
// purpose, and the verdicts. Package render formats a Result; it decides
// nothing of its own.
type Result struct {
	Company *model.Company
	Law     *law.Law
	// Regimes are the data-protection regimes that apply, the one the
	// documents are written under first (law.Applicable), each with where
	// its people complain.
	Regimes []Regime
	// Campaigns are the company's campaigns in file order, each with its
	// facts and its verdicts.
	Campaigns []*Campaign
	// Purposes holds, by purpose id, what check found of each purpose.
	Purposes map[string]*Purpose
	// Forms are the company's forms in file order, each field with the
	// texts the law asks for beside it.
	Forms []*Form
	// Findings are the company's findings, in the order of the report,
	// the accepted warnings marked (for the client report).
	Findings []Finding
}

// Campaign is one campaign with the facts its verdicts were made from.
type Campaign struct {
	*model.Campaign
	Purpose *model.Purpose // the purpose it runs under; nil when the id names none
	// Business is the business whose customers it addresses: the
	// audience's, or the company's only business; "" when not known.
	Business string
	// Promotes is the business whose products it promotes: its promotes:,
	// or Business.
	Promotes string
	// OwnBusiness: it promotes nothing, or the products of Business.
	OwnBusiness bool
	// Similar says whether what it promotes is similar to what its
	// recipients bought; nil when the file does not say. SimilarReason is
	// why, as the file says it.
	Similar       *bool
	SimilarReason model.Text
	// Origin is how the recipients' addresses were obtained ("" when the
	// file does not say).
	Origin model.Source
	// Collected is the purpose the address the campaign uses was collected
	// for: the contract purpose that collects it where the customers gave it
	// in a sale, else the campaign's own purpose; nil when no purpose says.
	Collected *model.Purpose
	// OnConsent: the campaign runs on its purpose's consent, recorded for
	// each recipient.
	OnConsent bool
	// Outcomes are its verdicts, one per market in the order of Markets.
	Outcomes []Outcome
}

// Purpose is what check found of one purpose.
type Purpose struct {
	*model.Purpose
	// Marketing are the verdicts on the marketing the purpose describes
	// (its marketing: entry), one per market of the notice; nil without
	// marketing. The notice's marketing section is made from them.
	Marketing []Outcome
	// RestsOnInterests: the purpose rests on legitimate interests (the
	// notice states the interest, Art. 13(1)(d) GDPR), which a purpose on
	// legitimate interests does unless its marketing rests on the
	// existing-customer exception everywhere and uses no more than the
	// address and the name.
	RestsOnInterests bool
	// Selection lists the data a marketing purpose evaluates to choose what
	// it sends (e.g. the order history): where the existing-customer
	// exception carries the sending, that evaluation is further processing
	// with its own basis, legitimate interests (CJEU C-654/23 covers the use
	// of the address only; Art. 6(1)(f), 13(1)(d), 21(2) GDPR).
	Selection []string
}

// Regime is a data-protection regime that applies to the company, with the
// supervisory authorities its notice names for the people it covers.
type Regime struct {
	law.Applied
	// Authorities are the authorities to name: the controller's own where
	// the regime is its home (Art. 13(2)(d) GDPR), else those of the
	// customers' countries (Art. 77: in particular the state of habitual
	// residence); none where Basis cannot tell.
	Authorities []law.Authority
	// Residence are, under the home regime, the authorities of the
	// customers' other states under it (Art. 77 GDPR: the state of habitual
	// residence), in the order of the markets.
	Residence []law.Authority
	// Land: customers in Germany complain to the authority of their Land,
	// which Basis cannot tell from the controller's file.
	Land bool
	// Abroad are, for the first regime only, the authorities of the
	// customers in countries whose data-protection law Basis does not apply
	// (Switzerland, the United States, Canada), which apply their own law.
	Abroad []law.Authority
}

// Regime is the regime the documents are written under.
func (r *Result) Regime() law.Regime { return r.Regimes[0].Regime }

// Campaign returns the campaign with id, or nil.
func (r *Result) Campaign(id string) *Campaign {
	for _, c := range r.Campaigns {
		if c.ID == id {
			return c
		}
	}
	return nil
}

// Outcomes returns every verdict of the company, campaign by campaign.
func (r *Result) Outcomes() []Outcome {
	var out []Outcome
	for _, c := range r.Campaigns {
		out = append(out, c.Outcomes...)
	}
	return out
}

// Transfer reports whether sending personal data to a recipient in country
// is a transfer abroad under the controller's regime (law.Abroad): the
// notice's transfers and the record's ask check, as check's own
// transfer.no-safeguard rule does.
func (r *Result) Transfer(country string) bool { return law.Abroad(r.Company.Country, country) }
