// Package check applies the compliance rules to a company file: findings on
// the file itself (purpose limitation, data minimisation, Art. 13 GDPR
// completeness, processors, transfers, Vietnam's missing legitimate-interests
// basis) and a verdict for every campaign in every market (each country the
// file names, and the EU baseline where a market uses it, see Markets):
// allowed, consent_required or not_allowed, with the basis,
// the conditions that must hold, the reasons and the references. The law of
// each market comes from package law; check decides no market's rule itself.
// An Outcome names the existing-customer exception it rests on (Exception),
// or the one it tried and the conditions that failed (Tried, Unmet), and the
// campaign findings are derived from the Outcomes, one function per rule.
//
// Every text is a Message: a message id in locales/check.*.yaml with template
// data, so that the findings and the pre-filled campaign checklist can be
// written in every language Basis publishes. References are ids whose
// citation, in the form each language uses, is ref.<id> in locales/refs.*.yaml.
// RULES.md next to this file lists every rule with its provision and source.
package check

import (
	"slices"
	"strings"

	"github.com/basis-privacy/basis/generator/law"
	"github.com/basis-privacy/basis/generator/model"
)

// Severity is how serious a finding is.
type Severity string

// Severities. An error stops the build of the company (unless forced); a
// warning is an open point to check.
const (
	Error   Severity = "error"
	Warning Severity = "warning"
)

// Message is a message id in locales/check.*.yaml with its template data.
type Message struct {
	ID   string
	Args map[string]any
}

// msg builds a Message from id and key, value pairs.
func msg(id string, kv ...string) Message {
	m := Message{ID: id}
	if len(kv) > 0 {
		m.Args = map[string]any{}
		for i := 0; i+1 < len(kv); i += 2 {
			m.Args[kv[i]] = kv[i+1]
		}
	}
	return m
}

// kv returns the template data as key, value pairs for locale.Printer.T.
func (m Message) kv() []any {
	keys := make([]string, 0, len(m.Args))
	for k := range m.Args {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	out := make([]any, 0, 2*len(keys))
	for _, k := range keys {
		out = append(out, k, m.Args[k])
	}
	return out
}

// Finding is one problem in a company file.
type Finding struct {
	Pos      model.Pos
	Severity Severity
	Rule     string  // rule id, one of Rules
	Msg      Message // what is wrong: check.<rule>
	Fix      Message // what to do: check.<rule>.fix
	Refs     []string
	// Subject is the id of what the finding is about: the campaign,
	// purpose, recipient, form field (<form>.<field>) or message its
	// message names; "" for the company as a whole. An acceptance names
	// it (accept: with at:).
	Subject string
	// Accepted is the acceptance of a warning a reviewer accepted as not
	// applying (accept:), or nil; an accepted warning is not counted.
	Accepted *model.Acceptance
}

// Verdict is what the law allows for one campaign in one market.
type Verdict string

// Verdicts.
const (
	// Allowed: the campaign may be sent on Basis, if the Conditions hold.
	Allowed Verdict = "allowed"
	// ConsentRequired: only to recipients whose consent is recorded.
	ConsentRequired Verdict = "consent_required"
	// NotAllowed: the campaign may not be sent at all.
	NotAllowed Verdict = "not_allowed"
)

// Verdicts lists the verdicts from most to least permissive.
var Verdicts = []Verdict{Allowed, ConsentRequired, NotAllowed}

// Outcome is the verdict on one campaign in one market.
type Outcome struct {
	Company  string // company slug (or file when there is none)
	Campaign string // campaign id
	Market   law.Market
	Verdict  Verdict
	// Basis is the legal basis the campaign rests on when allowed (consent
	// when consent is required; empty when not allowed, and when the
	// verdict rests on an exception of Directive 2002/58/EC, which is then
	// the basis: Art. 6(1) GDPR is not applied in addition, Art. 95 GDPR,
	// CJEU C-654/23). In a market whose data-protection law Basis does not
	// apply, a message its rule allows rests, under the controller's home
	// regime, on legitimate interests (or the contract, or consent given)
	// beside that rule (Exception, OptOut, Implied).
	Basis model.Basis
	// Regime is the data-protection regime the basis is cited under: the
	// market's own, or the controller's home regime in a market whose
	// data-protection law Basis does not apply; "" when neither applies.
	Regime law.Regime
	// Exception is the existing-customer exception the verdict relies on
	// (its provision, e.g. "uwg-7-3"), or "" for none.
	Exception string
	// Tried is the exception the verdict considered, met or not; Unmet
	// names its conditions that failed (Unmet* constants).
	Tried string
	Unmet []string
	// Advertising: the message is judged as advertising in this market.
	Advertising bool
	Conditions  []Message // what must hold for the verdict
	Reasons     []Message // why
	Refs        []string  // ref ids
	// Contested marks an unsettled question: Verdict is the safe answer.
	Contested bool
	Pos       model.Pos // the campaign in the file
	// Unverified names the parts of the market's law the verdict rests on
	// that Basis has not verified (law.GroupException, GroupB2B, GroupPhone,
	// GroupPost): the EU baseline's rule applied in place of the state's
	// own, or the national rule as secondary sources give it. Its reasons
	// say which.
	Unverified []string
	// Eligibility is who may receive the campaign in the market: the
	// verdict as a rule over each contact's record; nil for the verdicts
	// on a purpose's marketing, which no list is selected for.
	Eligibility *Eligibility

	// What the documents state of the market's law beside the verdict,
	// decided here (verdict.stated) so that render decides none.

	// MarketRegime is the market's own data-protection regime; "" for a
	// market whose data-protection law Basis does not apply (Canada,
	// Switzerland, the United States), where Regime is the controller's.
	MarketRegime law.Regime
	// Standing is where the existing-customer exception stands in the
	// market; StandingRefs the provisions its answer cites (the
	// exception and the consent rule where it failed, the consent rules
	// where the market has none, the implied consent or opt-out rule, the
	// proof of consent), and Terms the conditions of the exception the
	// verdict relies on (zero unless ExceptionRelied).
	Standing     ExceptionStanding
	StandingRefs []string
	Terms        ExceptionTerms
	// Rule is the provision the message falls under as marketing (the
	// opt-out rule where one covers the channel, else the consent rule on
	// electronic mail); ConsentRule the provision that asks for consent on
	// the channel ("" where Basis knows none).
	Rule, ConsentRule string
	// AdInService is the authority of the market for "advertising in a
	// service message makes it advertising"; SurveyRefs the authorities by
	// which it judges a satisfaction survey as direct marketing (a survey
	// only, where it does); Identify the rules on identifying the sender.
	AdInService, SurveyRefs, Identify []string
	// SenderDuties: the message is advertising by electronic mail (e-mail
	// or text message) in the market, so whatever its basis it identifies
	// its sender with a valid address for an objection (Art. 13(4)
	// Directive 2002/58/EC and its national forms, Identify).
	SenderDuties bool
	// RefusalRequired: the market's law asks every advertising e-mail or
	// text message to end with a way to refuse further ones and sending to
	// stop on refusal (Vietnam: Decree No. 91/2020/ND-CP), and this one
	// may go out.
	RefusalRequired bool
	// Parental is the age below which the market's law asks for parental
	// consent, for a campaign aimed at children younger than it; zero
	// (Age 0) otherwise.
	Parental law.ChildAge

	// implied is the provision of the consent implied by an existing
	// business relationship an allowed verdict rests on (see Implied).
	implied string
	// optOut is the provision that allows the message without consent
	// until the recipient refuses, in a market whose data-protection law
	// Basis does not apply (see OptOut).
	optOut string
}

// Implied reports whether an allowed verdict rests on consent implied by an
// existing business relationship (CASL), not on consent given.
func (o Outcome) Implied() bool { return o.implied != "" }

// ImpliedRef is the provision of the implied consent an allowed verdict
// rests on (casl-10-9), or "".
func (o Outcome) ImpliedRef() string { return o.implied }

// OptOut reports whether an allowed verdict rests on a rule that allows the
// message without consent until the recipient refuses (the CAN-SPAM Act for
// e-mail to the United States; art. 3 para. 1 lit. u UWG for calls to
// Switzerland), with no basis of a data-protection law Basis applies there.
func (o Outcome) OptOut() bool { return o.optOut != "" }

// OptOutRef is the provision of the rule an opt-out verdict rests on, or "".
func (o Outcome) OptOutRef() string { return o.optOut }

// Report is the result of checking one or more companies.
type Report struct {
	Findings  []Finding
	Campaigns []Outcome
	Notes     []Note // information, neither errors nor warnings
	// Results are what check decided about each company, for the
	// documents, in the order the companies were checked.
	Results []*Result
}

// Merge appends the findings and verdicts of o to r (for many companies).
func (r *Report) Merge(o *Report) {
	if o == nil {
		return
	}
	r.Findings = append(r.Findings, o.Findings...)
	r.Campaigns = append(r.Campaigns, o.Campaigns...)
	r.Notes = append(r.Notes, o.Notes...)
	r.Results = append(r.Results, o.Results...)
}

// Result returns what check decided about the company with slug (or, for a
// company without one, file), or nil.
func (r *Report) Result(slug string) *Result {
	for _, x := range r.Results {
		if x.Company.Slug == slug || (x.Company.Slug == "" && x.Company.File == slug) {
			return x
		}
	}
	return nil
}

// Errors counts the findings of severity error.
func (r *Report) Errors() int { return r.count(Error, "", false) }

// Warnings counts the findings of severity warning.
func (r *Report) Warnings() int { return r.count(Warning, "", false) }

// ErrorsIn counts the errors found in file.
func (r *Report) ErrorsIn(file string) int { return r.count(Error, file, true) }

func (r *Report) count(s Severity, file string, byFile bool) int {
	n := 0
	for _, f := range r.Findings {
		if f.Severity == s && f.Accepted == nil && (!byFile || f.Pos.File == file) {
			n++
		}
	}
	return n
}

// Option configures a check.
type Option func(*checker)

// WithLaw judges by l instead of law.Default(): for the tests that prove
// the documents follow a change of the law, and for what-if runs.
func WithLaw(l *law.Law) Option { return func(ck *checker) { ck.law = l } }

// Company checks one company. It does not change c, and the order of the
// findings (by position, then rule) and of the verdicts (campaigns in file
// order, markets in the order of Markets) is deterministic. The
// report's one Result holds the facts and verdicts the documents are made
// from.
func Company(c *model.Company, opts ...Option) *Report {
	r := &Report{}
	if c == nil {
		return r
	}
	ck := &checker{c: c, r: r, law: law.Default()}
	for _, o := range opts {
		o(ck)
	}
	ck.res = &Result{Company: c, Law: ck.law, Purposes: map[string]*Purpose{}, Regimes: regimes(ck.law, c)}
	ck.purposes()
	ck.forms()
	ck.file()
	ck.wording()
	ck.campaigns()
	ck.children()
	ck.consentSources()
	ck.accept()
	ck.record()
	r.Notes = notes(c)
	r.Results = []*Result{ck.res}
	slices.SortStableFunc(r.Findings, func(a, b Finding) int {
		switch {
		case a.Pos.File != b.Pos.File:
			return strings.Compare(a.Pos.File, b.Pos.File)
		case a.Pos.Line != b.Pos.Line:
			return a.Pos.Line - b.Pos.Line
		case a.Pos.Column != b.Pos.Column:
			return a.Pos.Column - b.Pos.Column
		}
		return strings.Compare(a.Rule, b.Rule)
	})
	ck.res.Findings = r.Findings
	return r
}

// checker holds the state of checking one company.
type checker struct {
	c   *model.Company
	r   *Report
	law *law.Law
	res *Result
}

// add records a finding of rule at pos; the message is check.<rule> and the
// fix check.<rule>.fix, both with the same data.
func (ck *checker) add(pos model.Pos, rule string, kv ...string) {
	rl := ruleByID(rule)
	if pos.File == "" {
		pos.File = ck.c.File
	}
	m := msg("check."+rule, kv...)
	ck.r.Findings = append(ck.r.Findings, Finding{
		Pos: pos, Severity: rl.Severity, Rule: rule,
		Msg: m, Fix: Message{ID: m.ID + ".fix", Args: m.Args},
		Refs: ck.cite(ck.forMarkets(rl.Refs)), Subject: subjectOf(kv),
	})
}

// forMarkets keeps the references that belong to the markets judged (all of
// them when none would be left).
func (ck *checker) forMarkets(refs []string) []string {
	markets := ck.markets()
	var out []string
	for _, r := range refs {
		if m := law.RefMarket(r); m == "" || slices.Contains(markets, m) {
			out = append(out, r)
		}
	}
	if len(out) == 0 {
		return slices.Clone(refs)
	}
	return out
}

// cite gives the GDPR references of a rule in the form of the regime the
// documents are written under (the UK GDPR for a UK controller; Law No.
// 91/2025/QH15 for a Vietnamese controller the GDPR does not reach).
func (ck *checker) cite(refs []string) []string {
	g := ck.res.Regime()
	if g == law.PDPL && ck.applies(law.GDPR) {
		return refs
	}
	var out []string
	for _, r := range refs {
		out = appendNew(out, law.Cite(g, r))
	}
	return out
}

// addRefs is add with references other than the rule's own.
func (ck *checker) addRefs(pos model.Pos, rule string, refs []string, kv ...string) {
	ck.add(pos, rule, kv...)
	ck.r.Findings[len(ck.r.Findings)-1].Refs = refs
}

// applies reports whether regime g applies to the company, for all its
// customers or for some (law.Applicable).
func (ck *checker) applies(g law.Regime) bool {
	return slices.ContainsFunc(ck.res.Regimes, func(a Regime) bool { return a.Regime == g })
}

// gdpr reports whether the GDPR or the UK GDPR applies.
func (ck *checker) gdpr() bool { return ck.applies(law.GDPR) || ck.applies(law.UKGDPR) }

// vietnam reports whether Vietnamese law applies: the controller is in
// Vietnam or writes to customers there.
func (ck *checker) vietnam() bool { return ck.applies(law.PDPL) }

// purchaseBanned reports whether a market of the company, or the law of its
// establishment, prohibits buying personal data.
func (ck *checker) purchaseBanned() bool {
	if ck.vietnam() {
		return true
	}
	return slices.ContainsFunc(ck.markets(), func(m law.Market) bool { return ck.law.For(m).PurchasedBan != "" })
}

// markets returns the markets to judge (see Markets).
func (ck *checker) markets() []law.Market { return marketsUnder(ck.law, ck.c) }

// Markets returns the markets in whose rows c's campaigns are judged, in
// the order of law.Markets: every market of the file whose own rules Basis
// knows, and the EU baseline where a market uses it: the file lists EU (the
// EEA states it does not name), or a state whose own rules on electronic
// marketing Basis has not verified (law.Rules.IsBaseline). The EU row's
// reasons say which (baselineReasons).
func Markets(c *model.Company) []law.Market { return marketsUnder(law.Default(), c) }

func marketsUnder(l *law.Law, c *model.Company) []law.Market {
	eu := slices.Contains(c.Markets, law.EU)
	var out []law.Market
	for _, m := range law.Markets {
		if m == law.EU || !slices.Contains(c.Markets, m) {
			continue
		}
		if l.For(m).IsBaseline() {
			eu = true
			continue
		}
		out = append(out, m)
	}
	if eu {
		out = append([]law.Market{law.EU}, out...)
	}
	return out
}

// baselined lists the markets of c whose own rules on electronic marketing
// Basis has not verified, so the EU baseline stands for them.
func (ck *checker) baselined() []string {
	var out []string
	for _, m := range law.Markets {
		if m != law.EU && slices.Contains(ck.c.Markets, m) && ck.law.For(m).IsBaseline() {
			out = append(out, string(m))
		}
	}
	return out
}

// baselineReasons say why the EU baseline's row is there: the file lists
// EU, for the EEA states it does not name; and the states whose own rules
// Basis has not verified.
func (ck *checker) baselineReasons() []Message {
	var out []Message
	if slices.Contains(ck.c.Markets, law.EU) {
		out = append(out, msg("check.reason.eu-listed"))
	}
	if b := ck.baselined(); len(b) > 0 {
		out = append(out, msg("check.reason.eu-baseline", "Markets", strings.Join(b, ", ")))
	}
	return out
}

// slug names the company in verdicts.
func (ck *checker) slug() string {
	if ck.c.Slug != "" {
		return ck.c.Slug
	}
	return ck.c.File
}
