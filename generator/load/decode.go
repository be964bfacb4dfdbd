package load

import (
	"fmt"
	"net/mail"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/basis-privacy/basis/generator/model"
)

// decoder turns yaml.v3 nodes into model values, collecting every problem.
type decoder struct {
	file  string
	langs []string // the company's languages, for Text values
	// unsure is set when the languages key is missing or wrong: its error
	// is the root cause, so Text values are then checked only for keys
	// that are no language at all, not against langs.
	unsure bool
	errs   Errors
}

func (d *decoder) pos(n *yaml.Node) model.Pos {
	return model.Pos{File: d.file, Line: n.Line, Column: n.Column}
}

func (d *decoder) fail(n *yaml.Node, hint, format string, args ...any) {
	d.errs = append(d.errs, &Error{Pos: d.pos(n), Msg: fmt.Sprintf(format, args...), Hint: hint})
}

// kindName names a node's kind the way a YAML writer thinks of it.
func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping (key: value lines)"
	case yaml.SequenceNode:
		return "a list"
	case yaml.AliasNode:
		return "an alias"
	}
	if n.Tag == "!!null" {
		return "nothing"
	}
	return fmt.Sprintf("%q", n.Value)
}

// decoders maps each key of a mapping to the function that decodes its value.
type decoders map[string]func(*yaml.Node)

// mapping decodes a mapping node by its description s, decoding each key
// with dec (which must cover exactly the keys of s). Unknown keys (with the
// closest known key), duplicate keys and missing required keys are errors.
// It returns the position of every key written, "" being the mapping itself.
func (d *decoder) mapping(n *yaml.Node, what string, s Shape, dec decoders) model.Positions {
	keys := s.keyNames()
	for _, k := range keys {
		if dec[k] == nil {
			panic(fmt.Sprintf("load: no decoder for key %q of %s", k, what))
		}
	}
	if len(dec) != len(keys) {
		panic(fmt.Sprintf("load: %s decodes keys its description lacks", what))
	}
	at := model.Positions{"": d.pos(n)}
	if n.Kind != yaml.MappingNode {
		d.fail(n, fmt.Sprintf("write %s as key: value lines", what), "%s must be a mapping, found %s", what, kindName(n))
		return at
	}
	seen := map[string]bool{}
	meant := map[string]bool{} // keys an unknown key's "did you mean" names
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if seen[k.Value] {
			d.fail(k, "remove one of them", "key %q is written twice in %s", k.Value, what)
			continue
		}
		seen[k.Value] = true
		j := slices.Index(keys, k.Value)
		if j < 0 {
			d.fail(k, oneOf(k.Value, keys), "unknown key %q in %s", k.Value, what)
			meant[closest(k.Value, keys)] = true
			continue
		}
		at[k.Value] = d.pos(v)
		dec[keys[j]](v)
	}
	for _, f := range s.Keys {
		// A misspelled required key is one mistake: its "did you mean"
		// already says what is missing.
		if f.Required && !seen[f.Name] && !meant[f.Name] {
			d.fail(n, fmt.Sprintf("add a line \"%s: ...\"", f.Name), "%s has no %q", what, f.Name)
		}
	}
	return at
}

// scalar reports whether n is a plain value (not a list, mapping or null).
func (d *decoder) scalar(n *yaml.Node, what, example string) bool {
	if n.Kind == yaml.ScalarNode && n.Tag != "!!null" {
		return true
	}
	d.fail(n, "write it as "+example, "%s must be a single value, found %s", what, kindName(n))
	return false
}

func (d *decoder) str(dst *string, what string) func(*yaml.Node) {
	return func(n *yaml.Node) {
		if d.scalar(n, what, "text on one line") {
			*dst = strings.TrimSpace(n.Value)
			if *dst == "" {
				d.fail(n, "write the "+what+" or remove the line", "%s is empty", what)
			}
		}
	}
}

func (d *decoder) boolean(dst *bool, what string) func(*yaml.Node) {
	return func(n *yaml.Node) {
		if !d.scalar(n, what, "true or false") {
			return
		}
		switch n.Value {
		case "true":
			*dst = true
		case "false":
			*dst = false
		default:
			d.fail(n, "write true or false", "%s must be true or false, found %q", what, n.Value)
		}
	}
}

// age decodes an age in whole years, 0 to 17.
func (d *decoder) age(dst *int, what string) func(*yaml.Node) {
	return func(n *yaml.Node) {
		if !d.scalar(n, what, "an age in years") {
			return
		}
		v, err := strconv.Atoi(n.Value)
		if err != nil || v < 0 || v > 17 {
			d.fail(n, "write an age in whole years from 0 to 17", "%s must be an age in years under 18, found %q", what, n.Value)
			return
		}
		*dst = v
	}
}

func (d *decoder) optBool(dst **bool, what string) func(*yaml.Node) {
	return func(n *yaml.Node) {
		var b bool
		before := len(d.errs)
		d.boolean(&b, what)(n)
		if len(d.errs) == before {
			*dst = &b
		}
	}
}

func (d *decoder) enum(dst *string, what string, allowed []string) func(*yaml.Node) {
	return func(n *yaml.Node) {
		if !d.scalar(n, what, "one of "+strings.Join(allowed, ", ")) {
			return
		}
		if !slices.Contains(allowed, n.Value) {
			d.fail(n, oneOf(n.Value, allowed), "%s %q is not known", what, n.Value)
			return
		}
		*dst = n.Value
	}
}

var idPattern = regexp.MustCompile(IDPattern)

func (d *decoder) id(dst *string, what string) func(*yaml.Node) {
	return func(n *yaml.Node) {
		if !d.scalar(n, what, "an id such as order_processing") {
			return
		}
		if !idPattern.MatchString(n.Value) {
			d.fail(n, "use lower-case letters, digits, '_' and '-', e.g. "+suggestID(n.Value), "%s %q is not a valid id", what, n.Value)
			return
		}
		*dst = n.Value
	}
}

// suggestID turns s into a valid id for a hint.
func suggestID(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			b.WriteRune(r)
		case b.Len() > 0 && !strings.HasSuffix(b.String(), "_"):
			b.WriteByte('_')
		}
	}
	if out := strings.Trim(b.String(), "_"); out != "" {
		return out
	}
	return "my_id"
}

var countryPattern = regexp.MustCompile(`^[A-Z]{2}$`)

func (d *decoder) email(dst *string, what string) func(*yaml.Node) {
	return func(n *yaml.Node) {
		d.str(dst, what)(n)
		if *dst == "" {
			return
		}
		if a, err := mail.ParseAddress(*dst); err != nil || a.Address != *dst {
			d.fail(n, "write a plain address such as privacy@example.com", "%s %q is not an email address", what, *dst)
		}
	}
}

func (d *decoder) website(dst *string, what string) func(*yaml.Node) {
	return func(n *yaml.Node) {
		d.str(dst, what)(n)
		if *dst == "" {
			return
		}
		u, err := url.Parse(*dst)
		if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
			d.fail(n, "write a full address such as https://example.com", "%s %q is not a web address", what, *dst)
		}
	}
}

func (d *decoder) date(dst *time.Time, what string) func(*yaml.Node) {
	return func(n *yaml.Node) {
		if !d.scalar(n, what, "a date such as 2026-11-01") {
			return
		}
		t, err := time.Parse(time.DateOnly, n.Value)
		if err != nil {
			d.fail(n, "write the date as YYYY-MM-DD, e.g. 2026-11-01", "%s %q is not a date", what, n.Value)
			return
		}
		if t.Year() < minYear {
			d.fail(n, "write the real date as YYYY-MM-DD, e.g. 2026-11-01", "%s %q is before %d", what, n.Value, minYear)
			return
		}
		*dst = t
	}
}

// number decodes a whole number from s.Min to s.Max.
func (d *decoder) number(dst *int, what string, s Shape) func(*yaml.Node) {
	return func(n *yaml.Node) {
		example := fmt.Sprintf("a whole number of %s from %d to %d, e.g. %d", s.Unit, s.Min, s.Max, s.Max/5)
		if !d.scalar(n, what, example) {
			return
		}
		v, err := strconv.Atoi(n.Value)
		if err != nil || n.Tag != "!!int" || v < s.Min || v > s.Max {
			d.fail(n, "write "+example, "%s must be a whole number of %s from %d to %d, found %q", what, s.Unit, s.Min, s.Max, n.Value)
			return
		}
		*dst = v
	}
}

// list decodes a sequence, calling item for each element.
func (d *decoder) list(what string, item func(*yaml.Node)) func(*yaml.Node) {
	return func(n *yaml.Node) {
		if n.Kind != yaml.SequenceNode {
			d.fail(n, "write it as a list: [a, b] or lines starting with '- '", "%s must be a list, found %s", what, kindName(n))
			return
		}
		for _, c := range n.Content {
			item(c)
		}
	}
}

// enumList decodes a list whose items are each one of allowed, without repeats.
func (d *decoder) enumList(dst *[]string, what string, allowed []string) func(*yaml.Node) {
	return d.list(what, func(n *yaml.Node) {
		var s string
		d.enum(&s, what, allowed)(n)
		if s == "" {
			return
		}
		if slices.Contains(*dst, s) {
			d.fail(n, "remove the repeated entry", "%s %q is listed twice", what, s)
			return
		}
		*dst = append(*dst, s)
	})
}

// text decodes reader-visible text: one string for every language, or a
// mapping with exactly one entry per published language.
func (d *decoder) text(dst *model.Text, what string) func(*yaml.Node) {
	return func(n *yaml.Node) {
		switch {
		case n.Kind == yaml.ScalarNode && n.Tag != "!!null":
			dst.Same = strings.TrimSpace(n.Value)
			if dst.Same == "" {
				d.fail(n, "write the text or remove the line", "%s is empty", what)
			}
			return
		case n.Kind != yaml.MappingNode:
			d.fail(n, fmt.Sprintf("write one text, or one per language: {%s}", langExample(d.langs)), "%s must be text, found %s", what, kindName(n))
			return
		}
		dst.ByLang = map[string]string{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			if d.unsure && !slices.Contains(languageEnum.Names(), k.Value) {
				d.fail(k, oneOf(k.Value, languageEnum.Names()), "%s has text in %q, which is not a language", what, k.Value)
				continue
			}
			if !d.unsure && !slices.Contains(d.langs, k.Value) {
				hint := "the company publishes " + strings.Join(d.langs, ", ") + ": add the language to languages, or remove this entry"
				if c := closest(k.Value, d.langs); c != "" {
					hint = fmt.Sprintf("did you mean %q? The company publishes %s", c, strings.Join(d.langs, ", "))
				}
				if splitByComma(n, v) {
					hint = quoteHint(n, i)
				}
				d.fail(k, hint, "%s has text in %q, which is not one of the company's languages", what, k.Value)
				continue
			}
			if _, dup := dst.ByLang[k.Value]; dup {
				d.fail(k, "remove one of them", "%s has the language %q twice", what, k.Value)
				continue
			}
			if v.Kind != yaml.ScalarNode || strings.TrimSpace(v.Value) == "" {
				d.fail(v, "write the text in this language", "%s in %q must be non-empty text, found %s", what, k.Value, kindName(v))
				continue
			}
			dst.ByLang[k.Value] = strings.TrimSpace(v.Value)
		}
		for _, l := range d.langs {
			if _, ok := dst.ByLang[l]; !ok && !d.unsure {
				d.fail(n, fmt.Sprintf("add \"%s: ...\" with the text in that language", l), "%s has no text in %q, one of the company's languages", what, l)
			}
		}
	}
}

func langExample(langs []string) string {
	parts := make([]string, len(langs))
	for i, l := range langs {
		parts[i] = l + ": ..."
	}
	return strings.Join(parts, ", ")
}
