package load

import (
	"errors"
	"strings"
	"testing"

	"github.com/basis-privacy/basis/generator/law"
	"github.com/basis-privacy/basis/generator/model"
)

// withForms is the valid file with its fields moved into two forms.
var withForms = strings.Replace(valid, `fields:
  - id: birthday
    label: {de: Geburtstag, en: Birthday}
    required: false
    purpose: orders
`, `forms:
  - id: checkout
    kind: checkout
    name: {de: Bestellung, en: Order}
    fields:
      - id: email
        label: {de: E-Mail, en: Email}
        required: true
        purpose: orders
  - id: contact
    kind: contact
    markets: [DE]
    fields:
      - id: email
        label: {de: E-Mail, en: Email}
        required: true
        purpose: orders
      - id: news
        label: {de: Ja, en: Yes}
        required: false
        type: checkbox
        checked: false
`, 1)

// TestForms: forms load with their kind, name, markets and fields; a field
// id may repeat across forms; top-level fields load as one legacy form.
func TestForms(t *testing.T) {
	if withForms == valid {
		t.Fatal("the valid file changed; adapt withForms")
	}
	c, err := Parse("company.yaml", []byte(withForms))
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Forms) != 2 || c.Forms[0].Kind != model.CheckoutForm || c.Forms[0].Name.In("en") != "Order" ||
		c.Forms[1].Markets[0] != law.DE || len(c.Forms[1].Fields) != 2 || c.Forms[1].Fields[1].Type != "checkbox" || c.Forms[0].Legacy {
		t.Errorf("forms decoded wrongly: %+v", c.Forms)
	}
	if got := c.FormMarkets(&c.Forms[0]); len(got) != 1 || got[0] != law.DE {
		t.Errorf("default markets %v", got)
	}
	old, err := Parse("company.yaml", []byte(valid))
	if err != nil {
		t.Fatal(err)
	}
	if len(old.Forms) != 1 || !old.Forms[0].Legacy || old.Forms[0].ID != "" || old.Forms[0].Fields[0].ID != "birthday" {
		t.Errorf("legacy fields: %+v", old.Forms)
	}
	if _, ok := old.At["fields"]; !ok {
		t.Error("the position of fields: is not recorded, for check's warning")
	}
}

// TestFormErrors: each mistake in a form is an error at its position that
// says what to write.
func TestFormErrors(t *testing.T) {
	for _, tc := range []struct {
		name, old, new, want, pos string
	}{
		{"field twice in a form", "      - id: news\n", "      - id: email\n", `field id "email" is used twice in form "contact"`, "company.yaml:42:13"},
		{"form twice", "  - id: contact\n", "  - id: checkout\n", `form id "checkout" is used twice`, "company.yaml:34:9"},
		{"market not the company's", "    markets: [DE]\n", "    markets: [PL]\n", `form "contact" serves market "PL", which is not one of the company's markets`, "company.yaml:36:14"},
		{"unknown kind", "    kind: contact\n", "    kind: enquiry\n", `form kind "enquiry" is not known`, "company.yaml:35:11"},
		{"checked text field", "        purpose: orders\n      - id: news", "        purpose: orders\n        checked: true\n      - id: news", `field "email" is not a checkbox, so it cannot be checked`, "company.yaml:42:18"},
		{"consent on a checkbox", "        checked: false\n", "        consent: {de: Ja, en: Yes}\n", `checkbox "news" has consent: wording`, "company.yaml:46:18"},
		{"form without fields", "    fields:\n      - id: email\n        label: {de: E-Mail, en: Email}\n        required: true\n        purpose: orders\n  - id: contact", "    fields: []\n  - id: contact", "", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			src := strings.Replace(withForms, tc.old, tc.new, 1)
			if src == withForms {
				t.Fatalf("%q is not in the file", tc.old)
			}
			_, err := Parse("company.yaml", []byte(src))
			if tc.want == "" {
				if err != nil {
					t.Fatal(err)
				}
				return
			}
			var es Errors
			if !errors.As(err, &es) {
				t.Fatalf("want Errors, got %v", err)
			}
			if !strings.Contains(es.Error(), tc.want) || es[0].Pos.String() != tc.pos || es[0].Hint == "" {
				t.Errorf("got %v at %s, want %q at %s", es, es[0].Pos, tc.want, tc.pos)
			}
		})
	}
}
