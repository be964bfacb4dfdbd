package locale_test

import (
	"bufio"
	"fmt"
	"io/fs"
	"os"
	"path"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/basis-privacy/basis/generator/locale"
)

// The message files live in the repository's locales folder.
const localesDir = "../../locales"

// translations are the languages that must carry every English message.
var translations = []string{"de", "pl", "vi"}

// pluralForms are the CLDR plural categories each language needs for a
// message with a count, as go-i18n applies them: it ships the CLDR 48 cardinal
// rules, in which Vietnamese moved from "other" alone to "one" (i = 0 or
// n = 1) and "other". A Vietnamese message with only "other" fails for the
// counts 0 and 1, so Vietnamese needs both (with the same text: Vietnamese
// nouns do not inflect for number).
var pluralForms = map[string][]string{
	"en": {"one", "other"},
	"de": {"one", "other"},
	"pl": {"one", "few", "many", "other"},
	"vi": {"one", "other"},
}

// sameAsEnglish lists messages that are legitimately identical to English in
// a language: separators, templates without words, citations written alike,
// proper names and words both languages share. An id ending in "*" covers
// every id with that prefix. Keep it small; every other message must be
// translated.
var sameAsEnglish = map[string][]string{
	"list.separator":                    {"de", "pl", "vi"}, // ", "
	"announce.quoted":                   {"vi"},             // “…”: the same quotation marks
	"checklist.answer.original_purpose": {"de", "pl", "vi"}, // only template fields
	"notice.purpose.basis.market":       {"de", "pl", "vi"}, // only template fields
	"field.consent.how.own":             {"de", "pl"},       // only template fields
	"cite.ukgdpr.right.*":               {"de"},             // "Art. 15 UK GDPR"
	"ref.uk-gdpr-*":                     {"de"},             // "Art. 45 UK GDPR"
	"country.in":                        {"de"},             // "in {{.Country}}"
	"date.month.4":                      {"de"},             // April
	"date.month.8":                      {"de"},             // August
	"date.month.9":                      {"de"},             // September
	"date.month.11":                     {"de"},             // November
	"market.VN":                         {"de"},             // Vietnam
	"market.CA":                         {"vi"},             // Canada
	"ui.website":                        {"de"},             // Website
	"ui.email":                          {"vi"},             // Email
	"checklist.sign.name":               {"de"},             // Name
	"assessment.audience":               {"de", "pl", "vi"}, // only template fields
	"assessment.selection.yes":          {"de", "pl", "vi"}, // only template fields
	"record.erasure.item":               {"de", "pl", "vi"}, // only template fields
	"assessment.channel.email":          {"vi"},             // email
}

// allowedSame reports whether id may equal English in lang.
func allowedSame(id, lang string) bool {
	for k, langs := range sameAsEnglish {
		if (k == id || strings.HasSuffix(k, "*") && strings.HasPrefix(id, strings.TrimSuffix(k, "*"))) && slices.Contains(langs, lang) {
			return true
		}
	}
	return false
}

// message is one parsed message: a plain string, or plural forms.
type message struct {
	text   string
	forms  map[string]string
	plural bool
}

// all returns every text of the message (each plural form, or the string).
func (m message) all() []string {
	if !m.plural {
		return []string{m.text}
	}
	var out []string
	for _, k := range sortedKeys(m.forms) {
		out = append(out, m.forms[k])
	}
	return out
}

// readMessages parses every *.yaml message file per language, the way go-i18n
// reads them: flat ids, or a map of plural forms.
func readMessages(t *testing.T) map[string]map[string]message {
	t.Helper()
	fsys := os.DirFS(localesDir)
	names, err := fs.Glob(fsys, "*.yaml")
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]map[string]message{}
	for _, name := range names {
		parts := strings.Split(strings.TrimSuffix(name, ".yaml"), ".")
		if len(parts) != 2 {
			t.Errorf("%s: want <area>.<lang>.yaml", name)
			continue
		}
		lang := parts[1]
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			t.Fatal(err)
		}
		var raw map[string]any
		if err := yaml.Unmarshal(data, &raw); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if out[lang] == nil {
			out[lang] = map[string]message{}
		}
		for id, v := range raw {
			if _, dup := out[lang][id]; dup {
				t.Errorf("%s: message %s is defined twice in %s", name, id, lang)
			}
			switch x := v.(type) {
			case string:
				out[lang][id] = message{text: x}
			case map[string]any:
				m := message{forms: map[string]string{}, plural: true}
				for k, f := range x {
					s, ok := f.(string)
					if !ok {
						t.Errorf("%s: %s.%s is not a string", name, id, k)
					}
					m.forms[k] = s
				}
				out[lang][id] = m
			default:
				t.Errorf("%s: %s is neither a string nor plural forms", name, id)
			}
		}
	}
	return out
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// TestMessagesComplete checks that de, pl and vi have every English message
// id, and no id English lacks.
func TestMessagesComplete(t *testing.T) {
	cat, err := locale.Load(os.DirFS(localesDir))
	if err != nil {
		t.Fatal(err)
	}
	en := cat.IDs("en")
	if len(en) == 0 {
		t.Fatal("no English messages")
	}
	for _, lang := range translations {
		var missing, extra []string
		for _, id := range en {
			if !cat.Has(lang, id) && !countryForm.MatchString(id) {
				missing = append(missing, id)
			}
		}
		for _, id := range cat.IDs(lang) {
			if root := rootOf(id); root != id && cat.Has("en", root) || countryForm.MatchString(id) {
				continue
			}
			if !cat.Has("en", id) {
				extra = append(extra, id)
			}
		}
		if len(missing) > 0 {
			t.Errorf("%s lacks %d English message(s): %s", lang, len(missing), strings.Join(missing, ", "))
		}
		if len(extra) > 0 {
			t.Errorf("%s has %d message(s) English lacks: %s", lang, len(extra), strings.Join(extra, ", "))
		}
	}
}

// countryForm is the id of a country's name in the form a phrase needs
// where the name from CLDR does not fit the language's generic phrase
// (country.in): "in the Netherlands", "in der Schweiz", "we Francji"
// (country.NL.in). Each language has the forms it needs and no others; the
// render tests check that every market reads right in every language.
var countryForm = regexp.MustCompile(`^country\.[A-Z]{2}\.[a-z]+$`)

// rootOf strips every variant suffix of id (notice.dpo.text.feminine.informal
// is a variant of notice.dpo.text).
func rootOf(id string) string {
	for {
		base, ok := variantOf(id)
		if !ok {
			return id
		}
		id = base
	}
}

// numberForm is the id of a numeral's inflected form (number.4.locative).
var numberForm = regexp.MustCompile(`^(number\.[0-9]+)\.[a-z]+$`)

// variantOf returns the message a variant id words differently: the
// informal wording (id.informal), a numeral's inflected form, or the form
// for a grammatical gender (id.feminine, id.masculine: German agrees with
// the person named); a variant exists only in the languages that need it.
func variantOf(id string) (string, bool) {
	if base, ok := strings.CutSuffix(id, locale.InformalSuffix); ok {
		return base, true
	}
	for _, g := range []string{".feminine", ".masculine"} {
		if base, ok := strings.CutSuffix(id, g); ok {
			return base, true
		}
	}
	if m := numberForm.FindStringSubmatch(id); m != nil {
		return m[1], true
	}
	return "", false
}

// TestVariants checks that English has no variant (one register, numerals
// that do not inflect), and that each variant has its base message in its
// language, with the same template fields and plural forms.
func TestVariants(t *testing.T) {
	msgs := readMessages(t)
	n := 0
	for _, lang := range append([]string{"en"}, translations...) {
		for _, id := range sortedKeys(msgs[lang]) {
			base, ok := variantOf(id)
			if !ok {
				continue
			}
			n++
			if lang == "en" {
				t.Errorf("en %s: English needs no variant", id)
				continue
			}
			b, ok := msgs[lang][base]
			if !ok {
				t.Errorf("%s %s: no message %s to vary", lang, id, base)
				continue
			}
			v := msgs[lang][id]
			if got, want := fields(v.all()), fields(b.all()); !slices.Equal(got, want) {
				t.Errorf("%s %s uses fields %v, %s uses %v", lang, id, got, base, want)
			}
			if v.plural != b.plural || v.plural && !slices.Equal(sortedKeys(v.forms), sortedKeys(b.forms)) {
				t.Errorf("%s %s: plural forms differ from %s", lang, id, base)
			}
			if slices.Equal(v.all(), b.all()) {
				t.Errorf("%s %s reads exactly like %s: drop it", lang, id, base)
			}
		}
	}
	if n == 0 {
		t.Error("no variants found")
	}
}

// TestPluralForms checks that a message with a count has exactly the CLDR
// plural forms its language needs, and that go-i18n renders it for counts
// from 0 to 125 with the count in the text.
func TestPluralForms(t *testing.T) {
	msgs := readMessages(t)
	cat, err := locale.Load(os.DirFS(localesDir))
	if err != nil {
		t.Fatal(err)
	}
	for _, lang := range append([]string{"en"}, translations...) {
		for _, id := range sortedKeys(msgs[lang]) {
			m := msgs[lang][id]
			enMsg, inEn := msgs["en"][id]
			if inEn && enMsg.plural != m.plural {
				t.Errorf("%s %s: plural in one language but not in the other (en plural: %v)", lang, id, enMsg.plural)
				continue
			}
			if !m.plural {
				continue
			}
			got := sortedKeys(m.forms)
			want := slices.Clone(pluralForms[lang])
			sort.Strings(want)
			if !slices.Equal(got, want) {
				t.Errorf("%s %s: plural forms %v, want %v", lang, id, got, want)
			}
			p := cat.For(lang)
			for n := 0; n <= 125; n++ {
				s := p.N(id, n)
				needsCount := n != 1 || strings.Contains(m.forms["one"], "{{.Count}}") || strings.Contains(m.forms["one"], "{{.Number}}")
				if needsCount && !strings.Contains(s, fmt.Sprint(n)) && !strings.Contains(s, p.Number(n, "")) {
					t.Errorf("%s %s(%d) = %q: the count is missing", lang, id, n, s)
				}
			}
			if err := p.Err(); err != nil {
				t.Errorf("%s %s: %v", lang, id, err)
			}
		}
	}
}

// fieldRE finds go-i18n template fields ({{.Name}}) and the PDF footer's
// tokens ({page}, {pages}), which go-i18n leaves alone.
var fieldRE = regexp.MustCompile(`\{\{[^{}]*?\.(\w+)\s*\}\}|\{(page|pages)\}`)

// fields returns the template fields of texts, lower-cased: a translation may
// use {{.Label}} where English uses {{.label}} (German capitalises nouns).
func fields(texts []string) []string {
	seen := map[string]bool{}
	for _, s := range texts {
		for _, m := range fieldRE.FindAllStringSubmatch(s, -1) {
			f := m[1] + m[2]
			seen[strings.ToLower(f)] = true
		}
	}
	return sortedKeys(seen)
}

// TestTemplateFields checks that each translation uses the same template data
// as its English message, and that every message renders without error.
func TestTemplateFields(t *testing.T) {
	msgs := readMessages(t)
	cat, err := locale.Load(os.DirFS(localesDir))
	if err != nil {
		t.Fatal(err)
	}
	for _, lang := range translations {
		p := cat.For(lang)
		for _, id := range sortedKeys(msgs["en"]) {
			m, ok := msgs[lang][id]
			if !ok {
				continue // reported by TestMessagesComplete
			}
			want, got := fields(msgs["en"][id].all()), fields(m.all())
			if !slices.Equal(got, want) {
				t.Errorf("%s %s uses fields %v, English %v", lang, id, got, want)
			}
			var kv []any
			for _, f := range want {
				kv = append(kv, f, "X", strings.ToUpper(f[:1])+f[1:], "X")
			}
			if m.plural {
				p.N(id, 3, kv...)
			} else {
				p.T(id, kv...)
			}
		}
		if err := p.Err(); err != nil {
			t.Errorf("%s: %v", lang, err)
		}
	}
}

// glossaryRow is one row of the glossary table: the message ids it binds and
// the term each language's messages must contain.
type glossaryRow struct {
	line    int
	concept string
	ids     []string
	terms   map[string]string // lang -> term; "" when not checked
	source  string
}

// readGlossary parses the table under "## Terms" in locales/GLOSSARY.md.
func readGlossary(t *testing.T) []glossaryRow {
	t.Helper()
	f, err := os.Open(path.Join(localesDir, "GLOSSARY.md"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var (
		rows    []glossaryRow
		inTerms bool
		header  []string
		n       int
	)
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		n++
		line := strings.TrimSpace(sc.Text())
		if strings.HasPrefix(line, "## ") {
			inTerms = line == "## Terms"
			header = nil
			continue
		}
		if !inTerms || !strings.HasPrefix(line, "|") {
			continue
		}
		cells := strings.Split(strings.Trim(line, "|"), "|")
		for i := range cells {
			cells[i] = strings.TrimSpace(cells[i])
		}
		if header == nil {
			header = cells
			continue
		}
		if strings.Trim(strings.Join(cells, ""), "-: ") == "" {
			continue // the separator row
		}
		if len(cells) != len(header) {
			t.Fatalf("GLOSSARY.md:%d: %d cells, the header has %d", n, len(cells), len(header))
		}
		row := glossaryRow{line: n, terms: map[string]string{}}
		for i, h := range header {
			c := cells[i]
			switch h {
			case "Concept":
				row.concept = c
			case "Message ids":
				for _, id := range strings.Split(c, ",") {
					if id = strings.Trim(strings.TrimSpace(id), "`"); id != "" {
						row.ids = append(row.ids, id)
					}
				}
			case "EN", "DE", "PL", "VI":
				if c == "—" || c == "-" {
					c = ""
				}
				row.terms[strings.ToLower(h)] = strings.Trim(c, "`")
			case "Source":
				row.source = c
			}
		}
		rows = append(rows, row)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if len(rows) == 0 {
		t.Fatal("GLOSSARY.md: no rows under ## Terms")
	}
	return rows
}

// TestGlossary checks that each message a glossary row binds contains the
// row's official term in every language, and that each row names its source.
func TestGlossary(t *testing.T) {
	msgs := readMessages(t)
	rows := readGlossary(t)
	mustBind := []string{
		"basis.consent", "basis.contract", "basis.legal_obligation", "basis.vital_interests",
		"basis.public_task", "basis.legitimate_interests", "role.controller", "role.processor",
		"right.access", "right.rectification", "right.erasure", "right.restriction",
		"right.portability", "right.objection", "authority.PL.name", "authority.DE-BE.name",
		"authority.VN.name", "cite.pdpl.consent", "cite.pdpl.contract",
	}
	bound := map[string]bool{}
	for _, r := range rows {
		if r.concept == "" || len(r.ids) == 0 {
			t.Errorf("GLOSSARY.md:%d: a row needs a concept and message ids", r.line)
		}
		if r.source == "" {
			t.Errorf("GLOSSARY.md:%d (%s): no source", r.line, r.concept)
		}
		for _, id := range r.ids {
			bound[id] = true
			for _, lang := range append([]string{"en"}, translations...) {
				term := r.terms[lang]
				if term == "" {
					continue
				}
				m, ok := msgs[lang][id]
				if !ok {
					t.Errorf("GLOSSARY.md:%d (%s): %s has no message %s", r.line, r.concept, lang, id)
					continue
				}
				for _, s := range m.all() {
					if !strings.Contains(strings.ToLower(s), strings.ToLower(term)) {
						t.Errorf("GLOSSARY.md:%d (%s): %s %s = %q lacks the term %q", r.line, r.concept, lang, id, s, term)
					}
				}
			}
		}
	}
	for _, id := range mustBind {
		if !bound[id] {
			t.Errorf("GLOSSARY.md binds no row to %s", id)
		}
	}
}

// wordRE finds words in English text, for counting a sentence's length.
var wordRE = regexp.MustCompile(`[A-Za-z][A-Za-z'’-]*`)

// sentenceEnd splits English messages into sentences.
var sentenceEnd = regexp.MustCompile(`[.!?;:](\s+|$)`)

// actionRE finds any template action ({{if eq .Why "unknown"}}, {{else}}),
// which is code, not English.
var actionRE = regexp.MustCompile(`\{\{[^{}]*\}\}`)

// englishSentences returns the sentences of five or more words in the English
// messages, without template fields and actions.
func englishSentences(en map[string]message) []string {
	seen := map[string]bool{}
	for _, m := range en {
		for _, s := range m.all() {
			s = actionRE.ReplaceAllString(fieldRE.ReplaceAllString(s, " "), " ")
			for _, part := range sentenceEnd.Split(s, -1) {
				part = strings.TrimSpace(part)
				if len(wordRE.FindAllString(part, -1)) >= 5 {
					seen[part] = true
				}
			}
		}
	}
	return sortedKeys(seen)
}

// TestNoEnglishLeft checks that no de, pl or vi message equals its English
// message, outside the small allowlist, and that none contains a whole
// English sentence.
func TestNoEnglishLeft(t *testing.T) {
	msgs := readMessages(t)
	sentences := englishSentences(msgs["en"])
	if len(sentences) == 0 {
		t.Fatal("no English sentences found")
	}
	for _, lang := range translations {
		for _, id := range sortedKeys(msgs[lang]) {
			m := msgs[lang][id]
			en, ok := msgs["en"][id]
			if ok && slices.Equal(m.all(), en.all()) && !allowedSame(id, lang) {
				t.Errorf("%s %s is the English text %q; translate it or add it to sameAsEnglish", lang, id, en.all())
			}
			for _, s := range m.all() {
				for _, e := range sentences {
					if strings.Contains(s, e) {
						t.Errorf("%s %s contains the English sentence %q", lang, id, e)
					}
				}
			}
		}
	}
	for k, langs := range sameAsEnglish {
		for _, lang := range langs {
			used := false
			for id, m := range msgs[lang] {
				if (id == k || strings.HasSuffix(k, "*") && strings.HasPrefix(id, strings.TrimSuffix(k, "*"))) &&
					slices.Equal(m.all(), msgs["en"][id].all()) {
					used = true
				}
			}
			if !used {
				t.Errorf("sameAsEnglish lists %s %s, but no such message equals English: drop it from the list", lang, k)
			}
		}
	}
}

// TestOneFullStop: a name or date that ends in a full stop, put before the
// full stop that ends a sentence, leaves one ("Wysyłka24 sp. z o.o."), and an
// ellipsis stays.
func TestOneFullStop(t *testing.T) {
	cat, err := locale.Load(os.DirFS(localesDir))
	if err != nil {
		t.Fatal(err)
	}
	p := cat.For("pl")
	if got, want := p.T("checklist.answer.access_recipients", "Recipients", "Wysyłka24 sp. z o.o."), "Podmioty przetwarzające w tym celu (umowa z art. 28): Wysyłka24 sp. z o.o."; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if got := p.T("checklist.answer.access_recipients", "Recipients", "A, B..."); !strings.HasSuffix(got, "B....") {
		t.Errorf("an ellipsis changed: %q", got)
	}
}

// TestNestedBrackets: a citation with brackets of its own, put in a
// sentence's brackets, gets square ones.
func TestNestedBrackets(t *testing.T) {
	cat, err := locale.Load(os.DirFS(localesDir))
	if err != nil {
		t.Fatal(err)
	}
	p := cat.For("de")
	got := p.T("notice.marketing.rule.consent", "In", "Polen", "Refs", "Art. 398 Abs. 1 PKE (Polen); EuGH, C-654/23 (Inteligo Media)")
	if want := "(Art. 398 Abs. 1 PKE [Polen]; EuGH, C-654/23 [Inteligo Media])"; !strings.Contains(got, want) {
		t.Errorf("got %q, want it to contain %q", got, want)
	}
	en := cat.For("en")
	if got, want := en.T("notice.marketing.rule.consent", "In", "Poland", "Refs", "Art. 21(2) and (3) GDPR (EU)"), "(Art. 21(2) and (3) GDPR [EU])"; !strings.Contains(got, want) {
		t.Errorf("got %q, want it to contain %q", got, want)
	}
	if got := p.T("notice.transfers.item.none", "Recipient", "a) b", "Country", "X"); got != "a) b (X)." {
		t.Errorf("a lone closing bracket changed: %q", got)
	}
}

// TestNumberWords: counts up to twelve are words, in the form a sentence
// asks for where the language inflects the numeral; larger ones are digits.
func TestNumberWords(t *testing.T) {
	cat, err := locale.Load(os.DirFS(localesDir))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		lang, form string
		n          int
		want       string
	}{
		{"de", "", 5, "fünf"},
		{"de", "locative", 5, "fünf"},
		{"pl", "", 4, "cztery"},
		{"pl", "locative", 4, "czterech"},
		{"vi", "", 12, "mười hai"},
		{"en", "", 3, "three"},
		{"de", "", 13, "13"},
		{"pl", "locative", 0, "0"},
	} {
		if got := cat.For(tc.lang).Number(tc.n, tc.form); got != tc.want {
			t.Errorf("%s %d %q: got %q, want %q", tc.lang, tc.n, tc.form, got, tc.want)
		}
	}
	if got, want := cat.For("pl").N("notice.purposes.intro", 4, "Number", cat.For("pl").Number(4, "locative")), "w czterech następujących celach"; !strings.Contains(got, want) {
		t.Errorf("got %q, want it to contain %q", got, want)
	}
}
