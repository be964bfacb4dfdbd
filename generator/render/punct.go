package render

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// politeForms are the Polish words of address written with a capital
// letter in any position: the formal "Państwo" and "Pan"/"Pani", and the
// informal "Ty" as a letter writes it.
var politeForms = map[string]bool{
	"Państwo": true, "Państwa": true, "Państwu": true, "Państwem": true,
	"Pan": true, "Pana": true, "Panu": true, "Panem": true, "Pani": true, "Panią": true,
	"Ty": true, "Ciebie": true, "Cię": true, "Ci": true, "Tobie": true, "Tobą": true,
	"Twój": true, "Twoja": true, "Twoje": true, "Twojego": true, "Twojej": true,
	"Twojemu": true, "Twoim": true, "Twoją": true, "Twoich": true, "Twoimi": true, "Twym": true,
}

// afterColon is company text written after a colon in lang. Polish writes
// a common word after a colon in lower case ("Cel: wystarczy kliknąć …"),
// but a name keeps its capital wherever it stands ("Allegro", "Google
// Analytics", "Kraków"), and Basis cannot tell a name from a common word
// without a dictionary. The two mistakes are not alike: a lowered name
// ("allegro", "polska Press") is an error every reader sees, while a
// capital kept after the bold label of a list item is how many Polish forms
// print it; a dictionary does not settle it either, since it knows many
// names as common words ("warszawa", "biedronka"). So Polish lowers the first letter only when the first word is
// one of polishCommon (checked against the Polish dictionary by
// TestPolishCommonWordsAreCommon) and the word after it is not capitalised
// ("Nasza Księgarnia", "Pod Aniołami" are names; a form of address or an
// acronym after it does not count: "wystarczy Państwa wiadomość", "przez
// SMS"). Words of address and acronyms keep their capital in any case.
// German writes a sentence after a colon with a capital letter, and the
// other languages keep the text as the company wrote it.
func afterColon(lang, s string) string {
	if lang != "pl" || s == "" {
		return s
	}
	first, next := leadingWords(s)
	if !polishCommon[strings.ToLower(first)] || politeForms[first] || acronym(first) {
		return s
	}
	if r, _ := utf8.DecodeRuneInString(next); unicode.IsUpper(r) && !politeForms[next] && !acronym(next) {
		return s // a name that starts with a common word: "Nasza Księgarnia"
	}
	return lowerFirst(s)
}

// leadingWords returns the first word of s (letters and hyphens: "E-mail")
// and the word after it, without the punctuation around it.
func leadingWords(s string) (first, next string) {
	notWord := func(r rune) bool { return !unicode.IsLetter(r) && r != '-' }
	first = s
	if i := strings.IndexFunc(s, notWord); i >= 0 {
		first = s[:i]
	}
	rest := strings.Fields(s[len(first):])
	if len(rest) > 0 {
		next = strings.TrimLeftFunc(rest[0], notWord)
		if i := strings.IndexFunc(next, notWord); i >= 0 {
			next = next[:i]
		}
	}
	return first, next
}

// acronym says whether word is written in capitals ("RODO", "SMS"), by its
// second letter.
func acronym(word string) bool {
	_, n := utf8.DecodeRuneInString(word)
	if n == 0 || n >= len(word) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(word[n:])
	return unicode.IsUpper(r)
}

// withNote adds a note in parentheses to text, before its closing full
// stop: "Publiczne strony firm (źródło publicznie dostępne)."
func withNote(text, note string) string {
	t := strings.TrimRight(text, " ")
	if s, ok := strings.CutSuffix(t, "."); ok {
		return s + " (" + note + ")."
	}
	return t + " (" + note + ")"
}

// lowerInSentence is company text set inside a sentence of lang (a
// field's label in "your date of birth", a purpose's name, how to withdraw
// consent): its first letter is lowered only where the first word is a
// common word. An acronym ("IBAN") keeps its capitals, and so does a name
// of several words ("Google Analytics", "Apple ID": the word after the
// first is capitalised); a name of one word ("Google") cannot be told from
// a common word and is lowered. Polish goes by its list of common words
// (afterColon); German keeps its nouns' capitals.
func lowerInSentence(lang, s string) string {
	switch lang {
	case "pl":
		return afterColon(lang, s)
	case "de":
		return s
	}
	first, next := leadingWords(s)
	if r, _ := utf8.DecodeRuneInString(next); acronym(first) || unicode.IsUpper(r) {
		return s
	}
	return lowerFirst(s)
}
