package law

import (
	"go/ast"
	"go/parser"
	"go/token"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// TestLandsOfCities: the sixteen state capitals, and places near a border or
// a range edge, lie in the right Land and in no other.
func TestLandsOfCities(t *testing.T) {
	tests := []struct {
		place string
		code  int
		land  string
	}{
		{"Stuttgart", 70173, "BW"},
		{"München", 80331, "BY"},
		{"Berlin", 10117, "BE"},
		{"Potsdam", 14467, "BB"},
		{"Bremen", 28195, "HB"},
		{"Hamburg", 20095, "HH"},
		{"Wiesbaden", 65183, "HE"},
		{"Schwerin", 19053, "MV"},
		{"Hannover", 30159, "NI"},
		{"Düsseldorf", 40213, "NW"},
		{"Mainz", 55116, "RP"},
		{"Saarbrücken", 66111, "SL"},
		{"Dresden", 1067, "SN"},
		{"Magdeburg", 39104, "ST"},
		{"Kiel", 24103, "SH"},
		{"Erfurt", 99084, "TH"},
		{"Bonn", 53111, "NW"},
		{"Leipzig", 4109, "SN"},
		{"Nürnberg", 90403, "BY"},
		{"Ansbach", 91522, "BY"},
		{"Bremerhaven", 27570, "HB"},
		{"Potsdam-Babelsberg", 14482, "BB"},
	}
	for _, tt := range tests {
		if got := LandsOf(tt.code); !slices.Equal(got, []string{tt.land}) {
			t.Errorf("%05d %s: got %v, want [%s]", tt.code, tt.place, got, tt.land)
		}
	}
}

// TestAuthorityAddressInItsLand: each authority's own postcode lies in its
// Land, so a mistyped postcode in the table shows.
func TestAuthorityAddressInItsLand(t *testing.T) {
	for land, a := range landAuthorities {
		m := postcode.FindAllStringSubmatch(a.Address, -1)
		if m == nil {
			t.Errorf("%s: no postcode in %q", land, a.Address)
			continue
		}
		code, _ := strconv.Atoi(m[len(m)-1][1])
		if got := LandsOf(code); !slices.Equal(got, []string{land}) {
			t.Errorf("%s: %q lies in %v", land, a.Address, got)
		}
	}
}

// TestVerifiedAddresses pins the addresses that review found wrong, as the
// authorities give them on their own websites (see the source comments).
func TestVerifiedAddresses(t *testing.T) {
	tests := []struct{ land, address string }{
		{"SN", "Maternistraße 17, 01067 Dresden"},
		{"BY", "Promenade 27, 91522 Ansbach"},
	}
	for _, tt := range tests {
		if got := landAuthorities[tt.land].Address; got != tt.address {
			t.Errorf("%s: got %q, want %q", tt.land, got, tt.address)
		}
	}
}

// source is the form of the comment line right above each authority: where
// the entry was checked, or that it was not.
var source = regexp.MustCompile(`^// (verified \d{4}-\d{2} from https?://\S+|unverified: \S)`)

// TestAuthoritySources: every entry of the authority tables says, on the
// comment line above it, where it was checked or that it was not.
func TestAuthoritySources(t *testing.T) {
	for file, table := range map[string]string{
		"authority_de.go": "landAuthorities",
		"authority.go":    "nationalAuthorities",
	} {
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, file, nil, parser.ParseComments)
		if err != nil {
			t.Fatal(err)
		}
		entries := tableEntries(f, table)
		if len(entries) == 0 {
			t.Fatalf("%s: no entries of %s", file, table)
		}
		for _, kv := range entries {
			line := fset.Position(kv.Pos()).Line
			if c := commentOnLine(fset, f, line-1); !source.MatchString(c) {
				t.Errorf("%s:%d: %s entry without a source comment above it (got %q)", file, line, table, c)
			}
		}
	}
}

// tableEntries returns the key-value pairs of the map literal assigned to
// the package variable name.
func tableEntries(f *ast.File, name string) []*ast.KeyValueExpr {
	var out []*ast.KeyValueExpr
	ast.Inspect(f, func(n ast.Node) bool {
		vs, ok := n.(*ast.ValueSpec)
		if !ok || len(vs.Names) != 1 || vs.Names[0].Name != name || len(vs.Values) != 1 {
			return true
		}
		if lit, ok := vs.Values[0].(*ast.CompositeLit); ok {
			for _, e := range lit.Elts {
				if kv, ok := e.(*ast.KeyValueExpr); ok {
					out = append(out, kv)
				}
			}
		}
		return false
	})
	return out
}

// commentOnLine returns the text of the line comment on the given line.
func commentOnLine(fset *token.FileSet, f *ast.File, line int) string {
	for _, g := range f.Comments {
		for _, c := range g.List {
			if fset.Position(c.Pos()).Line == line {
				return strings.TrimSpace(c.Text)
			}
		}
	}
	return ""
}
