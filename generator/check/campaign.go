package check

import (
	"slices"
	"strings"

	"github.com/basis-privacy/basis/generator/law"
	"github.com/basis-privacy/basis/generator/model"
)

// campaigns judges every campaign in every market and reports the problems
// of the campaigns themselves.
func (ck *checker) campaigns() {
	markets := ck.markets()
	for i := range ck.c.Campaigns {
		cp := ck.facts(&ck.c.Campaigns[i])
		for _, m := range markets {
			o := ck.judge(ck.situation(cp, m))
			o.Company, o.Campaign, o.Pos = ck.slug(), cp.ID, ck.pos(cp.At, "id")
			o.Eligibility = ck.eligibility(cp, o)
			cp.Outcomes = append(cp.Outcomes, o)
		}
		ck.r.Campaigns = append(ck.r.Campaigns, cp.Outcomes...)
		ck.res.Campaigns = append(ck.res.Campaigns, cp)
		ck.campaignRules(cp)
	}
}

// judge decides one campaign in one market; the EU baseline's verdict says
// first why the company has that row.
func (ck *checker) judge(s situation) Outcome {
	o := judge(ck.law, s)
	if s.Market == law.EU {
		o.Reasons = append(ck.baselineReasons(), o.Reasons...)
	}
	return o
}

// pos returns the position of key in at, with the company file filled in.
func (ck *checker) pos(at model.Positions, keys ...string) model.Pos {
	p := at.At(keys...)
	if p.File == "" {
		p.File = ck.c.File
	}
	return p
}

// facts derives, once, what a campaign's verdicts and documents depend on
// besides the law.
func (ck *checker) facts(cp *model.Campaign) *Campaign {
	f := &Campaign{Campaign: cp, Purpose: ck.c.PurposeByID(cp.Purpose), Business: cp.Audience.Business}
	if f.Business == "" && len(ck.c.Businesses) == 1 {
		f.Business = ck.c.Businesses[0].ID
	}
	f.Promotes = cp.Promotes
	if f.Promotes == "" {
		f.Promotes = f.Business
	}
	f.OwnBusiness = cp.Promotes == "" || f.Business == "" || cp.Promotes == f.Business
	f.Similar = similarity(cp)
	f.SimilarReason = cp.SimilarReason
	f.Origin = cp.Audience.Origin()
	f.OnConsent = cp.ConsentRecords && f.Purpose != nil && f.Purpose.Basis == model.Consent
	f.Collected = ck.collected(f)
	return f
}

// similarity reports whether what a campaign promotes is similar to what its
// recipients bought, as the file states it (similar:), or nil when it does
// not. Similarity is judged against the goods bought, never inferred from
// the business line: products of the business the customers bought from
// are not similar merely for that. The old kinds keep their meaning:
// similar_products said similar, new_products said not similar.
func similarity(cp *model.Campaign) *bool {
	switch {
	case cp.Similar != nil:
		return cp.Similar
	case cp.Kind == model.SimilarProducts:
		yes := true
		return &yes
	case cp.Kind == model.NewProducts:
		no := false
		return &no
	}
	return nil
}

// addressData names the data category of the address each channel uses.
var addressData = map[string]string{"email": "email", "sms": "phone", "phone": "phone", "post": "postal_address"}

// collected is the purpose a campaign's address was collected for: where
// the customers gave it in a sale, the contract purpose that collects it;
// otherwise the campaign's own purpose.
func (ck *checker) collected(f *Campaign) *model.Purpose {
	data := addressData[f.Channel]
	if f.Origin == model.FromSale && !f.OnConsent {
		for i := range ck.c.Purposes {
			p := &ck.c.Purposes[i]
			if p.Basis == model.Contract && slices.Contains(p.Data, data) {
				return p
			}
		}
	}
	return f.Purpose
}

func (ck *checker) situation(cp *Campaign, market law.Market) situation {
	s := situation{
		Market: market, Kind: cp.Kind, Who: cp.Audience.Who, Channel: cp.Channel,
		Promotion: cp.Promotion, Similar: cp.Similar, OwnBusiness: cp.OwnBusiness,
		SimilarReasoned: !cp.SimilarReason.IsZero(),
		Type:            cp.Audience.Kind(), Origin: cp.Origin,
		Campaign: cp.ID, Business: cp.Business, Promotes: cp.Promotes,
	}
	s.Home, _ = law.Home(ck.c.Country)
	if p := cp.Purpose; p != nil {
		s.PurposeBasis = p.Basis
		s.ConsentRecorded = cp.OnConsent
		if m := p.Marketing; m != nil {
			s.ObjectionAtCollection = m.ObjectionAtCollection
			s.UnsubscribeInEvery = m.UnsubscribeInEveryMessage
		}
	}
	if ch := campaignChildren(cp); ch != nil {
		s.Children, s.ChildFrom = true, ch.From
	}
	return s
}

// campaignCheck is one campaign with its verdicts, as the campaign rules
// see it.
type campaignCheck struct {
	ck   *checker
	cp   *model.Campaign
	p    *model.Purpose
	f    *Campaign
	outs []Outcome
}

// campaignRule is one rule on a campaign: run may report findings of the
// rule ids in reports; when it does, the findings of the rules it
// supersedes on the same campaign are dropped (the problem they report
// follows from the one it reports). The order of campaignRules does not
// matter.
type campaignRule struct {
	run        func(*campaignCheck)
	reports    []string
	supersedes []string
}

// exceptionRules are the rules on relying on the existing-customer
// exception, which a more basic failure of the exception supersedes.
var exceptionRules = []string{RuleSoftOptInNotInNotice, RuleSoftOptInObjection, RuleSoftOptInUnsubscribe,
	RulePurposeOtherBusiness, RuleConsentNotRecorded}

var campaignRules = []campaignRule{
	{(*campaignCheck).otherBusiness, []string{RuleSoftOptInOtherBusiness},
		append([]string{RuleSoftOptInSimilarUnset, RuleSoftOptInNotSimilar}, exceptionRules...)},
	{(*campaignCheck).similarUnstated, []string{RuleSoftOptInSimilarUnset}, nil},
	{(*campaignCheck).similarReason, []string{RuleSoftOptInSimilarReason}, nil},
	{(*campaignCheck).notMarketing, []string{RuleCampaignNotMarketing}, []string{RuleSoftOptInNotInNotice}},
	{(*campaignCheck).notSimilar, []string{RuleSoftOptInNotSimilar}, exceptionRules},
	{(*campaignCheck).notices, []string{RuleSoftOptInNotInNotice, RuleSoftOptInObjection, RuleSoftOptInUnsubscribe},
		[]string{RulePurposeOtherBusiness, RuleConsentNotRecorded}},
	{(*campaignCheck).purposeOtherBusiness, []string{RulePurposeOtherBusiness}, nil},
	{(*campaignCheck).basisMismatch, []string{RuleCampaignBasis}, nil},
	{(*campaignCheck).audience, []string{RuleCampaignAudience}, nil},
	{(*campaignCheck).purchased, []string{RuleVNPurchasedData}, nil},
	{(*campaignCheck).source, []string{RuleNoticeSource}, nil},
	{(*campaignCheck).consentNotRecorded, []string{RuleConsentNotRecorded}, nil},
	{(*campaignCheck).consentBasis, []string{RuleCampaignConsentBasis}, nil},
	{(*campaignCheck).data, []string{RulePurposeDataUncollected, RulePurposeConsentData, RulePurposeFurtherUse}, nil},
	{(*campaignCheck).unverified, []string{RuleMarketUnverified}, nil},
}

// supersededBy lists, for a rule id, the rule ids whose findings supersede
// it, from campaignRules.
func supersededBy(rule string) []string {
	var out []string
	for _, r := range campaignRules {
		if slices.Contains(r.supersedes, rule) {
			out = append(out, r.reports...)
		}
	}
	return out
}

// campaignRules runs every rule on one campaign, then drops the findings
// that a finding of another rule on the campaign supersedes.
func (ck *checker) campaignRules(f *Campaign) {
	from := len(ck.r.Findings)
	cc := &campaignCheck{ck: ck, cp: f.Campaign, p: f.Purpose, f: f, outs: f.Outcomes}
	for _, rule := range campaignRules {
		rule.run(cc)
	}
	found := ck.r.Findings[from:]
	reported := map[string]bool{}
	for _, x := range found {
		reported[x.Rule] = true
	}
	kept := found[:0]
	for _, x := range found {
		if !slices.ContainsFunc(supersededBy(x.Rule), func(r string) bool { return reported[r] }) {
			kept = append(kept, x)
		}
	}
	ck.r.Findings = ck.r.Findings[:from+len(kept)]
}

func (cc *campaignCheck) add(at model.Positions, key, rule string, kv ...string) {
	cc.ck.add(cc.ck.pos(at, key), rule, append([]string{"Campaign", cc.cp.ID}, kv...)...)
}

func (cc *campaignCheck) pid() string {
	if cc.p == nil {
		return ""
	}
	return cc.p.ID
}

// unmet reports whether a verdict found the exception's condition what
// unmet.
func (cc *campaignCheck) unmet(what string) bool {
	return slices.ContainsFunc(cc.outs, func(o Outcome) bool { return slices.Contains(o.Unmet, what) })
}

// claims reports whether a verdict rests on the existing-customer exception,
// or would but for an unmet condition (advertising of new products is not a
// claim to it).
func (cc *campaignCheck) claims() bool {
	return slices.ContainsFunc(cc.outs, func(o Outcome) bool {
		return o.Tried != "" && !slices.Contains(o.Unmet, UnmetNewProducts)
	})
}

func (cc *campaignCheck) otherBusinessPromoted() bool { return !cc.f.OwnBusiness }

// otherBusiness: the exception covers only the sender's own products.
func (cc *campaignCheck) otherBusiness() {
	claimsLI := cc.p != nil && cc.p.Basis == model.LegitimateInterests && cc.p.Marketing != nil
	if cc.unmet(UnmetOtherBusines) && !cc.cp.ConsentRecords && (cc.cp.Kind != model.NewProducts || claimsLI) {
		cc.add(cc.cp.At, "promotes", RuleSoftOptInOtherBusiness, "Promotes", cc.cp.Promotes, "Business", cc.f.Business)
	}
}

// similarUnstated: the exception covers only similar products, and the
// file does not say whether these are.
func (cc *campaignCheck) similarUnstated() {
	if !cc.otherBusinessPromoted() && cc.claims() && cc.unmet(UnmetSimilarUnset) {
		cc.add(cc.cp.At, "kind", RuleSoftOptInSimilarUnset)
	}
}

// similarReason: the file says the products are similar but not why.
func (cc *campaignCheck) similarReason() {
	if !cc.otherBusinessPromoted() && cc.claims() && cc.unmet(UnmetSimilarReason) {
		cc.add(cc.cp.At, "similar", RuleSoftOptInSimilarReason)
	}
}

// notSimilar: the exception covers only similar products, and the file
// says these are not (and no consent is recorded to send them on).
func (cc *campaignCheck) notSimilar() {
	k := cc.cp.Kind
	if !cc.otherBusinessPromoted() && cc.claims() && cc.unmet(UnmetNotSimilar) && !cc.cp.ConsentRecords &&
		(k == model.SimilarProducts || k == model.Advertising) {
		cc.add(cc.cp.At, "similar", RuleSoftOptInNotSimilar)
	}
}

// notMarketing: an advertising campaign runs under a purpose that neither
// rests on consent nor describes marketing, so the notice tells no one of
// it and there is nothing to withdraw or object to.
func (cc *campaignCheck) notMarketing() {
	p := cc.p
	if p == nil || p.Basis == model.Consent || p.Marketing != nil {
		return
	}
	if slices.ContainsFunc(cc.outs, func(o Outcome) bool { return o.Advertising }) {
		cc.add(cc.cp.At, "purpose", RuleCampaignNotMarketing, "Purpose", p.ID)
	}
}

// notices: a campaign on the exception needs a marketing entry in the
// notice and the two objection notices.
func (cc *campaignCheck) notices() {
	p, cp := cc.p, cc.cp
	if cc.otherBusinessPromoted() || !cc.claims() || cp.ConsentRecords || p == nil {
		return
	}
	m := p.Marketing
	if m == nil || m.Channel != cp.Channel || (m.Business != cc.f.Business && cc.f.Business != "") {
		cc.add(cp.At, "purpose", RuleSoftOptInNotInNotice, "Purpose", p.ID, "Channel", cp.Channel, "Business", cc.f.Business)
		return
	}
	if !m.ObjectionAtCollection {
		cc.ck.add(cc.ck.pos(m.At, "objection_at_collection"), RuleSoftOptInObjection, "Campaign", cp.ID, "Purpose", p.ID)
	}
	if !m.UnsubscribeInEveryMessage {
		cc.ck.add(cc.ck.pos(m.At, "unsubscribe_in_every_message"), RuleSoftOptInUnsubscribe, "Campaign", cp.ID, "Purpose", p.ID)
	}
}

// purposeOtherBusiness: the data of one business's customers used for
// another (purpose limitation).
func (cc *campaignCheck) purposeOtherBusiness() {
	cp, p := cc.cp, cc.p
	if cp.Audience.Who != model.ExistingCustomers || cp.ConsentRecords {
		return
	}
	switch {
	case cc.otherBusinessPromoted():
		cc.add(cp.At, "promotes", RulePurposeOtherBusiness, "Business", cc.f.Business, "Other", cp.Promotes)
	case p != nil && p.Marketing != nil && cc.f.Business != "" && p.Marketing.Business != cc.f.Business:
		cc.add(cp.Audience.At, "business", RulePurposeOtherBusiness, "Business", cc.f.Business, "Other", p.Marketing.Business)
	}
}

// basisMismatch: transactional messages rest on the contract; without a
// contract they are marketing.
func (cc *campaignCheck) basisMismatch() {
	cp, p := cc.cp, cc.p
	if cp.Kind == model.Transactional && !cp.Promotion && p != nil && p.Basis != model.Contract && cp.Audience.Who == model.ExistingCustomers {
		cc.add(cp.At, "purpose", RuleCampaignBasis, "Purpose", cc.pid())
	}
}

// audience: service messages to people who are not customers.
func (cc *campaignCheck) audience() {
	cp := cc.cp
	if (cp.Kind == model.Transactional || cp.Kind == model.AfterSales) && cp.Audience.Who != model.ExistingCustomers {
		cc.add(cp.Audience.At, "who", RuleCampaignAudience)
	}
}

// purchased: forbidden where the law bans buying personal data.
func (cc *campaignCheck) purchased() {
	if bought(cc.f.Origin) && cc.ck.purchaseBanned() {
		cc.ck.add(cc.ck.pos(cc.cp.Audience.At, "source", "who"), RuleVNPurchasedData, "Campaign", cc.cp.ID)
	}
}

// source: people whose addresses the company did not obtain from them must
// be told where they come from (Art. 14(2)(f), (3) GDPR), so the purpose
// must name the source.
func (cc *campaignCheck) source() {
	p, o := cc.p, cc.f.Origin
	if o == "" || o.Own() || p == nil || !p.Source.IsZero() || !cc.ck.gdpr() {
		return
	}
	cc.add(p.At, "id", RuleNoticeSource, "Purpose", p.ID)
}

// consentNotRecorded: consent is required in some markets but not recorded.
func (cc *campaignCheck) consentNotRecorded() {
	if cc.cp.ConsentRecords {
		return
	}
	var need []string
	var refs []string
	contested := true
	for _, o := range cc.outs {
		if o.Verdict != ConsentRequired {
			continue
		}
		need = append(need, string(o.Market))
		contested = contested && o.Contested
		if rg := cc.ck.law.For(o.Market).Regime; rg != "" {
			refs = appendNew(refs, cc.ck.law.Of(rg).ConsentProof)
		}
	}
	if len(need) == 0 {
		return
	}
	for _, o := range cc.outs {
		for _, r := range o.Refs {
			if o.Verdict == ConsentRequired && law.RefMarket(r) == o.Market {
				refs = appendNew(refs, r)
			}
		}
	}
	cc.ck.addRefs(cc.ck.pos(cc.cp.At, "consents", "consent_records", "id"), RuleConsentNotRecorded, refs, "Campaign", cc.cp.ID, "Markets", strings.Join(need, ", "))
	// An error when the campaign cannot be sent anywhere without consent; a
	// warning when other markets allow it (the checklist then excludes
	// these markets) or every such verdict is contested.
	if contested || len(need) < len(cc.outs) {
		cc.ck.r.Findings[len(cc.ck.r.Findings)-1].Severity = Warning
	}
}

// consentBasis: the purpose says consent (and the notice tells customers
// so), but a verdict would send the campaign without it and no consent is
// recorded. With consent recorded the campaign goes out on consent, as the
// notice says.
func (cc *campaignCheck) consentBasis() {
	if cc.p == nil || cc.p.Basis != model.Consent || cc.cp.ConsentRecords {
		return
	}
	var markets []string
	var refs []string
	for _, o := range cc.outs {
		if o.Verdict == Allowed && (o.Exception != "" || o.OptOut() || o.Basis == model.LegitimateInterests) {
			markets = append(markets, string(o.Market))
			refs = appendNew(appendNew(refs, o.Exception), o.OptOutRef())
			if o.Exception == "" && !o.OptOut() {
				refs = appendNew(refs, cc.ck.law.Of(cc.ck.law.For(o.Market).Regime).LegitimateInterests)
			}
		}
	}
	if len(markets) == 0 {
		return
	}
	cc.ck.addRefs(cc.ck.pos(cc.p.At, "basis"), RuleCampaignConsentBasis, appendNew(refs, law.Cite(law.RegimeOf(cc.ck.c.Country), "gdpr-13-1-c")),
		"Campaign", cc.cp.ID, "Purpose", cc.p.ID, "Markets", strings.Join(markets, ", "))
}

func appendNew(xs []string, x string) []string {
	if x == "" || slices.Contains(xs, x) {
		return xs
	}
	return append(xs, x)
}

// data: every data category a campaign uses was collected for its
// purpose, or for another purpose it is compatible with.
func (cc *campaignCheck) data() {
	ck, cp, p := cc.ck, cc.cp, cc.p
	if p == nil {
		return
	}
	for _, d := range cp.Data {
		if slices.Contains(p.Data, d) {
			continue
		}
		var from []*model.Purpose
		for i := range ck.c.Purposes {
			q := &ck.c.Purposes[i]
			if q.ID != p.ID && slices.Contains(q.Data, d) {
				from = append(from, q)
			}
		}
		pos := ck.pos(cp.At, "data")
		switch {
		case len(from) == 0:
			ck.add(pos, RulePurposeDataUncollected, "Campaign", cp.ID, "Data", d, "Purpose", p.ID)
		case !slices.ContainsFunc(from, func(q *model.Purpose) bool { return q.Basis != model.Consent }):
			ck.add(pos, RulePurposeConsentData, "Campaign", cp.ID, "Data", d, "Purpose", p.ID, "Other", from[0].ID)
		default:
			q := from[slices.IndexFunc(from, func(q *model.Purpose) bool { return q.Basis != model.Consent })]
			ck.add(pos, RulePurposeFurtherUse, "Campaign", cp.ID, "Data", d, "Purpose", p.ID, "Other", q.ID)
		}
	}
}

// unverified: a verdict rests on a part of its market's law that Basis has
// not verified (the EU baseline's rule applied in place of the state's own,
// or the national rule as secondary sources give it); its reasons say which.
// A verdict on recorded consent rests on nothing else.
func (cc *campaignCheck) unverified() {
	var markets []string
	var refs []string
	for _, o := range cc.outs {
		if len(o.Unverified) == 0 {
			continue
		}
		markets = append(markets, string(o.Market))
		for _, r := range o.Refs {
			if law.RefMarket(r) == o.Market {
				refs = appendNew(refs, r)
			}
		}
	}
	if len(markets) > 0 {
		cc.ck.addRefs(cc.ck.pos(cc.cp.At, "id"), RuleMarketUnverified, refs, "Campaign", cc.cp.ID, "Markets", strings.Join(markets, ", "))
	}
}
