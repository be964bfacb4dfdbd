package law

import (
	"go/ast"
	"go/parser"
	"go/token"
	"slices"
	"strconv"
	"strings"
	"testing"
)

func TestAuthorityFor(t *testing.T) {
	tests := []struct {
		country, address, key string
		sure                  Certainty
	}{
		{"DE", "Berliner Allee 10, 40212 Düsseldorf", "DE-NW", Sure},
		{"DE", "Postfach 10001, 80331 München", "DE-BY", Sure}, // the last five digits are the postcode
		{"DE", "D-01067 Dresden", "DE-SN", Sure},
		{"DE", "Hauptstraße 1, Berlin", "", Unknown},             // no postcode
		{"DE", "Am Hafen 1, 27499 Insel Neuwerk", "DE-HH", Sure}, // a single-code range
		{"DE", "Dorfstraße 1, 21039 Börnsen", "", Unsure},        // Hamburg and Schleswig-Holstein
		{"DE", "Musterweg 1, 00999 Nirgendwo", "", Unknown},
		{"PL", "ul. Długa 1, 00-001 Warszawa", "PL", Sure},
		{"UK", "1 High Street, London", "GB", Sure},
		{"GB", "1 High Street, London", "GB", Sure},
		{"VN", "1 Lê Lợi, Hà Nội", "VN", Sure},
		{"FR", "1 rue de Rivoli, 75001 Paris", "FR", Sure}, // every country of the national table
		{"AT", "Stephansplatz 1, 1010 Wien", "AT", Sure},
		{"JP", "1-1 Chiyoda, Tokyo", "", Unknown}, // a country Basis does not know
	}
	for _, tt := range tests {
		a, sure := AuthorityFor(tt.country, tt.address)
		if a.Key != tt.key || sure != tt.sure {
			t.Errorf("%s %q: got %q (%v), want %q (%v)", tt.country, tt.address, a.Key, sure, tt.key, tt.sure)
		}
	}
}

// TestEveryLandHasAnAuthority: every Land of the range table has an
// authority with an address in that Land's capital region and a website.
func TestEveryLandHasAnAuthority(t *testing.T) {
	var lands []string
	for _, r := range postcodeRanges {
		if r.from > r.to {
			t.Errorf("range %05d-%05d (%s) is reversed", r.from, r.to, r.land)
		}
		if !slices.Contains(lands, r.land) {
			lands = append(lands, r.land)
		}
	}
	if len(lands) != 16 {
		t.Errorf("the table covers %d Länder, want 16", len(lands))
	}
	for _, l := range lands {
		a, ok := landAuthorities[l]
		if !ok || a.Address == "" || a.Website == "" || a.Key != "DE-"+l {
			t.Errorf("Land %s: incomplete authority %+v", l, a)
		}
	}
}

// TestUnverifiedAuthorities: an authority is unverified (Verified false,
// its address marked in the notice) exactly when the comment above its
// entry says "unverified:".
func TestUnverifiedAuthorities(t *testing.T) {
	want := map[string]bool{}
	for file, table := range map[string]string{"authority.go": "nationalAuthorities", "authority_de.go": "landAuthorities"} {
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, file, nil, parser.ParseComments)
		if err != nil {
			t.Fatal(err)
		}
		for _, kv := range tableEntries(f, table) {
			key, _ := strconv.Unquote(kv.Key.(*ast.BasicLit).Value)
			if table == "landAuthorities" {
				key = "DE-" + key
			}
			if strings.HasPrefix(commentOnLine(fset, f, fset.Position(kv.Pos()).Line-1), "// unverified:") {
				want[key] = true
			}
		}
	}
	for _, k := range AuthorityKeys() {
		a := Authority{Key: k}
		if a.Verified() == want[k] {
			t.Errorf("%s: Verified() = %v, but its comment says %s", k, a.Verified(), map[bool]string{true: "unverified", false: "verified"}[want[k]])
		}
	}
	if (Authority{Key: "VN"}).Verified() {
		t.Error("the address of Vietnam's authority comes from a law firm's page, not an official one")
	}
}

// TestVerifiedNationalAddresses pins the national authorities verified in
// December 2026, with the address their own (or their official) pages give
// (see the source comment above each entry in authority.go).
func TestVerifiedNationalAddresses(t *testing.T) {
	tests := []struct{ key, address string }{
		{"US", "600 Pennsylvania Avenue NW, Washington, DC 20580"},
	}
	for _, tt := range tests {
		a := nationalAuthorities[tt.key]
		if a.Address != tt.address || !a.Verified() {
			t.Errorf("%s: address %q, verified %v; want %q, verified", tt.key, a.Address, a.Verified(), tt.address)
		}
	}
}
