package locale

import (
	"regexp"
	"slices"
	"strings"
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

// address lists, per language and register, the forms of address a text in
// that register never uses: the other register's pronouns, possessives and
// verb forms. English has one "you" for both.
var address = map[string]map[Register][]*regexp.Regexp{
	"de": {
		Formal:   {word(`[Dd]u|[Dd]ich|[Dd]ir|[Dd]ein|[Dd]eine|[Dd]einen|[Dd]einem|[Dd]einer|[Dd]eines|[Ee]uch|[Ee]uer|[Ee]ure`)},
		Informal: {midSentence(`Sie|Ihnen|Ihr|Ihre|Ihren|Ihrem|Ihrer|Ihres`)},
	},
	"pl": {
		Formal: {
			word(`Ty|Ci|Cię|Ciebie|Tobie|Tobą|[Tt]wój|[Tt]woja|[Tt]woje|[Tt]wojego|[Tt]wojej|[Tt]woją|[Tt]woich|[Tt]woim|[Tt]woimi|[Tt]wojemu`),
			// The second person singular of the verbs (możesz, jesteś,
			// wyrażasz, podasz, wycofasz, dowiesz się) and its imperative.
			word(`\p{L}+(?:esz|isz|ysz|asz|eś|aś)`),
			word(`[Nn]apisz|[Kk]liknij|[Zz]aznacz|[Ss]prawdź|[Pp]rzekaż|[Pp]odaj|[Uu]suń|[Dd]aj|[Ww]yślij|[Uu]pewnij|[Ww]pisz|[Zz]apisz|[Zz]achowaj|[Oo]dpowiedz|[Ww]skaż|[Pp]otwierdź|[Pp]odpisz|[Kk]orzystaj|[Ss]kontaktuj|[Ww]eź|[Zz]rób|[Pp]amiętaj|[Dd]odaj`),
		},
		Informal: {midSentence(`Państwo|Państwa|Państwu|Państwem|Pan|Pani|Panu|Panią`)},
	},
	"vi": {
		Formal:   {word(`[Bb]ạn`)},
		Informal: {word(`[Qq]uý khách`)},
	},
}

// notSecondPerson are words the Polish verb pattern catches that are no
// verbs in the second person: "nasz" (our), "wasz", and nouns ending alike.
var notSecondPerson = map[string]bool{"nasz": true, "Nasz": true, "wasz": true, "Wasz": true, "kosz": true, "kwestionariusz": true, "już": true, "Już": true, "Kowalska": true}

// OtherAddress returns the forms of address in text that a text in register
// reg of lang never uses, in the order they first appear: in a formal
// German text "du", "dein"; in an informal one "Sie", "Ihre" in
// mid-sentence (where they cannot mean "they", "their"); in Polish the
// pronouns and second-person verb forms ("możesz", "kliknij") or "Państwo";
// in Vietnamese "bạn" or "Quý khách". Lines are looked at one by one.
//
//	locale.OtherAddress("de", locale.Informal, "Die Ausübung Ihrer Rechte") // ["Ihrer"]
func OtherAddress(lang string, reg Register, text string) []string {
	type found struct {
		at   int
		form string
	}
	var all []found
	offset := 0
	for _, line := range strings.SplitAfter(text, "\n") {
		for _, re := range address[lang][reg] {
			for _, m := range re.FindAllStringSubmatchIndex(line, -1) {
				if form := line[m[2]:m[3]]; !notSecondPerson[form] {
					all = append(all, found{offset + m[2], form})
				}
			}
		}
		offset += len(line)
	}
	slices.SortStableFunc(all, func(a, b found) int { return a.at - b.at })
	var out []string
	for _, f := range all {
		if !slices.Contains(out, f.form) {
			out = append(out, f.form)
		}
	}
	return out
}
