package load

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/basis-privacy/basis/generator/model"
)

// ProjectFileName is the project file at the root of a project: how its
// documents are published. A project without one gets DefaultProject.
const ProjectFileName = "basis.yaml"

// Project is what the project file says. Flags of a command override it.
type Project struct {
	File      string   // the file read; "" when there is none
	Title     string   // the title of the site index; "" the built-in one in each language
	BaseURL   string   // the address the public output is published at, ending in "/"; "" unknown
	Firm      Firm     // the firm preparing the documents; Name "" none
	Languages []string // the languages of the indexes and the blank checklists
	Public    Output
	Internal  Output
	At        model.Positions // where each key was written
}

// Firm is the firm that prepares a project's documents for its clients:
// its name and sign-off block stand on every internal document where
// others read "Made with Basis".
type Firm struct {
	Name string // "" no firm
	// SignOff is the firm's sign-off block (who prepared and reviewed the
	// documents, how to reach the firm), lines separated by newlines; one
	// text, or one per language. Zero: none.
	SignOff model.Text
	// Disclaimer keeps Basis's notice that it produces documents, not
	// legal advice, on the firm's internal documents (the default). A
	// firm may turn it off for them; public pages always keep it.
	Disclaimer bool
}

// Output is one output folder of a project and the documents it gets.
type Output struct {
	Folder    string
	Documents []string // kinds of document: see DocumentKinds
}

// The kinds of document a project publishes or keeps internal.
const (
	DocPrivacy    = "privacy"
	DocFields     = "fields"
	DocChecklist  = "checklist"
	DocBlank      = "blank-checklist"
	DocRecord     = "record"
	DocAssessment = "assessment"
	DocReport     = "report"
)

// InternalOnly lists the documents that are never published: they hold
// planned campaigns, open items, the company's processing and its
// reviewer's assessments.
var InternalOnly = []string{DocChecklist, DocRecord, DocAssessment}

// CompanyDocuments are the kinds of document a build makes for each company
// and language whose outputs list them: every kind but the blank checklist,
// which is one per language of the index.
func CompanyDocuments() []string {
	var out []string
	for _, d := range documentEnum.Names() {
		if d != DocBlank {
			out = append(out, d)
		}
	}
	return out
}

// documentEnum names the documents an output may get.
var documentEnum = enumOf(
	Value{DocPrivacy, "the privacy notice (Art. 13/14 GDPR) with its released versions, What changed pages, embeddable fragment, sections as JSON, versions.json, Atom feed and change announcements"},
	Value{DocFields, "the field texts for forms, as a page and as fields.json"},
	Value{DocChecklist, "the pre-filled marketing-purpose checklists and checklist.json: planned campaigns, open items, sign-off lines; internal only"},
	Value{DocBlank, "the blank marketing-purpose checklist, one per language of the index"},
	Value{DocRecord, "the record of processing activities (Art. 30 GDPR), with the record as processor and the annex of the processing agreements where the company processes data for clients; internal only"},
	Value{DocAssessment, "the legitimate-interests assessments (Art. 6(1)(f) GDPR), one per purpose and its campaigns; internal only"},
	Value{DocReport, "the client report: findings in plain language, each campaign's verdicts and conditions, open items, accepted warnings, what changed since the last release; internal only"},
)

func outputSpec(which, folder, docs string) Shape {
	return mapOf(
		opt("folder", "the folder "+which+" documents are written to, replaced on every build; default "+folder, str),
		opt("documents", "the documents it gets; default "+docs, setOf(documentEnum)),
	)
}

// ProjectSpec describes the project file: the loader reads by it, and its
// JSON Schema and reference page are made from it.
var ProjectSpec = mapOf(
	opt("title", "the title of the site index, the same in every language; default: \"Privacy documents\" in each language", str),
	opt("base_url", "the address the public output is published at, such as https://example.com/privacy/; pages then carry rel=canonical and hreflang links, and fragments and feeds absolute links (basis build and serve --base-url override it)", website),
	opt("firm", "the firm that prepares the documents for its clients (a law firm): its name and sign-off block stand on every internal document and its index in place of \"Made with Basis\"; a name alone (firm: Example & Partners) is short for firm: {name: ...}", firmSpec).with(firmExample),
	opt("languages", "the languages of the indexes and of the blank checklists; default: all of en, de, pl, vi", Shape{Kind: List, Items: &languageEnum, Unique: true, NonEmpty: true}),
	opt("public", "what is published: the output a web server serves", outputSpec("published", "public", "[privacy, fields]")).with("public:\n  folder: public\n  documents: [privacy, fields, blank-checklist]"),
	opt("internal", "what is kept in-house: an output no public page links, with its own index", outputSpec("internal", "internal", "[checklist, blank-checklist, record, assessment, report]")),
)

// firmSpec is the firm of a project; a name alone stands for the mapping.
var firmSpec = Shape{Kind: Map, Short: true, Keys: []Key{
	req("name", "the firm's name, shown on every internal document and its index", str),
	opt("sign_off", "the firm's sign-off block under every internal document: who prepared and reviewed them and how to reach the firm, one line each (a YAML block: sign_off: |); one text, or one per language (a language it lacks gets none)", text),
	opt("disclaimer", "false removes Basis's notice that it produces documents, not legal advice, from the internal documents, which the firm signs; public pages keep it (default true)", boolean),
}}

const firmExample = "firm:\n  name: Kowalska i Wspólnicy sp.k.\n  sign_off: |\n    adw. Anna Kowalska, partner\n    ul. Prosta 1, 00-001 Warszawa · biuro@kowalska.example\n  disclaimer: false   # the firm signs its internal documents"

// DefaultProject is the project of a folder without a project file.
func DefaultProject() *Project {
	return &Project{
		Languages: slices.Clone(model.Languages),
		Firm:      Firm{Disclaimer: true},
		Public:    Output{Folder: "public", Documents: []string{DocPrivacy, DocFields}},
		Internal:  Output{Folder: "internal", Documents: []string{DocChecklist, DocBlank, DocRecord, DocAssessment, DocReport}},
		At:        model.Positions{},
	}
}

// ReadProject reads the project file at path; a missing file gives
// DefaultProject. Every problem is an Errors at its position.
func ReadProject(path string) (*Project, error) {
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return DefaultProject(), nil
	}
	if err != nil {
		return nil, &ReadError{Path: path, Err: err}
	}
	return ParseProject(path, data)
}

// ParseProject reads the project file data, named path in errors.
func ParseProject(path string, data []byte) (*Project, error) {
	p := DefaultProject()
	p.File = path
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		e := syntaxError(path, data, err)
		e.Syntax = true
		return nil, Errors{e}
	}
	if len(doc.Content) == 0 {
		return p, nil // an empty file: the defaults
	}
	d := &decoder{file: path}
	root := doc.Content[0]
	var langs []string
	p.At = d.mapping(root, "the project file", ProjectSpec, decoders{
		"title":     d.str(&p.Title, "title"),
		"base_url":  d.website(&p.BaseURL, "base_url"),
		"firm":      d.firm(&p.Firm),
		"languages": d.enumList(&langs, "language", languageEnum.Names()),
		"public":    d.output(&p.Public, "public"),
		"internal":  d.output(&p.Internal, "internal"),
	})
	if _, ok := p.At["languages"]; ok {
		p.Languages = langs
		if len(langs) == 0 {
			d.fail(root, "list at least one of en, de, pl, vi", "languages is empty")
		}
	}
	if p.BaseURL != "" && !strings.HasSuffix(p.BaseURL, "/") {
		p.BaseURL += "/"
	}
	d.projectRules(p, root)
	if len(d.errs) > 0 {
		return nil, d.errs
	}
	return p, nil
}

// firm decodes the firm: a mapping, or its name alone. Its sign-off may be
// in any language, since companies choose their own.
func (d *decoder) firm(dst *Firm) func(*yaml.Node) {
	return func(n *yaml.Node) {
		dst.Disclaimer = true
		if n.Kind == yaml.ScalarNode && n.Tag != "!!null" {
			d.str(&dst.Name, "firm")(n)
			return
		}
		unsure := d.unsure
		d.unsure = true
		d.mapping(n, "firm", firmSpec, decoders{
			"name":       d.str(&dst.Name, "firm name"),
			"sign_off":   d.text(&dst.SignOff, "firm sign_off"),
			"disclaimer": d.boolean(&dst.Disclaimer, "firm disclaimer"),
		})
		d.unsure = unsure
	}
}

// output decodes one output's mapping into dst, over its defaults.
func (d *decoder) output(dst *Output, what string) func(*yaml.Node) {
	return func(n *yaml.Node) {
		var docs []string
		set := false
		d.mapping(n, what, ProjectSpec.Key(what).Shape, decoders{
			"folder": d.str(&dst.Folder, what+".folder"),
			"documents": func(n *yaml.Node) {
				set = true
				d.enumList(&docs, "document", documentEnum.Names())(n)
			},
		})
		if set {
			dst.Documents = docs
		}
	}
}

// projectRules refuses what the keys allow one by one but not together:
// an internal document published, a document in both outputs, one folder
// for both.
// internalOnly are the documents only the internal output may hold, in the
// order a project file listing them under public is told so.
var internalOnly = []struct{ doc, fix, what string }{
	{DocChecklist, "list checklist under internal: only the blank checklist may be published",
		"the pre-filled checklists with planned campaigns, open items and sign-off lines, which are internal"},
	{DocRecord, "list record under internal", "which holds the company's processing and open items for its reviewer and is internal"},
	{DocAssessment, "list assessment under internal", "which holds the company's processing and open items for its reviewer and is internal"},
	{DocReport, "list report under internal", "the client report with the file's findings, open items and accepted warnings, which is internal"},
}

func (d *decoder) projectRules(p *Project, root *yaml.Node) {
	at := func(key string) *yaml.Node {
		for i := 0; i+1 < len(root.Content); i += 2 {
			if root.Content[i].Value == key {
				return root.Content[i+1]
			}
		}
		return root
	}
	for _, in := range internalOnly {
		if slices.Contains(p.Public.Documents, in.doc) {
			d.fail(at("public"), in.fix, "public lists %s, %s", in.doc, in.what)
		}
	}
	for _, doc := range p.Public.Documents {
		if slices.Contains(p.Internal.Documents, doc) {
			d.fail(at("internal"), fmt.Sprintf("remove %s from one of them", doc), "%s is listed under both public and internal", doc)
		}
	}
	if filepath.Clean(p.Public.Folder) == filepath.Clean(p.Internal.Folder) {
		d.fail(at("internal"), "give the internal output a folder of its own, such as internal", "public and internal share the folder %q", p.Public.Folder)
	}
}
