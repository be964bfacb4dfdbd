package check

import (
	"slices"

	"github.com/basis-privacy/basis/generator/law"
	"github.com/basis-privacy/basis/generator/model"
)

// noticeMarkets returns the markets a company's notice speaks to: the ones
// its file names (UK written once), in the order of law.Markets, each with
// its own sentence (a state whose own rules Basis has not verified with the
// EU baseline's), or the market of its establishment when it names none it
// knows.
func noticeMarkets(c *model.Company) []law.Market {
	var out []law.Market
	for _, m := range law.Markets {
		if slices.Contains(c.Markets, m) {
			out = append(out, m)
		}
	}
	if len(out) == 0 {
		if m, ok := law.MarketOf(c.Country); ok {
			out = append(out, m)
		}
	}
	return out
}

// purposes records, once, what the documents need of each purpose: the
// verdicts on its marketing and whether it rests on legitimate interests.
func (ck *checker) purposes() {
	for i := range ck.c.Purposes {
		p := &ck.c.Purposes[i]
		ck.res.Purposes[p.ID] = &Purpose{Purpose: p, Marketing: ck.standing(p), Selection: selection(p)}
		ck.res.Purposes[p.ID].RestsOnInterests = restsOnInterests(ck.law, ck.res.Purposes[p.ID])
	}
}

// standing judges the marketing a purpose describes (its marketing: entry)
// in each market of noticeMarkets: advertising of the marketed business's
// own products, similar to those bought, to the customers it sold them to,
// on the purpose's channel, with the purpose's objection notices (each
// campaign states its own similarity and recipients, and is judged on them). The notice's marketing section is made
// from these Outcomes, so it says what the verdicts say. It returns nil for
// a purpose without marketing.
func (ck *checker) standing(p *model.Purpose) []Outcome {
	m := p.Marketing
	if m == nil {
		return nil
	}
	own := true
	var outs []Outcome
	for _, mk := range noticeMarkets(ck.c) {
		s := situation{
			Market: mk, Kind: model.Advertising, Who: model.ExistingCustomers, Channel: m.Channel,
			OwnBusiness: true, Similar: &own, SimilarReasoned: true, Origin: model.FromSale, Type: model.Consumers,
			PurposeBasis:          p.Basis,
			ObjectionAtCollection: m.ObjectionAtCollection, UnsubscribeInEvery: m.UnsubscribeInEveryMessage,
			Campaign: p.ID, Business: m.Business, Promotes: m.Business,
		}
		s.Home, _ = law.Home(ck.c.Country)
		outs = append(outs, ck.judge(s))
	}
	return outs
}

// restsOnInterests reports whether a purpose on legitimate interests rests
// on them: always, unless it is marketing that the existing-customer
// exception carries (which is then the basis, Art. 95 GDPR and CJEU
// C-654/23) in some market and legitimate interests in none.
//
// A rule of a country whose data-protection law Basis does not apply (art.
// 3 para. 1 lit. o UWG, the CAN-SPAM Act) allows the message under that
// country's law, but is no basis under a regime the controller brings in
// (Art. 3(1) GDPR): there the purpose's legitimate interests remain its
// basis, and the notice states them.
func restsOnInterests(l *law.Law, p *Purpose) bool {
	if len(p.Selection) > 0 && p.Basis == model.LegitimateInterests {
		return true
	}
	exception := false
	for _, o := range p.Marketing {
		foreign := o.OptOut() || o.Exception != "" && l.For(o.Market).Regime == ""
		if o.Basis == model.LegitimateInterests || foreign && p.Basis == model.LegitimateInterests {
			return true
		}
		exception = exception || o.Exception != ""
	}
	return p.Basis == model.LegitimateInterests && !exception
}

// sendingData are the data a marketing message needs to reach its
// recipient: the name and the channel's address.
var sendingData = []string{"name", "email", "phone", "postal_address"}

// selection lists the data a marketing purpose processes beyond what
// sending needs: the data it evaluates to choose its offers.
func selection(p *model.Purpose) []string {
	if p.Marketing == nil || p.Basis == model.Consent {
		return nil
	}
	var out []string
	for _, d := range p.Data {
		if !slices.Contains(sendingData, d) {
			out = append(out, d)
		}
	}
	return out
}
