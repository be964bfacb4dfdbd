package render

import (
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/basis-privacy/basis/generator/load"
	"github.com/basis-privacy/basis/generator/locale"
	"github.com/basis-privacy/basis/generator/model"
)

// registerLangs are the languages whose registers differ (see
// locale.OtherAddress).
var registerLangs = []string{"de", "pl", "vi"}

// otherAddress returns the forms of address of the other register in text,
// line by line.
func otherAddress(lang string, reg model.Register, text string) []string {
	return locale.OtherAddress(lang, locale.Register(reg), text)
}

// TestRegister renders every document of every example in German, Polish
// and Vietnamese in both registers and finds no form of address of the other
// register: in the example's own register anywhere, in the other one in the
// wording Basis writes (the company's own text aside).
func TestRegister(t *testing.T) {
	r := newTestRenderer(t)
	checked := map[model.Register]int{}
	for _, orig := range examples(t) {
		for _, reg := range []model.Register{model.Formal, model.Informal} {
			c := *orig
			c.Register = reg
			for _, lang := range c.Languages {
				if !slices.Contains(registerLangs, lang) {
					continue
				}
				for _, d := range companyDocuments(t, r, &c, lang) {
					if d.name == "report" && reg == model.Informal {
						continue // the firm writes to its client formally (TestReportIsFormal)
					}
					// In the register the example is written in, its own
					// text must follow it too; in the other, only Basis's.
					text := documentText(d.page)
					if reg != orig.Register && !(reg == model.Formal && orig.Register == "") {
						text = basisText(&c, d.page)
					}
					checked[reg]++
					for _, line := range strings.Split(text, "\n") {
						for _, form := range otherAddress(lang, reg, line) {
							t.Errorf("%s/%s/%s (%s): %q in %q", c.Slug, lang, d.name, reg, form, line)
						}
					}
				}
			}
		}
	}
	// The blank checklists have no company: they are formal.
	for _, lang := range registerLangs {
		page, err := r.BlankChecklist(lang)
		if err != nil {
			t.Fatal(err)
		}
		for _, line := range strings.Split(documentText(page), "\n") {
			for _, form := range otherAddress(lang, model.Formal, line) {
				t.Errorf("checklist/%s: %q in %q", lang, form, line)
			}
		}
	}
	if checked[model.Formal] == 0 || checked[model.Informal] == 0 {
		t.Fatalf("checked %v documents", checked)
	}
}

// TestInformalCompanyFile: a company file with register: informal gets every
// document in the informal register, from the notice to the field texts.
func TestInformalCompanyFile(t *testing.T) {
	src, err := os.ReadFile("testdata/four-lang/company.yaml")
	if err != nil {
		t.Fatal(err)
	}
	c, err := load.Parse("testdata/four-lang/company.yaml", append(src, "\nregister: informal\n"...))
	if err != nil {
		t.Fatal(err)
	}
	r := newTestRenderer(t)
	for _, tc := range []struct{ lang, doc, want, not string }{
		{"de", "privacy", "Deine Rechte", "Ihre Rechte"},
		{"de", "fields", "deine E-Mail-Adresse", "Ihre E-Mail-Adresse"},
		{"pl", "privacy", "Twoje prawa", "Państwa prawa"},
		{"vi", "privacy", "Quyền của bạn", "Quyền của Quý khách"},
	} {
		var text string
		for _, d := range companyDocuments(t, r, c, tc.lang) {
			if d.name == tc.doc {
				text = documentText(d.page)
			}
		}
		if !strings.Contains(text, tc.want) || strings.Contains(text, tc.not) {
			t.Errorf("%s/%s: want %q and not %q", tc.lang, tc.doc, tc.want, tc.not)
		}
	}
}
