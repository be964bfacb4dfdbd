package schema

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/basis-privacy/basis/generator/internal/golden"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"gopkg.in/yaml.v3"

	"github.com/basis-privacy/basis/content"
	"github.com/basis-privacy/basis/generator/locale"
	"github.com/basis-privacy/basis/locales"
)

// golden compares got with the committed file, or rewrites it with -update.
func goldenFile(t *testing.T, path string, got []byte) {
	t.Helper()
	golden.Check(t, path, got)
}

func TestSchemaFile(t *testing.T) {
	goldenFile(t, filepath.Join("..", "..", "docs", "company.schema.json"), JSON())
}

func TestReference(t *testing.T) {
	cat, err := locale.Load(locales.FS)
	if err != nil {
		t.Fatal(err)
	}
	goldenFile(t, filepath.Join("..", "..", "docs", "company-file.md"), Reference(cat))
}

// compile compiles the schema, checking formats too (email, date, uri).
func compile(t *testing.T) *jsonschema.Schema {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(JSON()))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	if err := c.AddResource("company.schema.json", doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile("company.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// instance turns a YAML node into the value an editor validates: scalars by
// their YAML tag, as the YAML language server reads them.
func instance(n *yaml.Node) any {
	switch n.Kind {
	case yaml.DocumentNode:
		return instance(n.Content[0])
	case yaml.MappingNode:
		m := map[string]any{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			m[n.Content[i].Value] = instance(n.Content[i+1])
		}
		return m
	case yaml.SequenceNode:
		out := []any{}
		for _, c := range n.Content {
			out = append(out, instance(c))
		}
		return out
	case yaml.AliasNode:
		return instance(n.Alias)
	}
	switch n.Tag {
	case "!!null":
		return nil
	case "!!bool":
		return n.Value == "true" || n.Value == "True" || n.Value == "TRUE"
	case "!!int", "!!float":
		if f, err := strconv.ParseFloat(n.Value, 64); err == nil {
			return f
		}
	}
	return n.Value
}

func validate(t *testing.T, s *jsonschema.Schema, src []byte) error {
	t.Helper()
	var doc yaml.Node
	if err := yaml.Unmarshal(src, &doc); err != nil {
		t.Fatal(err)
	}
	return s.Validate(instance(&doc))
}

// companyFiles returns the company.yaml files under dir.
func companyFiles(t *testing.T, dir string) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*", "company.yaml"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no company files in %s (%v)", dir, err)
	}
	return files
}

// TestCompaniesValidate: every example and every company bench/gen writes
// is valid by the schema.
func TestCompaniesValidate(t *testing.T) {
	s := compile(t)
	examples, err := content.CopyTo(filepath.Join(t.TempDir(), "content"))
	if err != nil {
		t.Fatal(err)
	}
	files := companyFiles(t, examples)
	gen := filepath.Join(t.TempDir(), "gen")
	cmd := exec.Command("go", "run", "./bench/gen", "-n", "15", "-out", gen)
	cmd.Dir = filepath.Join("..", "..")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("bench/gen: %v\n%s", err, out)
	}
	files = append(files, companyFiles(t, gen)...)
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if err := validate(t, s, src); err != nil {
			t.Errorf("%s: %v", f, err)
		}
	}
}

// TestExamplesNameTheSchema: every example's first line points editors at
// the committed schema.
func TestExamplesNameTheSchema(t *testing.T) {
	for _, slug := range content.Examples {
		src, err := content.FS.ReadFile(slug + "/company.yaml")
		if err != nil {
			t.Fatal(err)
		}
		first, _, _ := strings.Cut(string(src), "\n")
		if first != SchemaLine("../../docs/company.schema.json") {
			t.Errorf("%s: first line %q, want %q", slug, first, SchemaLine("../../docs/company.schema.json"))
		}
	}
}

// TestSchemaReadsAsDraft07: the schema uses no keyword that draft-07 lacks
// or reads differently, so editors on draft-07 complete and check the same.
func TestSchemaReadsAsDraft07(t *testing.T) {
	for _, kw := range []string{"$defs", "prefixItems", "unevaluatedProperties", "unevaluatedItems", "dependentRequired",
		"dependentSchemas", "$anchor", "$dynamicRef", "$dynamicAnchor", "minContains", "maxContains", "$recursiveRef"} {
		if bytes.Contains(JSON(), []byte(`"`+kw+`"`)) {
			t.Errorf("the schema uses %s, which draft-07 does not know", kw)
		}
	}
}

func TestProjectSchemaFile(t *testing.T) {
	goldenFile(t, filepath.Join("..", "..", "docs", "project.schema.json"), ProjectJSON())
}

func TestProjectReference(t *testing.T) {
	goldenFile(t, filepath.Join("..", "..", "docs", "project-file.md"), ProjectReference())
}
