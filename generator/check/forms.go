package check

import (
	"slices"

	"github.com/basis-privacy/basis/generator/law"
	"github.com/basis-privacy/basis/generator/model"
)

// Form is one form of the company with what check decided of each field:
// which texts the law asks for beside it, for which markets. Package render
// words them; it decides none of them.
type Form struct {
	*model.Form
	// Markets are the markets the form serves (model.Company.FormMarkets).
	Markets []law.Market
	Fields  []*Field
}

// Field is one field of a form with the facts its text is made from.
type Field struct {
	*model.Field
	Purpose *model.Purpose // the purpose it serves; nil when it names none
	// HelpID is the id of the paragraph beside the field, for
	// aria-describedby: basis-help-<form>-<field>, or basis-help-<field>
	// for the legacy form (so pages made before forms keep working).
	HelpID string
	// Objection is the notice at collection of the existing-customer
	// exception (§ 7(3) Nr. 4 UWG, Art. 13(2) Directive 2002/58/EC, PECR
	// reg. 22(3)), once however many purposes use the address; nil where
	// none is due.
	Objection *Objection
	// Consents are the consent boxes shown with the field: the field itself
	// when it is a consent checkbox, the box of a text field whose purpose
	// rests on consent, and the boxes for marketing to the address it
	// collects in the markets that need prior consent.
	Consents []*Consent
	// Refusal is the notice that every advertising message ends with a way
	// to refuse further ones and that sending stops on refusal (Vietnam:
	// Decree No. 91/2020/ND-CP); nil where none is due.
	Refusal *Refusal
}

// Objection is the notice at collection that an address will also be used
// for advertising the company's own similar products, with the right to
// object at any time.
type Objection struct {
	Channel string // email or sms
	// Businesses are the ids of the businesses whose products are
	// advertised, in the order of the purposes.
	Businesses []string
	// Markets are the markets the form serves whose verdict on that
	// marketing rests on the exception; Partial: the form serves others.
	Markets []law.Market
	Partial bool
	Refs    []string // the exceptions' notice provisions
}

// ConsentKind is where a consent box comes from.
type ConsentKind string

// Consent kinds.
const (
	// ConsentCheckbox is a checkbox of the file whose purpose rests on
	// consent: its label is the wording the person agrees to.
	ConsentCheckbox ConsentKind = "checkbox"
	// ConsentOwn is the box a text field on a consent purpose gets:
	// filling in a field is not consent (Art. 4(11) GDPR).
	ConsentOwn ConsentKind = "field"
	// ConsentMarketing is a box Basis adds for marketing to the address a
	// field collects, where a market the form serves needs prior consent.
	ConsentMarketing ConsentKind = "marketing"
)

// Consent is one consent box of a form.
type Consent struct {
	// ID is stable across languages and releases, for a CRM to store with
	// the wording's hash: <form>.<field> for a checkbox, <form>.<field>.consent
	// for a text field's box, <form>.marketing.<purpose> for a marketing box;
	// without "<form>." in the legacy form.
	ID      string
	Kind    ConsentKind
	Purpose *model.Purpose
	// Channel and Business say what is advertised, how, when the purpose
	// markets (for a checkbox or a text field on a marketing purpose too).
	Channel  string
	Business string
	// Markets are the markets the box is for: all the form serves for a
	// purpose on consent, else those whose verdict needs consent; Partial:
	// the form serves others.
	Markets []law.Market
	Partial bool
	Refs    []string
}

// Refusal is the Vietnamese notice that every advertising message ends with
// a way to refuse and that sending stops on refusal.
type Refusal struct {
	Channel string
	Markets []law.Market
	Partial bool
	Refs    []string
}

// channelField names the form field that collects the address a marketing
// channel uses.
var channelField = map[string]string{"email": "email", "sms": "phone", "phone": "phone", "post": "postal_address"}

// ChannelField returns the id of the field that collects the address a
// marketing channel uses.
func ChannelField(channel string) string { return channelField[channel] }

// forms records the facts of every form; the purposes' marketing verdicts
// must be known.
func (ck *checker) forms() {
	c := ck.c
	for i := range c.Forms {
		mf := &c.Forms[i]
		f := &Form{Form: mf, Markets: ck.formMarkets(mf)}
		for j := range mf.Fields {
			f.Fields = append(f.Fields, ck.formField(f, &mf.Fields[j]))
		}
		ck.refusals(f)
		ck.res.Forms = append(ck.res.Forms, f)
	}
}

// formMarkets returns the markets a form serves, in the order of the
// notice's markets (the purposes' marketing verdicts are given for these).
func (ck *checker) formMarkets(f *model.Form) []law.Market {
	var out []law.Market
	for _, m := range noticeMarkets(ck.c) {
		if len(f.Markets) == 0 || slices.Contains(f.Markets, m) {
			out = append(out, m)
		}
	}
	return out
}

// qualified prefixes an id with the form's id, except in the legacy form.
func qualified(f *model.Form, id string) string {
	if f.Legacy || f.ID == "" {
		return id
	}
	return f.ID + "." + id
}

func (ck *checker) formField(f *Form, mf *model.Field) *Field {
	fd := &Field{Field: mf, Purpose: ck.c.PurposeByID(mf.Purpose), HelpID: "basis-help-" + mf.ID}
	if !f.Legacy {
		fd.HelpID = "basis-help-" + f.ID + "-" + mf.ID
	}
	fd.Objection = ck.objection(f, fd)
	if c := ck.ownConsent(f, fd); c != nil {
		fd.Consents = append(fd.Consents, c)
	}
	fd.Consents = append(fd.Consents, ck.marketingConsents(f, fd)...)
	return fd
}

// saleContext reports whether a field's address is obtained in the context
// of a sale: a checkout or account form, or, in the legacy form whose kind
// is not stated, a field whose purpose rests on a contract.
func saleContext(f *Form, fd *Field) bool {
	if f.Legacy {
		return fd.Purpose != nil && fd.Purpose.Basis == model.Contract
	}
	return f.Kind.Sale()
}

// marketingOn returns the purposes that market on a channel whose address
// field id collects, in file order.
func (ck *checker) marketingOn(id string) []*model.Purpose {
	var out []*model.Purpose
	for i := range ck.c.Purposes {
		p := &ck.c.Purposes[i]
		if p.Marketing != nil && channelField[p.Marketing.Channel] == id {
			out = append(out, p)
		}
	}
	return out
}

// verdictIn returns the verdict on a purpose's marketing in market m.
func (ck *checker) verdictIn(p *model.Purpose, m law.Market) (Outcome, bool) {
	for _, o := range ck.res.Purposes[p.ID].Marketing {
		if o.Market == m {
			return o, true
		}
	}
	return Outcome{}, false
}

// objection: the address field of a form that collects it in the context
// of a sale, for marketing without consent that rests on the exception in a
// market the form serves, carries the notice once. A contact form carries
// none, in the UK too: PECR reg. 22(3)(a) covers "negotiations for the
// sale", but an enquiry is not always one, and Basis adds no advertising to
// a form that collects the address to answer it.
func (ck *checker) objection(f *Form, fd *Field) *Objection {
	if fd.Type != "text" || !saleContext(f, fd) {
		return nil
	}
	var ob *Objection
	for _, p := range ck.marketingOn(fd.ID) {
		ch := p.Marketing.Channel
		if p.Basis == model.Consent || (ch != "email" && ch != "sms") {
			continue
		}
		for _, m := range f.Markets {
			o, ok := ck.verdictIn(p, m)
			if !ok || o.Exception == "" {
				continue
			}
			if ob == nil {
				ob = &Objection{Channel: ch}
			}
			ob.Businesses = appendNew(ob.Businesses, p.Marketing.Business)
			if !slices.Contains(ob.Markets, m) {
				ob.Markets = append(ob.Markets, m)
			}
			ob.Refs = appendNew(ob.Refs, ck.law.For(m).Exception.Notice)
		}
	}
	if ob != nil {
		ob.Markets = inOrder(f.Markets, ob.Markets)
		ob.Partial = len(ob.Markets) < len(f.Markets)
	}
	return ob
}

// inOrder returns the markets of some in the order of all.
func inOrder(all, some []law.Market) []law.Market {
	var out []law.Market
	for _, m := range all {
		if slices.Contains(some, m) {
			out = append(out, m)
		}
	}
	return out
}

// consentRefs are the provisions on how consent is given: a statement or a
// clear affirmative act, never a pre-ticked box or silence.
func (ck *checker) consentRefs(markets []law.Market) []string {
	var out []string
	for _, m := range markets {
		switch ck.law.For(m).Regime {
		case law.PDPL:
			out = appendNew(out, "vn-pdpl-9")
			out = appendNew(out, "vn-decree-356-2025")
		case law.UKGDPR:
			out = appendNew(out, "uk-gdpr-4-11")
		default:
			out = appendNew(out, "gdpr-4-11")
		}
	}
	return out
}

// ownConsent is the consent box of the field itself: a checkbox whose
// purpose rests on consent (its label is the wording), or a text field
// whose purpose rests on consent, which gets a box of its own: filling in
// an optional field is no clear affirmative act of consent (Art. 4(11),
// 7(2) GDPR; Art. 9 Law No. 91/2025/QH15, Art. 6 Decree 356/2025/ND-CP).
func (ck *checker) ownConsent(f *Form, fd *Field) *Consent {
	p := fd.Purpose
	if p == nil || p.Basis != model.Consent {
		return nil
	}
	c := &Consent{ID: qualified(f.Form, fd.ID), Kind: ConsentCheckbox, Purpose: p, Markets: f.Markets, Refs: ck.consentRefs(f.Markets)}
	if fd.Type != "checkbox" {
		c.ID, c.Kind = c.ID+".consent", ConsentOwn
	}
	if m := p.Marketing; m != nil {
		c.Channel, c.Business = m.Channel, m.Business
	}
	return c
}

// marketingConsents are the boxes for marketing to the address a field
// collects, where a market the form serves needs prior consent for it: for
// a purpose on consent every market, else the markets whose verdict on its
// marketing is consent_required or, for email and SMS, whose law has no
// existing-customer exception (see needsConsent). A contact form gets none (the address is
// given to get an answer: Basis adds no advertising to it), nor does a
// form with a checkbox of its own for the purpose, nor the field whose own
// box is that consent.
func (ck *checker) marketingConsents(f *Form, fd *Field) []*Consent {
	if fd.Type != "text" || f.Kind == model.ContactForm {
		return nil
	}
	var out []*Consent
	for _, p := range ck.marketingOn(fd.ID) {
		if p.ID == fd.Field.Purpose || hasCheckbox(f, p.ID) {
			continue
		}
		var need []law.Market
		for _, m := range f.Markets {
			if o, ok := ck.verdictIn(p, m); p.Basis == model.Consent || (ok && ck.needsConsent(p, o)) {
				need = append(need, m)
			}
		}
		if len(need) == 0 {
			continue
		}
		out = append(out, &Consent{ID: qualified(f.Form, "marketing."+p.ID), Kind: ConsentMarketing, Purpose: p,
			Channel: p.Marketing.Channel, Business: p.Marketing.Business, Markets: need, Partial: len(need) < len(f.Markets),
			Refs: ck.marketingConsentRefs(need)})
	}
	return out
}

// needsConsent reports whether a purpose's marketing needs prior consent in
// the market of its verdict o: the verdict says so, or, for email and SMS,
// the market's law has no existing-customer exception (Canada, where
// consent implied by a purchase lapses after two years, CASL s. 10(10):
// the box asks for express consent that does not).
func (ck *checker) needsConsent(p *model.Purpose, o Outcome) bool {
	if o.Verdict == ConsentRequired {
		return true
	}
	ch := p.Marketing.Channel
	return o.Verdict == Allowed && (ch == "email" || ch == "sms") && ck.law.For(o.Market).Exception == nil
}

// marketingConsentRefs are the consent rules of the markets.
func (ck *checker) marketingConsentRefs(markets []law.Market) []string {
	var out []string
	for _, m := range markets {
		if cs := ck.law.For(m).Consent; len(cs) > 0 {
			out = appendNew(out, cs[0])
		}
	}
	return append(out, ck.consentRefs(markets)...)
}

// hasCheckbox reports whether form f has a checkbox field for purpose id.
func hasCheckbox(f *Form, id string) bool {
	return slices.ContainsFunc(f.Form.Fields, func(x model.Field) bool { return x.Type == "checkbox" && x.Purpose == id })
}

// refusals: where a form asks for consent to advertising by email or SMS
// for a market whose law requires every advertising message to end with a
// way to refuse further ones (Vietnam), the field that collects the address
// says so, or, without one, the consent checkbox.
func (ck *checker) refusals(f *Form) {
	for _, fd := range f.Fields {
		for _, c := range fd.Consents {
			if c.Channel == "" {
				continue
			}
			var refs []string
			var ms []law.Market
			for _, m := range c.Markets {
				if r := ck.law.For(m).Refusal[c.Channel]; len(r) > 0 {
					ms = append(ms, m)
					refs = append(refs, r...)
				}
			}
			if len(ms) == 0 {
				continue
			}
			at := fd
			if addr := fieldByID(f, channelField[c.Channel]); addr != nil && addr.Type == "text" {
				at = addr
			}
			if at.Refusal == nil {
				at.Refusal = &Refusal{Channel: c.Channel}
			}
			for _, m := range ms {
				if !slices.Contains(at.Refusal.Markets, m) {
					at.Refusal.Markets = append(at.Refusal.Markets, m)
				}
			}
			for _, r := range refs {
				at.Refusal.Refs = appendNew(at.Refusal.Refs, r)
			}
			at.Refusal.Markets = inOrder(f.Markets, at.Refusal.Markets)
			at.Refusal.Partial = len(at.Refusal.Markets) < len(f.Markets)
		}
	}
}

func fieldByID(f *Form, id string) *Field {
	for _, fd := range f.Fields {
		if fd.ID == id {
			return fd
		}
	}
	return nil
}

// form checks the fields of one form.
func (ck *checker) form(f *Form) {
	if f.Legacy {
		ck.add(ck.pos(ck.c.At, "fields"), RuleFormLegacy)
	}
	for _, fd := range f.Fields {
		ck.field(fd, f.ID, f.Kind == model.NewsletterForm)
	}
}

// unusualData are data a contract rarely needs.
var unusualData = []string{"gender", "date_of_birth"}

// field checks data minimisation and consent: a required field must serve a
// purpose on a basis other than consent (contract, legal obligation,
// legitimate interests such as answering an enquiry, ...); consent cannot be
// a condition of the form; a consent checkbox is never ticked in advance;
// an optional field needs a purpose so that the form can say why it is
// asked.
//
// On a newsletter form the address is what the person signs up with: the
// form is the consent (a clear affirmative act), so a required address for
// the purpose on consent the form collects is no condition imposed on
// something else.
func (ck *checker) field(fd *Field, form string, signup bool) {
	p := fd.Purpose
	if fd.Checked && fd.Type == "checkbox" && p != nil && p.Basis == model.Consent {
		ck.add(ck.pos(fd.At, "checked"), RuleConsentPreTicked, "Form", form, "Field", fd.ID, "Purpose", p.ID)
	}
	if !fd.Required {
		if fd.Field.Purpose == "" {
			ck.add(ck.pos(fd.At, "id"), RuleMinOptionalNoPurpose, "Form", form, "Field", fd.ID)
		}
		return
	}
	if p == nil {
		// A field without a purpose is still needed when a purpose on a
		// basis other than consent lists the same data.
		for i := range ck.c.Purposes {
			if q := &ck.c.Purposes[i]; q.Basis != model.Consent && slices.Contains(q.Data, fd.ID) {
				p = q
				break
			}
		}
		if p == nil {
			ck.add(ck.pos(fd.At, "required"), RuleMinRequiredField, "Form", form, "Field", fd.ID)
			return
		}
	}
	switch {
	case p.Basis == model.Consent && !signup:
		ck.add(ck.pos(fd.At, "required"), RuleConsentRequiredField, "Form", form, "Field", fd.ID, "Purpose", p.ID)
	case slices.Contains(unusualData, fd.ID) && (p.Basis == model.Contract || p.Basis == model.LegitimateInterests):
		ck.add(ck.pos(fd.At, "required"), RuleMinContractData, "Form", form, "Field", fd.ID, "Purpose", p.ID, "Basis", string(p.Basis))
	}
}

// consentCollected: a purpose on consent needs a place where consent is
// given: a consent box in a form, or a campaign under it whose recipients'
// consent is recorded.
func (ck *checker) consentCollected(p *model.Purpose) {
	if p.Basis != model.Consent {
		return
	}
	for _, f := range ck.res.Forms {
		for _, fd := range f.Fields {
			if slices.ContainsFunc(fd.Consents, func(c *Consent) bool { return c.Purpose == p }) {
				return
			}
		}
	}
	for _, cp := range ck.c.Campaigns {
		if cp.Purpose == p.ID && cp.ConsentRecords {
			return
		}
	}
	ck.add(ck.pos(p.At, "basis"), RuleConsentNotCollected, "Purpose", p.ID)
}
