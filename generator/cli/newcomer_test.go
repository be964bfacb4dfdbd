package cli

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// TestOutsideAProject: run where there is no content folder, every command
// that reads one says how to start a project (basis init) or where to point
// --content, also inside a company folder or the content folder itself,
// and check --format json says so as JSON (D18).
func TestOutsideAProject(t *testing.T) {
	project := t.TempDir()
	if code, _, errs := run(t, "init", project); code != ExitOK {
		t.Fatalf("init: exit %d, %s", code, errs)
	}
	for _, tc := range []struct {
		name, dir string
		want      []string
	}{
		{"an empty folder", t.TempDir(), []string{"basis init", "--content"}},
		{"a company folder", filepath.Join(project, "content", "my-company"), []string{"company folder", "cd ../..", "--content .."}},
		{"the content folder", filepath.Join(project, "content"), []string{"content folder", "cd ..", "--content ."}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Chdir(tc.dir)
			for _, args := range [][]string{{"check"}, {"build", "--no-pdf"}, {"release"}, {"serve", "--port", "0"}} {
				code, _, errs := run(t, args...)
				if code != ExitInput || strings.Contains(errs, "no such file") {
					t.Errorf("basis %v: exit %d, %q", args, code, errs)
				}
				for _, w := range tc.want {
					if !strings.Contains(errs, w) {
						t.Errorf("basis %v does not say %q: %q", args, w, errs)
					}
				}
			}
			code, out, _ := run(t, "check", "--format", "json")
			doc := decodeCheck(t, out)
			if code != ExitInput || len(doc.Findings) != 1 || !strings.Contains(doc.Findings[0].Message, tc.want[0]) {
				t.Errorf("check --format json: exit %d, %s", code, out)
			}
		})
	}
	if _, err := os.Stat(filepath.Join(project, "content", "my-company", "public")); !os.IsNotExist(err) {
		t.Error("a refused build wrote its output")
	}
}

// TestCommandListIsComplete: the commands the README lists are the ones
// basis names after a typo and in its help, with the usage the README
// gives (release was missing after a typo, init's usage lacked --slug).
func TestCommandListIsComplete(t *testing.T) {
	readme, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	block := regexp.MustCompile(`(?s)## The command\n\n(.*?)\n\n`).FindSubmatch(readme)
	if block == nil {
		t.Fatal("the README has no section The command")
	}
	lines := regexp.MustCompile(`(?m)^    (basis (\w+)(?: .*)?)$`).FindAllStringSubmatch(string(block[1]), -1)
	if len(lines) < 9 {
		t.Fatalf("the README's command block has %d lines", len(lines))
	}
	_, _, typo := run(t, "chek")
	listed := regexp.MustCompile(`The commands are: ([^.]+)\.`).FindStringSubmatch(typo)
	if listed == nil {
		t.Fatalf("no list of commands after a typo: %q", typo)
	}
	names := strings.Split(listed[1], ", ")
	_, help, _ := run(t, "help")
	for _, l := range lines {
		usage, name := l[1], l[2]
		if !slices.Contains(names, name) {
			t.Errorf("after a typo, the list of commands lacks %s: %q", name, listed[1])
		}
		if !strings.Contains(help, usage) {
			t.Errorf("basis help lacks the usage %q", usage)
		}
		if _, out, _ := run(t, "help", name); !strings.Contains(out, "Usage: "+usage+"\n") {
			t.Errorf("basis help %s does not give the usage %q:\n%s", name, usage, out)
		}
	}
	if len(names) != len(lines) {
		t.Errorf("after a typo: %d commands, the README lists %d", len(names), len(lines))
	}
}

// TestCompanyPathAsName: a path to a company folder, or to its
// company.yaml, is accepted where a company name is; one outside the
// content folder says which --content to give.
func TestCompanyPathAsName(t *testing.T) {
	dir := content(t, []string{"baeckerei-schmidt", "sen-vang"}, nil)
	other := content(t, []string{"nowak-doradztwo"}, nil)
	for _, arg := range []string{
		filepath.Join(dir, "sen-vang", "company.yaml"),
		filepath.Join(dir, "sen-vang"),
		filepath.Join(dir, "sen-vang") + string(filepath.Separator),
	} {
		code, out, errs := run(t, "check", "--content", dir, arg)
		if code != ExitOK || !strings.Contains(out, "(sen-vang)") || strings.Contains(out, "baeckerei-schmidt") {
			t.Errorf("check %s: exit %d\n%s%s", arg, code, out, errs)
		}
	}
	t.Chdir(filepath.Dir(dir))
	rel := filepath.Join(filepath.Base(dir), "sen-vang", "company.yaml")
	if code, out, errs := run(t, "check", "--content", filepath.Base(dir), rel); code != ExitOK || !strings.Contains(out, "(sen-vang)") {
		t.Errorf("check %s (relative): exit %d\n%s%s", rel, code, out, errs)
	}
	out := filepath.Join(t.TempDir(), "public")
	if code, _, errs := run(t, "build", "--no-pdf", "--content", filepath.Base(dir), "--out", out, rel); code != ExitOK {
		t.Errorf("build %s: exit %d\n%s", rel, code, errs)
	}
	if _, err := os.Stat(filepath.Join(out, "sen-vang", "vi", "privacy.html")); err != nil {
		t.Error(err)
	}
	code, _, errs := run(t, "check", "--content", dir, filepath.Join(other, "nowak-doradztwo"))
	if code != ExitInput || !strings.Contains(errs, "--content "+other) {
		t.Errorf("a company of another content folder: exit %d, %q", code, errs)
	}
}
