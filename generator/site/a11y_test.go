package site

import (
	"context"
	"encoding/json"
	"fmt"
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

	"github.com/basis-privacy/basis/content"
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
// which are embedded in pages (hostPages puts them in one).
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
// over every page of the example site and every privacy notice's fragment
// in a host page (hostPages), in one run.
func TestHTMLIsValid(t *testing.T) {
	t.Parallel()
	jar := tool(t, "BASIS_VNU", "the Nu HTML Checker jar")
	out := buildExamples(t)
	cmd := exec.Command("java", append([]string{"-jar", jar, "--errors-only", "--format", "text"}, append(examplePages(t, out), hostPages(t)...)...)...)
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("the HTML checker found errors:\n%s", b)
	}
}

// TestHTMLValidate runs html-validate (npm's html-validate; BASIS_HTMLVALIDATE
// is the path of its bin/html-validate.mjs, run with Node) with the standard,
// a11y and document presets over every page of the example site and every
// privacy notice's fragment in a host page (hostPages).
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
	args := append([]string{cli, "--config", filepath.Join("testdata", "html-validate.json"), "--formatter", "text", "--max-warnings", "0"}, append(examplePages(t, out), hostPages(t)...)...)
	if b, err := exec.Command("node", args...).CombinedOutput(); err != nil {
		t.Fatalf("html-validate: %v\n%s", err, b)
	}
}

// TestPagesInChromium opens every page of the example site once, in one
// Chromium, and checks it as three readers see it:
//   - on a desktop (1280 px) and on a phone (390 px), where tables become
//     cards: axe-core (from npm's axe-core) with the WCAG 2.1 A and AA rules
//     fails the test on any serious or critical violation;
//   - on the phone, the layout (phoneLayout);
//   - as printed, the layout (printLayout).
//
// The viewport and the media change in place and the style sheet's media
// queries follow them; axe-core is put into every document the tab opens,
// before the page's own scripts, and is first shown a page with a known
// violation, so a check that finds nothing has looked.
func TestPagesInChromium(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("-short: the browser tests are left out")
	}
	axe := tool(t, "BASIS_AXE", "axe-core's axe.min.js")
	src, err := os.ReadFile(axe)
	if err != nil {
		t.Fatal(err)
	}
	out := buildExamples(t)
	page := openTab(t)
	if _, err := (proto.PageAddScriptToEvaluateOnNewDocument{Source: string(src)}).Call(page); err != nil {
		t.Fatalf("put axe-core into the tab: %v", err)
	}
	t.Run("axe-core finds a missing text alternative", func(t *testing.T) {
		f := filepath.Join(t.TempDir(), "bad.html")
		if err := os.WriteFile(f, []byte(`<!DOCTYPE html><html lang="en"><title>t</title><main><img src="x.png"></main>`), 0o644); err != nil {
			t.Fatal(err)
		}
		p := page.Timeout(60 * time.Second)
		openFile(t, p, f)
		if got := fmt.Sprint(runAxe(t, p, views[0].width)); !strings.Contains(got, "image-alt") {
			t.Fatalf("axe-core did not report the image without alt text: %s", got)
		}
	})
	for _, f := range examplePages(t, out) {
		rel, _ := filepath.Rel(out, f)
		t.Run(rel, func(t *testing.T) {
			p := page.Timeout(60 * time.Second)
			openFile(t, p, f)
			for _, v := range views {
				checkView(t, p, v)
			}
		})
	}
}

// A view is a size and a medium a page is checked in.
type view struct {
	name          string
	width, height int
	media         string // screen or print
	axe           bool   // run axe-core
	layout        string // a script that returns what is wrong, one line each; "" none
}

// views are the ways every page is checked, in this order.
var views = []view{
	{name: "desktop", width: 1280, height: 900, media: "screen", axe: true},
	{name: "phone", width: 390, height: 844, media: "screen", axe: true, layout: phoneLayout},
	{name: "print", width: 658, height: 1000, media: "print", layout: printLayout},
}

// openTab starts a Chromium for the test and returns a tab of it; both
// close when the test ends.
func openTab(t *testing.T) *rod.Page {
	t.Helper()
	l := launcher.New().Bin(browser(t)).Headless(true).NoSandbox(true).Leakless(false).
		Set("disable-gpu").Set("disable-quic").Set("no-first-run").Set("disable-background-networking").
		Set("disable-component-update").Set("disable-sync").UserDataDir(t.TempDir())
	u, err := l.Launch()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(l.Kill)
	b := rod.New().ControlURL(u)
	if err := b.Connect(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = b.Close() })
	page, err := b.Page(proto.TargetCreateTarget{})
	if err != nil {
		t.Fatal(err)
	}
	return page
}

// openFile opens the file f in page and waits for it.
func openFile(t *testing.T, page *rod.Page, f string) {
	t.Helper()
	if err := page.Navigate("file://" + f); err != nil {
		t.Fatal(err)
	}
	if err := page.WaitLoad(); err != nil {
		t.Fatal(err)
	}
}

// checkView lays the page out in v, waits until it is laid out in its own
// fonts, and runs v's checks on it.
func checkView(t *testing.T, page *rod.Page, v view) {
	t.Helper()
	if err := page.SetViewport(&proto.EmulationSetDeviceMetricsOverride{Width: v.width, Height: v.height, DeviceScaleFactor: 1, Mobile: v.width < 600}); err != nil {
		t.Fatal(err)
	}
	if err := (proto.EmulationSetEmulatedMedia{Media: v.media}).Call(page); err != nil {
		t.Fatal(err)
	}
	if _, err := page.Eval(settled); err != nil {
		t.Fatal(err)
	}
	if v.layout != "" {
		res, err := page.Eval(v.layout)
		if err != nil {
			t.Fatal(err)
		}
		for _, line := range res.Value.Arr() {
			t.Errorf("%s: %s", v.name, line.Str())
		}
	}
	if !v.axe {
		return
	}
	for _, x := range runAxe(t, page, v.width) {
		if x.Impact == "serious" || x.Impact == "critical" {
			t.Errorf("%s, %d pixels: %s (%s): %s at %v", v.name, v.width, x.ID, x.Impact, x.Help, x.Nodes)
		} else {
			t.Logf("%s, %d pixels: %s (%s): %s at %v", v.name, v.width, x.ID, x.Impact, x.Help, x.Nodes)
		}
	}
}

// violation is one rule axe-core found broken.
type violation struct {
	ID, Impact, Help string
	Nodes            []string // up to three
}

// runAxe runs axe-core on the page, which is width pixels wide, and
// returns the violations. Only violations are asked for: axe then spends
// no time on selectors for the passes (its resultTypes option).
func runAxe(t *testing.T, page *rod.Page, width int) []violation {
	t.Helper()
	res, err := page.Eval(`async () => {
		const r = await axe.run(document, {resultTypes: ['violations'], runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']}});
		return JSON.stringify({width: window.innerWidth, violations: r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 3)}))});
	}`)
	if err != nil {
		t.Fatal(err)
	}
	var got struct {
		Width      int
		Violations []violation
	}
	if err := json.Unmarshal([]byte(res.Value.Str()), &got); err != nil {
		t.Fatal(err)
	}
	if got.Width != width {
		t.Fatalf("axe-core ran at a width of %d pixels, not %d", got.Width, width)
	}
	return got.Violations
}
