package model

// Text is text a reader sees: either one string used in every language (names,
// addresses) or one entry per language the company publishes.
type Text struct {
	// Same is the text used in every language; empty when ByLang is set.
	Same string
	// ByLang maps a language code (en, de, pl, vi) to the text in it.
	ByLang map[string]string
}

// Plain returns a Text that reads the same in every language.
func Plain(s string) Text { return Text{Same: s} }

// In returns the text in lang; a Text given as one string is the same in all.
func (t Text) In(lang string) string {
	if t.ByLang != nil {
		return t.ByLang[lang]
	}
	return t.Same
}

// IsZero reports whether no text was given.
func (t Text) IsZero() bool { return t.Same == "" && len(t.ByLang) == 0 }
