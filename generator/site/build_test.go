package site

import (
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	examples "github.com/basis-privacy/basis/content"
	"github.com/basis-privacy/basis/generator/load"
	"github.com/basis-privacy/basis/generator/render"
	"github.com/basis-privacy/basis/locales"
	"github.com/basis-privacy/basis/templates"
)

// writeContent builds a content tree in a temp dir from the company files
// named (the embedded examples' extras beside them, never the live content/), optionally editing one of them.
func writeContent(t testing.TB, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for slug, data := range files {
		p := filepath.Join(dir, slug, "company.yaml")
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
		copyExtras(t, slug, filepath.Dir(p))
	}
	return dir
}

// copyExtras copies the files beside an example's company.yaml (section
// files, logo, its own wording in locales/) into dst, if slug is an example.
func copyExtras(t testing.TB, slug, dst string) {
	t.Helper()
	src, err := examples.Example(slug)
	if _, serr := fs.Stat(src, "company.yaml"); err != nil || serr != nil {
		return
	}
	err = fs.WalkDir(src, ".", func(rel string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || rel == "company.yaml" {
			return err
		}
		b, err := fs.ReadFile(src, rel)
		if err != nil {
			return err
		}
		if err := os.MkdirAll(filepath.Dir(filepath.Join(dst, rel)), 0o755); err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, rel), b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

func example(t testing.TB, slug string) string {
	t.Helper()
	b, err := fs.ReadFile(examples.FS, slug+"/company.yaml")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// pdfsOf is how many PDFs a build with every document prints for companies
// companies in languages languages each, with a blank checklist per
// language of the index (blanks): every kind of load.CompanyDocuments for
// each company and language.
func pdfsOf(companies, languages, blanks int) int {
	return companies*languages*len(load.CompanyDocuments()) + blanks
}

func opts(content, out string) Options {
	return Options{Content: content, Out: out, Templates: templates.FS, Locales: []fs.FS{locales.FS}, Version: "test"}
}

// tree hashes every file under dir, for "nothing changed" assertions.
func tree(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		out[rel] = fmt.Sprintf("%x", sha256.Sum256(b))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestBuildWritesEveryFile(t *testing.T) {
	t.Parallel()
	content := writeContent(t, map[string]string{
		"baeckerei-schmidt": example(t, "baeckerei-schmidt"),
		"sen-vang":          example(t, "sen-vang"),
	})
	out := filepath.Join(t.TempDir(), "public")
	res, err := Build(context.Background(), opts(content, out))
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"index.html", "assets/basis.css", "assets/fonts.css", "assets/fonts/noto-sans-vietnamese-400-normal.woff2"}
	for _, l := range []string{"en", "de", "pl", "vi"} {
		want = append(want, "checklist/"+l+".html")
	}
	for _, c := range []struct{ slug, langs string }{{"baeckerei-schmidt", "de en"}, {"sen-vang", "vi en"}} {
		for _, l := range strings.Fields(c.langs) {
			for _, f := range []string{"privacy.html", "checklist.html", "fields.html", "fields.json", "checklist.json"} {
				want = append(want, c.slug+"/"+l+"/"+f)
			}
		}
	}
	got := tree(t, out)
	for _, f := range want {
		if _, ok := got[filepath.FromSlash(f)]; !ok {
			t.Errorf("missing %s", f)
		}
	}
	if res.Companies != 2 || res.Files != len(got) {
		t.Errorf("result says %d companies, %d files; the folder has %d files", res.Companies, res.Files, len(got))
	}
	index, _ := os.ReadFile(filepath.Join(out, "index.html"))
	if !strings.Contains(string(index), `href="sen-vang/vi/privacy.html"`) {
		t.Errorf("index does not link the Vietnamese notice")
	}
	// No staging folder is left beside the output.
	entries, _ := os.ReadDir(filepath.Dir(out))
	if len(entries) != 1 {
		t.Errorf("leftovers beside the output: %v", entries)
	}
}

func TestBuildIsDeterministic(t *testing.T) {
	t.Parallel()
	content := writeContent(t, map[string]string{"nowak-doradztwo": example(t, "nowak-doradztwo")})
	a, b := filepath.Join(t.TempDir(), "a"), filepath.Join(t.TempDir(), "b")
	for _, out := range []string{a, b} {
		if _, err := Build(context.Background(), opts(content, out)); err != nil {
			t.Fatal(err)
		}
	}
	ta, tb := tree(t, a), tree(t, b)
	if fmt.Sprint(ta) != fmt.Sprint(tb) {
		t.Error("two builds of the same input differ")
	}
}

func TestFailedBuildLeavesOutputUntouched(t *testing.T) {
	t.Parallel()
	good := example(t, "baeckerei-schmidt")
	content := writeContent(t, map[string]string{"baeckerei-schmidt": good})
	out := filepath.Join(t.TempDir(), "public")
	if _, err := Build(context.Background(), opts(content, out)); err != nil {
		t.Fatal(err)
	}
	before := tree(t, out)

	bad := strings.Replace(good, "basis: contract", "basis: contrakt", 1)
	if err := os.WriteFile(filepath.Join(content, "baeckerei-schmidt", "company.yaml"), []byte(bad), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := Build(context.Background(), opts(content, out))
	var es load.Errors
	if !errors.As(err, &es) || !strings.Contains(es.Error(), `did you mean "contract"`) {
		t.Fatalf("want a load error, got %v", err)
	}
	if after := tree(t, out); fmt.Sprint(after) != fmt.Sprint(before) {
		t.Error("a failed build changed the previous output")
	}
	entries, _ := os.ReadDir(filepath.Dir(out))
	if len(entries) != 1 {
		t.Errorf("a failed build left files beside the output: %v", entries)
	}
}

func TestScriptInCompanyNameIsText(t *testing.T) {
	t.Parallel()
	src := strings.Replace(example(t, "nowak-doradztwo"), "name: Nowak Doradztwo sp. z o.o.", `name: "<script>alert(1)</script>"`, 1)
	content := writeContent(t, map[string]string{"evil": src})
	out := filepath.Join(t.TempDir(), "public")
	if _, err := Build(context.Background(), opts(content, out)); err != nil {
		t.Fatal(err)
	}
	for rel := range tree(t, out) {
		if !strings.HasSuffix(rel, ".html") && !strings.HasSuffix(rel, ".json") {
			continue
		}
		b, _ := os.ReadFile(filepath.Join(out, rel))
		if strings.Contains(string(b), "<script>alert(1)") {
			t.Errorf("%s contains the company name as markup", rel)
		}
	}
	b, _ := os.ReadFile(filepath.Join(out, "evil", "en", "privacy.html"))
	if !strings.Contains(string(b), "&lt;script&gt;alert(1)&lt;/script&gt;") {
		t.Error("the name is not shown as escaped text")
	}
}

func TestOutputStaysInRoot(t *testing.T) {
	t.Parallel()
	b := &builder{env: &env{}, staged: t.TempDir(), old: &manifest{}, next: &manifest{Outputs: map[string]entry{}}}
	for _, rel := range []string{"../x.html", "/etc/passwd", "a/../../x"} {
		if err := b.emit(rel, "k", func() ([]byte, error) { return nil, nil }); err == nil {
			t.Errorf("wrote %q outside the root", rel)
		}
	}
}

func TestLogoIsPublished(t *testing.T) {
	t.Parallel()
	src := strings.Replace(example(t, "sen-vang"), "country: VN", "logo: logo.png\ncountry: VN", 1)
	content := writeContent(t, map[string]string{"sen-vang": src})
	// A 1x1 PNG.
	png := []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00\x00\x00\x00IEND\xaeB`\x82")
	if err := os.WriteFile(filepath.Join(content, "sen-vang", "logo.png"), png, 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "public")
	if _, err := Build(context.Background(), opts(content, out)); err != nil {
		t.Fatal(err)
	}
	if b, err := os.ReadFile(filepath.Join(out, "sen-vang", "logo.png")); err != nil || string(b) != string(png) {
		t.Fatalf("logo not published: %v", err)
	}
	page, _ := os.ReadFile(filepath.Join(out, "sen-vang", "vi", "privacy.html"))
	if !strings.Contains(string(page), `<img class="logo" src="../logo.png" alt="Công ty TNHH Bán lẻ Sen Vàng">`) {
		t.Error("the title block does not show the logo")
	}
	if _, header, _ := strings.Cut(string(page), `<header class="site">`); !strings.Contains(header[:strings.Index(header, "</header>")], `<img class="logo" src="../logo.png"`) {
		t.Error("the page header does not show the logo")
	}
	for _, l := range []string{"en", "vi"} {
		index, _ := os.ReadFile(filepath.Join(out, render.IndexFile(l)))
		if !strings.Contains(string(index), `<img class="logo" src="sen-vang/logo.png" alt="">`) {
			t.Errorf("the %s index does not show the logo", l)
		}
	}
	for _, d := range deadLinks(t, out) {
		t.Errorf("dead link: %s", d)
	}
}

// TestIndexKeepsLogoOfUnchangedCompany: an incremental build that does not
// read a company again still shows its logo in the index.
func TestIndexKeepsLogoOfUnchangedCompany(t *testing.T) {
	t.Parallel()
	src := strings.Replace(example(t, "sen-vang"), "country: VN", "logo: logo.svg\ncountry: VN", 1)
	content := writeContent(t, map[string]string{"sen-vang": src, "nowak-doradztwo": example(t, "nowak-doradztwo")})
	svg := `<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>`
	if err := os.WriteFile(filepath.Join(content, "sen-vang", "logo.svg"), []byte(svg), 0o644); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	o := opts(content, filepath.Join(dir, "public"))
	o.Cache = filepath.Join(dir, "cache")
	if _, err := Build(context.Background(), o); err != nil {
		t.Fatal(err)
	}
	f := filepath.Join(content, "nowak-doradztwo", "company.yaml")
	b, _ := os.ReadFile(f)
	if err := os.WriteFile(f, append(b, "# edited\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	res, err := Build(context.Background(), o)
	if err != nil {
		t.Fatal(err)
	}
	if res.Companies != 1 {
		t.Fatalf("read %d companies again, want 1", res.Companies)
	}
	index, _ := os.ReadFile(filepath.Join(o.Out, "index.html"))
	if !strings.Contains(string(index), `src="sen-vang/logo.svg"`) {
		t.Error("the index lost the logo of the company it did not read again")
	}
}
