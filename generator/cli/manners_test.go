package cli

import (
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"testing"

	"github.com/basis-privacy/basis/generator/load"
)

// TestHelpEverywhere: --help on every command, and basis help CMD, exit 0
// and print the usage with examples to stdout.
func TestHelpEverywhere(t *testing.T) {
	for _, c := range commands {
		for _, args := range [][]string{{c.name, "--help"}, {c.name, "-h"}, {"help", c.name}} {
			code, out, errs := run(t, args...)
			if code != ExitOK || !strings.Contains(out, "Usage: "+c.usage) || !strings.Contains(out, "Examples:\n") || errs != "" {
				t.Errorf("basis %v: exit %d, stdout %q, stderr %q", args, code, out, errs)
			}
		}
	}
	if code, out, _ := run(t, "build", "--help"); code != ExitOK || !strings.Contains(out, "-no-pdf") {
		t.Errorf("build --help lists no flags: %q", out)
	}
}

// TestSuggestions: a mistyped command or flag names the nearest one.
func TestSuggestions(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"biuld"}, `unknown command "biuld"; did you mean "build"?`},
		{[]string{"chekc"}, `did you mean "check"?`},
		{[]string{"help", "biuld"}, `did you mean "build"?`},
		{[]string{"build", "--nopdf"}, "flag provided but not defined: -nopdf; did you mean --no-pdf?"},
		{[]string{"check", "--fromat", "json"}, "did you mean --format?"},
		{[]string{"init", "--exmaple", "x"}, "did you mean --example?"},
	} {
		code, _, errs := run(t, tc.args...)
		if code != ExitInput || !strings.Contains(errs, tc.want) {
			t.Errorf("basis %v: exit %d, %q; want %q", tc.args, code, errs, tc.want)
		}
	}
}

func TestVersion(t *testing.T) {
	bi := &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "(devel)"},
		Settings: []debug.BuildSetting{{Key: "vcs.revision", Value: "0123456789abcdef0123"}, {Key: "vcs.modified", Value: "true"}}}
	if got := versionOf(bi); got != "rev-0123456789ab-modified" {
		t.Errorf("a checkout build: %q", got)
	}
	bi.Main.Version = "v0.3.0"
	if got := versionLineOf(versionOf(bi), bi); got != "basis v0.3.0 (revision 0123456789ab, modified), go1.26.8" {
		t.Errorf("an installed build: %q", got)
	}
	if code, out, _ := run(t, "version"); code != ExitOK || !strings.HasPrefix(out, "basis ") {
		t.Errorf("basis version: exit %d, %q", code, out)
	}
}

// TestCheckSlugsAndCampaign: check limits itself to the companies named,
// and --campaign prints one line per market.
func TestCheckSlugsAndCampaign(t *testing.T) {
	dir := content(t, []string{"baeckerei-schmidt", "sen-vang"}, nil)
	code, out, _ := run(t, "check", "--content", dir, "sen-vang")
	if strings.Contains(out, "baeckerei-schmidt") || !strings.Contains(out, "sen-vang") {
		t.Errorf("check sen-vang (exit %d) reports on another company:\n%s", code, out)
	}
	code, out, errs := run(t, "check", "--content", dir, "--campaign", "butcher-opening")
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if code == ExitInput || len(lines) < 2 || !strings.HasPrefix(lines[0], "Market") || !strings.Contains(out, "\nDE ") {
		t.Errorf("--campaign: exit %d\n%s%s", code, out, errs)
	}
	for _, l := range lines[1:] {
		if len(strings.Fields(l)) < 3 {
			t.Errorf("a verdict line without verdict and basis: %q", l)
		}
	}
	code, _, errs = run(t, "check", "--content", dir, "--campaign", "butcher-openin")
	if code != ExitInput || !strings.Contains(errs, `did you mean "butcher-opening"?`) {
		t.Errorf("unknown campaign: exit %d, %q", code, errs)
	}
}

// TestSyntaxErrorCannotBeRead: a file that is not YAML exits 2, and check
// never says that nothing was written.
func TestSyntaxErrorCannotBeRead(t *testing.T) {
	dir := content(t, []string{"sen-vang"}, func(_, src string) string { return src + "\n  bad: [\n" })
	code, _, errs := run(t, "check", "--content", dir)
	if code != ExitInput || strings.Contains(errs, "nothing was written") {
		t.Errorf("check: exit %d, %q", code, errs)
	}
	code, _, errs = run(t, "build", "--no-pdf", "--content", dir, "--out", filepath.Join(t.TempDir(), "public"))
	if code != ExitInput || !strings.Contains(errs, "nothing was written") {
		t.Errorf("build: exit %d, %q", code, errs)
	}
	wrong := content(t, []string{"sen-vang"}, func(_, src string) string { return strings.Replace(src, "country: VN", "country: Vietnam", 1) })
	if code, _, errs := run(t, "check", "--content", wrong); code != ExitError || strings.Contains(errs, "nothing was written") {
		t.Errorf("check of a wrong value: exit %d, %q", code, errs)
	}
}

// TestInitStarter: the starter loads and checks without errors, names
// every key, and init refuses to overwrite.
func TestInitStarter(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "proj")
	if code, out, errs := run(t, "init", dir); code != ExitOK {
		t.Fatalf("init: exit %d\n%s%s", code, out, errs)
	}
	if code, out, errs := run(t, "check", "--content", filepath.Join(dir, "content")); code != ExitOK {
		t.Errorf("check of the starter: exit %d\n%s%s", code, out, errs)
	}
	if _, err := os.Stat(filepath.Join(dir, "docs", "company.schema.json")); err != nil {
		t.Error(err)
	}
	var walk func(s load.Shape)
	walk = func(s load.Shape) {
		if s.Items != nil {
			walk(*s.Items)
		}
		for _, k := range s.Keys {
			if !strings.Contains(string(starter), k.Name+":") {
				t.Errorf("the starter does not show %s:", k.Name)
			}
			walk(k.Shape)
		}
	}
	walk(load.Company)
	before, _ := os.ReadFile(filepath.Join(dir, "content", "my-company", "company.yaml"))
	if code, _, errs := run(t, "init", dir); code != ExitInput || !strings.Contains(errs, "already exists; nothing was written") {
		t.Errorf("second init: exit %d, %q", code, errs)
	}
	after, _ := os.ReadFile(filepath.Join(dir, "content", "my-company", "company.yaml"))
	if string(before) != string(after) {
		t.Error("a refused init changed the file")
	}
}

func TestInitExample(t *testing.T) {
	dir := t.TempDir()
	if code, _, errs := run(t, "init", "--example", "bakery", dir); code != ExitOK {
		t.Fatalf("init --example: exit %d, %s", code, errs)
	}
	if _, err := os.Stat(filepath.Join(dir, "content", "baeckerei-schmidt", "cookies.de.md")); err != nil {
		t.Error(err)
	}
	if code, _, errs := run(t, "check", "--content", filepath.Join(dir, "content")); code != ExitOK {
		t.Errorf("check of the example: exit %d, %s", code, errs)
	}
	if code, _, errs := run(t, "init", "--example", "sen-vang", dir); code != ExitOK {
		t.Errorf("init --example sen-vang: exit %d, %s", code, errs)
	}
	if code, _, errs := run(t, "init", "--example", "bakry", dir); code != ExitInput || !strings.Contains(errs, `did you mean "bakery"?`) {
		t.Errorf("unknown example: exit %d, %q", code, errs)
	}
}

func TestSchemaCommand(t *testing.T) {
	code, out, _ := run(t, "schema")
	if code != ExitOK || !strings.Contains(out, `"$schema": "https://json-schema.org/draft/2020-12/schema"`) {
		t.Errorf("basis schema: exit %d, %.200s", code, out)
	}
}
