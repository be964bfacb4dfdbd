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
		cp := &ck.c.Campaigns[i]
		p := ck.c.PurposeByID(cp.Purpose)
		var outs []Outcome
		for _, m := range markets {
			o := judge(ck.situation(cp, p, m))
			o.Company, o.Campaign, o.Pos = ck.slug(), cp.ID, ck.pos(cp.At, "id")
			outs = append(outs, o)
		}
		ck.r.Campaigns = append(ck.r.Campaigns, outs...)
		cc := &campaignCheck{ck: ck, cp: cp, p: p, business: ck.audienceBusiness(cp), outs: outs}
		for _, rule := range campaignRules {
			rule(cc)
		}
	}
}

// pos returns the position of key in at, with the company file filled in.
func (ck *checker) pos(at model.Positions, keys ...string) model.Pos {
	p := at.At(keys...)
	if p.File == "" {
		p.File = ck.c.File
	}
	return p
}

// audienceBusiness is the business whose customers a campaign addresses: the
// audience's, or the company's only business.
func (ck *checker) audienceBusiness(cp *model.Campaign) string {
	if cp.Audience.Business != "" {
		return cp.Audience.Business
	}
	if len(ck.c.Businesses) == 1 {
		return ck.c.Businesses[0].ID
	}
	return ""
}

// similarity reports whether a campaign's promoted products count as similar
// to those its audience bought, or nil when the file does not tell. The old
// spelling similar: decides where written; otherwise products of the
// business the customers bought from are similar and another business's are
// not, for advertising and for a message that names what it promotes. An
// old similar_products campaign without similar: stays unstated.
func similarity(c *model.Company, cp *model.Campaign) *bool {
	if cp.Similar != nil {
		return cp.Similar
	}
	if cp.Kind == model.SimilarProducts || (cp.Kind != model.Advertising && cp.Promotes == "") {
		return nil
	}
	own := ownBusiness(c, cp)
	return &own
}

// ownBusiness reports whether a campaign promotes nothing, or the products
// of the business whose customers it addresses.
func ownBusiness(c *model.Company, cp *model.Campaign) bool {
	business := cp.Audience.Business
	if business == "" && len(c.Businesses) == 1 {
		business = c.Businesses[0].ID
	}
	return cp.Promotes == "" || business == "" || cp.Promotes == business
}

func (ck *checker) situation(cp *model.Campaign, p *model.Purpose, market law.Market) situation {
	s := situation{
		Market: market, Kind: cp.Kind, Who: cp.Audience.Who, Channel: cp.Channel,
		Promotion: cp.Promotion, Similar: similarity(ck.c, cp), OwnBusiness: ownBusiness(ck.c, cp),
		Campaign: cp.ID, Business: ck.audienceBusiness(cp), Promotes: cp.Promotes,
	}
	if s.Promotes == "" {
		s.Promotes = s.Business
	}
	if p != nil {
		s.PurposeBasis = p.Basis
		if m := p.Marketing; m != nil {
			s.ObjectionAtCollection = m.ObjectionAtCollection
			s.UnsubscribeInEvery = m.UnsubscribeInEveryMessage
		}
	}
	return s
}

// campaignCheck is one campaign with its verdicts, as the campaign rules
// see it. softErr records that an error about the existing-customer
// exception was reported, which supersedes the later rules about it.
type campaignCheck struct {
	ck       *checker
	cp       *model.Campaign
	p        *model.Purpose
	business string
	outs     []Outcome
	softErr  bool
}

// campaignRules are the rules on one campaign, one function each, in the
// order in which an earlier one supersedes a later one.
var campaignRules = []func(*campaignCheck){
	(*campaignCheck).otherBusiness,
	(*campaignCheck).similarity,
	(*campaignCheck).notices,
	(*campaignCheck).purposeOtherBusiness,
	(*campaignCheck).basisMismatch,
	(*campaignCheck).audience,
	(*campaignCheck).purchased,
	(*campaignCheck).consentNotRecorded,
	(*campaignCheck).consentBasis,
	(*campaignCheck).data,
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

func (cc *campaignCheck) otherBusinessPromoted() bool {
	return cc.cp.Promotes != "" && cc.business != "" && cc.cp.Promotes != cc.business
}

// otherBusiness: the exception covers only the sender's own products.
func (cc *campaignCheck) otherBusiness() {
	claimsLI := cc.p != nil && cc.p.Basis == model.LegitimateInterests && cc.p.Marketing != nil
	if cc.unmet(UnmetOtherBusines) && !cc.cp.ConsentRecords && (cc.cp.Kind != model.NewProducts || claimsLI) {
		cc.add(cc.cp.At, "promotes", RuleSoftOptInOtherBusiness, "Promotes", cc.cp.Promotes, "Business", cc.business)
		cc.softErr = true
	}
}

// similarity: the exception covers only similar products.
func (cc *campaignCheck) similarity() {
	if cc.softErr || cc.otherBusinessPromoted() || !cc.claims() {
		return
	}
	switch {
	case cc.unmet(UnmetSimilarUnset):
		cc.add(cc.cp.At, "kind", RuleSoftOptInSimilarUnset)
	case cc.unmet(UnmetNotSimilar) && (cc.cp.Kind == model.SimilarProducts || cc.cp.Kind == model.Advertising):
		cc.add(cc.cp.At, "similar", RuleSoftOptInNotSimilar)
		cc.softErr = true
	}
}

// notices: a campaign on the exception needs a marketing entry in the
// notice and the two objection notices.
func (cc *campaignCheck) notices() {
	p, cp := cc.p, cc.cp
	if cc.softErr || cc.otherBusinessPromoted() || !cc.claims() || cp.ConsentRecords || p == nil {
		return
	}
	m := p.Marketing
	if m == nil || m.Channel != cp.Channel || (m.Business != cc.business && cc.business != "") {
		cc.add(cp.At, "purpose", RuleSoftOptInNotInNotice, "Purpose", p.ID, "Channel", cp.Channel, "Business", cc.business)
		cc.softErr = true
		return
	}
	if !m.ObjectionAtCollection {
		cc.ck.add(cc.ck.pos(m.At, "objection_at_collection"), RuleSoftOptInObjection, "Campaign", cp.ID, "Purpose", p.ID)
		cc.softErr = true
	}
	if !m.UnsubscribeInEveryMessage {
		cc.ck.add(cc.ck.pos(m.At, "unsubscribe_in_every_message"), RuleSoftOptInUnsubscribe, "Campaign", cp.ID, "Purpose", p.ID)
		cc.softErr = true
	}
}

// purposeOtherBusiness: the data of one business's customers used for
// another (purpose limitation).
func (cc *campaignCheck) purposeOtherBusiness() {
	cp, p := cc.cp, cc.p
	if cc.softErr || cp.Audience.Who != model.ExistingCustomers || cp.ConsentRecords {
		return
	}
	switch {
	case cc.otherBusinessPromoted():
		cc.add(cp.At, "promotes", RulePurposeOtherBusiness, "Business", cc.business, "Other", cp.Promotes)
	case p != nil && p.Marketing != nil && cc.business != "" && p.Marketing.Business != cc.business:
		cc.add(cp.Audience.At, "business", RulePurposeOtherBusiness, "Business", cc.business, "Other", p.Marketing.Business)
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

// purchased: forbidden where the law bans buying personal data; elsewhere
// the notice must name the source.
func (cc *campaignCheck) purchased() {
	cp, p := cc.cp, cc.p
	if cp.Audience.Who != model.PurchasedList {
		return
	}
	if cc.ck.purchaseBanned() {
		cc.add(cp.Audience.At, "who", RuleVNPurchasedData)
	}
	if p != nil && p.Source.IsZero() && cc.ck.gdpr() {
		cc.add(p.At, "id", RuleNoticeSource, "Purpose", p.ID)
	}
}

// consentNotRecorded: consent is required in some markets but not recorded.
func (cc *campaignCheck) consentNotRecorded() {
	if cc.cp.ConsentRecords || cc.softErr {
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
		if rg := law.For(o.Market).Regime; rg != "" {
			refs = appendNew(refs, law.Of(rg).ConsentProof)
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
	cc.ck.addRefs(cc.ck.pos(cc.cp.At, "consent_records", "id"), RuleConsentNotRecorded, refs, "Campaign", cc.cp.ID, "Markets", strings.Join(need, ", "))
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
		if o.Verdict == Allowed && (o.Exception != "" || o.Basis == model.LegitimateInterests) {
			markets = append(markets, string(o.Market))
			refs = appendNew(refs, o.Exception)
			if o.Exception == "" {
				refs = appendNew(refs, law.Of(law.For(o.Market).Regime).LegitimateInterests)
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
