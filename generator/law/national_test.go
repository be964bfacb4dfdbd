package law

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/basis-privacy/basis/generator/internal/golden"
	"gopkg.in/yaml.v3"
)

// The countries issue 21 asks for: every EEA state, Switzerland, the United
// Kingdom, the United States, Canada and Vietnam.
var wantCountries = []string{"CH", "GB", "US", "CA", "VN"}

// TestNationalComplete: every EEA state and CH, GB, US, CA, VN have an
// entry, once, sorted; no other country has one.
func TestNationalComplete(t *testing.T) {
	want := slices.Clone(wantCountries)
	for c := range EEA {
		want = append(want, c)
	}
	slices.Sort(want)
	got := NationalCodes()
	if !slices.Equal(got, want) {
		t.Errorf("countries:\n got %v\nwant %v", got, want)
	}
	if len(got) != 35 {
		t.Errorf("%d countries, want 35 (30 EEA states and 5 others)", len(got))
	}
	seen := map[string]bool{}
	for _, n := range nationals {
		if seen[n.Country] {
			t.Errorf("%s twice in the table", n.Country)
		}
		seen[n.Country] = true
	}
	if n, ok := NationalOf("UK"); !ok || n.Country != "GB" {
		t.Error(`NationalOf("UK") is not the United Kingdom`)
	}
	if _, ok := NationalOf("JP"); ok {
		t.Error("JP has an entry")
	}
}

// TestNationalEntries: each entry is complete and consistent with the rest
// of the package: its regime, its authority, its refs.
func TestNationalEntries(t *testing.T) {
	for _, n := range Nationals() {
		m := n.Marketing
		if len(m.Consent) == 0 || m.Note == "" {
			t.Errorf("%s: no e-mail rule", n.Country)
		}
		if want := RegimeOf(n.Country); InEEA(n.Country) || IsUK(n.Country) || n.Country == "VN" {
			if n.Regime != want {
				t.Errorf("%s: regime %q, want %q", n.Country, n.Regime, want)
			}
		} else if n.Regime != "" {
			t.Errorf("%s: regime %q for a country whose privacy law Basis does not apply", n.Country, n.Regime)
		}
		if n.Country == "DE" {
			if n.Authority != "" {
				t.Error("DE: Germany's authority is the Land's (authority_de.go), not a national one")
			}
		} else if a, sure := AuthorityFor(n.Country, ""); sure != Sure || a.Key != n.Authority || a.Website == "" || a.Address == "" || a.LocalName() == "" {
			t.Errorf("%s: authority %q incomplete or not what AuthorityFor names (%+v)", n.Country, n.Authority, a)
		}
		for _, r := range n.Refs() {
			if !slices.Contains(Refs, r) {
				t.Errorf("%s: ref %s is not in law.Refs", n.Country, r)
			}
			if c := RefCountry(r); c != "" && c != n.Country {
				t.Errorf("%s cites %s, which is the law of %s", n.Country, r, c)
			}
		}
		if x := m.Exception; x != nil && x.ID == "" {
			t.Errorf("%s: an exception without its provision", n.Country)
		}
	}
}

// TestNationalAges: the Art. 8 GDPR age of every EEA state lies within
// 13..16; the others' within 0 (none fixed)..16; every age has a provision.
func TestNationalAges(t *testing.T) {
	for _, n := range Nationals() {
		a := n.Age
		switch {
		case InEEA(n.Country) && (a.Age < 13 || a.Age > 16):
			t.Errorf("%s: age %d outside Art. 8(1) GDPR's 13..16", n.Country, a.Age)
		case a.Age < 0 || a.Age > 16 || a.Age > 0 && a.Age < 13:
			t.Errorf("%s: age %d", n.Country, a.Age)
		}
		if len(a.Refs) == 0 {
			t.Errorf("%s: age without a provision", n.Country)
		}
		if a.Age == 0 && a.Note == "" {
			t.Errorf("%s: no fixed age, and no note saying what is known", n.Country)
		}
	}
	// Pinned: the ages the review names, read from the sources in the table.
	for code, age := range map[string]int{"DE": 16, "PL": 16, "AT": 14, "FR": 15, "GB": 13, "IT": 14, "SE": 13, "US": 13} {
		if n, _ := NationalOf(code); n.Age.Age != age {
			t.Errorf("%s: age %d, want %d", code, n.Age.Age, age)
		}
	}
	// Verified by reading the national act and finding no derogation from
	// Art. 8(1) GDPR (BDSG; the Polish act of 10 May 2018).
	for _, code := range []string{"DE", "PL"} {
		if n, _ := NationalOf(code); !n.Age.Verified {
			t.Errorf("%s: age not marked verified", code)
		}
	}
}

// date is the form of Source.Checked: the day, or the month of a check
// made before this table (the market table's, RULES.md).
var date = regexp.MustCompile(`^\d{4}-\d{2}(-\d{2})?$`)

// TestNationalSources: every source has a URL, a date and a known kind;
// every verified fact group names a source of its own that is not
// secondary; an unverified group says nothing stronger than its sources.
func TestNationalSources(t *testing.T) {
	kinds := []string{"official", "authority", "reproduction", "secondary"}
	facts := []string{"marketing", "phone", "post", "b2b", "authority", "age"}
	for _, n := range Nationals() {
		strong := map[string]bool{}
		for _, s := range n.Sources {
			if !strings.HasPrefix(s.URL, "http://") && !strings.HasPrefix(s.URL, "https://") || !date.MatchString(s.Checked) ||
				!slices.Contains(kinds, s.Kind) || !slices.Contains(facts, s.Facts) {
				t.Errorf("%s: incomplete source %+v", n.Country, s)
			}
			if s.Kind != "secondary" {
				strong[s.Facts] = true
			}
		}
		m := n.Marketing
		check := func(group string, verified bool) {
			if verified && !strong[group] {
				t.Errorf("%s: %s is marked verified without an official, authority or reproduction source for it", n.Country, group)
			}
		}
		check("marketing", m.Verified || m.Exception != nil && m.Exception.Verified)
		check("b2b", m.B2B.Verified)
		check("phone", m.Phone.Verified)
		// Letters on the GDPR alone (Art. 21, Recital 47) need no national source.
		check("post", m.Post.Verified && slices.ContainsFunc(m.Post.Refs, func(r string) bool { return RefCountry(r) != "" }))
		check("authority", n.AuthorityVerified)
		check("age", n.Age.Verified)
	}
}

// TestNationalTable: RULES.md carries the national table as this package
// writes it. Regenerate with:
// go test ./generator/law -run TestNationalTable -update
func TestNationalTable(t *testing.T) {
	path := filepath.Join("..", "check", "RULES.md")
	doc, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	const begin, end = "<!-- national:begin -->\n", "<!-- national:end -->"
	i, j := strings.Index(string(doc), begin), strings.Index(string(doc), end)
	if i < 0 || j < i {
		t.Fatalf("%s lacks the markers %q and %q", path, begin, end)
	}
	want := NationalMarkdown()
	if got := string(doc[i+len(begin) : j]); got != want {
		if golden.Updating() {
			out := string(doc[:i+len(begin)]) + want + string(doc[j:])
			if err := os.WriteFile(path, []byte(out), 0o644); err != nil {
				t.Fatal(err)
			}
			return
		}
		t.Errorf("RULES.md's national table differs from law.NationalMarkdown(); run go test ./generator/law -run TestNationalTable -update\n--- RULES.md\n%s\n--- law\n%s", got, want)
	}
}

// TestNationalMarkdown: the table has a row per country, names every
// provision the country cites (so RULES.md gives the source of each ref),
// and says which groups are unverified.
func TestNationalMarkdown(t *testing.T) {
	md := NationalMarkdown()
	for _, n := range Nationals() {
		if !strings.Contains(md, "\n| "+n.Country+" |") || !strings.Contains(md, "- **"+n.Country+"**:") {
			t.Errorf("%s: no row or no notes", n.Country)
		}
		for _, r := range n.Refs() {
			if !strings.Contains(md, "`"+r+"`") {
				t.Errorf("%s: ref %s not in the table", n.Country, r)
			}
		}
	}
	bg, _ := NationalOf("BG")
	if bg.Verified() || !strings.Contains(md, "| BG | `gdpr` | consent `eprivacy-13-1` (unverified) | `eprivacy-13-2` (unverified)") {
		t.Error("BG's unverified rule is not marked unverified")
	}
}

// TestNationalCitations: every provision of the national table has its
// citation, and every authority its name, in each language Basis writes.
func TestNationalCitations(t *testing.T) {
	for _, lang := range []string{"en", "de", "pl", "vi"} {
		msgs := map[string]string{}
		for _, file := range []string{"refs", "common"} {
			data, err := os.ReadFile(filepath.Join("..", "..", "locales", file+"."+lang+".yaml"))
			if err != nil {
				t.Fatal(err)
			}
			var m map[string]any
			if err := yaml.Unmarshal(data, &m); err != nil {
				t.Fatalf("%s.%s.yaml: %v", file, lang, err)
			}
			for k, v := range m {
				if s, ok := v.(string); ok {
					msgs[k] = s
				}
			}
		}
		for _, n := range Nationals() {
			for _, r := range n.Refs() {
				if strings.TrimSpace(msgs["ref."+r]) == "" {
					t.Errorf("%s: ref.%s (%s) has no citation", lang, r, n.Country)
				}
			}
			if n.Authority != "" && strings.TrimSpace(msgs["authority."+n.Authority+".name"]) == "" {
				t.Errorf("%s: authority.%s.name is missing", lang, n.Authority)
			}
		}
	}
}

// TestNationalAuthorityVerified: an authority the table marks verified has
// "verified ... from <url>" above its entry in authority.go, and one it
// marks unverified has "unverified:", so the two never disagree.
func TestNationalAuthorityVerified(t *testing.T) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "authority.go", nil, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	comment := map[string]string{}
	for _, kv := range tableEntries(f, "nationalAuthorities") {
		key, _ := strconv.Unquote(kv.Key.(*ast.BasicLit).Value)
		comment[key] = commentOnLine(fset, f, fset.Position(kv.Pos()).Line-1)
	}
	for _, n := range Nationals() {
		if n.Authority == "" {
			continue
		}
		if got := strings.HasPrefix(comment[n.Authority], "// verified "); got != n.AuthorityVerified {
			t.Errorf("%s: AuthorityVerified %v, but authority.go says %q", n.Country, n.AuthorityVerified, comment[n.Authority])
		}
	}
}
