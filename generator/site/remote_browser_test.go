//go:build linux

package site

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/basis-privacy/basis/generator/pdf/pdftest"
)

// pdfTexts returns the text of every PDF under dir, by path.
func pdfTexts(t *testing.T, dir string) map[string]string {
	t.Helper()
	texts := map[string]string{}
	err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil || !strings.HasSuffix(path, ".pdf") {
			return err
		}
		out, err := exec.Command("pdftotext", "-enc", "UTF-8", path, "-").Output()
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, path)
		texts[rel] = string(out)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return texts
}

// TestBuildOnRemoteBrowsers builds with a pool of two remote browsers and
// with a local one: the PDFs must say the same, in the shipped fonts,
// which the remote browsers can only have got from the printer.
func TestBuildOnRemoteBrowsers(t *testing.T) {
	t.Parallel()
	bin := browser(t)
	poppler(t, "pdftotext")
	poppler(t, "pdffonts")
	// One company in two scripts' languages: 16 documents, enough for
	// both browsers of the pool.
	content := writeContent(t, map[string]string{"sen-vang": example(t, "sen-vang")})
	dir := t.TempDir()
	local := opts(content, filepath.Join(dir, "local"))
	local.PDF, local.Chrome = true, bin
	if _, err := Build(context.Background(), local); err != nil {
		t.Fatal(err)
	}
	remote := opts(content, filepath.Join(dir, "remote"))
	remote.PDF, remote.Browsers = true, []string{pdftest.RemoteBrowser(t, bin), pdftest.RemoteBrowser(t, bin)}
	res, err := Build(context.Background(), remote)
	if err != nil {
		t.Fatal(err)
	}
	if want := pdfsOf(1, 2, 4); res.Printed != want { // 1 company x 2 languages, 4 blank checklists
		t.Errorf("printed %d PDFs on the remote browsers, want %d", res.Printed, want)
	}
	want, got := pdfTexts(t, local.Out), pdfTexts(t, remote.Out)
	if len(got) != len(want) {
		t.Errorf("%d PDFs on the remote browsers, %d locally", len(got), len(want))
	}
	for rel, text := range want {
		if got[rel] != text {
			t.Errorf("%s: the remote browsers' PDF says\n%s\nthe local one\n%s", rel, got[rel], text)
		}
	}
	fonts, err := exec.Command("pdffonts", filepath.Join(remote.Out, "sen-vang", "vi", "privacy.pdf")).Output()
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range strings.Split(strings.TrimSpace(string(fonts)), "\n")[2:] {
		if !strings.Contains(l, "NotoSans") {
			t.Errorf("font not the shipped one: %s", l)
		}
	}
}
