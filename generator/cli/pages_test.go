package cli

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/basis-privacy/basis/generator/load"
	"github.com/basis-privacy/basis/generator/locale"
	"github.com/basis-privacy/basis/generator/pdf"
	"github.com/basis-privacy/basis/locales"
)

// required reports whether the browser tests must run (CI sets
// BASIS_REQUIRE_BROWSER=1) rather than skip.
func required() bool { return os.Getenv("BASIS_REQUIRE_BROWSER") == "1" }

// printing skips the test without Chromium and pdftotext, unless they are
// required, and in -short runs.
func printing(t *testing.T) {
	t.Helper()
	if testing.Short() && !required() {
		t.Skip("-short: the browser tests are left out")
	}
	if _, err := pdf.FindBrowser(""); err != nil {
		if required() {
			t.Fatal(err)
		}
		t.Skip(err)
	}
	if _, err := exec.LookPath("pdftotext"); err != nil {
		if required() {
			t.Fatal("pdftotext is missing (Debian: apt-get install poppler-utils)")
		}
		t.Skip(err)
	}
}

// withCampaigns copies the example company from into content/slug with
// markets and n campaigns: its own, then copies of them under new ids.
func withCampaigns(t *testing.T, content, from, slug, markets string, n int) {
	t.Helper()
	dir := filepath.Join(content, slug)
	if err := os.CopyFS(dir, os.DirFS(filepath.Join("..", "..", "content", from))); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(dir, "company.yaml")
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	src := regexp.MustCompile(`(?m)^markets: .*$`).ReplaceAllString(string(b), "markets: ["+markets+"]")
	i := strings.Index(src, "\ncampaigns:\n")
	if i < 0 || regexp.MustCompile(`(?m)^[a-z_]+:`).MatchString(src[i+len("\ncampaigns:\n"):]) {
		t.Fatalf("%s: campaigns: is not the last key; update withCampaigns", from)
	}
	own := strings.SplitAfter(strings.TrimPrefix(src[i+len("\ncampaigns:\n"):], "  - "), "\n  - ")
	var b2 strings.Builder
	b2.WriteString(src[:i] + "\ncampaigns:\n")
	for k := range n {
		item := strings.TrimSuffix(own[k%len(own)], "  - ")
		if k >= len(own) {
			item = regexp.MustCompile(`^id: (\S+)`).ReplaceAllString(item, fmt.Sprintf("id: ${1}-%d", k/len(own)+1))
		}
		b2.WriteString("  - " + strings.TrimRight(item, "\n") + "\n")
	}
	if err := os.WriteFile(file, []byte(b2.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestCampaignTakesAtMostTwoPages prints the pre-filled checklists (an
// internal document, beside --out) of
// companies with three to eight campaigns, in every language they publish,
// with the real browser, and counts the pages of each campaign with
// pdftotext: at most two with one market (besides the EU row), and with
// two but for a long German campaign, as the README says; and the sign-off
// is never alone on a page (D11). Among the companies are the new users'
// cases: a Vietnamese company writing to Poland, a German one to Poland.
func TestCampaignTakesAtMostTwoPages(t *testing.T) {
	printing(t)
	root := t.TempDir()
	content := filepath.Join(root, "content")
	companies := []struct {
		from, slug, markets string
		campaigns           int
		long                string // a language whose campaigns may take a third page
	}{
		{"baeckerei-schmidt", "bakery-3", "DE", 3, ""},
		{"nowak-doradztwo", "consultancy-4", "PL", 4, ""},
		{"sen-vang", "retailer-5", "VN, PL", 5, ""},
		// In German, the advertising campaign's reasons and conditions
		// for the EU and Germany (the exception) and for Poland (consent)
		// take a third page.
		{"baeckerei-schmidt", "bakery-6", "DE, PL", 6, "de"},
		{"sen-vang", "retailer-7", "VN", 7, ""},
		{"nowak-doradztwo", "consultancy-8", "PL, DE", 8, ""},
		// Three markets: only the sign-off is held to the rule.
		{"nowak-doradztwo", "consultancy-3-markets", "PL, DE, UK", 3, "*"},
	}
	for _, c := range companies {
		withCampaigns(t, content, c.from, c.slug, c.markets, c.campaigns)
	}
	// Only the checklists are printed: the other documents' PDFs are not
	// read here (a project file that lists no others; the checklists are
	// the same but for the header's links to the other documents, which
	// print leaves out).
	project := "public:\n  documents: []\ninternal:\n  documents: [checklist]\n"
	if err := os.WriteFile(filepath.Join(root, load.ProjectFileName), []byte(project), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Chdir(root)
	code, _, errs := run(t, "build", "--content", content, "--out", filepath.Join(root, "public"), "--cache=")
	if code != ExitOK {
		t.Fatalf("build: exit %d\n%s", code, errs)
	}
	cat, err := locale.Load(locales.FS)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range companies {
		langs, err := filepath.Glob(filepath.Join(root, "internal", c.slug, "*", "checklist.pdf"))
		if err != nil || len(langs) < 2 {
			t.Fatalf("%s: checklists %v (%v)", c.slug, langs, err)
		}
		for _, f := range langs {
			lang := filepath.Base(filepath.Dir(f))
			pages := pdfPages(t, f)
			p := cat.For(lang)
			starts := make([]int, c.campaigns+1)
			for k := range c.campaigns {
				head := strings.TrimSpace(p.T("checklist.campaign", "Number", k+1, "Name", ""))
				starts[k] = slicesIndex(pages, head, k)
				if starts[k] < 0 {
					t.Fatalf("%s/%s: no page has %q", c.slug, lang, head)
				}
			}
			starts[c.campaigns] = len(pages)
			signoff := p.T("checklist.signoff")
			for k := range c.campaigns {
				n := starts[k+1] - starts[k]
				last := pages[starts[k+1]-1]
				if n > 2 && c.long != lang && c.long != "*" {
					t.Errorf("%s/%s: campaign %d takes %d pages", c.slug, lang, k+1, n)
				}
				if i := strings.Index(last, signoff); n > 1 && i >= 0 && strings.TrimSpace(last[:i]) == "" {
					t.Errorf("%s/%s: campaign %d ends with the sign-off alone on page %d", c.slug, lang, k+1, starts[k+1])
				}
			}
			t.Logf("%s/%s: %d campaigns on %d pages", c.slug, lang, c.campaigns, len(pages))
		}
	}
}

// slicesIndex returns the first page from page from on that holds text.
func slicesIndex(pages []string, text string, from int) int {
	for i := from; i < len(pages); i++ {
		if strings.Contains(pages[i], text) {
			return i
		}
	}
	return -1
}

// pdfPages returns the text of each page of the PDF f.
func pdfPages(t *testing.T, f string) []string {
	t.Helper()
	out, err := exec.Command("pdftotext", "-enc", "UTF-8", "-layout", f, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", f, err)
	}
	return strings.Split(strings.TrimSuffix(string(out), "\f"), "\f")
}
