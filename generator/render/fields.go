package render

import (
	"encoding/json"
	"fmt"
	"html/template"
	"slices"
	"strings"

	"github.com/basis-privacy/basis/generator/check"
	"github.com/basis-privacy/basis/generator/locale"
	"github.com/basis-privacy/basis/generator/model"
)

// FieldInfo is the meta-information of one form field in one language: the
// sentence shown beside the field, and a snippet a web developer can paste.
type FieldInfo struct {
	Field    string      `json:"field"`
	Lang     string      `json:"lang"`
	Label    string      `json:"label"`
	Required bool        `json:"required"`
	Type     string      `json:"type"` // text or checkbox
	Purpose  string      `json:"purpose,omitempty"`
	Basis    model.Basis `json:"basis,omitempty"`
	// Text is everything shown beside the field: why it is asked, then
	// ConsentNotice and ObjectionNotice where they apply.
	Text string `json:"text"`
	// ConsentNotice, for a field whose purpose rests on consent, says that
	// consent can be withdrawn at any time and how (Art. 7(3) GDPR); under
	// Law No. 91/2025/QH15 it also names the controller, the purpose, the
	// data and the person's rights (Art. 9).
	ConsentNotice string `json:"consent_notice,omitempty"`
	// ObjectionNotice, for the address field of a company that advertises
	// its own similar products to customers without consent, tells them at
	// collection that the address will be used for that and that they may
	// object at any time (§ 7(3) Nr. 4 UWG, Art. 13(2) Directive 2002/58/EC).
	ObjectionNotice string `json:"objection_notice,omitempty"`
	// HelpID is the id of the snippet, for aria-describedby on the input.
	HelpID string `json:"help_id"`
	// HTML is the snippet: <p id="HelpID" class="basis-field-help">Text</p>.
	HTML string `json:"html"`
}

// fieldInfos derives the meta-information of every field of the company of
// res in lang in the shared wording.
func (r *Renderer) fieldInfos(res *check.Result, lang string) []FieldInfo {
	return fieldsIn(r.printer(res.Company, lang), res, lang)
}

// fieldsIn derives the meta-information of every field of the company of res
// in lang with p.
func fieldsIn(p *locale.Printer, res *check.Result, lang string) []FieldInfo {
	c := res.Company
	out := make([]FieldInfo, 0, len(c.Fields))
	for _, f := range c.Fields {
		fi := FieldInfo{Field: f.ID, Lang: lang, Label: f.Label.In(lang), Required: f.Required, Type: f.Type,
			Purpose: f.Purpose, HelpID: "basis-help-" + f.ID}
		if fi.Type == "" {
			fi.Type = "text"
		}
		pur := c.PurposeByID(f.Purpose)
		if pur != nil {
			fi.Basis = pur.Basis
		}
		fi.ConsentNotice = consentNotice(p, c, pur, fi.Type == "checkbox")
		fi.ObjectionNotice = objectionNotice(p, res, f.ID)
		fi.Text = joinSentences(fieldSentence(p, f, pur, fi.Label), fi.ConsentNotice, fi.ObjectionNotice)
		fi.HTML = fmt.Sprintf(`<p id="%s" class="basis-field-help" lang="%s">%s</p>`,
			template.HTMLEscapeString(fi.HelpID), lang, template.HTMLEscapeString(fi.Text))
		out = append(out, fi)
	}
	return out
}

// fieldSentence says why the field is asked and whether it may be left
// empty. A checkbox's label is itself a sentence ("I agree to ..."), so it
// is named by its purpose, never woven into the sentence.
func fieldSentence(p *locale.Printer, f model.Field, pur *model.Purpose, label string) string {
	lang := p.Lang()
	switch {
	case !f.Explanation.IsZero():
		return f.Explanation.In(lang)
	case pur == nil:
		// The check reports an optional field without a purpose; the
		// sentence then says only whether the field may be left empty.
		return p.T(requiredKey(f.Required, "field.no_purpose"), "Label", label, "label", lowerFirst(label))
	case f.Type == "checkbox" && pur.Basis == model.Consent:
		return p.T("field.checkbox.consent", "Purpose", pur.Name.In(lang))
	case f.Type == "checkbox":
		return strings.TrimSpace(p.T(requiredKey(f.Required, "field.checkbox"), "Purpose", pur.Name.In(lang),
			"Basis", p.T("basis."+string(pur.Basis)), "Consequence", pur.Consequence.In(lang)))
	}
	key, benefit := "field.purpose", pur.Benefit.In(lang)
	if benefit != "" {
		key = "field.benefit"
	}
	return strings.TrimSpace(p.T(requiredKey(f.Required, key), "Object", fieldObject(p, f, label),
		"Benefit", benefit, "Purpose", pur.Name.In(lang), "Basis", p.T("basis."+string(pur.Basis)),
		"Consequence", pur.Consequence.In(lang)))
}

// fieldObject names what field f collects in the form its sentence needs:
// a built-in data category in its own words and case ("Ihren Namen",
// "imienia i nazwiska", "your name"); any other field by its label ("Ihre
// Angabe im Feld „Kundenkarte“").
func fieldObject(p *locale.Printer, f model.Field, label string) string {
	if id := "field.object." + f.ID; p.Has(id) {
		return p.T(id)
	}
	return p.T("field.object", "Label", label, "label", lowerFirst(label))
}

// consentNotice is what a consent field must say before consent is given:
// that it can be withdrawn at any time and how (Art. 7(3) GDPR); under Law
// No. 91/2025/QH15 also who processes which data for what, and the person's
// rights (Art. 9).
// A field the person fills in first says that filling it in is the consent;
// a checkbox's own sentence already says so.
func consentNotice(p *locale.Printer, c *model.Company, pur *model.Purpose, checkbox bool) string {
	if pur == nil || pur.Basis != model.Consent {
		return ""
	}
	lang := p.Lang()
	given := ""
	if !checkbox {
		given = p.T("field.consent.given")
	}
	how := pur.Withdraw.In(lang)
	if how == "" {
		how = p.T("field.consent.how", "Email", c.Controller.Email)
	}
	if Regime(c) == "pdpl" {
		return joinSentences(given, p.T("field.consent.pdpl", "Controller", c.Controller.Name, "Purpose", pur.Name.In(lang),
			"Data", joinData(p, c, pur.Data)), how)
	}
	return joinSentences(given, p.T("field.consent.withdraw"), how)
}

// objectionNotice is the notice, at collection, that the address given in
// field id will also be used to advertise the company's own similar products
// and that the customer may object at any time at no cost beyond the basic
// rates (§ 7(3) Nr. 4 UWG, Art. 13(2) Directive 2002/58/EC, PECR reg. 22(3)):
// one sentence per marketing purpose relying on that exception whose channel
// uses the address this field collects.
func objectionNotice(p *locale.Printer, res *check.Result, id string) string {
	c := res.Company
	var out []string
	for i := range c.Purposes {
		pur := &c.Purposes[i]
		m := pur.Marketing
		if m == nil || pur.Basis == model.Consent || !m.ObjectionAtCollection || channelField[m.Channel] != id ||
			!slices.ContainsFunc(c.Markets, res.Law.HasException) {
			continue
		}
		business := ""
		if b := c.BusinessByID(m.Business); b != nil {
			business = b.Name.In(p.Lang())
		}
		out = append(out, p.T("field.objection."+m.Channel, "Business", business))
	}
	return joinSentences(out...)
}

// channelField names the form field that collects the address an electronic
// marketing channel uses.
var channelField = map[string]string{"email": "email", "sms": "phone"}

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

// FieldsJSON renders fields.json of the company of res in lang: one entry
// per field, stable keys.
func (r *Renderer) FieldsJSON(res *check.Result, lang string) ([]byte, error) {
	c := res.Company
	p, err := r.Printer(c, lang)
	if err != nil {
		return nil, err
	}
	doc := struct {
		Company string      `json:"company"`
		Lang    string      `json:"lang"`
		Fields  []FieldInfo `json:"fields"`
	}{c.Slug, lang, fieldsIn(p, res, lang)}
	b, err := json.MarshalIndent(doc, "", "  ")
	if err != nil {
		return nil, err
	}
	if err := p.Err(); err != nil {
		return nil, err
	}
	return append(b, '\n'), nil
}
