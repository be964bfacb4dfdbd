package render

import (
	"slices"

	"github.com/basis-privacy/basis/generator/check"
	"github.com/basis-privacy/basis/generator/law"
	"github.com/basis-privacy/basis/generator/locale"
	"github.com/basis-privacy/basis/generator/model"
)

// reviewer fills the checklist of one campaign from the facts and Outcomes
// check found for it. Every item that depends on the law is made from an
// Outcome, and cites the provisions the market's law names; the render
// package decides no law itself.
type reviewer struct {
	p    *locale.Printer
	c    *model.Company
	law  *law.Law
	f    *check.Campaign
	k    *model.Campaign
	pur  *model.Purpose
	outs []check.Outcome // the campaign's, one per market
	reg  law.Regime      // the controller's
}

// review fills the checklist for one campaign of res. Every answer says
// where it comes from; what the file cannot tell is marked open.
func review(p *locale.Printer, res *check.Result, k *check.Campaign) Review {
	c := res.Company
	rw := &reviewer{p: p, c: c, law: res.Law, f: k, k: k.Campaign, pur: k.Purpose, outs: k.Outcomes,
		reg: res.Regime()}
	rv := Review{Campaign: k.Campaign, Name: k.Name.In(p.Lang())}
	if rv.Name == "" {
		rv.Name = k.ID
	}
	rv.Groups = []Group{rw.classify(), rw.purpose(), rw.data(), rw.exception(), rw.consent(), rw.sending(), rw.document()}
	regime := rw.marketsRegime()
	for _, g := range rv.Groups {
		for i := range g.Items {
			it := &g.Items[i]
			if q := "checklist.item." + it.Key + "." + string(regime); regime != "" && p.Has(q) {
				it.Question = p.T(q)
			}
			if it.State == Open {
				rv.Open++
			}
		}
	}
	for _, o := range rw.outs {
		rv.Markets = append(rv.Markets, rw.market(o))
	}
	return rv
}

// marketsRegime is the regime of every market the campaign is judged in
// where they share one, else "": a question its law words otherwise
// (Decree No. 91/2020/ND-CP's refusal, not an objection) is asked so.
func (rw *reviewer) marketsRegime() law.Regime {
	var g law.Regime
	for i, o := range rw.outs {
		r := o.MarketRegime
		if i > 0 && r != g {
			return ""
		}
		g = r
	}
	return g
}

// cite prints reference ids.
func (rw *reviewer) cite(ids ...string) []string {
	var out []string
	for _, id := range ids {
		if id != "" {
			out = append(out, rw.p.T("ref."+id))
		}
	}
	return out
}

// byRegime cites GDPR provisions in the form of the controller's regime
// (law.Cite).
func (rw *reviewer) byRegime(gdpr ...string) []string {
	var ids []string
	for _, id := range gdpr {
		ids = appendNew(ids, law.Cite(rw.reg, id))
	}
	return rw.cite(ids...)
}

// basisRefs cites the legal bases the verdicts rest on, in the
// controller's law: the contract, or legitimate interests.
func (rw *reviewer) basisRefs() []string {
	var ids []string
	for _, o := range rw.outs {
		switch o.Basis {
		case model.Contract:
			ids = appendNew(ids, "gdpr-6-1-b")
		case model.LegitimateInterests:
			ids = appendNew(ids, "gdpr-6-1-f")
		}
	}
	return rw.byRegime(ids...)
}

// advertising reports whether any market judges the campaign as advertising.
func (rw *reviewer) advertising() bool {
	return slices.ContainsFunc(rw.outs, func(o check.Outcome) bool { return o.Advertising })
}

// service reports whether the campaign is a transactional or after-sales
// message.
func (rw *reviewer) service() bool {
	return rw.k.Kind == model.Transactional || rw.k.Kind == model.AfterSales
}

// promotesNothing reports whether the message promotes no products: a
// service message without promotion, or a survey no market judges as
// advertising.
func (rw *reviewer) promotesNothing() bool {
	if rw.service() {
		return !rw.k.Promotion
	}
	return rw.k.Kind == model.SatisfactionSurvey && !rw.advertising()
}

// audience is the business whose customers the campaign addresses.
func (rw *reviewer) audience() string { return rw.f.Business }

// promotes is the business whose products the campaign promotes.
func (rw *reviewer) promotes() string { return rw.f.Promotes }

func (rw *reviewer) name(b string) string {
	if x := rw.c.BusinessByID(b); x != nil {
		return x.Name.In(rw.p.Lang())
	}
	return b
}

func yesNo(ok bool) State {
	if ok {
		return Yes
	}
	return No
}

// marketRefs collects, for every market judged, the references f picks from
// its Outcome.
func (rw *reviewer) marketRefs(f func(check.Outcome) []string) []string {
	var ids []string
	for _, o := range rw.outs {
		for _, id := range f(o) {
			if !slices.Contains(ids, id) {
				ids = append(ids, id)
			}
		}
	}
	return rw.cite(ids...)
}

func (rw *reviewer) classify() Group {
	p, k := rw.p, rw.k
	kind := Item{Key: "kind", State: Noted, Answer: []string{p.T("checklist.kind." + string(k.Kind))}}
	if rw.service() && !k.Promotion {
		kind.Refs = rw.basisRefs()
	} else {
		// The rule the message falls under as marketing: an opt-out rule
		// where one covers the channel (CAN-SPAM for e-mail), else the
		// consent rule (check.Outcome.Rule).
		kind.Refs = rw.marketRefs(func(o check.Outcome) []string { return []string{o.Rule} })
	}
	promo := Item{Key: "promotion"}
	switch {
	case rw.service() && k.Promotion:
		promo.State, promo.Answer = No, []string{p.T("checklist.answer.promotion.yes")}
		promo.Refs = rw.marketRefs(func(o check.Outcome) []string { return o.AdInService })
	case rw.service() || rw.promotesNothing():
		promo.State, promo.Answer = Yes, []string{p.T("checklist.answer.promotion.no")}
	case k.Kind == model.SatisfactionSurvey:
		// A survey promotes nothing of its own; markets that treat it as
		// direct marketing judge it so, the safe answer where contested.
		promo.State, promo.Answer = NA, []string{p.T("checklist.answer.promotion.survey")}
		promo.Refs = rw.marketRefs(func(o check.Outcome) []string { return o.SurveyRefs })
	default:
		// Advertising is advertising: the question does not arise.
		promo.State, promo.Answer = NA, []string{p.T("checklist.answer.promotion.advertising")}
		promo.Refs = rw.marketRefs(func(o check.Outcome) []string { return o.SurveyRefs })
	}
	return Group{Key: "classify", Items: []Item{kind, promo}}
}

func (rw *reviewer) purpose() Group {
	p, pur := rw.p, rw.pur
	g := Group{Key: "purpose"}
	if col := rw.f.Collected; col != nil {
		it := Item{Key: "original_purpose", State: Noted,
			Answer: []string{p.T("checklist.answer.original_purpose", "Purpose", col.Name.In(p.Lang()),
				"Basis", p.T("basis."+string(col.Basis)), "Cite", p.T("cite."+string(rw.reg)+"."+string(col.Basis)))},
			Refs: rw.byRegime("gdpr-5-1-b")}
		if pur != nil && pur != col {
			// The campaign reuses the address under a purpose of its own;
			// its basis per market is the verdict's.
			it.Answer = append(it.Answer, p.T("checklist.answer.further_use", "Purpose", pur.Name.In(p.Lang())))
		}
		g.Items = append(g.Items, it)
	}
	g.Items = append(g.Items, Item{Key: "expectations", State: Open,
		Answer: []string{p.T("checklist.answer.expectations")}, Refs: rw.byRegime("gdpr-6-4")})
	same := Item{Key: "same_business", Refs: rw.byRegime("gdpr-6-4")}
	switch {
	case rw.promotesNothing() || rw.k.Kind == model.SatisfactionSurvey:
		same.State, same.Answer = NA, []string{p.T("checklist.answer.promotes_nothing")}
	case rw.k.Audience.Who != model.ExistingCustomers:
		same.State, same.Answer = NA, []string{p.T("checklist.answer.same_business_not_customers")}
	case rw.f.OnConsent:
		// Art. 6(4) GDPR does not apply to processing based on consent.
		same.State, same.Answer = NA, []string{p.T("checklist.answer.same_business_consent")}
	case rw.audience() == "":
		same.State = Open
		same.Answer = []string{p.T("checklist.answer.same_business_unknown", "Promotes", rw.name(rw.promotes()))}
	default:
		same.State = yesNo(rw.promotes() == rw.audience())
		same.Answer = []string{p.T("checklist.answer.same_business", "Audience", rw.name(rw.audience()), "Promotes", rw.name(rw.promotes()))}
	}
	g.Items = append(g.Items, same)
	return g
}

func (rw *reviewer) data() Group {
	p, c, k, pur := rw.p, rw.c, rw.k, rw.pur
	var extra []string
	if pur != nil {
		for _, d := range k.Data {
			if !slices.Contains(pur.Data, d) {
				extra = append(extra, dataName(p, c, d))
			}
		}
	}
	scope := Item{Key: "scope", State: yesNo(len(extra) == 0),
		Answer: []string{p.T("checklist.answer.scope", "Data", joinData(p, c, k.Data))}, Refs: rw.byRegime("gdpr-5-1-c")}
	if len(extra) > 0 {
		scope.Answer = append(scope.Answer, p.T("checklist.answer.scope_extra", "Data", join(p, extra)))
	}
	if n := k.Audience.Recency; n > 0 && k.Audience.Who == model.ExistingCustomers {
		scope.Answer = append(scope.Answer, p.N("checklist.answer.scope_recency", n))
	} else if n > 0 && k.Audience.Who == model.Inquirers {
		scope.Answer = append(scope.Answer, p.N("checklist.answer.scope_recency_inquiry", n))
	}
	access := Item{Key: "access", State: Open, Answer: []string{p.T("checklist.answer.access")}, Refs: rw.byRegime("gdpr-28-3")}
	if len(k.UsedBy) > 0 {
		var teams []string
		for _, u := range k.UsedBy {
			teams = append(teams, u.In(p.Lang()))
		}
		access.State, access.Answer = Noted, []string{p.T("checklist.answer.access_used_by", "Teams", join(p, teams))}
	}
	if pur != nil && len(pur.Recipients) > 0 {
		// Processors act under an Art. 28 contract; independent controllers
		// receive the data on their own account: never listed as one.
		var processors, controllers []string
		for _, id := range pur.Recipients {
			if rc := c.RecipientByID(id); rc != nil && rc.Role == "processor" {
				processors = append(processors, rc.Name)
			} else if rc != nil {
				controllers = append(controllers, rc.Name)
			}
		}
		if len(processors) > 0 {
			access.Answer = append(access.Answer, p.T("checklist.answer.access_recipients", "Recipients", join(p, processors)))
		}
		if len(controllers) > 0 {
			access.Answer = append(access.Answer, p.T("checklist.answer.access_controllers", "Recipients", join(p, controllers)))
		}
	}
	return Group{Key: "data", Items: []Item{scope, access}}
}
