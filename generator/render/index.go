package render

import "github.com/basis-privacy/basis/generator/model"

// Index renders the site's front page listing every company and document.
func (r *Renderer) Index(companies []*model.Company) ([]byte, error) {
	data := struct {
		Companies []*model.Company
		Languages []string
	}{companies, model.Languages}
	return r.execute("index.html", "en", &Page{Doc: "index", Lang: "en", Root: "", Generator: r.generator(), Data: data})
}
