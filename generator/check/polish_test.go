package check

import (
	"bytes"
	"strings"
	"testing"

	"github.com/basis-privacy/basis/generator/law"
	"github.com/basis-privacy/basis/generator/model"
)

// TestPolishReportHasNoEnglishMarker: the Polish report marks an age Basis
// has not verified in Polish; the English "(unverified)" the finding
// carries for JSON and English never reaches it (Art. 8(1) GDPR ages).
func TestPolishReportHasNoEnglishMarker(t *testing.T) {
	c := shop("AT", []law.Market{"AT", "BG"}, model.Consent)
	c.Purposes[0].Children = &model.Children{From: 10, To: 17}
	var b bytes.Buffer
	if err := WriteText(&b, Company(c), catalog(t).For("pl")); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	if strings.Contains(out, "unverified") {
		t.Errorf("the Polish report says \"unverified\":\n%s", out)
	}
	if !strings.Contains(out, "(AT 14, BG 14; wieku nie zweryfikowano dla: AT, BG)") {
		t.Errorf("the Polish report does not mark the ages as unverified:\n%s", out)
	}
}
