package site

import (
	"context"
	"encoding/json"
	"github.com/basis-privacy/basis/content"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
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
	dir, err := copyExamples(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

// copyExamples writes the embedded examples into root/content, and their
// released versions, committed beside content/, into root/releases; it
// returns the content folder.
func copyExamples(root string) (string, error) {
	dir, err := content.CopyTo(filepath.Join(root, "content"))
	if err != nil {
		return "", err
	}
	for _, slug := range content.Examples {
		src := filepath.Join("..", "..", "releases", slug)
		if _, err := os.Stat(src); err != nil {
			continue
		}
		if err := os.CopyFS(filepath.Join(root, "releases", slug), os.DirFS(src)); err != nil {
			return "", err
		}
	}
	return dir, nil
}

// exampleSite is the example companies' site (HTML only) that the tests
// which only read it share: built once, by the first that asks, and
// removed by TestMain.
var exampleSite struct {
	once sync.Once
	dir  string // the folder holding it, its content and releases
	out  string
	err  error
}

// buildExamples returns the example companies' site (HTML only). The
// caller must not change it (a test that does builds its own).
func buildExamples(t *testing.T) string {
	t.Helper()
	exampleSite.once.Do(func() {
		if exampleSite.dir, exampleSite.err = os.MkdirTemp("", "basis-site-examples-"); exampleSite.err != nil {
			return
		}
		dir, err := copyExamples(exampleSite.dir)
		if err != nil {
			exampleSite.err = err
			return
		}
		out := filepath.Join(exampleSite.dir, "public")
		if _, exampleSite.err = Build(context.Background(), opts(dir, out)); exampleSite.err == nil {
			exampleSite.out = out
		}
	})
	if exampleSite.err != nil {
		t.Fatalf("build the examples: %v", exampleSite.err)
	}
	return exampleSite.out
}

// htmlFiles lists the pages under dir: the HTML files but the fragments,
// which are embedded in pages (TestFragmentValidatesInAHostPage).
func htmlFiles(t *testing.T, dir string) []string {
	t.Helper()
	var files []string
	for rel := range tree(t, dir) {
		if strings.HasSuffix(rel, ".html") && !strings.HasSuffix(rel, ".fragment.html") {
			files = append(files, filepath.Join(dir, rel))
		}
	}
	return files
}

// examplePages lists the pages of the example site, which must include the
// released versions and the What changed pages.
func examplePages(t *testing.T, dir string) []string {
	t.Helper()
	files := htmlFiles(t, dir)
	for _, rel := range []string{"baeckerei-schmidt/de/versions/2026-05-01/privacy.html", "baeckerei-schmidt/de/versions/2026-11-01/changes.html",
		"baeckerei-schmidt/en/versions/2026-11-01/changes.html"} {
		if !slices.Contains(files, filepath.Join(dir, filepath.FromSlash(rel))) {
			t.Fatalf("the example site lacks %s", rel)
		}
	}
	return files
}

// TestHTMLIsValid runs the Nu HTML Checker (vnu.jar, from npm's vnu-jar)
// over every page of the example site.
func TestHTMLIsValid(t *testing.T) {
	t.Parallel()
	jar := tool(t, "BASIS_VNU", "the Nu HTML Checker jar")
	out := buildExamples(t)
	cmd := exec.Command("java", append([]string{"-jar", jar, "--errors-only", "--format", "text"}, examplePages(t, out)...)...)
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("the HTML checker found errors:\n%s", b)
	}
}

// TestHTMLValidate runs html-validate (npm's html-validate; BASIS_HTMLVALIDATE
// is the path of its bin/html-validate.mjs, run with Node) with the standard,
// a11y and document presets over every page of the example site.
//
// require-sri asks for integrity only on resources from other origins
// (testdata/html-validate.json): the pages load their own stylesheet, and
// Chromium refuses a stylesheet with an integrity attribute from a file:
// URL, so the pages opened from disk, and the PDFs printed from them,
// would lose all styling.
func TestHTMLValidate(t *testing.T) {
	t.Parallel()
	cli := tool(t, "BASIS_HTMLVALIDATE", "html-validate's bin/html-validate.mjs")
	out := buildExamples(t)
	args := append([]string{cli, "--config", filepath.Join("testdata", "html-validate.json"), "--formatter", "text", "--max-warnings", "0"}, examplePages(t, out)...)
	if b, err := exec.Command("node", args...).CombinedOutput(); err != nil {
		t.Fatalf("html-validate: %v\n%s", err, b)
	}
}

// TestAccessibility loads every page of the example site in Chromium, runs
// axe-core (from npm's axe-core) with the WCAG 2.1 A and AA rules, and fails on
// any serious or critical violation, at a desktop's width and a phone's.
func TestAccessibility(t *testing.T) {
	t.Parallel()
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
	// Each page as on a desktop and as on a phone, where tables become
	// cards: loaded once, checked at each width (the viewport changes in
	// place and the style sheet's media queries follow it).
	for _, f := range examplePages(t, out) {
		rel, _ := filepath.Rel(out, f)
		t.Run(rel, func(t *testing.T) { axePage(t, page.Timeout(30*time.Second), f, string(src)) })
	}
}

// axeWidths are the viewport widths every page is checked at: a desktop
// and a phone.
var axeWidths = []int{1280, 390}

// axePage loads the page f in page, injects axe-core (src) and runs it at
// each of axeWidths: serious and critical violations fail the test, others
// are logged.
func axePage(t *testing.T, page *rod.Page, f, src string) {
	if err := page.Navigate("file://" + f); err != nil {
		t.Fatal(err)
	}
	if err := page.WaitLoad(); err != nil {
		t.Fatal(err)
	}
	if err := page.AddScriptTag("", src); err != nil {
		t.Fatalf("inject axe-core: %.300v", err)
	}
	for _, width := range axeWidths {
		if err := page.SetViewport(&proto.EmulationSetDeviceMetricsOverride{Width: width, Height: 900, DeviceScaleFactor: 1, Mobile: width < 600}); err != nil {
			t.Fatal(err)
		}
		// Only violations are reported: axe then spends no time on
		// selectors for the passes (its resultTypes option).
		res, err := page.Eval(`async () => {
			const r = await axe.run(document, {resultTypes: ['violations'], runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']}});
			return JSON.stringify({width: window.innerWidth, violations: r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 3)}))});
		}`)
		if err != nil {
			t.Fatal(err)
		}
		var got struct {
			Width      int
			Violations []struct {
				ID, Impact, Help string
				Nodes            []string
			}
		}
		if err := json.Unmarshal([]byte(res.Value.Str()), &got); err != nil {
			t.Fatal(err)
		}
		if got.Width != width {
			t.Fatalf("axe-core ran at a width of %d pixels, not %d", got.Width, width)
		}
		for _, v := range got.Violations {
			if v.Impact == "serious" || v.Impact == "critical" {
				t.Errorf("at %d pixels: %s (%s): %s at %v", width, v.ID, v.Impact, v.Help, v.Nodes)
			} else {
				t.Logf("at %d pixels: %s (%s): %s at %v", width, v.ID, v.Impact, v.Help, v.Nodes)
			}
		}
	}
}
