package check

import (
	"slices"

	"github.com/basis-privacy/basis/generator/law"
	"github.com/basis-privacy/basis/generator/model"
)

// adequate lists the countries (ISO 3166-1, and UK for the United Kingdom)
// with an EU adequacy decision under Art. 45 GDPR, besides the EEA. The
// United States is adequate only for organisations certified under the
// EU-US Data Privacy Framework (RuleTransferDPF).
var adequate = map[string]bool{
	"AD": true, "AR": true, "CA": true, "CH": true, "FO": true, "GB": true, "UK": true,
	"GG": true, "IL": true, "IM": true, "JP": true, "JE": true, "NZ": true, "KR": true,
	"UY": true,
}

// file reports the problems of the company file outside its campaigns.
func (ck *checker) file() {
	c := ck.c
	gdpr, vn := ck.gdpr(), ck.vietnam()
	if len(c.Purposes) == 0 {
		ck.add(ck.pos(c.At, "purposes"), RuleNoticeNoPurposes)
	}
	for i := range c.Purposes {
		ck.purpose(&c.Purposes[i], gdpr, vn)
	}
	for i := range c.Fields {
		ck.field(&c.Fields[i])
	}
	if gdpr {
		for i := range c.Recipients {
			ck.recipient(&c.Recipients[i])
		}
		if _, sure := law.AuthorityFor(c.Country, c.Controller.Address); c.Authority == nil && sure != law.Sure {
			ck.add(ck.pos(c.At, "country"), RuleNoticeAuthority, "Country", c.Country)
		}
		if !model.InEEA(c.Country) && c.Representative == nil && slices.ContainsFunc(c.Markets, func(m string) bool { return m == "EU" || model.InEEA(m) }) {
			ck.add(ck.pos(c.At, "country"), RuleNoticeRepresentative, "Country", c.Country)
		}
	}
}

func (ck *checker) purpose(p *model.Purpose, gdpr, vn bool) {
	switch p.Basis {
	case model.LegitimateInterests:
		if vn {
			ck.add(ck.pos(p.At, "basis"), RuleVNLegitimateInterests, "Purpose", p.ID)
		}
		if gdpr && p.Interest.IsZero() {
			ck.add(ck.pos(p.At, "basis"), RuleLIInterest, "Purpose", p.ID)
		}
	case model.Consent:
		if p.Withdraw.IsZero() {
			refs := []string{"gdpr-7-3", "gdpr-13-2-c"}
			if !gdpr {
				refs = []string{"vn-pdpl"}
			}
			ck.addRefs(ck.pos(p.At, "basis"), RuleConsentWithdraw, refs, "Purpose", p.ID)
		}
	case model.Contract, model.LegalObligation:
		if !gdpr {
			break
		}
		switch {
		case p.Requirement == "":
			ck.add(p.At.At("requirement", "id"), RuleNoticeRequirement, "Purpose", p.ID)
		case p.Consequence.IsZero():
			ck.add(ck.pos(p.At, "requirement"), RuleNoticeConsequence, "Purpose", p.ID)
		}
	}
}

// field checks data minimisation: a required field must be needed for a
// contract or a legal obligation; an optional one needs a purpose so that the
// form can say why it is asked for.
func (ck *checker) field(f *model.Field) {
	c := ck.c
	needed := func(q *model.Purpose) bool {
		return q != nil && (q.Basis == model.Contract || q.Basis == model.LegalObligation)
	}
	if f.Required {
		ok := needed(c.PurposeByID(f.Purpose))
		if !ok && (f.Purpose == "" || c.PurposeByID(f.Purpose) == nil) {
			// A field without a purpose is still needed when a contract
			// or legal-obligation purpose lists the same data.
			for i := range c.Purposes {
				if needed(&c.Purposes[i]) && slices.Contains(c.Purposes[i].Data, f.ID) {
					ok = true
				}
			}
		}
		if !ok {
			ck.add(ck.pos(f.At, "required"), RuleMinRequiredField, "Field", f.ID)
		}
		return
	}
	if f.Purpose == "" {
		ck.add(ck.pos(f.At, "id"), RuleMinOptionalNoPurpose, "Field", f.ID)
	}
}

func (ck *checker) recipient(r *model.Recipient) {
	if r.Role == "processor" && !r.Contract {
		ck.add(r.At.At("contract", "role"), RuleProcessorContract, "Recipient", r.ID)
	}
	if r.Country == "" || model.InEEA(r.Country) {
		return
	}
	switch {
	case r.Safeguard == "":
		ck.add(ck.pos(r.At, "country"), RuleTransferSafeguard, "Recipient", r.ID, "Country", r.Country)
	case r.Safeguard == "adequacy" && r.Country == "US":
		ck.add(ck.pos(r.At, "safeguard"), RuleTransferDPF, "Recipient", r.ID)
	case r.Safeguard == "adequacy" && !adequate[r.Country]:
		ck.add(ck.pos(r.At, "safeguard"), RuleTransferAdequacy, "Recipient", r.ID, "Country", r.Country)
	}
}
