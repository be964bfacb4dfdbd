package render

import (
	"strings"
	"testing"
)

// nextSection is the pointer of notice.right.objection to the section on
// objection that follows the rights, in each language.
var nextSection = map[string]string{
	"en": "see the next section", "de": "siehe den nächsten Abschnitt",
	"pl": "zob. następną część", "vi": "xem mục tiếp theo",
}

// TestRegimeObjectionPointsWhereItIs: the section a regime adds for some
// customers (the GDPR's for a Vietnamese company's Polish customers) names
// the right to object without pointing to "the next section": the
// paragraph on objection is inside that section, and is printed only where
// a purpose rests on legitimate interests. The Hanoi tea exporter has none,
// so its GDPR section says so instead.
func TestRegimeObjectionPointsWhereItIs(t *testing.T) {
	r := newTestRenderer(t)
	c := issueCase(t, "hanoi-tea")
	p := map[string]string{
		"en": "we do not process your data on that basis",
		"pl": "na tej podstawie nie przetwarzamy Państwa danych",
		"vi": "chúng tôi không xử lý dữ liệu của Quý khách trên căn cứ này",
	}
	for _, lang := range c.Languages {
		sec := section(privacyPage(t, r, c, lang), "regime-gdpr")
		if sec == "" {
			t.Fatalf("%s: no GDPR section", lang)
		}
		if strings.Contains(sec, nextSection[lang]) {
			t.Errorf("%s: the GDPR section points to %q, which is not there", lang, nextSection[lang])
		}
		if !strings.Contains(sec, p[lang]) {
			t.Errorf("%s: the GDPR section lacks %q", lang, p[lang])
		}
	}
}

// TestRegimeObjectionBelow: where a regime's section points below for the
// objection to legitimate interests, the paragraph is there.
func TestRegimeObjectionBelow(t *testing.T) {
	r := newTestRenderer(t)
	p := printer(t, "en")
	below := 0
	for _, c := range consistencyCompanies(t) {
		page := privacyPage(t, r, c, "en")
		for _, g := range []string{"gdpr", "ukgdpr"} {
			sec := section(page, "regime-"+g)
			if !strings.Contains(sec, "; see below.") {
				continue
			}
			below++
			if want := p.T("notice.objection.general." + g); !strings.Contains(sec, want) {
				t.Errorf("%s: the %s section points below to no paragraph on objection", c.Slug, g)
			}
		}
	}
	t.Logf("%d sections point below", below)
}
