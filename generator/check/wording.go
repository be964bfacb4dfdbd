package check

import (
	"maps"
	"slices"
	"strings"

	"github.com/basis-privacy/basis/generator/locale"
	"github.com/basis-privacy/basis/generator/model"
)

// wording warns about each of the company's own messages (content/<slug>/
// locales/) its documents use that addresses the reader in the other
// register: "Ihre" in a company that writes "du", "du" in a formal one
// (see locale.OtherAddress). The warning is at the text.
func (ck *checker) wording() {
	c := ck.c
	reg := locale.Formal
	if c.Register == model.Informal {
		reg = locale.Informal
	}
	for _, m := range c.Messages {
		if !usedIn(c, m, reg) {
			continue
		}
		var forms []string
		for _, text := range messageTexts(m) {
			for _, f := range locale.OtherAddress(m.Lang, reg, text) {
				if !slices.Contains(forms, f) {
					forms = append(forms, f)
				}
			}
		}
		if len(forms) > 0 {
			ck.add(m.Value, RuleWordingRegister, "Message", m.ID, "Lang", m.Lang,
				"Forms", strings.Join(forms, ", "), "Register", string(reg))
		}
	}
}

// usedIn reports whether documents in register reg use the company's own
// message m, as locale.Printer chooses: a formal document the messages
// without the ".informal" suffix; an informal one the ".informal" ones, and
// the others where the company does not word their informal variant.
func usedIn(c *model.Company, m model.Message, reg locale.Register) bool {
	informal := strings.HasSuffix(m.ID, locale.InformalSuffix)
	if reg != locale.Informal {
		return !informal
	}
	if informal {
		return true
	}
	return !slices.ContainsFunc(c.Messages, func(o model.Message) bool {
		return o.Lang == m.Lang && o.ID == m.ID+locale.InformalSuffix
	})
}

// messageTexts returns the text of m, or each of its plural forms.
func messageTexts(m model.Message) []string {
	if m.Forms == nil {
		return []string{m.Text}
	}
	out := make([]string, 0, len(m.Forms))
	for _, k := range slices.Sorted(maps.Keys(m.Forms)) {
		out = append(out, m.Forms[k])
	}
	return out
}
