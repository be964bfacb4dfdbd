package render

import "github.com/basis-privacy/basis/generator/model"

// notice is the view of a privacy notice: the company's purposes grouped the
// way Art. 13 GDPR asks for them.
type notice struct {
	Interests  []*model.Purpose   // purposes on legitimate interests (Art. 13(1)(d))
	Consents   []*model.Purpose   // purposes on consent (Art. 13(2)(c))
	Marketing  []*model.Purpose   // purposes with direct marketing (Art. 21(2)-(3))
	Required   []*model.Purpose   // purposes whose data is a statutory or contractual requirement (Art. 13(2)(e))
	Processors []*model.Recipient // recipients acting on the company's behalf
	Others     []*model.Recipient // recipients that are controllers themselves
	Transfers  []*model.Recipient // recipients outside the EEA (Art. 13(1)(f))
	SoftOptIn  bool               // marketing relies on the existing-customer exception
}

func newNotice(c *model.Company) *notice {
	n := &notice{}
	for i := range c.Purposes {
		p := &c.Purposes[i]
		switch p.Basis {
		case model.LegitimateInterests:
			n.Interests = append(n.Interests, p)
		case model.Consent:
			n.Consents = append(n.Consents, p)
		}
		if p.Marketing != nil {
			n.Marketing = append(n.Marketing, p)
			if p.Basis != model.Consent {
				n.SoftOptIn = true
			}
		}
		if p.Requirement != "" {
			n.Required = append(n.Required, p)
		}
	}
	for i := range c.Recipients {
		rc := &c.Recipients[i]
		if rc.Role == "processor" {
			n.Processors = append(n.Processors, rc)
		} else {
			n.Others = append(n.Others, rc)
		}
		if Abroad(c, rc.Country) {
			n.Transfers = append(n.Transfers, rc)
		}
	}
	return n
}

// Abroad reports whether sending data to country is a transfer abroad under
// the company's law: outside the EEA under the GDPR, outside the United
// Kingdom under the UK GDPR, outside Vietnam under Law No. 91/2025/QH15.
func Abroad(c *model.Company, country string) bool {
	switch Regime(c) {
	case "pdpl":
		return country != "VN"
	case "ukgdpr":
		return country != "GB" && country != "UK"
	}
	return !model.InEEA(country)
}
