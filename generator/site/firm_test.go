package site

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/basis-privacy/basis/generator/load"
	"github.com/basis-privacy/basis/generator/model"
)

// buildWithFirm builds the examples (HTML only) into public/ and internal/
// with the firm f, and returns both folders.
func buildWithFirm(t *testing.T, f load.Firm) (public, internal string) {
	t.Helper()
	proj := load.DefaultProject()
	proj.Firm = f
	dir := t.TempDir()
	o := opts(exampleDir(t), filepath.Join(dir, "public"))
	o.Internal, o.Project = filepath.Join(dir, "internal"), proj
	if _, err := Build(context.Background(), o); err != nil {
		t.Fatal(err)
	}
	return o.Out, o.Internal
}

// TestFirmSignsItsInternalDocuments: with a firm in the project, its name
// and sign-off block (in the page's language) stand on every internal
// document where others read "Made with Basis" (the redlines of the record
// and the assessment between released versions too); Basis's notice that it
// gives no legal advice stays unless the firm turns it off; public pages
// neither name the firm nor lose the notice.
func TestFirmSignsItsInternalDocuments(t *testing.T) {
	t.Parallel()
	const made = "Made with Basis."
	const advice = "Basis produces documents, not legal advice"
	signOff := model.Text{ByLang: map[string]string{"en": "Jane Example, partner\nprivacy@example-partners.example", "de": "Jane Example, Partnerin"}}
	for _, tt := range []struct {
		name       string
		disclaimer bool
	}{{"notice kept", true}, {"notice off", false}} {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			public, internal := buildWithFirm(t, load.Firm{Name: "Example & Partners", SignOff: signOff, Disclaimer: tt.disclaimer})
			for _, rel := range []string{"baeckerei-schmidt/en/checklist.html", "baeckerei-schmidt/en/report.html", "checklist/en.html", "index.html",
				"baeckerei-schmidt/en/versions/2026-11-01/record-changes.html", "baeckerei-schmidt/en/versions/2026-11-01/assessment-changes.html"} {
				page := read(t, filepath.Join(internal, rel))
				if !strings.Contains(page, "Prepared by Example &amp; Partners") {
					t.Errorf("internal/%s does not name the firm", rel)
				}
				if strings.Contains(page, made) {
					t.Errorf("internal/%s still says %q", rel, made)
				}
				if strings.Contains(page, advice) != tt.disclaimer {
					t.Errorf("internal/%s: notice %q shown = %v, want %v", rel, advice, !tt.disclaimer, tt.disclaimer)
				}
			}
			en := read(t, filepath.Join(internal, "baeckerei-schmidt/en/checklist.html"))
			if !strings.Contains(en, `<address class="firm-signoff">Jane Example, partner<br>privacy@example-partners.example</address>`) {
				t.Error("the English checklist lacks the firm's sign-off block, line by line")
			}
			de := read(t, filepath.Join(internal, "baeckerei-schmidt/de/checklist.html"))
			if !strings.Contains(de, "Jane Example, Partnerin") || strings.Contains(de, "privacy@example-partners.example") {
				t.Error("the German checklist does not carry the German sign-off alone")
			}
			for _, rel := range []string{"baeckerei-schmidt/en/privacy.html", "index.html", "baeckerei-schmidt/en/versions/2026-11-01/changes.html"} {
				page := read(t, filepath.Join(public, rel))
				if strings.Contains(page, "Example &amp; Partners") || strings.Contains(page, "Jane Example") {
					t.Errorf("public/%s names the firm", rel)
				}
			}
			if page := read(t, filepath.Join(public, "index.html")); !strings.Contains(page, made) || !strings.Contains(page, advice) {
				t.Error("the public index lost Basis's notice")
			}
		})
	}
}
