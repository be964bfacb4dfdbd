package render

import (
	"strings"
	"testing"

	"github.com/basis-privacy/basis/generator/model"
)

// TestVoluntaryWithoutList: the notice's section on whether the data must be
// given opens "Beyond that ..." ("Im Übrigen ...") only after the list of
// purposes that require data; a notice without such a purpose says plainly
// that giving the data is voluntary.
func TestVoluntaryWithoutList(t *testing.T) {
	r := newTestRenderer(t)
	var with, without int
	for _, c := range consistencyCompanies(t) {
		required := false
		for i := range c.Purposes {
			required = required || c.Purposes[i].Requirement != ""
		}
		for _, lang := range model.Languages {
			page, err := r.Privacy(judged(c), lang)
			if err != nil {
				t.Fatalf("%s/%s: %v", c.Slug, lang, err)
			}
			text := documentText(page)
			p := r.printer(c, lang)
			after, alone := p.T("notice.requirement.voluntary"), p.T("notice.requirement.voluntary.all")
			switch {
			case required && !strings.Contains(text, after):
				t.Errorf("%s/%s: the list of required data is not followed by %q", c.Slug, lang, after)
			case !required && strings.Contains(text, after):
				t.Errorf("%s/%s: %q follows no list", c.Slug, lang, after)
			case !required && !strings.Contains(text, alone):
				t.Errorf("%s/%s: lacks %q", c.Slug, lang, alone)
			}
			if required {
				with++
			} else {
				without++
			}
		}
	}
	if with == 0 || without == 0 {
		t.Fatalf("%d notices with required data, %d without: the test needs both", with, without)
	}
}
