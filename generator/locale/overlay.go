package locale

import (
	"fmt"
	"maps"
	"slices"
	"sort"
	"strings"

	goi18n "github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"
)

// Message is a company's own wording of one message in one language: Text,
// or, for a message with a count, its plural Forms (one, few, many, other,
// ...), written as in the locales files.
type Message struct {
	ID    string
	Text  string
	Forms map[string]string
}

// overlay is the company's own wording on top of the shared messages.
type overlay struct {
	bundle *goi18n.Bundle
	ids    map[string]map[string]bool // lang -> overridden message ids
}

// Overlay returns a catalog with c's messages in which msgs (by language)
// replace the messages of the same ids: the catalog of one company that
// words some messages itself. Every message must pass Verify; the first that
// does not is returned as an *OverrideError. c itself is not changed.
func (c *Catalog) Overlay(msgs map[string][]Message) (*Catalog, error) {
	if len(msgs) == 0 {
		return c, nil
	}
	b := goi18n.NewBundle(language.English)
	o := &overlay{bundle: b, ids: map[string]map[string]bool{}}
	for _, lang := range slices.Sorted(maps.Keys(msgs)) {
		tag, err := language.Parse(lang)
		if err != nil {
			return nil, fmt.Errorf("locales: language %q: %w", lang, err)
		}
		o.ids[lang] = map[string]bool{}
		for _, m := range msgs[lang] {
			if err := c.Verify(lang, m); err != nil {
				return nil, err
			}
			gm := &goi18n.Message{ID: m.ID, Other: m.Text}
			if m.Forms != nil {
				gm = formsMessage(m.ID, m.Forms)
			}
			if err := b.AddMessages(tag, gm); err != nil {
				return nil, fmt.Errorf("locales: %s (%s): %w", m.ID, lang, err)
			}
			o.ids[lang][m.ID] = true
		}
	}
	out := *c
	out.over = o
	return &out, nil
}

// Overridden returns the ids lang words itself in this catalog, sorted.
func (c *Catalog) Overridden(lang string) []string {
	if c.over == nil {
		return nil
	}
	return slices.Sorted(maps.Keys(c.over.ids[lang]))
}

func formsMessage(id string, f map[string]string) *goi18n.Message {
	return &goi18n.Message{ID: id, Zero: f["zero"], One: f["one"], Two: f["two"], Few: f["few"], Many: f["many"], Other: f["other"]}
}

// forms returns the plural forms of m that are set, or nil for a message
// that is one text.
func forms(m *goi18n.Message) map[string]string {
	all := map[string]string{"zero": m.Zero, "one": m.One, "two": m.Two, "few": m.Few, "many": m.Many}
	out := map[string]string{}
	for k, v := range all {
		if v != "" {
			out[k] = v
		}
	}
	if len(out) == 0 {
		return nil
	}
	out["other"] = m.Other
	return out
}

// Problem says why a message cannot replace a shared one.
type Problem int

// The problems Verify reports.
const (
	Unknown   Problem = iota + 1 // no message has the id in the language
	NotPlural                    // plural forms given for a message that is one text
	Plural                       // one text given for a message with plural forms
	Forms                        // plural forms other than those the message has
	Dropped                      // a placeholder the message needs is left out
	Added                        // a placeholder the message is not given
	Syntax                       // the text is not a valid message template
	Action                       // the text holds more than text and placeholders
)

// OverrideError reports a company's message that cannot replace the shared
// message of the same id. Callers position it and print Message and Hint.
type OverrideError struct {
	Lang, ID string
	Problem  Problem
	Got      []string // the placeholders (Dropped, Added), forms (Forms) or the action (Action) at fault
	Want     []string // the placeholders or forms the shared message has
	Err      error    // for Syntax
	// Form is the plural form whose text is at fault ("" for the text of
	// a message without forms, or for the message as a whole), and Offset
	// the byte offset in that text of what is at fault (Added, Action; 0
	// for the text as a whole).
	Form   string
	Offset int
}

// Error describes the problem with its language and id.
func (e *OverrideError) Error() string {
	return fmt.Sprintf("locales: message %s (%s): %s; %s", e.ID, e.Lang, e.Message(), e.Hint())
}

// Message says what is wrong, after "message <id> ...".
func (e *OverrideError) Message() string {
	switch e.Problem {
	case Unknown:
		return "is not a message of the " + e.Lang + " locales"
	case NotPlural:
		return "is one text, not plural forms"
	case Plural:
		return "has plural forms (" + strings.Join(e.Want, ", ") + "), not one text"
	case Forms:
		return fmt.Sprintf("needs the plural forms %s, found %s", strings.Join(e.Want, ", "), strings.Join(e.Got, ", "))
	case Dropped:
		return "leaves out " + placeholders(e.Got) + ", which the message needs"
	case Added:
		return "uses " + placeholders(e.Got) + ", which this message is not given"
	case Action:
		return "uses " + strings.Join(e.Got, "") + ", but a company's own wording holds only text and the placeholders of the shared message"
	}
	return fmt.Sprintf("is not a valid message: %v", e.Err)
}

// Hint says how to fix the problem.
func (e *OverrideError) Hint() string {
	switch e.Problem {
	case Unknown:
		return "use the id of a message in locales/*." + e.Lang + ".yaml"
	case NotPlural:
		return "write the text as one string"
	case Plural, Forms:
		return "write " + strings.Join(e.Want, ":, ") + ": under the id, one text each"
	case Dropped, Added, Action:
		if len(e.Want) == 0 {
			return "write the text without placeholders"
		}
		return "use exactly the placeholders of the message: " + placeholders(e.Want)
	}
	return `write placeholders as {{.Name}} and "{{" only to open one`
}

func placeholders(names []string) string {
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = "{{." + n + "}}"
	}
	return strings.Join(out, ", ")
}

// Verify reports why m cannot replace the message of the same id in lang:
// the id is unknown, it gives one text for plural forms or the other way
// round, other plural forms, other placeholders than the shared message (a
// placeholder left out would drop what the document must say, such as a
// date or a citation; an extra one would print nothing), or anything but
// text and placeholders ({{range}}, {{template}}, a function: a company's
// text never runs code). It returns nil or an *OverrideError. The loader
// (check) and Overlay (build) both call it, so the two agree.
func (c *Catalog) Verify(lang string, m Message) error {
	fail := func(p Problem, got, want []string, err error) *OverrideError {
		return &OverrideError{Lang: lang, ID: m.ID, Problem: p, Got: got, Want: want, Err: err}
	}
	shared, ok := c.src[lang][m.ID]
	if !ok {
		return fail(Unknown, nil, nil, nil)
	}
	want := forms(shared)
	switch {
	case want == nil && m.Forms != nil:
		return fail(NotPlural, nil, nil, nil)
	case want != nil && m.Forms == nil:
		return fail(Plural, nil, sortedForms(want), nil)
	case want != nil && !slices.Equal(sortedForms(want), sortedForms(m.Forms)):
		return fail(Forms, sortedForms(m.Forms), sortedForms(want), nil)
	}
	wantFields, err := fieldsOf(texts(shared.Other, want))
	if err != nil {
		return fmt.Errorf("locales: shared message %s (%s): %w", m.ID, lang, err)
	}
	got := map[string]place{} // each placeholder and where it first is
	for _, t := range ownTexts(m) {
		o, err := ownFields(t.text)
		switch {
		case err != nil:
			e := fail(Syntax, nil, nil, err)
			e.Form = t.form
			return e
		case o.bad != nil:
			e := fail(Action, []string{o.bad.Text}, wantFields, nil)
			e.Form, e.Offset = t.form, o.bad.Offset
			return e
		}
		for f, off := range o.fields {
			if _, seen := got[f]; !seen {
				got[f] = place{t.form, off}
			}
		}
	}
	gotFields := slices.Sorted(maps.Keys(got))
	if d := minus(wantFields, gotFields); len(d) > 0 {
		return fail(Dropped, d, wantFields, nil)
	}
	if d := minus(gotFields, wantFields); len(d) > 0 {
		e := fail(Added, d, wantFields, nil)
		e.Form, e.Offset = got[d[0]].form, got[d[0]].offset
		return e
	}
	return nil
}

// place is where something is in a company's message: the plural form
// ("" for none) and the byte offset in its text.
type place struct {
	form   string
	offset int
}

// formText is the text of one plural form of a message ("" for none).
type formText struct{ form, text string }

// ownTexts returns the texts of m in CLDR's order of the forms.
func ownTexts(m Message) []formText {
	if m.Forms == nil {
		return []formText{{"", m.Text}}
	}
	var out []formText
	for _, f := range sortedForms(m.Forms) {
		out = append(out, formText{f, m.Forms[f]})
	}
	return out
}

// texts returns the text of a message: its plural forms, or text.
func texts(text string, forms map[string]string) []string {
	if forms == nil {
		return []string{text}
	}
	return slices.Collect(maps.Values(forms))
}

// formOrder is CLDR's order of the plural categories.
var formOrder = []string{"zero", "one", "two", "few", "many", "other"}

func sortedForms(f map[string]string) []string {
	out := slices.Collect(maps.Keys(f))
	sort.Slice(out, func(i, j int) bool { return rank(out[i]) < rank(out[j]) })
	return out
}

func rank(form string) int {
	if i := slices.Index(formOrder, form); i >= 0 {
		return i
	}
	return len(formOrder)
}

// minus returns the elements of a that b lacks.
func minus(a, b []string) []string {
	var out []string
	for _, x := range a {
		if !slices.Contains(b, x) {
			out = append(out, x)
		}
	}
	return out
}

// Source returns the shared message id in lang as its file writes it (the
// template, placeholders and all, not a printed text), for a company that
// words it itself: one Text, or its plural Forms.
func (c *Catalog) Source(lang, id string) (Message, bool) {
	m, ok := c.src[lang][id]
	if !ok {
		return Message{}, false
	}
	return Message{ID: id, Text: m.Other, Forms: forms(m)}, true
}
