package load

import (
	"errors"
	"github.com/basis-privacy/basis/content"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/basis-privacy/basis/generator/law"
	"github.com/basis-privacy/basis/generator/model"
)

// valid is a small complete company file; the bad cases below edit it.
const valid = `controller:
  name: Test GmbH
  address: Teststraße 1, 10115 Berlin
  email: privacy@test.example
country: DE
markets: [DE]
languages: [de, en]
effective: 2026-11-01
businesses:
  - id: shop
    name: {de: Laden, en: Shop}
purposes:
  - id: orders
    name: {de: Bestellungen, en: Orders}
    basis: contract
    data: [name, email]
    retention: {de: "10 Jahre", en: "10 years"}
    recipients: [courier]
recipients:
  - id: courier
    name: Paket GmbH
    role: processor
    country: DE
    contract: true
fields:
  - id: birthday
    label: {de: Geburtstag, en: Birthday}
    required: false
    purpose: orders
campaigns:
  - id: confirm
    purpose: orders
    kind: transactional
    channel: email
    audience: {business: shop, who: existing_customers}
    data: [name, email]
`

func TestParseValid(t *testing.T) {
	c, err := Parse("company.yaml", []byte(valid))
	if err != nil {
		t.Fatal(err)
	}
	if c.Controller.Name != "Test GmbH" || len(c.Purposes) != 1 || c.Purposes[0].Name.In("en") != "Orders" {
		t.Fatalf("decoded wrongly: %+v", c)
	}
	if got := c.Campaigns[0].At.At("kind").String(); got != "company.yaml:33:11" {
		t.Errorf("position of campaign kind = %s, want company.yaml:33:11", got)
	}
}

// TestParseRegister: documents are formal unless the file says register:
// informal.
func TestParseRegister(t *testing.T) {
	for _, tc := range []struct {
		add  string
		want model.Register
	}{
		{"", model.Formal},
		{"register: formal\n", model.Formal},
		{"register: informal\n", model.Informal},
	} {
		c, err := Parse("company.yaml", []byte(valid+tc.add))
		if err != nil {
			t.Fatalf("%q: %v", tc.add, err)
		}
		if c.Register != tc.want {
			t.Errorf("%q: register %q, want %q", tc.add, c.Register, tc.want)
		}
	}
}

// parseErrorCases are the mistakes TestParseErrors makes in a valid file.
var parseErrorCases = []struct {
	name    string
	old     string // text of valid to replace
	new     string
	want    []string // each must appear in one error, in this order
	wantPos string   // position of the first error
}{

	{"typo key with suggestion", "    basis: contract", "    bassis: contract",
		[]string{`unknown key "bassis" in a purpose; did you mean "basis"?`}, "company.yaml:15:5"},
	{"unknown enterprise", "  email: privacy@test.example\n", "  email: privacy@test.example\n  enterprise: micro\n",
		[]string{`controller enterprise "micro" is not known; write one of: household_business, micro_enterprise`}, "company.yaml:5:15"},
	{"unknown basis", "basis: contract", "basis: contrakt",
		[]string{`legal basis "contrakt" is not known; did you mean "contract"?`}, "company.yaml:15:12"},
	{"missing language", "retention: {de: \"10 Jahre\", en: \"10 years\"}", "retention: {de: \"10 Jahre\"}",
		[]string{`retention has no text in "en"`, `add "en: ..."`}, "company.yaml:17:16"},
	{"language not published", "name: {de: Laden, en: Shop}", "name: {de: Laden, en: Shop, pl: Sklep}",
		[]string{`business name has text in "pl", which is not one of the company's languages`}, "company.yaml:11:33"},
	{"wrong type list", "markets: [DE]", "markets: DE",
		[]string{`market must be a list, found "DE"`}, "company.yaml:6:10"},
	{"wrong type bool", "contract: true", "contract: yes please",
		[]string{`contract must be true or false, found "yes please"`}, "company.yaml:24:15"},
	{"dangling recipient", "recipients: [courier]", "recipients: [couriers]",
		[]string{`recipients "couriers" names no recipient of this company; did you mean "courier"?`}, "company.yaml:18:18"},
	{"dangling business", "business: shop, who", "business: shopp, who",
		[]string{`audience business "shopp" names no business of this company; did you mean "shop"?`}, "company.yaml:35:26"},
	{"unknown data", "data: [name, email]\n    retention", "data: [name, emial]\n    retention",
		[]string{`data "emial" names no data category of this company; did you mean "email"?`}, "company.yaml:16:18"},
	{"duplicate id", "  - id: birthday", "  - id: birthday\n    label: x\n    required: true\n  - id: birthday",
		[]string{`field id "birthday" is used twice in the top-level fields:; give each field of a form its own id`}, "company.yaml:29:9"},
	{"duplicate key", "    required: false", "    required: false\n    required: true",
		[]string{`key "required" is written twice in a field; remove one of them`}, "company.yaml:29:5"},
	{"bad date", "effective: 2026-11-01", "effective: 1.11.2026",
		[]string{`effective "1.11.2026" is not a date; write the date as YYYY-MM-DD`}, "company.yaml:8:12"},
	{"bad email", "email: privacy@test.example", "email: privacy at test",
		[]string{`controller email "privacy at test" is not an email address`}, "company.yaml:4:10"},
	{"bad country", "country: DE\n", "country: Germany\n",
		[]string{`country "Germany" is not an ISO 3166-1 country code; did you mean "DE" (Germany)?`}, "company.yaml:5:10"},
	{"country no code", "country: DE\n", "country: XX\n",
		[]string{`country "XX" is not an ISO 3166-1 country code`}, "company.yaml:5:10"},
	{"country by its own name", "country: DE\n", "country: Österreich\n",
		[]string{`country "Österreich" is not an ISO 3166-1 country code; did you mean "AT" (Austria)?`}, "company.yaml:5:10"},
	{"country Greece as the EU writes it", "country: DE\n", "country: EL\n",
		[]string{`country "EL" is not an ISO 3166-1 country code; did you mean "GR" (Greece)?`}, "company.yaml:5:10"},
	{"recipient country no code", "    country: DE\n    contract", "    country: QQ\n    contract",
		[]string{`recipient country "QQ" is not an ISO 3166-1 country code`}, "company.yaml:23:14"},
	{"missing required key", "  email: privacy@test.example\n", "",
		[]string{`controller has no "email"; add a line "email: ..."`}, "company.yaml:2:3"},
	{"unknown register", "markets: [DE]\n", "markets: [DE]\nregister: casual\n",
		[]string{`register "casual" is not known`, "formal, informal"}, "company.yaml:7:11"},
	{"market Basis knows no law of", "markets: [DE]", "markets: [DE, JP]",
		[]string{`market "JP" (Japan) is a country whose law Basis does not know`, `a market is a country Basis knows the law of (EU, DE, PL, UK, GB, VN, CA, AT,`}, "company.yaml:6:15"},
	{"market no country", "markets: [DE]", "markets: [DE, AX]",
		[]string{`market "AX" (Åland Islands) is a country whose law Basis does not know; did you mean "AT" (Austria)?`}, "company.yaml:6:15"},
	{"market not a code", "markets: [DE]", "markets: [DE, XT]",
		[]string{`market "XT" is not a country code Basis knows`}, "company.yaml:6:15"},
	{"market by name", "markets: [DE]", "markets: [DE, Austria]",
		[]string{`market "Austria" is not a country code Basis knows; did you mean "AT" (Austria)?`}, "company.yaml:6:15"},
	{"market lower case", "markets: [DE]", "markets: [DE, fr]",
		[]string{`market "fr" is not a country code Basis knows; did you mean "FR" (France)?`}, "company.yaml:6:15"},
	{"market twice as UK and GB", "markets: [DE]", "markets: [UK, GB]",
		[]string{`market "GB" is listed twice`}, "company.yaml:6:15"},
	{"bad id", "  - id: confirm", "  - id: Order Confirm",
		[]string{`campaign id "Order Confirm" is not a valid id; use lower-case letters, digits, '_' and '-', e.g. order_confirm`}, "company.yaml:31:9"},
	{"syntax error", "    basis: contract", "    basis: contract: x",
		[]string{`YAML syntax: mapping values are not allowed in this context`}, "company.yaml:15:20"},
	{"colon inside braces", "name: {de: Laden, en: Shop}", "name: {de: Laden: mehr, en: Shop}",
		[]string{`YAML syntax: did not find expected ',' or '}'; inside {…} or […], a comma or ': ' ends the text: put such text in quotes`}, "company.yaml:11:21"},
	{"over-indented key", "    basis: contract", "      basis: contract",
		[]string{`YAML syntax: did not find expected key`}, "company.yaml:15:7"},
	{"unclosed list", "    data: [name, email]", "    data: [name, email",
		[]string{`YAML syntax: did not find expected ',' or ']'`}, "company.yaml:16:11"},
	{"list item then key", "    recipients: [courier]", "    recipients:\n      - courier\n      x: 1",
		[]string{`YAML syntax: did not find expected '-' indicator`}, "company.yaml:20:7"},
	{"unterminated quote", `retention: {de: "10 Jahre", en: "10 years"}`, `retention: {de: "10 Jahre, en: 10 years}`,
		[]string{`YAML syntax: found unexpected end of stream`}, "company.yaml:17:5"},
	{"comma splits a sentence", `retention: {de: "10 Jahre", en: "10 years"}`, `retention: {de: "10 Jahre", en: 10 years, then deleted}`,
		[]string{`retention has text in "then deleted", which is not one of the company's languages; a comma inside {…} ends the text: put it in quotes, en: "10 years, then deleted"`}, "company.yaml:17:47"},
	{"NUL byte", "    name: Paket GmbH", "    name: Paket\x00 GmbH",
		[]string{`YAML syntax: control characters are not allowed; remove the invisible control character`}, "company.yaml:21:16"},
	{"binary tag", "country: DE", "country: !!binary REU=",
		[]string{`YAML tag !!binary is not supported; remove the tag`}, "company.yaml:5:10"},
	{"python tag", "    name: Paket GmbH", "    name: !!python/object/apply:os.system [ls]",
		[]string{`YAML tag !!python/object/apply:os.system is not supported`}, "company.yaml:21:11"},
	{"local tag", "  - id: shop", "  - id: !foo shop",
		[]string{`YAML tag !foo is not supported`}, "company.yaml:10:9"},
	{"year 0", "effective: 2026-11-01", "effective: 0000-01-01",
		[]string{`effective "0000-01-01" is before 1900; write the real date`}, "company.yaml:8:12"},
	{"public source without source", "    recipients: [courier]\n", "    recipients: [courier]\n    source_public: true\n",
		[]string{`purpose "orders" says its source is public but names no source`, "add source:"}, "company.yaml:19:20"},
	{"all errors at once", "country: DE", "country: de\nfoo: 1",
		[]string{`country "de" is not an ISO 3166-1 country code; did you mean "DE" (Germany)?`, `unknown key "foo" in the company file`}, "company.yaml:5:10"},
}

func TestParseErrors(t *testing.T) {
	tests := parseErrorCases
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if !strings.Contains(valid, tt.old) {
				t.Fatalf("test case edits text that is not in the valid file: %q", tt.old)
			}
			src := strings.Replace(valid, tt.old, tt.new, 1)
			_, err := Parse("company.yaml", []byte(src))
			var es Errors
			if !errors.As(err, &es) {
				t.Fatalf("want Errors, got %v", err)
			}
			all := es.Error()
			pos := 0
			for _, w := range tt.want {
				i := strings.Index(all[pos:], w)
				if i < 0 {
					t.Fatalf("errors lack (in order) %q:\n%s", w, all)
				}
				pos += i
			}
			if got := es[0].Pos.String(); got != tt.wantPos {
				t.Errorf("first error at %s, want %s:\n%s", got, tt.wantPos, all)
			}
			for _, e := range es {
				if e.Pos.Line == 0 || e.Hint == "" {
					t.Errorf("error without position or hint: %v", e)
				}
			}
		})
	}
}

func TestDir(t *testing.T) {
	dir := t.TempDir()
	write := func(rel, data string) {
		p := filepath.Join(dir, rel)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("b-co/company.yaml", valid)
	write("a-co/company.yaml", valid)
	write("_draft/notes.txt", "ignored")
	cs, err := Dir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(cs) != 2 || cs[0].Slug != "a-co" || cs[1].Slug != "b-co" {
		t.Fatalf("want a-co, b-co sorted; got %d companies", len(cs))
	}

	write("Bad Name/company.yaml", valid)
	write("empty/.keep", "")
	_, err = Dir(dir)
	var es Errors
	if !errors.As(err, &es) || len(es) != 2 {
		t.Fatalf("want 2 errors (bad slug, missing company.yaml), got %v", err)
	}
	if !strings.Contains(es.Error(), `rename the folder to lower-case letters, digits and hyphens, e.g. "bad-name"`) ||
		!strings.Contains(es.Error(), "has no company.yaml") {
		t.Errorf("unexpected errors:\n%v", es)
	}

	if err := os.RemoveAll(filepath.Join(dir, "Bad Name")); err != nil {
		t.Fatal(err)
	}
	if err := os.RemoveAll(filepath.Join(dir, "empty")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(dir, "a-co"), filepath.Join(dir, "linked")); err != nil {
		t.Fatal(err)
	}
	_, err = Dir(dir)
	if !errors.As(err, &es) || len(es) != 1 || !strings.Contains(es[0].Error(), "linked is a link to another folder; move the folder here") {
		t.Errorf("a linked company folder: want one error, got %v", err)
	}

	_, err = Dir(filepath.Join(dir, "missing"))
	var re *ReadError
	if !errors.As(err, &re) {
		t.Fatalf("want ReadError for a missing folder, got %v", err)
	}
}

func TestSectionFileStaysInFolder(t *testing.T) {
	dir := t.TempDir()
	src := valid + "sections:\n  - title: Extra\n    file: ../../etc/passwd\n"
	p := filepath.Join(dir, "company.yaml")
	if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := File(p)
	if err == nil || !strings.Contains(err.Error(), "points outside the company folder") {
		t.Fatalf("want an error for a section file outside the folder, got %v", err)
	}
}

func TestExamplesLoad(t *testing.T) {
	dir, err := content.CopyTo(filepath.Join(t.TempDir(), "content"))
	if err != nil {
		t.Fatal(err)
	}
	cs, err := Dir(dir)
	if err != nil {
		t.Fatal(err)
	}
	langs := map[string]bool{}
	for _, c := range cs {
		for _, l := range c.Languages {
			langs[l] = true
		}
	}
	if len(cs) != 3 || len(langs) != 4 {
		t.Errorf("examples: %d companies using %d languages, want 3 using all 4", len(cs), len(langs))
	}
}

func TestReservedSlug(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "assets", "company.yaml")
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(valid), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := File(p)
	if err == nil || !strings.Contains(err.Error(), `folder name "assets" is taken by the site itself; rename the folder`) {
		t.Fatalf("want a reserved-name error, got %v", err)
	}
}

// TestParseSourcePerLanguage: source: (Art. 14(2)(f) GDPR) is reader text,
// one string or one per language, like every other text key.
func TestParseSourcePerLanguage(t *testing.T) {
	src := strings.Replace(valid, "    recipients: [courier]\n",
		"    recipients: [courier]\n    source: {de: \"Ihr Arbeitgeber\", en: \"your employer\"}\n    source_public: false\n", 1)
	c, err := Parse("company.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if got := c.Purposes[0].Source.In("de"); got != "Ihr Arbeitgeber" {
		t.Errorf("source in de = %q, want %q", got, "Ihr Arbeitgeber")
	}
	src = strings.Replace(valid, "    recipients: [courier]\n", "    recipients: [courier]\n    source: Handelsregister\n    source_public: true\n", 1)
	if c, err = Parse("company.yaml", []byte(src)); err != nil {
		t.Fatal(err)
	}
	if p := c.Purposes[0]; p.Source.In("en") != "Handelsregister" || !p.SourcePublic {
		t.Errorf("one-string source decoded wrongly: %+v", p)
	}
}

// TestMarketsAreCountries: a market is a country Basis knows the law of,
// or EU; GB and UK both load as the United Kingdom, as old files wrote it.
// TestParseEnterprise: controller enterprise: states the kind of business
// that exempts a company from designating a personal data protection unit
// (Art. 38(2)-(3) Law No. 91/2025/QH15); files without it load as before.
func TestParseEnterprise(t *testing.T) {
	for _, v := range []string{"household_business", "micro_enterprise", "small_enterprise", "startup"} {
		src := strings.Replace(valid, "  email: privacy@test.example\n", "  email: privacy@test.example\n  enterprise: "+v+"\n", 1)
		c, err := Parse("company.yaml", []byte(src))
		if err != nil {
			t.Fatalf("%s: %v", v, err)
		}
		if c.Controller.Enterprise != v {
			t.Errorf("enterprise %q decoded as %q", v, c.Controller.Enterprise)
		}
	}
	c, err := Parse("company.yaml", []byte(valid))
	if err != nil || c.Controller.Enterprise != "" {
		t.Fatalf("without enterprise: %v %q", err, c.Controller.Enterprise)
	}
}

func TestMarketsAreCountries(t *testing.T) {
	for _, tc := range []struct {
		markets string
		want    []law.Market
	}{
		{"[AT, FR, IT, ES, NL, IE, CH, US]", []law.Market{"AT", "FR", "IT", "ES", "NL", "IE", "CH", "US"}},
		{"[UK]", []law.Market{law.UK}},
		{"[GB, EU]", []law.Market{law.UK, law.EU}},
		{"[BG]", []law.Market{"BG"}},
	} {
		c, err := Parse("company.yaml", []byte(strings.Replace(valid, "markets: [DE]", "markets: "+tc.markets, 1)))
		if err != nil {
			t.Fatalf("%s: %v", tc.markets, err)
		}
		if !slices.Equal(c.Markets, tc.want) {
			t.Errorf("%s: %v, want %v", tc.markets, c.Markets, tc.want)
		}
	}
	for _, code := range []string{"AT", "JP", "GB", "UK", "XK"} {
		if !isCountry(code) {
			t.Errorf("%s is a country", code)
		}
	}
	for _, code := range []string{"EU", "XX", "UN", "EZ", "YU", "ZZ", "QO", "EL"} {
		if isCountry(code) {
			t.Errorf("%s is no ISO 3166-1 country", code)
		}
	}
	if n := len(countries()); n < 249 || n > 250 {
		t.Errorf("%d countries, want the 249 of ISO 3166-1 and XK", n)
	}
}
