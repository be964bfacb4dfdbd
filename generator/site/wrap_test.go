package site

import (
	"context"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// longLink is a realistic address of a retention policy: 189 characters
// without a space, more than a line of the printed page.
var longLink = "https://lindenhof.example/datenschutz/aufbewahrungsfristen/" + strings.Repeat("AbCdEfGhIj", 12) + "/fassung-2026-11.html"

// TestLongWordsWrapInPDF prints a notice whose retention period names a
// 189-character address, in running text and in the retention table, and
// finds all of it in each place with pdftotext: a printed notice must not
// lose the part of an address past the right margin (issue 19, D9).
func TestLongWordsWrapInPDF(t *testing.T) {
	bin := browser(t)
	poppler(t, "pdftotext")
	src := example(t, "baeckerei-schmidt")
	const from = `Commercial Code, s. 257(1) and (4))"`
	if !strings.Contains(src, from) {
		t.Fatalf("the bakery example no longer says %s", from)
	}
	src = strings.Replace(src, from, `Commercial Code, s. 257(1) and (4)); see `+longLink+`"`, 1)
	content := writeContent(t, map[string]string{"baeckerei-schmidt": src})
	dir := t.TempDir()
	o := opts(content, filepath.Join(dir, "public"))
	o.PDF, o.Chrome, o.Only = true, bin, []string{"baeckerei-schmidt"}
	if _, err := Build(context.Background(), o); err != nil {
		t.Fatal(err)
	}
	noBrowserLeft(t)
	pdf := filepath.Join(o.Out, "baeckerei-schmidt", "en", "privacy.pdf")
	out, err := exec.Command("pdftotext", "-enc", "UTF-8", pdf, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	// A wrapped address continues on the next line: join the lines.
	text := strings.Join(strings.Fields(string(out)), "")
	if n := strings.Count(text, longLink); n < 2 {
		t.Errorf("the PDF holds the whole address %d times, want 2 (running text and retention table); it has:\n%s",
			n, excerpts(string(out), "lindenhof.example"))
	}
}

// excerpts returns the lines of text around each line that holds s.
func excerpts(text, s string) string {
	lines := strings.Split(text, "\n")
	var out []string
	for i, l := range lines {
		if strings.Contains(l, s) {
			out = append(out, strings.Join(lines[i:min(i+4, len(lines))], "\n"))
		}
	}
	return strings.Join(out, "\n…\n")
}
