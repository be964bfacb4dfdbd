package render

import (
	"html"
	"strings"
	"testing"

	"github.com/basis-privacy/basis/generator/load"
	"github.com/basis-privacy/basis/generator/model"
)

// TestOwnInformalWordingWins: an informal company that words a message in
// both registers (the README's formal example, and its .informal variant)
// gets the informal wording in its notice, and a formal company the formal
// one (D9).
func TestOwnInformalWordingWins(t *testing.T) {
	r := newTestRenderer(t)
	plain, err := load.File("testdata/four-lang/company.yaml", load.WithCatalog(r.cat))
	if err != nil {
		t.Fatal(err)
	}
	const formal, informal = "Die Ausübung Ihrer Rechte ist kostenlos (eigene Formulierung).", "Die Ausübung deiner Rechte ist kostenlos (eigene Formulierung)."
	for _, tc := range []struct {
		reg       model.Register
		want, not string
	}{
		{model.Informal, informal, formal},
		{model.Formal, formal, informal},
	} {
		c := *plain
		c.Register = tc.reg
		c.Messages = []model.Message{
			{Lang: "de", ID: "notice.rights.free", Text: formal},
			{Lang: "de", ID: "notice.rights.free.informal", Text: informal},
		}
		out, err := r.Privacy(judged(&c), "de")
		if err != nil {
			t.Fatal(err)
		}
		page := html.UnescapeString(string(out))
		if !strings.Contains(page, tc.want) || strings.Contains(page, tc.not) {
			t.Errorf("%s company: the notice lacks %q or has %q", tc.reg, tc.want, tc.not)
		}
	}
}
