package render

import (
	"encoding/json"
	"fmt"
	"html/template"
	"strings"

	"github.com/basis-privacy/basis/generator/model"
)

// FieldInfo is the meta-information of one form field in one language: the
// sentence shown beside the field, and a snippet a web developer can paste.
type FieldInfo struct {
	Field    string      `json:"field"`
	Lang     string      `json:"lang"`
	Label    string      `json:"label"`
	Required bool        `json:"required"`
	Purpose  string      `json:"purpose,omitempty"`
	Basis    model.Basis `json:"basis,omitempty"`
	// Text is the sentence shown beside the field.
	Text string `json:"text"`
	// HelpID is the id of the snippet, for aria-describedby on the input.
	HelpID string `json:"help_id"`
	// HTML is the snippet: <p id="HelpID" class="basis-field-help">Text</p>.
	HTML string `json:"html"`
}

// fieldInfos derives the meta-information of every field of c in lang.
func (r *Renderer) fieldInfos(c *model.Company, lang string) []FieldInfo {
	p := r.printers[lang]
	out := make([]FieldInfo, 0, len(c.Fields))
	for _, f := range c.Fields {
		fi := FieldInfo{Field: f.ID, Lang: lang, Label: f.Label.In(lang), Required: f.Required, Purpose: f.Purpose,
			HelpID: "basis-help-" + f.ID}
		pur := c.PurposeByID(f.Purpose)
		if pur != nil {
			fi.Basis = pur.Basis
		}
		switch {
		case !f.Explanation.IsZero():
			fi.Text = f.Explanation.In(lang)
		case pur == nil:
			// The check reports an optional field without a purpose; the
			// sentence then says only whether the field may be left empty.
			fi.Text = p.T(requiredKey(f.Required, "field.no_purpose"), "Label", fi.Label, "label", lowerFirst(fi.Label))
		default:
			key, benefit := "field.purpose", pur.Benefit.In(lang)
			if benefit != "" {
				key = "field.benefit"
			}
			fi.Text = strings.TrimSpace(p.T(requiredKey(f.Required, key), "Label", fi.Label, "label", lowerFirst(fi.Label),
				"Benefit", benefit, "Purpose", pur.Name.In(lang), "Basis", p.T("basis."+string(pur.Basis)),
				"Consequence", pur.Consequence.In(lang)))
		}
		fi.HTML = fmt.Sprintf(`<p id="%s" class="basis-field-help" lang="%s">%s</p>`,
			template.HTMLEscapeString(fi.HelpID), lang, template.HTMLEscapeString(fi.Text))
		out = append(out, fi)
	}
	return out
}

func requiredKey(required bool, base string) string {
	if required {
		return base + ".required"
	}
	return base + ".optional"
}

// FieldsJSON renders fields.json of c in lang: one entry per field, stable keys.
func (r *Renderer) FieldsJSON(c *model.Company, lang string) ([]byte, error) {
	doc := struct {
		Company string      `json:"company"`
		Lang    string      `json:"lang"`
		Fields  []FieldInfo `json:"fields"`
	}{c.Slug, lang, r.fieldInfos(c, lang)}
	b, err := json.MarshalIndent(doc, "", "  ")
	if err != nil {
		return nil, err
	}
	if err := r.printers[lang].Err(); err != nil {
		return nil, err
	}
	return append(b, '\n'), nil
}
