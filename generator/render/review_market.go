package render

import (
	"slices"

	"github.com/basis-privacy/basis/generator/check"
	"github.com/basis-privacy/basis/generator/locale"
	"github.com/basis-privacy/basis/generator/model"
)

// exception fills the existing-customer exception's items market by market,
// from each market's Outcome: its five conditions where the verdict rests on
// the exception; "not met" where the market has one but it does not apply;
// "not applicable, because ..." with the provision where the market has none;
// "not needed" where the message is not advertising by electronic mail. The
// EU baseline's row is a market like the others: it stands for the states
// the file does not name, or whose own rules Basis has not verified.
func (rw *reviewer) exception() Group {
	g := Group{Key: "softoptin"}
	for _, o := range rw.outs {
		g.Items = append(g.Items, rw.exceptionItems(o)...)
	}
	if len(g.Items) == 0 {
		g.Items = []Item{{Key: "softoptin_na", State: NA, Answer: []string{rw.p.T("checklist.answer.softoptin_na")}}}
	}
	return g
}

func (rw *reviewer) exceptionItems(o check.Outcome) []Item {
	p, m := rw.p, o.Market
	market := marketName(p, m)
	na := func(key, answer string) []Item {
		return []Item{{Key: key, Market: m, State: NA, Answer: []string{answer}, Refs: rw.cite(o.StandingRefs...)}}
	}
	switch o.Standing {
	case check.ExceptionOnConsent:
		return na("softoptin_na", p.T("checklist.answer.exception_consent"))
	case check.ExceptionRelied:
		return rw.conditions(o)
	case check.ExceptionFailed:
		answer := []string{}
		for _, x := range o.Reasons {
			answer = append(answer, message(p, rw.c, x))
		}
		return []Item{{Key: "exception_fails", Market: m, State: No, Answer: answer, Refs: rw.cite(o.StandingRefs...)}}
	case check.ExceptionNotAdvertising:
		return na("softoptin_na", p.T("checklist.answer.softoptin_na"))
	case check.ExceptionOptOut:
		// The market allows the message without consent until the
		// recipient refuses (CAN-SPAM): no exception is needed, and
		// consent is not required.
		return na("exception_none", p.T("checklist.answer.exception_optout"))
	case check.ExceptionImplied:
		return na("exception_none", p.T("checklist.answer.exception_implied", "Market", market))
	case check.ExceptionNone:
		return na("exception_none", p.T("checklist.answer.exception_none", "Market", market))
	}
	// Letters and calls (check.ExceptionChannel): the e-mail exception does
	// not apply to them, whether or not the market has one. The same answer
	// stands where the verdict did not consider the market's exception
	// (check.ExceptionNotConsidered).
	return na("softoptin_na", p.T("checklist.answer.exception_channel"))
}

// conditions are the exception's conditions, met, as the verdict found,
// each citing its provision (check.ExceptionTerms).
func (rw *reviewer) conditions(o check.Outcome) []Item {
	p, k, m, x := rw.p, rw.k, o.Market, o.Terms
	var mk *model.Marketing
	if rw.pur != nil {
		mk = rw.pur.Marketing
	}
	customer := Yes
	if k.Audience.Who != model.ExistingCustomers {
		// People who asked about buying count here (negotiations for a
		// sale): a person confirms each had such negotiations.
		customer = Open
	}
	similar := []string{p.T("checklist.answer.same_business", "Audience", rw.name(rw.audience()), "Promotes", rw.name(rw.promotes()))}
	if r := rw.f.SimilarReason.In(p.Lang()); r != "" {
		similar = append(similar, p.T("checklist.answer.similar_reason", "Reason", r))
	}
	items := []Item{
		{Key: "existing_customer", Market: m, State: customer,
			Answer: []string{p.T("checklist.who." + string(k.Audience.Who)), p.T("checklist.source." + origin(rw.f.Origin))},
			Refs:   rw.cite(x.Customer)},
		// Similarity is the company's reasoned answer; a reviewer confirms it.
		{Key: "own_similar", Market: m, State: Open, Answer: similar, Refs: rw.cite(x.OwnSimilar)},
		{Key: "objection_collection", Market: m, State: yesNo(mk != nil && mk.ObjectionAtCollection),
			Answer: []string{p.T(boolKey("checklist.answer.objection_collection", mk != nil && mk.ObjectionAtCollection))}, Refs: rw.cite(x.Notice)},
		{Key: "objection_every", Market: m, State: yesNo(mk != nil && mk.UnsubscribeInEveryMessage),
			Answer: []string{p.T(boolKey("checklist.answer.objection_every", mk != nil && mk.UnsubscribeInEveryMessage))}, Refs: rw.cite(x.Notice)},
		{Key: "not_objected", Market: m, State: Open,
			Answer: []string{p.T("checklist.answer.not_objected")}, Refs: rw.cite(x.NotObjected)},
		{Key: "in_notice", Market: m, State: yesNo(mk != nil),
			Answer: []string{p.T(boolKey("checklist.answer.in_notice", mk != nil), "Date", formatDate(p, rw.c.Effective))}, Refs: rw.byRegime("gdpr-13-1-c", "gdpr-21-4")},
	}
	// The conditions the market's own form of the exception adds (the ECG
	// list in Austria, a sale in the last 12 months in Ireland): a person
	// confirms each.
	for _, cd := range x.National {
		items = append(items, Item{Key: "national_condition", Market: m, State: Open,
			Answer: []string{message(p, rw.c, cd.Msg)}, Refs: rw.cite(cd.Ref)})
	}
	return items
}

// sending fills the items every advertising e-mail or text message must
// meet whatever its basis: the sender identified with a valid address for
// an objection, and in Vietnam a refusal function at its end and a stop on
// refusal (Decree No. 91/2020/ND-CP).
func (rw *reviewer) sending() Group {
	p := rw.p
	if !slices.ContainsFunc(rw.outs, func(o check.Outcome) bool { return o.SenderDuties }) {
		return Group{Key: "sending", Items: []Item{{Key: "sender_identified", State: NA,
			Answer: []string{p.T("checklist.answer.sending_na")}}}}
	}
	g := Group{Key: "sending", Items: []Item{{Key: "sender_identified", State: Open,
		Answer: []string{p.T("checklist.answer.sender_identified")},
		Refs:   rw.marketRefs(func(o check.Outcome) []string { return o.Identify })}}}
	for _, o := range rw.outs {
		if !o.RefusalRequired {
			continue
		}
		g.Items = append(g.Items,
			Item{Key: "refusal_function", Market: o.Market, State: Open, Answer: []string{p.T("checklist.answer.refusal_function")}, Refs: rw.cite(o.Identify...)},
			Item{Key: "stop_on_refusal", Market: o.Market, State: Open, Answer: []string{p.T("checklist.answer.stop_on_refusal")}, Refs: rw.cite(o.Identify...)})
	}
	return g
}

func (rw *reviewer) consent() Group {
	p, k := rw.p, rw.k
	need := rw.pur != nil && rw.pur.Basis == model.Consent
	var proofs []string
	for _, o := range rw.outs {
		if o.Verdict == check.ConsentRequired {
			need = true
			if rg := o.Regime; rg != "" {
				proofs = appendNew(proofs, rw.law.Of(rg).ConsentProof)
			}
		}
	}
	if len(proofs) == 0 {
		proofs = []string{rw.law.Of(rw.reg).ConsentProof}
	}
	it := Item{Key: "consent_records", State: NA, Answer: []string{p.T("checklist.answer.consent_na")}}
	if need {
		it = Item{Key: "consent_records", State: yesNo(k.ConsentRecords),
			Answer: []string{p.T(boolKey("checklist.answer.consent_records", k.ConsentRecords))}, Refs: rw.cite(proofs...)}
	}
	items := []Item{it}
	if ch := rw.children(); ch != nil {
		items = append(items, *ch)
	}
	return Group{Key: "consent", Items: items}
}

func (rw *reviewer) document() Group {
	return Group{Key: "document", Items: []Item{{Key: "documented_basis", State: Open,
		Answer: []string{rw.p.T("checklist.answer.documented_basis")}, Refs: rw.byRegime("gdpr-5-1-b")}}}
}

// market prints the verdict in one market: an exception is named as the
// basis (Art. 6(1) GDPR is not applied in addition), any other basis is
// cited under the market's law.
func (rw *reviewer) market(o check.Outcome) Market {
	p := rw.p
	m := Market{Market: o.Market, Verdict: string(o.Verdict), Contested: o.Contested}
	m.Basis = basisLabel(rw.p, o)
	for _, x := range o.Conditions {
		m.Conditions = append(m.Conditions, message(p, rw.c, x))
	}
	for _, x := range o.Reasons {
		m.Reasons = append(m.Reasons, message(p, rw.c, x))
	}
	for _, id := range o.Refs {
		m.Refs = append(m.Refs, p.T("ref."+id))
	}
	return m
}

// basisLabel names what a verdict rests on in the page language: the
// exception with its provisions (Art. 6(1) GDPR is not applied in addition),
// consent implied by a business relationship, or the basis with its
// citation under the regime that governs the processing (none where Basis
// applies no data-protection law); "" when not allowed. In a market whose
// data-protection law Basis does not apply, a message the market's rule
// allows rests on a basis of the controller's home regime, named first.
func basisLabel(p *locale.Printer, o check.Outcome) string {
	rule := ruleLabel(p, o)
	switch {
	case rule == "":
		return basisCited(p, o)
	case o.Basis != model.LegitimateInterests:
		// The exception is the basis (Art. 95 GDPR), or implied consent.
		return rule
	}
	return p.T("checklist.basis.home", "Basis", basisCited(p, o), "Rule", rule)
}

// ruleLabel names the rule of the market an allowed verdict rests on beside
// or instead of a basis: the existing-customer exception, implied consent,
// or a rule that allows the message until the recipient refuses; "" for
// none.
func ruleLabel(p *locale.Printer, o check.Outcome) string {
	switch {
	case o.Exception != "":
		refs := append(append([]string{}, o.Terms.Basis...), o.Terms.Separate...)
		return p.T("checklist.basis.exception", "Refs", cites(p, refs))
	case o.Implied():
		return p.T("checklist.basis.implied", "Refs", cites(p, []string{o.ImpliedRef()}))
	case o.OptOut():
		return p.T("checklist.basis.opt-out", "Refs", cites(p, []string{o.OptOutRef()}))
	}
	return ""
}

// basisCited names an Outcome's basis with its citation under the regime
// that governs the processing, without one where none does.
func basisCited(p *locale.Printer, o check.Outcome) string {
	switch {
	case o.Basis == "":
		return ""
	case o.Regime == "":
		return p.T("basis." + string(o.Basis))
	}
	return p.T("basis."+string(o.Basis)) + " (" + p.T("cite."+string(o.Regime)+"."+string(o.Basis)) + ")"
}

func appendNew(xs []string, x string) []string {
	for _, y := range xs {
		if y == x {
			return xs
		}
	}
	if x == "" {
		return xs
	}
	return append(xs, x)
}

// origin names a source of addresses for its message id ("unknown" when the
// file does not say).
func origin(s model.Source) string {
	if s == "" {
		return "unknown"
	}
	return string(s)
}

// children is the item on recipients who are children, for a campaign
// aimed at them (its own children: or its purpose's): the ages, and the
// markets whose law asks for parental consent below an age (marked where
// Basis has not verified the national provision).
func (rw *reviewer) children() *Item {
	ch := rw.k.Children
	if ch == nil && rw.pur != nil {
		ch = rw.pur.Children
	}
	if ch == nil {
		return nil
	}
	p := rw.p
	var ages, refs []string
	for _, o := range rw.outs {
		// The markets whose law asks for parental consent below an age
		// the youngest recipients are under (check.Outcome.Parental).
		a := o.Parental
		if a.Age == 0 {
			continue
		}
		s := p.T("checklist.answer.children_age", "Market", marketName(p, o.Market), "Age", a.Age)
		if !a.Verified {
			s += " " + p.T("checklist.unverified")
		}
		ages = append(ages, s)
		for _, r := range a.Refs {
			refs = appendNew(refs, r)
		}
	}
	answer := []string{p.T("checklist.answer.children", "From", ch.From, "To", ch.To)}
	if len(ages) > 0 {
		answer = append(answer, p.T("checklist.answer.children_parental", "Ages", join(p, ages)))
	}
	return &Item{Key: "children", State: Open, Answer: answer, Refs: rw.cite(refs...)}
}
