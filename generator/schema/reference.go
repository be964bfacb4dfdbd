package schema

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/basis-privacy/basis/generator/load"
	"github.com/basis-privacy/basis/generator/locale"
	"github.com/basis-privacy/basis/generator/model"
)

// Reference returns the reference page of company.yaml in Markdown: every
// key with its type, whether it is required, what it means and its allowed
// values, examples of the keys whose form is not obvious, and the built-in
// data categories with their names in each language from cat.
func Reference(cat *locale.Catalog) []byte {
	var b bytes.Buffer
	b.WriteString(refIntro)
	section(&b, "", load.Company)
	builtin(&b, cat)
	return b.Bytes()
}

const refIntro = `# The company file

<!-- Generated from generator/load/spec.go by TestReference; regenerate with
go test ./generator/schema -update -->

Each company is one folder, ` + "`content/<slug>/company.yaml`" + ` (slug:
lower-case letters, digits and hyphens). This page lists every key Basis
reads; ` + "`basis init`" + ` writes a starter with all of them, and
` + "`basis schema`" + ` prints the same description as a JSON Schema, which
[company.schema.json](company.schema.json) holds. With the first line

    # yaml-language-server: $schema=../../docs/company.schema.json

(the path from the company file to the schema, or the schema's web address)
editors that use the YAML language server, such as VS Code with the YAML
extension, complete keys and explain them as you type.

Kinds of value:

- **line**: text on one line, the same in every language (names, addresses).
- **text**: text a reader sees: one string for every language, or a mapping
  with one entry per language the company publishes: ` + "`{en: ..., de: ...}`" + `.
- **id**: lower-case letters, digits, ` + "`_`" + ` and ` + "`-`" + `, e.g. ` + "`order_processing`" + `.
- **list**: ` + "`[a, b]`" + `, or lines starting with ` + "`- `" + `.
- A reference (**purpose id**, **business id**, ...) names the id of another entry of the file.
`

// ProjectReference returns the reference page of the project file,
// basis.yaml, in Markdown.
func ProjectReference() []byte {
	var b bytes.Buffer
	b.WriteString(projectIntro)
	section(&b, "", load.ProjectSpec)
	return b.Bytes()
}

const projectIntro = `# The project file

<!-- Generated from generator/load/project.go by TestProjectReference;
regenerate with go test ./generator/schema -update -->

` + "`basis.yaml`" + ` at the root of a project (beside ` + "`content/`" + `) says how its
documents are published. Every command reads it; flags override it
(` + "`--out`" + `, ` + "`--internal-out`" + `, ` + "`--base-url`" + `); a project without one
gets the defaults below. ` + "`basis init`" + ` writes one with comments, and
` + "`basis schema --project`" + ` prints its JSON Schema, which
[project.schema.json](project.schema.json) holds.

Basis writes two outputs. The **public** one (` + "`public/`" + `) holds only what a
company publishes: the privacy notices with their released versions and
"What changed" pages, embeddable fragments, sections as JSON, the
versions and Atom feed of each notice, the announcements of a change, the
field texts and, if listed, the blank checklist. The **internal** one
(` + "`internal/`" + `) holds what a company keeps to itself: the pre-filled campaign
checklists and ` + "`checklist.json`" + `, with an index of its own that no public page
links.
`

// kindName names the kind of a value for the reference page.
func kindName(s load.Shape) string {
	switch s.Kind {
	case load.String:
		return "line"
	case load.Text:
		return "text"
	case load.ID:
		return "id"
	case load.Ref:
		switch s.RefTo {
		case "data":
			return "data category id"
		case "subject":
			return "data subject category id"
		}
		return s.RefTo + " id"
	case load.Bool:
		return "true or false"
	case load.Age:
		return "age in years, 0 to 17"
	case load.Enum:
		return "one of the values below"
	case load.Date:
		return "date, YYYY-MM-DD"
	case load.Country:
		return "country code (ISO 3166-1, e.g. DE)"
	case load.Email:
		return "email address"
	case load.URL:
		return "web address (https://...)"
	case load.List:
		if s.Items.Kind == load.Map {
			return "list of mappings, see below"
		}
		if s.Items.Kind == load.Enum {
			return "list, each one of the values below"
		}
		return "list of " + kindName(*s.Items)
	case load.Map:
		return "mapping, see below"
	case load.Number:
		return fmt.Sprintf("whole number of %s, %d to %d", s.Unit, s.Min, s.Max)
	}
	return ""
}

// section writes the table of one mapping at path, then its enums,
// examples and nested mappings.
func section(b *bytes.Buffer, path string, s load.Shape) {
	title := "The top level"
	if path != "" {
		title = "`" + path + "`"
	}
	fmt.Fprintf(b, "\n## %s\n\n| key | required | value | meaning |\n|---|---|---|---|\n", title)
	for _, k := range s.Keys {
		req := "no"
		if k.Required {
			req = "yes"
		}
		fmt.Fprintf(b, "| `%s` | %s | %s | %s |\n", k.Name, req, kindName(k.Shape), cell(k.Doc))
	}
	var nested []load.Key
	for _, k := range s.Keys {
		inner := k.Shape
		for inner.Kind == load.List {
			inner = *inner.Items
		}
		if inner.Kind == load.Enum {
			fmt.Fprintf(b, "\nValues of `%s`:\n\n", k.Name)
			for _, v := range inner.Values {
				fmt.Fprintf(b, "- `%s`: %s\n", v.Name, v.Doc)
			}
		}
		if k.Example != "" {
			fmt.Fprintf(b, "\n`%s`, for example:\n\n```yaml\n%s\n```\n", k.Name, k.Example)
		}
		if inner.Kind == load.Map {
			nested = append(nested, k)
		}
	}
	for _, k := range nested {
		p := k.Name
		if path != "" {
			p = path + "." + k.Name
		}
		inner := k.Shape
		for inner.Kind == load.List {
			p += "[]"
			inner = *inner.Items
		}
		section(b, p, inner)
	}
}

// builtin lists the built-in data categories with their names.
func builtin(b *bytes.Buffer, cat *locale.Catalog) {
	b.WriteString("\n## Built-in data categories\n\n" +
		"`data:` lists may name these without defining them; name others under `data_categories`.\n\n")
	b.WriteString("| id | " + strings.Join(model.Languages, " | ") + " |\n|---" + strings.Repeat("|---", len(model.Languages)) + "|\n")
	for _, id := range model.BuiltinData {
		fmt.Fprintf(b, "| `%s` |", id)
		for _, l := range model.Languages {
			fmt.Fprintf(b, " %s |", cell(cat.For(l).T("data."+id)))
		}
		b.WriteByte('\n')
	}
}

// cell escapes text for a Markdown table cell.
func cell(s string) string { return strings.ReplaceAll(s, "|", `\|`) }
