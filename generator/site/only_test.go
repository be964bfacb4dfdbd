package site

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/basis-privacy/basis/generator/load"
)

// TestOnlyBuildsTheNamedCompanies: a build limited to one company renders
// only it, keeps the others as last published (the index lists them all),
// and the next full build brings the others up to date.
func TestOnlyBuildsTheNamedCompanies(t *testing.T) {
	t.Parallel()
	in := newIncremental(t)
	in.o.Only = []string{"nowak-doradztwo"}
	res := in.build()
	if !slices.Equal(res.Left, []string{"baeckerei-schmidt"}) || res.Companies != 1 {
		t.Fatalf("first limited build: left %v, read %d; want baeckerei-schmidt left, 1 read", res.Left, res.Companies)
	}
	if _, err := os.Stat(filepath.Join(in.o.Out, "baeckerei-schmidt")); err == nil {
		t.Error("a company left out was written")
	}
	in.o.Only = nil
	in.build()
	in.edit("baeckerei-schmidt", "Bäckerei Schmidt GmbH", "Bäckerei Schmidt und Söhne GmbH")
	in.edit("nowak-doradztwo", "Do wniesienia sprzeciwu, nie dłużej niż 3 lata", "Do wniesienia sprzeciwu, nie dłużej niż 2 lata")
	before := stamps(t, in.o.Out)
	in.o.Only = []string{"nowak-doradztwo"}
	res = in.build()
	for _, rel := range changed(before, stamps(t, in.o.Out)) {
		if !strings.HasPrefix(rel, "nowak-doradztwo/") {
			t.Errorf("a build of nowak-doradztwo rewrote %s", rel)
		}
	}
	if res.Companies != 1 || len(res.Left) != 0 {
		t.Errorf("read %d, left %v; want 1 read, none left", res.Companies, res.Left)
	}
	index, err := os.ReadFile(filepath.Join(in.o.Out, "index.html"))
	if err != nil || !strings.Contains(string(index), "baeckerei-schmidt/") {
		t.Errorf("the index no longer lists the company kept (%v)", err)
	}
	in.o.Only = nil
	res = in.build()
	if res.UpToDate || res.Companies != 1 {
		t.Errorf("the full build after it: up to date %v, read %d; want the edited company read", res.UpToDate, res.Companies)
	}
	page, _ := os.ReadFile(filepath.Join(in.o.Out, "baeckerei-schmidt", "de", "privacy.html"))
	if !strings.Contains(string(page), "Söhne") {
		t.Error("the full build did not bring the kept company up to date")
	}
}

func TestOnlyUnknownSlug(t *testing.T) {
	t.Parallel()
	in := newIncremental(t)
	in.o.Only = []string{"nowak"}
	_, err := Build(context.Background(), in.o)
	var ue *load.UnknownSlugError
	if !errors.As(err, &ue) || !slices.Equal(ue.Valid, []string{"baeckerei-schmidt", "nowak-doradztwo"}) {
		t.Errorf("want an UnknownSlugError naming the companies, got %v", err)
	}
	if _, serr := os.Stat(in.o.Out); serr == nil {
		t.Error("an unknown company name wrote the output folder")
	}
}

// TestCountsAddUp: every file of the site is either written by this build
// or carried over unchanged.
func TestCountsAddUp(t *testing.T) {
	t.Parallel()
	in := newIncremental(t)
	for i, edit := range []func(){func() {}, func() {
		in.edit("nowak-doradztwo", "Do wniesienia sprzeciwu, nie dłużej niż 3 lata", "Do wniesienia sprzeciwu, nie dłużej niż 2 lata")
	}} {
		edit()
		res := in.build()
		if got := res.Rendered + res.Printed + res.Copied + res.Reused; got != res.Files {
			t.Errorf("build %d: %d files, but %d written + %d printed + %d copied + %d unchanged = %d",
				i+1, res.Files, res.Rendered, res.Printed, res.Copied, res.Reused, got)
		}
	}
}

// TestCountsAddUpWithPDFs: with PDFs printed, carried over and copied from
// the cache, every file is counted once.
func TestCountsAddUpWithPDFs(t *testing.T) {
	t.Parallel()
	s := newPDFSite(t)
	adds := func(what string, res *Result) {
		t.Helper()
		if got := res.Rendered + res.Printed + res.Copied + res.Reused; got != res.Files {
			t.Errorf("%s: %d files, but %d written + %d printed + %d copied + %d unchanged = %d",
				what, res.Files, res.Rendered, res.Printed, res.Copied, res.Reused, got)
		}
	}
	src, err := os.ReadFile(filepath.Join(s.company, "company.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	s.write("company.yaml", []byte(strings.Replace(string(src), "Bäckerei Schmidt GmbH", "Bäckerei Schmidt & Söhne GmbH", 1)))
	adds("after an edit", s.build())
	if err := os.RemoveAll(s.o.Out); err != nil {
		t.Fatal(err)
	}
	adds("with the site removed", s.build())
}
