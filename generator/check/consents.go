package check

import (
	"github.com/basis-privacy/basis/generator/internal/suggest"
)

// Consents returns every consent box of the company's forms, in form and
// field order: what a CRM stores a consent against (see fields.json).
func (r *Result) Consents() []*Consent {
	var out []*Consent
	for _, f := range r.Forms {
		for _, fd := range f.Fields {
			out = append(out, fd.Consents...)
		}
	}
	return out
}

// ConsentByID returns the consent box with id, or nil.
func (r *Result) ConsentByID(id string) *Consent {
	for _, x := range r.Consents() {
		if x.ID == id {
			return x
		}
	}
	return nil
}

// consentSources checks where each campaign says its consents come from: a
// consent box must be one of the forms', and ask consent for the
// campaign's own purpose, since consent covers only the purposes it was
// given for (Art. 4(11), 6(1)(a) GDPR).
func (ck *checker) consentSources() {
	var ids []string
	for _, x := range ck.res.Consents() {
		ids = append(ids, x.ID)
	}
	for i := range ck.c.Campaigns {
		cp := &ck.c.Campaigns[i]
		for _, s := range cp.Consents {
			if s.ConsentID == "" {
				continue
			}
			pos := ck.pos(s.At, "consent_id")
			x := ck.res.ConsentByID(s.ConsentID)
			switch {
			case x == nil:
				ck.add(pos, RuleConsentSourceUnknown, "Campaign", cp.ID, "ID", s.ConsentID,
					"Meant", suggest.Closest(s.ConsentID, ids), "IDs", quoted(ids))
			case x.Purpose.ID != cp.Purpose:
				ck.add(pos, RuleConsentSourcePurpose, "Campaign", cp.ID, "ID", s.ConsentID,
					"Other", x.Purpose.ID, "Purpose", cp.Purpose)
			}
		}
	}
}
