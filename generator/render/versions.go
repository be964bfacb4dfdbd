package render

import (
	"path"
	"time"

	"github.com/basis-privacy/basis/generator/model"
	"github.com/basis-privacy/basis/generator/redline"
)

// Versions is what a privacy notice says about its versions: the list of
// every published version with a link to each and to what changed in it.
// Links are relative to the notice's folder (<slug>/<lang>/).
type Versions struct {
	Effective time.Time // the version of this page
	Archived  bool      // this page is the copy kept in versions/<date>/
	Current   string    // link to the current notice, on an archived page
	Entries   []Version // newest first
}

// Version is one entry of the list of versions.
type Version struct {
	Date    time.Time
	Href    string // the page of that version; empty when there is none yet
	Changes string // its "What changed" page; empty for the first version
	Here    bool   // the version of this page
}

// History returns the versions a notice of c in lang shows, or nil.
type History func(c *model.Company, lang string) *Versions

// WithHistory sets where notices find their versions. Without it a notice
// shows no list of versions.
func WithHistory(h History) Option { return func(c *config) { c.history = h } }

// DocHistory returns the versions the internal document kind (record,
// assessment) of c in lang shows, or nil.
type DocHistory func(c *model.Company, lang, kind string) *Versions

// WithDocHistory sets where the record and the assessment find their
// released versions. Without it they list none.
func WithDocHistory(h DocHistory) Option { return func(c *config) { c.docHist = h } }

// ChangesData is the view of a "What changed" page.
type ChangesData struct {
	Date     time.Time // the later version
	Previous time.Time // the earlier version
	Here     string    // link to the later version's page
	Before   string    // link to the earlier version's page
	Redline  *redline.Redline
	// Kind is the internal document compared (record, assessment), which
	// lives at versions/<date>/<kind>-changes.html; "" for the notice.
	Kind string
	// Title is the title of the document Kind, set by Changes.
	Title string
}

// Changes renders the "What changed" page of c in lang, which lives at
// <slug>/<lang>/versions/<date>/changes.html.
func (r *Renderer) Changes(c *model.Company, lang string, d *ChangesData) ([]byte, error) {
	dir := "versions/" + d.Date.Format(time.DateOnly) + "/"
	p := &Page{Doc: "changes", Lang: lang, Root: "../../../../", Generator: r.generator(), Company: c, Data: d,
		Home: "../../../../" + IndexFile(lang)}
	name, of := "changes.html", "privacy"
	if d.Kind != "" {
		name, of = d.Kind+"-changes.html", d.Kind
		pr := r.printer(c, lang)
		d.Title = pr.T("doc." + d.Kind + ".title")
		p.Firm = r.firmOn(d.Kind, lang)
		p.Title = pr.T("doc.changes.title.of", "Title", d.Title) + " – " + c.Controller.Name
		if err := pr.Err(); err != nil {
			return nil, err
		}
	}
	if c.Logo != "" {
		p.Logo = "../../../logo" + path.Ext(c.Logo)
	}
	for _, l := range c.Languages {
		p.Langs = append(p.Langs, Link{Href: "../../../" + l + "/" + dir + name, Label: l, Lang: l, Here: l == lang})
	}
	for _, doc := range r.docsOf(of) {
		p.Docs = append(p.Docs, Link{Href: "../../" + doc + ".html", Label: doc, Lang: lang})
	}
	return r.execute("changes.html", lang, p)
}
