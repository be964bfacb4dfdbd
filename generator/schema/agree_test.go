package schema

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/basis-privacy/basis/content"
	"github.com/basis-privacy/basis/generator/load"
)

// mutation is one mistake made in a copy of a valid company file.
type mutation struct {
	what  string
	apply func(*yaml.Node) // applied to the node found at site
	site  *yaml.Node
}

// mistakes lists, for every value of a valid file, a value of the wrong
// type, an unknown key in every mapping, and an unknown value for every enum.
func mistakes(n *yaml.Node, s load.Shape, path string) []mutation {
	var out []mutation
	wrong := func(what string, to yaml.Node) {
		out = append(out, mutation{what: path + ": " + what, site: n, apply: func(m *yaml.Node) { *m = to }})
	}
	scalar := yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: "x"}
	list := yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Content: []*yaml.Node{{Kind: yaml.ScalarNode, Tag: "!!str", Value: "x"}}}
	switch s.Kind {
	case load.List:
		wrong("a scalar for a list", scalar)
		for i, c := range n.Content {
			out = append(out, mistakes(c, *s.Items, fmt.Sprintf("%s[%d]", path, i))...)
		}
	case load.Map:
		wrong("a scalar for a mapping", scalar)
		out = append(out, mutation{what: path + ": an unknown key", site: n, apply: func(m *yaml.Node) {
			m.Content = append(m.Content, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: "colour"}, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: "blue"})
		}})
		for i := 0; i+1 < len(n.Content); i += 2 {
			if k := s.Key(n.Content[i].Value); k != nil {
				out = append(out, mistakes(n.Content[i+1], k.Shape, path+"."+k.Name)...)
			}
		}
	case load.Enum:
		wrong("a list for a value", list)
		wrong("an unknown value", yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: "sometimes"})
	case load.Age:
		wrong("a word for an age", yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: "teen"})
		wrong("an adult's age", yaml.Node{Kind: yaml.ScalarNode, Tag: "!!int", Value: "18"})
	case load.Bool:
		wrong("a word for true or false", yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: "yes please"})
		wrong("a list for true or false", list)
	case load.Text:
		wrong("a list for a text", list)
	default:
		wrong("a list for a value", list)
		wrong("a mapping for a value", yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Content: []*yaml.Node{
			{Kind: yaml.ScalarNode, Tag: "!!str", Value: "a"}, {Kind: yaml.ScalarNode, Tag: "!!str", Value: "b"}}})
	}
	return out
}

// TestSchemaCatchesWhatTheLoaderRefuses: every wrong type, unknown key and
// unknown enum value the loader refuses in an example is also invalid by
// the schema, so an editor flags it before check does.
func TestSchemaCatchesWhatTheLoaderRefuses(t *testing.T) {
	s := compile(t)
	dir, err := content.CopyTo(filepath.Join(t.TempDir(), "content"))
	if err != nil {
		t.Fatal(err)
	}
	tried := 0
	for _, slug := range content.Examples {
		path := filepath.Join(dir, slug, "company.yaml")
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		var doc yaml.Node
		if err := yaml.Unmarshal(src, &doc); err != nil {
			t.Fatal(err)
		}
		all := mistakes(doc.Content[0], load.Company, slug)
		step := 1
		if testing.Short() {
			step = 7 // a sample of every kind of mistake, in a second
		}
		for i := 0; i < len(all); i += step {
			// Each mistake is made in the one tree and undone once the
			// file is written out.
			m := all[i]
			before := *m.site
			m.apply(m.site)
			bad, err := yaml.Marshal(&doc)
			*m.site = before
			if err != nil {
				t.Fatal(err)
			}
			_, lerr := load.Parse(path, bad)
			var errs load.Errors
			if !errors.As(lerr, &errs) {
				t.Errorf("%s: the loader accepts it (%v)", m.what, lerr)
				continue
			}
			tried++
			if validate(t, s, bad) == nil {
				t.Errorf("%s: the loader says %v, but the schema accepts it", m.what, errs[0])
			}
		}
	}
	if tried < 100 && !testing.Short() {
		t.Errorf("only %d mistakes tried", tried)
	}
	t.Logf("%d mistakes, each refused by both", tried)
}
