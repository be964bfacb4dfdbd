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

// afterColon is company text written after a colon in lang. Polish starts
// it in lower case ("Cel: wystarczy kliknąć …"), except for a word of
// address and an acronym; German writes a sentence after a colon with a
// capital letter, and the other languages keep the text as the company
// wrote it.
func afterColon(lang, s string) string {
	if lang != "pl" || s == "" {
		return s
	}
	word := s
	if i := strings.IndexFunc(s, func(r rune) bool { return !unicode.IsLetter(r) }); i >= 0 {
		word = s[:i]
	}
	if politeForms[word] {
		return s
	}
	if _, n := utf8.DecodeRuneInString(word); n < len(word) {
		if r, _ := utf8.DecodeRuneInString(word[n:]); unicode.IsUpper(r) {
			return s // an acronym: RODO, UODO
		}
	}
	return lowerFirst(s)
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
