package render

import (
	"slices"
	"strings"

	"github.com/basis-privacy/basis/generator/check"
	"github.com/basis-privacy/basis/generator/law"
	"github.com/basis-privacy/basis/generator/locale"
	"github.com/basis-privacy/basis/generator/model"
)

// notice is the view of a privacy notice: the company's purposes grouped the
// way Art. 13 GDPR asks for them.
type notice struct {
	Interests []*model.Purpose // purposes on legitimate interests (Art. 13(1)(d))
	Consents  []*model.Purpose // purposes on consent (Art. 13(2)(c))
	Marketing []Marketing      // purposes with direct marketing, with the rule of each market
	// Objection is the sentence on objecting to direct marketing, one per
	// wording the markets' acts give it (objectionSentences).
	Objection  []string
	Required   []*model.Purpose   // purposes whose data is a statutory or contractual requirement (Art. 13(2)(e))
	Processors []*model.Recipient // recipients acting on the company's behalf
	Others     []*model.Recipient // recipients that are controllers themselves
	Transfers  []*model.Recipient // recipients abroad under the company's law (Art. 13(1)(f))
	// Bases states, for a marketing purpose not on consent, its basis in
	// each market (by purpose id): the existing-customer exception where
	// the verdict rests on it, never legitimate interests in its place.
	Bases map[string][]string
	// Exception marks the purposes on legitimate interests whose marketing
	// rests on the exception or consent in every market: no legitimate
	// interest is stated for them (Art. 13(1)(d) does not apply).
	Exception map[string]bool
	// Extra lists the company's extra sections by the standard section
	// each follows (model.Section.After).
	Extra map[string][]Extra
	// Home: the notice's regime is that of the controller's establishment.
	// Authorities are where a complaint under it may go (the company's own
	// authority: when it names one); Residence the authorities of the
	// customers' other states under it (Art. 77 GDPR); Land: customers in
	// Germany complain to their Land's authority. Abroad are the
	// authorities of customers in countries whose data-protection law Basis
	// does not apply. Representative is the controller's representative
	// under it (Art. 27), where it reaches the controller only through its
	// customers.
	Home           bool
	Authorities    []*Authority
	Residence      []*Authority
	Land           bool
	Abroad         []*Authority
	Representative *model.Contact
	// Children: a purpose, form or campaign is aimed at children.
	Children bool
	// SafeguardCopy: a transfer rests on a safeguard of which a copy can be
	// had (standard clauses, binding corporate rules), not on adequacy
	// alone; never under Law No. 91/2025/QH15, which knows no such copy.
	SafeguardCopy bool
	// Regimes are the regimes that apply to the customers of some markets
	// besides the notice's own, each with what it adds for them.
	Regimes []RegimeNotice
}

// Extra is an extra section of the company; N numbers it in the order the
// company file lists its sections (its anchor is section-N).
type Extra struct {
	N int
	*model.Section
}

// Marketing is one purpose's direct marketing with a sentence per market the
// company writes to, made from the verdict on that marketing in the market.
type Marketing struct {
	Purpose *model.Purpose
	Consent bool // the purpose rests on consent: one sentence for every market
	Rules   []MarketRule
	// Offers names what the messages advertise (the business's offers:).
	Offers string
}

// MarketRule is the rule of one market, ready to print.
type MarketRule struct {
	Market law.Market
	Text   string
}

func newNotice(p *locale.Printer, res *check.Result) *notice {
	c := res.Company
	n := &notice{Bases: map[string][]string{}, Exception: map[string]bool{}, Extra: map[string][]Extra{}}
	primary := res.Regimes[0]
	n.Home, n.Land = primary.Home, primary.Land
	n.Authorities = authorities(p, c, primary)
	n.Residence, n.Abroad = named(p, primary.Residence, true), named(p, primary.Abroad, true)
	if !primary.Home {
		n.Representative = representative(c, primary.Regime)
	}
	n.Children = aimedAtChildren(c)
	for _, g := range res.Regimes[1:] {
		n.Regimes = append(n.Regimes, regimeNotice(p, res, g))
	}
	for i := range c.Sections {
		s := &c.Sections[i]
		after := s.After
		if after == "" {
			after = model.DefaultAfter
		}
		n.Extra[after] = append(n.Extra[after], Extra{N: i + 1, Section: s})
	}
	for i := range c.Purposes {
		pu := &c.Purposes[i]
		switch pu.Basis {
		case model.LegitimateInterests:
			if res.Purposes[pu.ID].RestsOnInterests {
				n.Interests = append(n.Interests, pu)
			} else {
				n.Exception[pu.ID] = true
			}
		case model.Consent:
			n.Consents = append(n.Consents, pu)
		}
		if pu.Marketing != nil {
			m := marketing(p, res, pu)
			n.Marketing = append(n.Marketing, m)
			if len(m.Rules) > 0 {
				n.Bases[pu.ID] = marketingBases(p, res, pu)
			}
			if sel := res.Purposes[pu.ID].Selection; len(sel) > 0 && len(n.Bases[pu.ID]) > 0 {
				// The exception carries the sending only; choosing the
				// offers from other data rests on legitimate interests.
				n.Bases[pu.ID] = append(n.Bases[pu.ID], p.T("notice.purpose.basis.selection",
					"Data", joinData(p, c, sel), "Cite", p.T("cite."+string(res.Regime())+".legitimate_interests")))
			}
		}
		if pu.Requirement != "" {
			n.Required = append(n.Required, pu)
		}
	}
	var ms []law.Market
	for _, m := range n.Marketing {
		for _, r := range m.Rules {
			if !slices.Contains(ms, r.Market) {
				ms = append(ms, r.Market)
			}
		}
	}
	n.Objection = objectionSentences(p, string(primary.Regime), ms)
	for i := range c.Recipients {
		rc := &c.Recipients[i]
		if rc.Role == "processor" {
			n.Processors = append(n.Processors, rc)
		} else {
			n.Others = append(n.Others, rc)
		}
		if res.Transfer(rc.Country) {
			n.Transfers = append(n.Transfers, rc)
			n.SafeguardCopy = n.SafeguardCopy || (primary.Regime != law.PDPL && (rc.Safeguard == "scc" || rc.Safeguard == "bcr"))
		}
	}
	return n
}

// marketing states the rule of each market for a purpose's marketing, from
// the verdict check gives on it there.
func marketing(p *locale.Printer, res *check.Result, pu *model.Purpose) Marketing {
	m := Marketing{Purpose: pu, Consent: pu.Basis == model.Consent, Offers: offers(p, res.Company, pu.Marketing.Business)}
	if m.Consent {
		return m
	}
	for _, o := range res.Purposes[pu.ID].Marketing {
		m.Rules = append(m.Rules, MarketRule{Market: o.Market, Text: marketingSentence(p, res.Law, o)})
	}
	return m
}

// marketingBases names the basis of a purpose's marketing in each market,
// from the verdicts: the exception with its provisions, or the basis with
// its citation under the market's law.
func marketingBases(p *locale.Printer, res *check.Result, pu *model.Purpose) []string {
	var out []string
	for _, o := range res.Purposes[pu.ID].Marketing {
		b := basisLabel(p, o)
		if b == "" {
			continue
		}
		out = append(out, p.T("notice.purpose.basis.market", "Market", marketName(p, o.Market), "Basis", b))
	}
	return out
}

// marketingSentence states in p's language what an Outcome on marketing to
// existing customers means for the reader in its market, citing the
// market's own provisions (the national transposition of Art. 13 Directive
// 2002/58/EC where Basis knows it, with the directive): the exception and
// its basis (as CJEU C-654/23 puts it: Art. 6(1) GDPR is not applied in
// addition, Art. 95 GDPR), consent with its provision, a rule allowing the
// message until the reader refuses (CAN-SPAM), legitimate interests, or
// implied consent. Consent is cited by the market's rule for the channel
// check found (check.Outcome.ConsentRule); lw gives the citations of the
// regime the basis is cited under.
func marketingSentence(p *locale.Printer, lw *law.Law, o check.Outcome) string {
	in := customersIn(p, o.Market)
	switch {
	case o.Exception != "":
		s := p.T("notice.marketing.rule.exception", "In", in, "Refs", cites(p, o.Terms.Basis))
		if sep := o.Terms.Separate; len(sep) > 0 {
			s += " " + p.T("notice.marketing.rule.separate", "Refs", cites(p, sep))
		}
		return s + homeSentence(p, lw, o)
	case o.Verdict == check.ConsentRequired:
		return consentSentence(p, in, o.ConsentRule)
	case o.OptOut():
		return p.T("notice.marketing.rule.opt-out", "In", in, "Refs", cites(p, []string{o.OptOutRef()})) + homeSentence(p, lw, o)
	case o.Verdict == check.Allowed && o.Implied():
		return p.T("notice.marketing.rule.implied", "In", in, "Refs", cites(p, []string{o.ImpliedRef()})) + homeSentence(p, lw, o)
	case o.Verdict == check.Allowed && o.Basis == model.LegitimateInterests:
		return p.T("notice.marketing.rule.li", "In", in, "Refs", cites(p, []string{lw.Of(o.Regime).LegitimateInterests}))
	}
	return consentSentence(p, in, o.ConsentRule)
}

// homeSentence adds, to the sentence on a market whose data-protection law
// Basis does not apply, the basis the processing rests on under the
// controller's own regime (Art. 3(1) GDPR): legitimate interests, with the
// right to object; "" where the verdict names none.
func homeSentence(p *locale.Printer, lw *law.Law, o check.Outcome) string {
	if o.Basis != model.LegitimateInterests || o.Regime == "" || o.MarketRegime != "" {
		return ""
	}
	return " " + p.T("notice.marketing.rule.home-li", "Scope", cites(p, []string{law.ScopeRef(o.Regime)}),
		"Refs", cites(p, []string{lw.Of(o.Regime).LegitimateInterests}))
}

// consentSentence says that marketing goes out only with the reader's
// consent, under rule where there is one.
func consentSentence(p *locale.Printer, in, rule string) string {
	if rule == "" {
		return p.T("notice.marketing.rule.consent-only", "In", in)
	}
	return p.T("notice.marketing.rule.consent", "In", in, "Refs", cites(p, []string{rule}))
}

// cites prints reference ids in p's language.
func cites(p *locale.Printer, ids []string) string {
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = p.T("ref." + id)
	}
	return strings.Join(out, "; ")
}
