// Package schema describes company.yaml for editors and readers: a JSON
// Schema (draft 2020-12) and a reference page of every key, both made from
// the description the loader reads by ([load.Company]), so neither can drift
// from what the loader accepts. The schema uses only keywords that mean the
// same in draft-07, which many editors' YAML language servers still
// implement in place of 2020-12.
//
//	os.Stdout.Write(schema.JSON()) // what `basis schema` prints
package schema

import (
	"bytes"
	"encoding/json"

	"github.com/basis-privacy/basis/generator/load"
	"github.com/basis-privacy/basis/generator/model"
)

// obj is a JSON object that keeps its keys in the order they were added.
type obj []kv

type kv struct {
	k string
	v any
}

func (o obj) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, p := range o {
		if i > 0 {
			b.WriteByte(',')
		}
		k, _ := marshal(p.k)
		v, err := marshal(p.v)
		if err != nil {
			return nil, err
		}
		b.Write(k)
		b.WriteByte(':')
		b.Write(v)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

// marshal is json.Marshal without escaping <, > and &.
func marshal(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n")), nil
}

// nonBlank is the pattern of a text that is not empty or only spaces.
const nonBlank = `\S`

// JSON returns the JSON Schema of company.yaml, indented, ending in a newline.
func JSON() []byte {
	return schemaOf("Basis company file (content/<slug>/company.yaml)", load.Company,
		"One company: its controller, markets, languages, purposes and legal bases, recipients, form fields and planned campaigns. Basis produces documents, not legal advice.")
}

// ProjectJSON returns the JSON Schema of the project file, basis.yaml.
func ProjectJSON() []byte {
	return schemaOf("Basis project file (basis.yaml)", load.ProjectSpec,
		"How a project's documents are published: the site's title and address, the firm, the languages of the indexes, and which documents the public and the internal output get. Every key may be left out; flags of a command override them.")
}

// schemaOf is the schema of a file described by s, indented.
func schemaOf(title string, s load.Shape, doc string) []byte {
	root := append(obj{
		{"$schema", "https://json-schema.org/draft/2020-12/schema"},
		{"title", title},
	}, shape(s, doc)...)
	flat, err := marshal(root)
	if err != nil {
		panic(err) // only strings, bools and numbers: cannot fail
	}
	var out bytes.Buffer
	if err := json.Indent(&out, flat, "", "  "); err != nil {
		panic(err)
	}
	out.WriteByte('\n')
	return out.Bytes()
}

// textDef is reader-visible text: one string, or one per language.
func textDef() obj {
	return obj{
		{"anyOf", []any{
			obj{{"type", "string"}, {"pattern", nonBlank}},
			obj{
				{"type", "object"},
				{"minProperties", 1},
				{"propertyNames", obj{{"enum", model.Languages}}},
				{"additionalProperties", obj{{"type", "string"}, {"pattern", nonBlank}}},
			},
		}},
	}
}

// shape returns the schema of one value, with its description.
func shape(s load.Shape, doc string) obj {
	o := obj{}
	if doc != "" {
		o = append(o, kv{"description", doc})
	}
	switch s.Kind {
	case load.String:
		o = append(o, kv{"type", "string"}, kv{"pattern", nonBlank})
	case load.Text:
		// Written out at each use rather than under $defs: editors whose
		// YAML language server knows only draft-07 read it the same.
		o = append(o, textDef()...)
	case load.ID, load.Ref:
		o = append(o, kv{"type", "string"}, kv{"pattern", load.IDPattern})
	case load.Bool:
		o = append(o, kv{"type", "boolean"})
	case load.Age:
		o = append(o, kv{"type", "integer"}, kv{"minimum", 0}, kv{"maximum", 17})
	case load.Date:
		o = append(o, kv{"type", "string"}, kv{"format", "date"}, kv{"pattern", `^[0-9]{4}-[0-9]{2}-[0-9]{2}$`})
	case load.Country:
		o = append(o, kv{"type", "string"}, kv{"pattern", load.CountryPattern})
	case load.Email:
		o = append(o, kv{"type", "string"}, kv{"format", "email"})
	case load.URL:
		o = append(o, kv{"type", "string"}, kv{"format", "uri"}, kv{"pattern", `^https?://[^\s/]+`})
	case load.Enum:
		o = append(o, kv{"enum", s.Names()}, kv{"oneOf", values(s.Values)})
	case load.List:
		o = append(o, kv{"type", "array"}, kv{"items", shape(*s.Items, "")})
		if s.Unique {
			o = append(o, kv{"uniqueItems", true})
		}
		if s.NonEmpty {
			o = append(o, kv{"minItems", 1})
		}
	case load.Map:
		if s.Short {
			o = append(o, kv{"anyOf", []any{obj{{"type", "string"}, {"pattern", nonBlank}}, mapping(s)}})
			break
		}
		o = append(o, mapping(s)...)
	case load.Number:
		o = append(o, kv{"type", "integer"}, kv{"minimum", s.Min}, kv{"maximum", s.Max})
	}
	return o
}

// values describes each value of an enum, for an editor's completion.
func values(vs []load.Value) []any {
	out := make([]any, len(vs))
	for i, v := range vs {
		out[i] = obj{{"const", v.Name}, {"description", v.Doc}}
	}
	return out
}

func mapping(s load.Shape) obj {
	props := obj{}
	required := []string{}
	for _, k := range s.Keys {
		props = append(props, kv{k.Name, shape(k.Shape, k.Doc)})
		if k.Required {
			required = append(required, k.Name)
		}
	}
	return obj{
		{"type", "object"},
		{"properties", props},
		{"required", required},
		{"additionalProperties", false},
	}
}

// SchemaLine is the first line of a company file that points editors using
// the YAML language server at the schema at path (relative to the file).
func SchemaLine(path string) string { return "# yaml-language-server: $schema=" + path }
