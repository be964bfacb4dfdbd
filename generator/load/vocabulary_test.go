package load

import (
	"errors"
	"strings"
	"testing"

	"github.com/basis-privacy/basis/generator/law"
	"github.com/basis-privacy/basis/generator/model"
)

// TestOldSpellings: kind: similar_products, kind: new_products and who:
// purchased_list still load, keep their meaning and are recorded with the
// new spelling and their position, for check's file.renamed warning;
// similar: is a current key again (with similar_reason:).
func TestOldSpellings(t *testing.T) {
	src := strings.Replace(valid, "    kind: transactional\n", "    kind: similar_products\n    similar: true\n", 1)
	c, err := Parse("company.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	cp := c.Campaigns[0]
	if cp.Kind != model.SimilarProducts || cp.Similar == nil || !*cp.Similar {
		t.Errorf("old meaning lost: %s %v", cp.Kind, cp.Similar)
	}
	want := map[string]string{"kind: similar_products": "kind: advertising"}
	if len(c.Renamed) != len(want) {
		t.Fatalf("renamed %+v", c.Renamed)
	}
	for _, rn := range c.Renamed {
		if want[rn.Old] != rn.New || rn.Pos.Line == 0 {
			t.Errorf("%+v", rn)
		}
	}
	if c.Markets[0] != law.DE {
		t.Errorf("markets %v", c.Markets)
	}
}

// TestKindHint: a mistyped kind is told the current kinds only.
func TestKindHint(t *testing.T) {
	_, err := Parse("company.yaml", []byte(strings.Replace(valid, "kind: transactional", "kind: advert", 1)))
	var errs Errors
	if !errors.As(err, &errs) || len(errs) != 1 {
		t.Fatalf("%v", err)
	}
	msg := errs.Error()
	if !strings.Contains(msg, "advertising") || strings.Contains(msg, "new_products") {
		t.Errorf("hint %q", msg)
	}
}

// TestPurchasedListIsProspectsFromABoughtList: the old audience
// purchased_list loads as prospects whose addresses were bought, with a
// warning naming the new spelling.
func TestPurchasedListIsProspectsFromABoughtList(t *testing.T) {
	src := strings.Replace(valid, "who: existing_customers", "who: purchased_list", 1)
	c, err := Parse("company.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	a := c.Campaigns[0].Audience
	if a.Who != model.Prospects || a.Origin() != model.FromBoughtList {
		t.Errorf("audience %+v", a)
	}
	if len(c.Renamed) != 1 || c.Renamed[0].New != "who: prospects with source: bought_list" {
		t.Errorf("renamed %+v", c.Renamed)
	}
}

// TestAudienceSource: the source of the addresses must fit who the
// recipients are; the defaults follow who:.
func TestAudienceSource(t *testing.T) {
	const audience = "{business: shop, who: existing_customers}"
	if !strings.Contains(valid, audience) {
		t.Fatal("the test company's audience changed; update this test")
	}
	for _, tc := range []struct {
		audience string
		want     model.Source
		err      string
	}{
		{"who: existing_customers", model.FromSale, ""},
		{"who: existing_customers, source: acquired_business", model.FromAcquisition, ""},
		{"who: inquirers", model.FromInquiry, ""},
		{"who: prospects", "", ""},
		{"who: prospects, source: referral, type: business", model.FromReferral, ""},
		{"who: existing_customers, source: bought_list", "", `audience source "bought_list" does not fit who: existing_customers`},
		{"who: prospects, source: sale", "", `does not fit who: prospects`},
		{"who: inquirers, source: public_source", "", `does not fit who: inquirers`},
	} {
		src := strings.Replace(valid, audience, "{business: shop, "+tc.audience+"}", 1)
		c, err := Parse("company.yaml", []byte(src))
		switch {
		case tc.err != "":
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("%s: got %v, want %q", tc.audience, err, tc.err)
			}
		case err != nil:
			t.Errorf("%s: %v", tc.audience, err)
		case c.Campaigns[0].Audience.Origin() != tc.want:
			t.Errorf("%s: origin %q, want %q", tc.audience, c.Campaigns[0].Audience.Origin(), tc.want)
		}
	}
}
