package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestLocalFoldersOverrideEmbedded builds in a working folder that has its
// own locales/ and templates/: their files win over the embedded ones.
func TestLocalFoldersOverrideEmbedded(t *testing.T) {
	dir := content(t, []string{"sen-vang"}, nil)
	work := t.TempDir()
	t.Chdir(work)
	if err := os.MkdirAll("locales", 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join("locales", "ui.en.yaml"), []byte("doc.privacy.title: \"Data protection notice\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join("templates", "assets"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join("templates", "assets", "extra.css"), []byte("p{}"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, errs := run(t, "build", "--content", dir, "--out", "public", "--no-pdf")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	b, err := os.ReadFile(filepath.Join("public", "sen-vang", "en", "privacy.html"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), "<h1>Data protection notice</h1>") {
		t.Error("the local message did not override the embedded one")
	}
	if !strings.Contains(string(b), "Who is responsible for your data") {
		t.Error("messages the local file does not name must still come from the embedded ones")
	}
	for _, f := range []string{"assets/extra.css", "assets/basis.css"} {
		if _, err := os.Stat(filepath.Join("public", f)); err != nil {
			t.Errorf("overlaid templates lack %s: %v", f, err)
		}
	}
}

// TestMissingBrowserIsOneSentence: without a browser the build fails with
// one sentence on how to get one, and writes nothing.
func TestMissingBrowserIsOneSentence(t *testing.T) {
	dir := content(t, []string{"sen-vang"}, nil)
	out := filepath.Join(t.TempDir(), "public")
	t.Setenv("BASIS_CHROME", "")
	code, _, errs := run(t, "build", "--content", dir, "--out", out, "--chrome", filepath.Join(t.TempDir(), "no-such-chrome"))
	if code != ExitError {
		t.Fatalf("exit %d: %s", code, errs)
	}
	msg := strings.TrimSpace(errs)
	if strings.Count(msg, "\n") != 0 || !strings.Contains(msg, "apt-get install chromium") || !strings.Contains(msg, "--no-pdf") {
		t.Errorf("want one sentence naming the install command and --no-pdf, got:\n%s", errs)
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Error("a build without a browser wrote the output folder")
	}
}
