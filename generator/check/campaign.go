package check

import (
	"slices"
	"strings"

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
		ck.campaignFindings(cp, p, markets, outs)
	}
}

// pos returns the position of key in at, with the company file filled in.
func (ck *checker) pos(at model.Positions, key string) model.Pos {
	p := at.At(key)
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

func (ck *checker) situation(cp *model.Campaign, p *model.Purpose, market string) situation {
	s := situation{
		Market: market, Kind: cp.Kind, Who: cp.Audience.Who, Channel: cp.Channel,
		Promotion: cp.Promotion, Similar: cp.Similar,
		Campaign: cp.ID, Business: ck.audienceBusiness(cp), Promotes: cp.Promotes,
	}
	s.OwnBusiness = cp.Promotes == "" || s.Business == "" || cp.Promotes == s.Business
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

// softOptInClaim reports whether the campaign's verdict in market rests on
// the existing-customer exception, or would but for an unmet condition.
func softOptInClaim(cp *model.Campaign, market string) bool {
	if cp.Channel != "email" && cp.Channel != "sms" {
		return false
	}
	if cp.Audience.Who == model.Inquirers {
		// Negotiations for a sale count only in the UK.
		return market == "UK" && cp.Kind == model.SimilarProducts
	}
	if cp.Audience.Who != model.ExistingCustomers {
		return false
	}
	if market != "EU" && market != "DE" && market != "UK" {
		return false
	}
	switch cp.Kind {
	case model.SimilarProducts:
		return true
	case model.SatisfactionSurvey:
		return market != "UK"
	case model.Transactional, model.AfterSales:
		return cp.Promotion
	}
	return false
}

func (ck *checker) campaignFindings(cp *model.Campaign, p *model.Purpose, markets []string, outs []Outcome) {
	business := ck.audienceBusiness(cp)
	claims := slices.ContainsFunc(markets, func(m string) bool { return softOptInClaim(cp, m) })
	electronic := cp.Channel == "email" || cp.Channel == "sms"
	softErr := false
	pid := ""
	if p != nil {
		pid = p.ID
	}

	// The existing-customer exception covers only the sender's own products.
	otherBusiness := cp.Promotes != "" && business != "" && cp.Promotes != business
	claimsLI := p != nil && p.Basis == model.LegitimateInterests && p.Marketing != nil
	exceptionMarket := slices.ContainsFunc(markets, func(m string) bool { return m == "EU" || m == "DE" || m == "UK" })
	if otherBusiness && electronic && cp.Audience.Who == model.ExistingCustomers && !cp.ConsentRecords && exceptionMarket &&
		(cp.Kind != model.NewProducts || claimsLI) {
		ck.add(ck.pos(cp.At, "promotes"), RuleSoftOptInOtherBusiness, "Campaign", cp.ID, "Promotes", cp.Promotes, "Business", business)
		softErr = true
	}

	if claims && !softErr && !otherBusiness {
		if cp.Kind == model.SimilarProducts || cp.Promotion {
			switch {
			case cp.Similar == nil:
				ck.add(ck.pos(cp.At, "kind"), RuleSoftOptInSimilarUnset, "Campaign", cp.ID)
			case !*cp.Similar && cp.Kind == model.SimilarProducts:
				ck.add(ck.pos(cp.At, "similar"), RuleSoftOptInNotSimilar, "Campaign", cp.ID)
				softErr = true
			}
		}
		if !cp.ConsentRecords && p != nil && !softErr {
			switch {
			case p.Marketing == nil || p.Marketing.Channel != cp.Channel || (p.Marketing.Business != business && business != ""):
				ck.add(ck.pos(cp.At, "purpose"), RuleSoftOptInNotInNotice, "Campaign", cp.ID, "Purpose", p.ID, "Channel", cp.Channel, "Business", business)
				softErr = true
			default:
				if !p.Marketing.ObjectionAtCollection {
					ck.add(ck.pos(p.Marketing.At, "objection_at_collection"), RuleSoftOptInObjection, "Campaign", cp.ID, "Purpose", p.ID)
					softErr = true
				}
				if !p.Marketing.UnsubscribeInEveryMessage {
					ck.add(ck.pos(p.Marketing.At, "unsubscribe_in_every_message"), RuleSoftOptInUnsubscribe, "Campaign", cp.ID, "Purpose", p.ID)
					softErr = true
				}
			}
		}
	}

	// Purpose limitation: the data of one business's customers used for another.
	if !softErr && cp.Audience.Who == model.ExistingCustomers && !cp.ConsentRecords {
		switch {
		case otherBusiness:
			ck.add(ck.pos(cp.At, "promotes"), RulePurposeOtherBusiness, "Campaign", cp.ID, "Business", business, "Other", cp.Promotes)
		case p != nil && p.Marketing != nil && business != "" && p.Marketing.Business != business:
			ck.add(ck.pos(cp.Audience.At, "business"), RulePurposeOtherBusiness, "Campaign", cp.ID, "Business", business, "Other", p.Marketing.Business)
		}
	}

	// Transactional messages rest on the contract; without a contract they
	// are marketing.
	if cp.Kind == model.Transactional && !cp.Promotion && p != nil && p.Basis != model.Contract && cp.Audience.Who == model.ExistingCustomers {
		ck.add(ck.pos(cp.At, "purpose"), RuleCampaignBasis, "Campaign", cp.ID, "Purpose", pid)
	}
	if (cp.Kind == model.Transactional || cp.Kind == model.AfterSales) && cp.Audience.Who != model.ExistingCustomers {
		ck.add(ck.pos(cp.Audience.At, "who"), RuleCampaignAudience, "Campaign", cp.ID)
	}

	// Purchased lists: forbidden in Vietnam, the source must be named elsewhere.
	if cp.Audience.Who == model.PurchasedList {
		if ck.vietnam() {
			ck.add(ck.pos(cp.Audience.At, "who"), RuleVNPurchasedData, "Campaign", cp.ID)
		}
		if p != nil && p.Source.IsZero() && ck.gdpr() {
			ck.add(ck.pos(p.At, "id"), RuleNoticeSource, "Campaign", cp.ID, "Purpose", p.ID)
		}
	}

	// Consent is required in some markets but not recorded.
	if !cp.ConsentRecords {
		var need []string
		contested := true
		for _, o := range outs {
			if o.Verdict == ConsentRequired {
				need = append(need, o.Market)
				contested = contested && o.Contested
			}
		}
		if len(need) > 0 && !softErr {
			var refs []string
			if ck.gdpr() {
				refs = append(refs, "gdpr-7-1")
			}
			for _, o := range outs {
				for _, r := range o.Refs {
					if o.Verdict == ConsentRequired && refMarket(r) == o.Market && !slices.Contains(refs, r) {
						refs = append(refs, r)
					}
				}
			}
			ck.addRefs(cp.At.At("consent_records", "id"), RuleConsentNotRecorded, refs, "Campaign", cp.ID, "Markets", strings.Join(need, ", "))
			// An error when the campaign cannot be sent anywhere without
			// consent; a warning when other markets allow it (the checklist
			// then excludes these markets) or every such verdict is contested.
			if contested || len(need) < len(outs) {
				ck.r.Findings[len(ck.r.Findings)-1].Severity = Warning
			}
		}
	}

	// Purpose limitation: the data the campaign uses.
	if p != nil {
		ck.campaignData(cp, p)
	}
}

// campaignData checks that every data category a campaign uses was
// collected for its purpose, or for another purpose it is compatible with.
func (ck *checker) campaignData(cp *model.Campaign, p *model.Purpose) {
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
