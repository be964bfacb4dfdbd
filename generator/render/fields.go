package render

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"html/template"
	"strings"

	"github.com/basis-privacy/basis/generator/check"
	"github.com/basis-privacy/basis/generator/law"
	"github.com/basis-privacy/basis/generator/locale"
	"github.com/basis-privacy/basis/generator/model"
)

// FieldInfo is the meta-information of one form field in one language: the
// sentence shown beside the field, and a snippet a web developer can paste.
// Check decided which notices and consent boxes the field gets; this only
// words them.
type FieldInfo struct {
	// Form is the id of the field's form; "" for the fields an old file
	// lists at the top level.
	Form     string      `json:"form,omitempty"`
	FormKind string      `json:"form_kind,omitempty"`
	Field    string      `json:"field"`
	Lang     string      `json:"lang"`
	Label    string      `json:"label"`
	Required bool        `json:"required"`
	Type     string      `json:"type"` // text or checkbox
	Purpose  string      `json:"purpose,omitempty"`
	Basis    model.Basis `json:"basis,omitempty"`
	// Checked: the checkbox is ticked when the form opens; never a
	// consent checkbox (CJEU C-673/17 Planet49; check reports it).
	Checked bool `json:"checked,omitempty"`
	// Text is everything shown beside the field: why it is asked, then
	// ConsentNotice, ObjectionNotice and RefusalNotice where they apply.
	Text string `json:"text"`
	// ConsentNotice, for a consent checkbox, says that consent can be
	// withdrawn at any time and how (Art. 7(3) GDPR; under Law No.
	// 91/2025/QH15 also the controller, the purpose, the data and the
	// person's rights, Art. 9); for a text field on consent, that it is used
	// only if the person ticks its consent box.
	ConsentNotice string `json:"consent_notice,omitempty"`
	// ObjectionNotice, for the address field of a checkout or account form
	// of a company that advertises its own similar products to customers
	// without consent, tells them at collection that the address will be
	// used for that and that they may object at any time (§ 7(3) Nr. 4 UWG,
	// Art. 13(2) Directive 2002/58/EC), once.
	ObjectionNotice string `json:"objection_notice,omitempty"`
	// RefusalNotice, for the address of a form that asks for consent to
	// advertising by email or SMS in Vietnam, says that every advertising
	// message ends with a way to refuse and that sending stops on refusal
	// (Decree No. 91/2020/ND-CP).
	RefusalNotice string `json:"refusal_notice,omitempty"`
	// Consents are the consent boxes shown with the field, each with its
	// stable id and the SHA-256 of its exact wording.
	Consents []ConsentInfo `json:"consents,omitempty"`
	// HelpID is the id of the snippet, for aria-describedby on the input.
	HelpID string `json:"help_id"`
	// HTML is the snippet: <p id="HelpID" class="basis-field-help">Text</p>.
	HTML string `json:"html"`
}

// ConsentInfo is one consent box in one language: what the person agrees
// to, word for word, with a stable id and the SHA-256 of that wording, so
// that a CRM can store which words a person agreed to.
type ConsentInfo struct {
	// ID is stable across languages and releases (check.Consent.ID).
	ID string `json:"id"`
	// Kind is checkbox (a checkbox of the company file: its label is the
	// wording), field (the box of a text field on consent) or marketing
	// (a box Basis adds for marketing to the address the field collects).
	Kind    string   `json:"kind"`
	Purpose string   `json:"purpose"`
	Markets []string `json:"markets"`
	// Text is the wording beside the box, exactly as hashed.
	Text string `json:"text"`
	// SHA256 is the hex SHA-256 of Text in UTF-8.
	SHA256 string `json:"sha256"`
	// Notice is shown under a box Basis adds: for whom it is, how consent
	// is withdrawn (Art. 7(3) GDPR) and, under Law No. 91/2025/QH15, the
	// person's rights.
	Notice string `json:"notice,omitempty"`
	// InputID is the id of the box's input in the snippet.
	InputID string `json:"input_id"`
	// HTML is the snippet of a box Basis adds: an unticked checkbox whose
	// value is SHA256, its label and the notice.
	HTML string `json:"html,omitempty"`
}

// FormInfo is one form in the fields page and fields.json.
type FormInfo struct {
	Form    string   `json:"form"`
	Kind    string   `json:"kind,omitempty"`
	Name    string   `json:"name,omitempty"`
	Markets []string `json:"markets"`
	// Title is the form's heading: its name, or what its kind is; "" for
	// the fields an old file lists at the top level.
	Title  string      `json:"-"`
	Fields []FieldInfo `json:"-"`
}

// fieldsView is what fields.html and fields.json are made from.
type fieldsView struct {
	Forms []FormInfo
}

// HasFields reports whether any form has a field.
func (v *fieldsView) HasFields() bool {
	for _, f := range v.Forms {
		if len(f.Fields) > 0 {
			return true
		}
	}
	return false
}

// Fields lists every field of every form.
func (v *fieldsView) Fields() []FieldInfo {
	var out []FieldInfo
	for _, f := range v.Forms {
		out = append(out, f.Fields...)
	}
	return out
}

// fieldInfos derives the meta-information of every field of the company of
// res in lang in the shared wording.
func (r *Renderer) fieldInfos(res *check.Result, lang string) []FieldInfo {
	return fieldsIn(r.printer(res.Company, lang), res, lang).Fields()
}

// fieldsIn derives the meta-information of every form of the company of res
// in lang with p.
func fieldsIn(p *locale.Printer, res *check.Result, lang string) *fieldsView {
	v := &fieldsView{}
	for _, f := range res.Forms {
		fi := FormInfo{Form: f.ID, Kind: string(f.Kind), Name: f.Name.In(lang), Markets: marketCodes(f.Markets)}
		switch {
		case fi.Name != "":
			fi.Title = fi.Name
		case !f.Legacy:
			fi.Title = p.T("fields.form." + fi.Kind)
		}
		for _, fd := range f.Fields {
			fi.Fields = append(fi.Fields, fieldInfo(p, res, f, fd))
		}
		v.Forms = append(v.Forms, fi)
	}
	return v
}

func marketCodes(ms []law.Market) []string {
	out := make([]string, len(ms))
	for i, m := range ms {
		out[i] = string(m)
	}
	return out
}

// fieldInfo words the facts check found of one field.
func fieldInfo(p *locale.Printer, res *check.Result, f *check.Form, fd *check.Field) FieldInfo {
	lang := p.Lang()
	fi := FieldInfo{Form: f.ID, FormKind: string(f.Kind), Field: fd.ID, Lang: lang, Label: fd.Label.In(lang),
		Required: fd.Required, Type: fd.Type, Purpose: fd.Field.Purpose, HelpID: fd.HelpID}
	if fi.Type == "" {
		fi.Type = "text"
	}
	pur := fd.Purpose
	if pur != nil {
		fi.Basis = pur.Basis
	}
	for _, c := range fd.Consents {
		fi.Consents = append(fi.Consents, consentInfo(p, res, fd, c))
	}
	fi.Checked = fd.Checked && fi.Type == "checkbox" && (pur == nil || pur.Basis != model.Consent)
	fi.ConsentNotice = consentNotice(p, res, fd)
	fi.ObjectionNotice = objectionNotice(p, res.Company, fd.Objection)
	fi.RefusalNotice = refusalNotice(p, fd.Refusal)
	fi.Text = joinSentences(fieldSentence(p, res.Company, fd, fi.Label), fi.ConsentNotice, fi.ObjectionNotice, fi.RefusalNotice)
	fi.HTML = fmt.Sprintf(`<p id="%s" class="basis-field-help" lang="%s">%s</p>`,
		template.HTMLEscapeString(fi.HelpID), lang, template.HTMLEscapeString(fi.Text))
	return fi
}

// fieldSentence says why the field is asked and whether it may be left
// empty. A checkbox's label is itself a sentence ("I agree to ..."), so it
// is named by its purpose, never woven into the sentence.
func fieldSentence(p *locale.Printer, c *model.Company, fd *check.Field, label string) string {
	lang := p.Lang()
	pur := fd.Purpose
	switch {
	case !fd.Explanation.IsZero():
		return fd.Explanation.In(lang)
	case pur == nil:
		// The check reports an optional field without a purpose; the
		// sentence then says only whether the field may be left empty.
		return p.T(requiredKey(fd.Required, "field.no_purpose"), "Label", label, "label", lowerInSentence(lang, label))
	case fd.Type == "checkbox" && pur.Basis == model.Consent:
		return checkboxConsent(p, c, pur)
	case fd.Type == "checkbox":
		return strings.TrimSpace(p.T(requiredKey(fd.Required, "field.checkbox"), "Purpose", pur.Name.In(lang),
			"Basis", p.T("basis."+string(pur.Basis)), "Consequence", pur.Consequence.In(lang)))
	}
	key, benefit := "field.purpose", pur.Benefit.In(lang)
	if benefit != "" {
		key = "field.benefit"
	}
	return strings.TrimSpace(p.T(requiredKey(fd.Required, key), "Object", fieldObject(p, fd.Field, label),
		"Benefit", benefit, "Purpose", pur.Name.In(lang), "Basis", p.T("basis."+string(pur.Basis))))
}

// checkboxConsent is the sentence beside a consent checkbox of the file:
// for marketing it names the sender, the channel and what is advertised
// (legal review row 20); otherwise what the data are used for, in the
// purpose's own words where it has them.
func checkboxConsent(p *locale.Printer, c *model.Company, pur *model.Purpose) string {
	lang := p.Lang()
	switch {
	case pur.Marketing != nil:
		return p.T("field.checkbox.marketing", "Sender", c.Controller.Name, "Channel", p.T("field.channel."+pur.Marketing.Channel),
			"Offers", offers(p, c, pur.Marketing.Business))
	case pur.Benefit.In(lang) != "":
		return p.T("field.checkbox.consent.benefit", "Benefit", pur.Benefit.In(lang))
	}
	return p.T("field.checkbox.consent", "Purpose", pur.Name.In(lang))
}

// offers names what a business offers, as a consent names what is
// advertised: its offers:, or its name.
func offers(p *locale.Printer, c *model.Company, id string) string {
	b := c.BusinessByID(id)
	if b == nil {
		return p.T("field.offers.default", "Business", "")
	}
	if o := b.Offers.In(p.Lang()); o != "" {
		return o
	}
	return p.T("field.offers.default", "Business", b.Name.In(p.Lang()))
}

// fieldObject names what field f collects in the form its sentence needs:
// a built-in data category in its own words and case ("Ihren Namen",
// "imienia i nazwiska", "your name"); any other field by its label ("Ihre
// Angabe im Feld „Kundenkarte“").
func fieldObject(p *locale.Printer, f *model.Field, label string) string {
	if id := "field.object." + f.ID; p.Has(id) {
		return p.T(id)
	}
	return p.T("field.object", "Label", label, "label", lowerInSentence(p.Lang(), label))
}

// consentNotice is what a field on consent says beside it: a consent
// checkbox, that consent can be withdrawn at any time and how (Art. 7(3)
// GDPR; under Law No. 91/2025/QH15 also who processes which data for what,
// and the person's rights, Art. 9); a text field, that it is used only if
// the person ticks its own box (filling it in is no consent).
func consentNotice(p *locale.Printer, res *check.Result, fd *check.Field) string {
	for _, x := range fd.Consents {
		switch x.Kind {
		case check.ConsentCheckbox:
			return withdrawal(p, res, x.Purpose)
		case check.ConsentOwn:
			return p.T("field.consent.box")
		}
	}
	return ""
}

// withdrawal says, before consent is given, that it can be withdrawn at
// any time and how (Art. 7(3) GDPR); under Law No. 91/2025/QH15 it first
// names the controller, the purpose, the data and the rights (Art. 9).
func withdrawal(p *locale.Printer, res *check.Result, pur *model.Purpose) string {
	c, lang := res.Company, p.Lang()
	how := p.T("field.consent.how", "Email", c.Controller.Email)
	if w := strings.TrimSpace(pur.Withdraw.In(lang)); w != "" {
		how = p.T("field.consent.how.own", "How", w, "how", strings.TrimSuffix(lowerInSentence(lang, w), "."))
	}
	if res.Regime() == law.PDPL {
		return joinSentences(p.T("field.consent.pdpl", "Controller", c.Controller.Name, "Purpose", pur.Name.In(lang),
			"Data", joinData(p, c, pur.Data)), how)
	}
	return joinSentences(p.T("field.consent.withdraw"), how)
}

// consentInfo words one consent box, hashes its wording and writes its
// snippet.
func consentInfo(p *locale.Printer, res *check.Result, fd *check.Field, x *check.Consent) ConsentInfo {
	c := res.Company
	ci := ConsentInfo{ID: x.ID, Kind: string(x.Kind), Purpose: x.Purpose.ID, Markets: marketCodes(x.Markets),
		InputID: "basis-consent-" + strings.ReplaceAll(x.ID, ".", "-")}
	switch x.Kind {
	case check.ConsentCheckbox:
		ci.Text = fd.Label.In(p.Lang())
		ci.InputID = fd.ID
	case check.ConsentOwn:
		ci.Text = ownBox(p, c, fd, x)
	case check.ConsentMarketing:
		ci.Text = marketingBox(p, c, x)
	}
	sum := sha256.Sum256([]byte(ci.Text))
	ci.SHA256 = hex.EncodeToString(sum[:])
	if x.Kind == check.ConsentCheckbox {
		return ci
	}
	var forWhom string
	if x.Partial {
		forWhom = p.T("field.box.markets", "Markets", marketNames(p, x.Markets))
	}
	ci.Notice = joinSentences(forWhom, withdrawal(p, res, x.Purpose))
	esc := template.HTMLEscapeString
	ci.HTML = fmt.Sprintf(`<input type="checkbox" id="%[1]s" name="%[1]s" value="%[2]s" data-consent-id="%[3]s" aria-describedby="%[1]s-help"> <label for="%[1]s" lang="%[4]s">%[5]s</label>`+"\n"+
		`<p id="%[1]s-help" class="basis-consent-help" lang="%[4]s">%[6]s</p>`,
		esc(ci.InputID), ci.SHA256, esc(ci.ID), p.Lang(), esc(ci.Text), esc(ci.Notice))
	return ci
}

// ownBox is the wording of the box of a text field on consent, in the
// first person: the company's consent: where it gives one; for marketing,
// the sender, the channel and what is advertised; otherwise the
// controller, the purpose's data and the purpose (Art. 4(11) GDPR; Law No.
// 91/2025/QH15 Art. 9: the data, the purpose and the controller).
func ownBox(p *locale.Printer, c *model.Company, fd *check.Field, x *check.Consent) string {
	lang := p.Lang()
	if w := fd.Consent.In(lang); w != "" {
		return w
	}
	if x.Channel != "" {
		return marketingBox(p, c, x)
	}
	return p.T("field.box.own", "Controller", c.Controller.Name, "Data", joinData(p, c, x.Purpose.Data),
		"Purpose", x.Purpose.Name.In(lang), "purpose", lowerInSentence(lang, x.Purpose.Name.In(lang)))
}

// marketingBox is the wording of a consent to marketing, in the first
// person: the sender, the channel and what is advertised (legal review row
// 20; § 7(2) Nr. 2 UWG; art. 398 ust. 1 PKE; Law No. 91/2025/QH15 Art. 9).
func marketingBox(p *locale.Printer, c *model.Company, x *check.Consent) string {
	return p.T("field.box.marketing", "Sender", c.Controller.Name, "Channel", p.T("field.channel."+x.Channel),
		"Offers", offers(p, c, x.Business))
}

// marketNames names markets in the page language.
func marketNames(p *locale.Printer, ms []law.Market) string {
	names := make([]string, len(ms))
	for i, m := range ms {
		names[i] = marketName(p, m)
	}
	return join(p, names)
}

// forMarkets prefixes a notice with the markets it is for, where the form
// serves others too.
func forMarkets(p *locale.Printer, partial bool, ms []law.Market, notice string) string {
	if !partial {
		return notice
	}
	return joinSentences(p.T("field.markets", "Markets", marketNames(p, ms)), notice)
}

// objectionNotice is the notice, at collection, that the address will also
// be used to advertise the company's own similar products and that the
// customer may object at any time (§ 7(3) Nr. 4 UWG, Art. 13(2) Directive
// 2002/58/EC, PECR reg. 22(3)): once per field, in plain words in each
// language (the German text keeps the statute's "Basistarife").
func objectionNotice(p *locale.Printer, c *model.Company, ob *check.Objection) string {
	if ob == nil {
		return ""
	}
	names := make([]string, 0, len(ob.Businesses))
	for _, id := range ob.Businesses {
		if b := c.BusinessByID(id); b != nil {
			names = append(names, b.Name.In(p.Lang()))
		}
	}
	// A market whose act words the right otherwise (Austria: "kostenfrei
	// und problemlos abzulehnen", § 174(4) Z 3 TKG 2021) gets its own
	// sentence, each then saying for whose customers it is.
	groups := byMarket(p, "field.objection."+ob.Channel, ob.Markets)
	var out []string
	for _, g := range groups {
		out = append(out, forMarkets(p, ob.Partial || len(groups) > 1, g.Markets, p.T(g.ID, "Business", join(p, names))))
	}
	return joinSentences(out...)
}

// refusalNotice is the Vietnamese notice that every advertising message
// ends with a way to refuse and that sending stops on refusal (Decree No.
// 91/2020/ND-CP Art. 13, 16, 20).
func refusalNotice(p *locale.Printer, rf *check.Refusal) string {
	if rf == nil {
		return ""
	}
	return forMarkets(p, rf.Partial, rf.Markets, p.T("field.refusal."+rf.Channel))
}

// joinSentences joins the non-empty sentences with a space.
func joinSentences(ss ...string) string {
	var out []string
	for _, s := range ss {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return strings.Join(out, " ")
}

func requiredKey(required bool, base string) string {
	if required {
		return base + ".required"
	}
	return base + ".optional"
}

// FieldsJSON renders fields.json of the company of res in lang: the forms,
// then one entry per field, stable keys.
func (r *Renderer) FieldsJSON(res *check.Result, lang string) ([]byte, error) {
	c := res.Company
	p, err := r.Printer(c, lang)
	if err != nil {
		return nil, err
	}
	v := fieldsIn(p, res, lang)
	fields := v.Fields()
	if fields == nil {
		fields = []FieldInfo{}
	}
	doc := struct {
		Company string      `json:"company"`
		Lang    string      `json:"lang"`
		Forms   []FormInfo  `json:"forms"`
		Fields  []FieldInfo `json:"fields"`
	}{c.Slug, lang, v.Forms, fields}
	if doc.Forms == nil {
		doc.Forms = []FormInfo{}
	}
	b, err := json.MarshalIndent(doc, "", "  ")
	if err != nil {
		return nil, err
	}
	if err := p.Err(); err != nil {
		return nil, err
	}
	return append(b, '\n'), nil
}
