package site

import (
	"context"
	"encoding/json"
	"github.com/basis-privacy/basis/content"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/go-rod/rod"
	"github.com/go-rod/rod/lib/launcher"
	"github.com/go-rod/rod/lib/proto"

	"github.com/basis-privacy/basis/generator/pdf"
)

// required reports whether tests that need outside tools must run (CI sets
// BASIS_REQUIRE_BROWSER=1) rather than skip.
func required() bool { return os.Getenv("BASIS_REQUIRE_BROWSER") == "1" }

// tool returns the path in env, or skips (or fails in CI) when it is unset.
func tool(t *testing.T, env, what string) string {
	t.Helper()
	p := os.Getenv(env)
	if p == "" {
		if required() {
			t.Fatalf("%s is not set: %s is needed (.ci/run installs it)", env, what)
		}
		t.Skipf("%s not set: skipping (%s)", env, what)
	}
	if _, err := os.Stat(p); err != nil {
		t.Fatalf("%s=%s: %v", env, p, err)
	}
	return p
}

// exampleDir writes the embedded examples into a temp folder: tests never
// read the live content/ listing, which may hold a user's own companies.
func exampleDir(t *testing.T) string {
	t.Helper()
	dir, err := content.CopyTo(filepath.Join(t.TempDir(), "content"))
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

// buildExamples builds the example companies (HTML only) into a temp dir.
func buildExamples(t *testing.T) string {
	t.Helper()
	out := filepath.Join(t.TempDir(), "public")
	if _, err := Build(context.Background(), opts(exampleDir(t), out)); err != nil {
		t.Fatal(err)
	}
	return out
}

func htmlFiles(t *testing.T, dir string) []string {
	t.Helper()
	var files []string
	for rel := range tree(t, dir) {
		if strings.HasSuffix(rel, ".html") {
			files = append(files, filepath.Join(dir, rel))
		}
	}
	return files
}

// TestHTMLIsValid runs the Nu HTML Checker (vnu.jar, from npm's vnu-jar)
// over every page of the example site.
func TestHTMLIsValid(t *testing.T) {
	jar := tool(t, "BASIS_VNU", "the Nu HTML Checker jar")
	out := buildExamples(t)
	cmd := exec.Command("java", append([]string{"-jar", jar, "--errors-only", "--format", "text"}, htmlFiles(t, out)...)...)
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("the HTML checker found errors:\n%s", b)
	}
}

// TestAccessibility loads every page of the example site in Chromium, runs
// axe-core (from npm's axe-core) with the WCAG 2.1 A and AA rules, and fails on
// any serious or critical violation.
func TestAccessibility(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: the browser tests are left out")
	}
	axe := tool(t, "BASIS_AXE", "axe-core's axe.min.js")
	src, err := os.ReadFile(axe)
	if err != nil {
		t.Fatal(err)
	}
	bin, err := pdf.FindBrowser("")
	if err != nil {
		if required() {
			t.Fatal(err)
		}
		t.Skip(err)
	}
	out := buildExamples(t)
	l := launcher.New().Bin(bin).Headless(true).NoSandbox(true).Leakless(false).
		Set("disable-gpu").Set("disable-quic").Set("no-first-run").Set("disable-background-networking").
		Set("disable-component-update").Set("disable-sync").UserDataDir(t.TempDir())
	u, err := l.Launch()
	if err != nil {
		t.Fatal(err)
	}
	defer l.Kill()
	b := rod.New().ControlURL(u)
	if err := b.Connect(); err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	page, err := b.Page(proto.TargetCreateTarget{})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range htmlFiles(t, out) {
		rel, _ := filepath.Rel(out, f)
		t.Run(rel, func(t *testing.T) {
			p := page.Timeout(30 * time.Second)
			if err := p.Navigate("file://" + f); err != nil {
				t.Fatal(err)
			}
			if err := p.WaitLoad(); err != nil {
				t.Fatal(err)
			}
			if err := p.AddScriptTag("", string(src)); err != nil {
				t.Fatalf("inject axe-core: %.300v", err)
			}
			res, err := p.Eval(`async () => {
				const r = await axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']}});
				return JSON.stringify(r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 3)})));
			}`)
			if err != nil {
				t.Fatal(err)
			}
			var violations []struct {
				ID, Impact, Help string
				Nodes            []string
			}
			if err := json.Unmarshal([]byte(res.Value.Str()), &violations); err != nil {
				t.Fatal(err)
			}
			for _, v := range violations {
				if v.Impact == "serious" || v.Impact == "critical" {
					t.Errorf("%s (%s): %s at %v", v.ID, v.Impact, v.Help, v.Nodes)
				} else {
					t.Logf("%s (%s): %s at %v", v.ID, v.Impact, v.Help, v.Nodes)
				}
			}
		})
	}
}
