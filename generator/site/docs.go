package site

import (
	"github.com/basis-privacy/basis/generator/check"
	"github.com/basis-privacy/basis/generator/load"
	"github.com/basis-privacy/basis/generator/locale"
	"github.com/basis-privacy/basis/generator/render"
)

// Audience says who a document is for, and so which output folder it goes
// to: what a company publishes, or what it keeps in-house.
type Audience int

const (
	Public   Audience = iota // published: the notices, field texts and their data
	Internal                 // kept in-house: pre-filled checklists and their data, the record of processing activities, the legitimate-interests assessments
)

// String names the audience as the project file does.
func (a Audience) String() string {
	if a == Internal {
		return "internal"
	}
	return "public"
}

// document is one entry of the registry of what a build renders per
// company and language. Its key is made from the inputs it declares: the
// company's files, the messages of its language, its template (with the
// shared ones) and the build's flags.
type document struct {
	group    string // the document it is part of, as the project file names it (load.DocPrivacy, ...)
	name     string // file name under <slug>/<lang>/
	kind     string // an HTML page of this kind, with a PDF and a Word document; "" for data
	template string // the template it reads; "" for none
	audience Audience
	render   func(in docInput) ([]byte, error)
	// from, if set, names the document (of the same company and
	// language, listed before) whose page this one is made from, by derive.
	from   string
	derive func(derived) ([]byte, error)
}

// docInput is what a document is rendered from: what the check decided
// about a company (the company with it), in a language.
type docInput struct {
	r    *render.Renderer
	res  *check.Result
	lang string
}

// documents is the registry of the files rendered per company and language.
var documents = []document{
	{group: load.DocPrivacy, name: "privacy.html", kind: "privacy", template: "privacy.html", audience: Public, render: func(in docInput) ([]byte, error) {
		return in.r.Privacy(in.res, in.lang)
	}},
	{group: load.DocChecklist, name: "checklist.html", kind: "checklist", template: "checklist.html", audience: Internal, render: func(in docInput) ([]byte, error) {
		return in.r.Checklist(in.res, in.lang)
	}},
	{group: load.DocFields, name: "fields.html", kind: "fields", template: "fields.html", audience: Public, render: func(in docInput) ([]byte, error) {
		return in.r.Fields(in.res, in.lang)
	}},
	{group: load.DocRecord, name: "record.html", kind: "record", template: "record.html", audience: Internal, render: func(in docInput) ([]byte, error) {
		return in.r.Record(in.res, in.lang)
	}},
	{group: load.DocAssessment, name: "assessment.html", kind: "assessment", template: "assessment.html", audience: Internal, render: func(in docInput) ([]byte, error) {
		return in.r.Assessment(in.res, in.lang)
	}},
	{group: load.DocPrivacy, name: "privacy.fragment.html", audience: Public, from: "privacy.html", derive: fragment},
	{group: load.DocPrivacy, name: "privacy.json", audience: Public, from: "privacy.html", derive: sectionsOf},
	{group: load.DocFields, name: "fields.json", audience: Public, render: func(in docInput) ([]byte, error) {
		return in.r.FieldsJSON(in.res, in.lang)
	}},
	{group: load.DocChecklist, name: "checklist.json", audience: Internal, render: func(in docInput) ([]byte, error) {
		return in.r.ChecklistJSON(in.res, in.lang)
	}},
	{group: load.DocReport, name: "report.html", kind: "report", template: "report.html", audience: Internal, render: func(in docInput) ([]byte, error) {
		return in.r.Report(in.res, in.lang)
	}},
}

// siteTemplates are the templates of the pages a build writes besides the
// company documents.
var siteTemplates = []string{"index.html"}

// documentTemplates names the template of each kind of output, each once:
// the documents' in registry order, then the site's.
func documentTemplates() []string {
	var out []string
	seen := map[string]bool{}
	for _, d := range documents {
		if d.template != "" && !seen[d.template] {
			seen[d.template] = true
			out = append(out, d.template)
		}
	}
	return append(out, siteTemplates...)
}

// key is the key of document d of the company whose folder has the key
// company, in lang.
func (d document) key(src *sources, company, lang, flags string) string {
	return newHasher(src.program, company, src.locales[lang], d.name, src.templates[d.template], flags).sum()
}

// doc is one HTML document that also gets a PDF.
type doc struct {
	rel   string // path of the .html under the output root
	title string // for the PDF footer
	lang  string
	page  string // the footer's page label in the company's wording; "" for the shared one
}

// docTitle is the title of a document for its PDF footer.
func docTitle(cat *locale.Catalog, kind, lang, company string) string {
	return titleIn(cat.For(lang), kind, company)
}

// titleIn is docTitle in the wording of p (a company's own, see
// render.Renderer.Printer).
func titleIn(p *locale.Printer, kind, company string) string {
	t := p.T("doc." + kind + ".title")
	if company == "" {
		return t
	}
	return t + " – " + company
}

// firmOf is the project's firm as the pages show it.
func firmOf(p *load.Project) render.Firm {
	return render.Firm{Name: p.Firm.Name, SignOff: p.Firm.SignOff, Disclaimer: p.Firm.Disclaimer}
}

// firmsDoc reports whether the pages of a kind of document are the firm's:
// the registry's internal documents wherever they are written, and the
// blank checklists where they are kept internal.
func firmsDoc(targets []*target) func(doc string) bool {
	return func(doc string) bool {
		for _, d := range documents {
			if d.kind == doc {
				return d.audience == Internal
			}
		}
		t := targetOf(targets, doc)
		return t.name != "" && !t.public
	}
}
