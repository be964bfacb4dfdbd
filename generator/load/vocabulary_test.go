package load

import (
	"errors"
	"strings"
	"testing"

	"github.com/basis-privacy/basis/generator/law"
	"github.com/basis-privacy/basis/generator/model"
)

// TestOldSpellings: kind: similar_products, kind: new_products and similar:
// still load, keep their meaning and are recorded with the new spelling and
// their position, for check's file.renamed warning.
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
	want := map[string]string{"kind: similar_products": "kind: advertising", "similar:": "promotes:"}
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
