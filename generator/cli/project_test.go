package cli

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/basis-privacy/basis/generator/load"
)

// TestInitWritesTheProjectFile: basis init writes a commented basis.yaml
// that reads as the defaults, and its schema; a second init keeps it.
func TestInitWritesTheProjectFile(t *testing.T) {
	dir := t.TempDir()
	if code, out, errs := run(t, "init", dir); code != ExitOK || !strings.Contains(out, "basis.yaml") {
		t.Fatalf("exit %d: %s %s", code, out, errs)
	}
	p, err := load.ReadProject(filepath.Join(dir, load.ProjectFileName))
	if err != nil {
		t.Fatal(err)
	}
	def := load.DefaultProject()
	if p.Public.Folder != def.Public.Folder || p.Internal.Folder != def.Internal.Folder ||
		!slices.Equal(p.Public.Documents, def.Public.Documents) || !slices.Equal(p.Internal.Documents, def.Internal.Documents) {
		t.Errorf("the starter reads as %+v, not the defaults", p)
	}
	if _, err := os.Stat(filepath.Join(dir, "docs", "project.schema.json")); err != nil {
		t.Error(err)
	}
	if err := os.WriteFile(filepath.Join(dir, load.ProjectFileName), []byte("title: Mine\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	run(t, "init", "--slug", "other", dir)
	if b, _ := os.ReadFile(filepath.Join(dir, load.ProjectFileName)); string(b) != "title: Mine\n" {
		t.Error("a second init replaced the project file")
	}
}

// TestProjectFileIsReadAndFlagsOverride: build reads basis.yaml (folders,
// title, base URL), a flag overrides it, and a mistake in it stops every
// command at its position.
func TestProjectFileIsReadAndFlagsOverride(t *testing.T) {
	root := project(t) // the working directory is the project
	file := "title: Nowak & Partner\nbase_url: https://example.com/privacy\npublic:\n  folder: site\ninternal:\n  folder: office\n"
	if err := os.WriteFile(load.ProjectFileName, []byte(file), 0o644); err != nil {
		t.Fatal(err)
	}
	_ = root
	if code, _, errs := run(t, "build", "--no-pdf"); code != ExitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	index, err := os.ReadFile(filepath.Join("site", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"<h1>Nowak &amp; Partner</h1>", `<link rel="canonical" href="https://example.com/privacy/index.html">`} {
		if !strings.Contains(string(index), want) {
			t.Errorf("the index lacks %s", want)
		}
	}
	if _, err := os.Stat(filepath.Join("office", "sen-vang", "vi", "checklist.html")); err != nil {
		t.Error(err)
	}
	if code, _, errs := run(t, "build", "--no-pdf", "--base-url", "https://other.example/"); code != ExitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if b, _ := os.ReadFile(filepath.Join("site", "index.html")); !strings.Contains(string(b), "https://other.example/index.html") {
		t.Error("--base-url did not override the project file")
	}
	if err := os.WriteFile(load.ProjectFileName, []byte("public:\n  documents: [privacy, checklist]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, cmd := range []string{"build", "check", "merge"} {
		code, _, errs := run(t, cmd, "x")
		if code == ExitOK || !strings.Contains(errs, "basis.yaml:2:") || !strings.Contains(errs, "internal") {
			t.Errorf("basis %s with a checklist published: exit %d, %s", cmd, code, errs)
		}
	}
}
