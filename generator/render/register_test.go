package render

import (
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/basis-privacy/basis/generator/load"
	"github.com/basis-privacy/basis/generator/model"
)

// word matches any of words as a whole word (Go's \b knows only ASCII).
func word(words string) *regexp.Regexp {
	return regexp.MustCompile(`(?:^|[^\p{L}\p{M}])(` + words + `)(?:$|[^\p{L}\p{M}])`)
}

// midSentence matches any of words where it cannot begin a sentence: after a
// word, a number, a comma or a bracket. German "Sie" and "Ihre" open a
// sentence as "they" and "their" too; in mid-sentence they are the address.
func midSentence(words string) *regexp.Regexp {
	return regexp.MustCompile(`[\p{Ll}\p{N},;)»“”"]\s+(` + words + `)(?:$|[^\p{L}\p{M}])`)
}

// address lists, per language and register, the forms of address a document
// in that register never uses: the other register's pronouns, possessives
// and verb forms.
var address = map[string]map[model.Register][]*regexp.Regexp{
	"de": {
		model.Formal:   {word(`[Dd]u|[Dd]ich|[Dd]ir|[Dd]ein|[Dd]eine|[Dd]einen|[Dd]einem|[Dd]einer|[Dd]eines|[Ee]uch|[Ee]uer|[Ee]ure`)},
		model.Informal: {midSentence(`Sie|Ihnen|Ihr|Ihre|Ihren|Ihrem|Ihrer|Ihres`)},
	},
	"pl": {
		model.Formal: {
			word(`Ty|Ci|Cię|Ciebie|Tobie|Tobą|[Tt]wój|[Tt]woja|[Tt]woje|[Tt]wojego|[Tt]wojej|[Tt]woją|[Tt]woich|[Tt]woim|[Tt]woimi|[Tt]wojemu`),
			// The second person singular of the verbs (możesz, jesteś,
			// wyrażasz, podasz, wycofasz, dowiesz się) and its imperative.
			word(`\p{L}+(?:esz|isz|ysz|asz|eś|aś)`),
			word(`[Nn]apisz|[Kk]liknij|[Zz]aznacz|[Ss]prawdź|[Pp]rzekaż|[Pp]odaj|[Uu]suń|[Dd]aj|[Ww]yślij|[Uu]pewnij|[Ww]pisz|[Zz]apisz|[Zz]achowaj|[Oo]dpowiedz|[Ww]skaż|[Pp]otwierdź|[Pp]odpisz|[Kk]orzystaj|[Ss]kontaktuj|[Ww]eź|[Zz]rób|[Pp]amiętaj|[Dd]odaj`),
		},
		model.Informal: {midSentence(`Państwo|Państwa|Państwu|Państwem|Pan|Pani|Panu|Panią`)},
	},
	"vi": {
		model.Formal:   {word(`[Bb]ạn`)},
		model.Informal: {word(`[Qq]uý khách`)},
	},
}

// notSecondPerson are words the verb pattern catches that are no verbs in
// the second person: "nasz" (our), "wasz", and nouns ending alike.
var notSecondPerson = map[string]bool{"nasz": true, "Nasz": true, "wasz": true, "kosz": true, "kwestionariusz": true, "już": true, "Kowalska": true}

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
				if address[lang] == nil {
					continue
				}
				for _, d := range companyDocuments(t, r, &c, lang) {
					// In the register the example is written in, its own
					// text must follow it too; in the other, only Basis's.
					text := documentText(d.page)
					if reg != orig.Register && !(reg == model.Formal && orig.Register == "") {
						text = basisText(&c, d.page)
					}
					checked[reg]++
					for _, re := range address[lang][reg] {
						for _, line := range strings.Split(text, "\n") {
							for _, m := range re.FindAllStringSubmatch(line, -1) {
								if notSecondPerson[m[1]] {
									continue
								}
								t.Errorf("%s/%s/%s (%s): %q in %q", c.Slug, lang, d.name, reg, m[1], line)
							}
						}
					}
				}
			}
		}
	}
	// The blank checklists have no company: they are formal.
	for lang := range address {
		page, err := r.BlankChecklist(lang)
		if err != nil {
			t.Fatal(err)
		}
		for _, re := range address[lang][model.Formal] {
			for _, line := range strings.Split(documentText(page), "\n") {
				for _, m := range re.FindAllStringSubmatch(line, -1) {
					if !notSecondPerson[m[1]] {
						t.Errorf("checklist/%s: %q in %q", lang, m[1], line)
					}
				}
			}
		}
	}
	if checked[model.Formal] == 0 || checked[model.Informal] == 0 {
		t.Fatalf("checked %v documents", checked)
	}
}

// TestRegisterPatterns: the patterns find the address they are meant to
// find, so TestRegister cannot pass by finding nothing.
func TestRegisterPatterns(t *testing.T) {
	for _, tc := range []struct {
		lang string
		reg  model.Register
		text string
		want bool
	}{
		{"de", model.Formal, "Du kannst jederzeit widersprechen.", true},
		{"de", model.Formal, "Sie können jederzeit widersprechen.", false},
		{"de", model.Informal, "Wir verwenden Ihre Daten.", true},
		{"de", model.Informal, "Die Empfänger halten sich daran. Sie handeln nach Weisung.", false},
		{"pl", model.Formal, "Możesz wycofać zgodę.", true},
		{"pl", model.Formal, "Administratorem Twoich danych jest:", true},
		{"pl", model.Formal, "Kliknij link.", true},
		{"pl", model.Formal, "Weź pod uwagę cel.", true},
		{"pl", model.Formal, "Mogą Państwo wycofać zgodę.", false},
		{"pl", model.Informal, "Przetwarzamy dane Państwa.", true},
		{"pl", model.Informal, "Państwo\nPolska", false},
		{"vi", model.Formal, "Quyền của bạn", true},
		{"vi", model.Formal, "Quyền của Quý khách", false},
		{"vi", model.Informal, "Quyền của Quý khách", true},
	} {
		found := false
		for _, re := range address[tc.lang][tc.reg] {
			for _, line := range strings.Split(tc.text, "\n") {
				for _, m := range re.FindAllStringSubmatch(line, -1) {
					if !notSecondPerson[m[1]] {
						found = true
					}
				}
			}
		}
		if found != tc.want {
			t.Errorf("%s %s %q: found %v, want %v", tc.lang, tc.reg, tc.text, found, tc.want)
		}
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
