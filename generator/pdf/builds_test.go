package pdf

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/go-rod/rod/lib/launcher"
)

// TestBothChromiumBuildsPrint prints the sample document with a full
// Chrome or Chromium and with Chromium's headless shell, which FindBrowser
// prefers: whichever a user has, the document has the same words, in the
// embedded fonts of the page, tagged. CI installs both; elsewhere the test
// skips when one is missing.
func TestBothChromiumBuildsPrint(t *testing.T) {
	requireBrowser(t)
	pdftotext, pdffonts, pdfinfo := requireTool(t, "pdftotext"), requireTool(t, "pdffonts"), requireTool(t, "pdfinfo")
	builds := map[string]string{}
	if full, ok := launcher.LookPath(); ok {
		builds["full"] = full
	}
	if shell, ok := headlessShell(); ok {
		builds["shell"] = shell
	}
	if len(builds) < 2 {
		if os.Getenv(envRequireBrowser) == "1" {
			t.Fatalf("%s=1 but found only %v: install chromium and chromium-headless-shell", envRequireBrowser, builds)
		}
		t.Skipf("found only %v: the test needs chromium and chromium-headless-shell", builds)
	}
	root := t.TempDir()
	copyFonts(t, root)
	html := writeFile(t, root, "index.html", readTestdata(t, "sample.html"))
	words := map[string]string{}
	for _, kind := range []string{"full", "shell"} {
		p := newTestPrinter(t, root, WithBrowser(builds[kind]))
		out := filepath.Join(root, kind+".pdf")
		job := Job{HTML: html, Out: out, Title: "Polityka prywatności – " + polish, Lang: "pl", PageOf: "Strona {page} z {pages}"}
		if err := p.Print(context.Background(), job); err != nil {
			t.Fatalf("%s (%s): %v", kind, builds[kind], err)
		}
		text := run(t, pdftotext, out, "-")
		words[kind] = strings.Join(strings.Fields(text), " ")
		for _, want := range []string{polish, vietnamese, "Strona 1 z 1"} {
			if !strings.Contains(words[kind], want) {
				t.Errorf("%s: the PDF lacks %q", kind, want)
			}
		}
		for _, line := range strings.Split(strings.TrimSpace(run(t, pdffonts, out)), "\n")[2:] {
			if !strings.Contains(line, "NotoSans") || !strings.Contains(line, " yes yes yes ") {
				t.Errorf("%s: a font that is not the page's, or not embedded: %s", kind, line)
			}
		}
		if info := run(t, pdfinfo, out); !strings.Contains(info, "Tagged:          yes") {
			t.Errorf("%s: the PDF is not tagged:\n%s", kind, info)
		}
	}
	if words["full"] != words["shell"] {
		t.Errorf("the two builds print different words:\nfull:  %s\nshell: %s", words["full"], words["shell"])
	}
}
