package locale

import (
	"testing"
	"testing/fstest"
)

// TestLoadParsesTheSameFilesOnce: loading the same message files again
// gives the Catalog already parsed (a watch or a server rebuilding parsed
// every file each time: 50 ms a build, BenchmarkLoad); a file changed in
// content, added or renamed gives a new Catalog with what it now says.
func TestLoadParsesTheSameFilesOnce(t *testing.T) {
	fsys := fstest.MapFS{"notice.en.yaml": {Data: []byte(`notice.title: "Privacy notice"` + "\n")}}
	first, err := Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	again, err := Load(fstest.MapFS{"notice.en.yaml": {Data: []byte(`notice.title: "Privacy notice"` + "\n")}})
	if err != nil {
		t.Fatal(err)
	}
	if again != first {
		t.Error("the same files were parsed again")
	}
	for name, changed := range map[string]fstest.MapFS{
		"content": {"notice.en.yaml": {Data: []byte(`notice.title: "Privacy policy"` + "\n")}},
		"added": {"notice.en.yaml": {Data: []byte(`notice.title: "Privacy notice"` + "\n")},
			"ui.en.yaml": {Data: []byte(`ui.home: "Home"` + "\n")}},
		"renamed": {"ui.en.yaml": {Data: []byte(`notice.title: "Privacy notice"` + "\n")}},
	} {
		c, err := Load(changed)
		if err != nil {
			t.Fatal(err)
		}
		if c == first {
			t.Errorf("%s: a changed file gave the catalog of the old one", name)
		}
	}
	c, _ := Load(fstest.MapFS{"notice.en.yaml": {Data: []byte(`notice.title: "Privacy policy"` + "\n")}})
	if got := c.For("en").T("notice.title"); got != "Privacy policy" {
		t.Errorf("after the change the title reads %q", got)
	}
	if got := first.For("en").T("notice.title"); got != "Privacy notice" {
		t.Errorf("the first catalog changed: %q", got)
	}
}
