//go:build linux

package site

import (
	"bufio"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// remoteBrowser starts a headless Chromium with --remote-debugging-port on
// a free port, as a browser service runs one, and returns its DevTools
// address; cleanup kills its process group.
func remoteBrowser(t *testing.T, bin string) string {
	t.Helper()
	dir := t.TempDir()
	cmd := exec.Command(bin, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
		"--remote-debugging-port=0", "--remote-debugging-address=127.0.0.1", "--user-data-dir="+filepath.Join(dir, "profile"), "about:blank")
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Env = append(os.Environ(), "TMPDIR="+dir, "XDG_CONFIG_HOME="+dir, "XDG_CACHE_HOME="+dir)
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		_ = syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
		_ = cmd.Wait()
	})
	lines := bufio.NewScanner(stderr)
	for lines.Scan() {
		if ws, ok := strings.CutPrefix(lines.Text(), "DevTools listening on "); ok {
			go func() {
				for lines.Scan() {
				}
			}()
			return strings.TrimSpace(ws)
		}
	}
	t.Fatalf("%s exited without its DevTools address: %v", bin, lines.Err())
	return ""
}

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
	bin := browser(t)
	poppler(t, "pdftotext")
	poppler(t, "pdffonts")
	content := writeContent(t, map[string]string{
		"nowak-doradztwo": example(t, "nowak-doradztwo"),
		"sen-vang":        example(t, "sen-vang"),
	})
	dir := t.TempDir()
	local := opts(content, filepath.Join(dir, "local"))
	local.PDF, local.Chrome = true, bin
	if _, err := Build(context.Background(), local); err != nil {
		t.Fatal(err)
	}
	remote := opts(content, filepath.Join(dir, "remote"))
	remote.PDF, remote.Browsers = true, []string{remoteBrowser(t, bin), remoteBrowser(t, bin)}
	res, err := Build(context.Background(), remote)
	if err != nil {
		t.Fatal(err)
	}
	if res.Printed != 16 {
		t.Errorf("printed %d PDFs on the remote browsers, want 16", res.Printed)
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
