package cli

import (
	"fmt"
	"io/fs"

	"github.com/basis-privacy/basis/generator/check"
	"github.com/basis-privacy/basis/generator/locale"
	"github.com/basis-privacy/basis/generator/model"
	"github.com/basis-privacy/basis/generator/release"
	"github.com/basis-privacy/basis/generator/render"
)

// releaseDrift compares the privacy notice of each company checked in rep
// whose latest release (in releases/ next to content) has the company's
// effective date with that release, as build does: a notice whose text
// (release.TextHash) differs is the warning release.drift, once per
// language. Only those companies' notices are rendered.
func releaseDrift(content string, rep *check.Report, tmpl fs.FS, cat *locale.Catalog) ([]check.Finding, error) {
	archive := release.Folder(content)
	if !dirExists(archive) {
		return nil, nil
	}
	versions := map[string][]release.Version{}
	var due []*check.Result
	for _, res := range rep.Results {
		c := res.Company
		vs, err := release.Read(archive, c.Slug)
		if err != nil {
			return nil, err
		}
		if latest, ok := release.Latest(vs); ok && latest.Date.Equal(c.Effective) {
			versions[c.Slug] = vs
			due = append(due, res)
		}
	}
	if len(due) == 0 {
		return nil, nil
	}
	history := func(c *model.Company, lang string) *render.Versions {
		return release.History(versions[c.Slug], lang, c.Effective, false)
	}
	r, err := render.New(render.WithTemplates(tmpl), render.WithCatalog(cat), render.WithVersion(version()), render.WithHistory(history))
	if err != nil {
		return nil, err
	}
	var out []check.Finding
	for _, res := range due {
		c := res.Company
		latest, _ := release.Latest(versions[c.Slug])
		for _, lang := range c.Languages {
			d, ok := latest.Doc(lang)
			if !ok {
				continue
			}
			page, err := r.Privacy(res, lang)
			if err != nil {
				return nil, fmt.Errorf("%s (%s): %w", c.File, lang, err)
			}
			h, err := release.TextHash(page)
			if err != nil {
				return nil, fmt.Errorf("%s (%s): %w", c.File, lang, err)
			}
			if h != d.Text {
				out = append(out, check.ReleaseDrift(c, lang, latest.Name()))
			}
		}
	}
	return out, nil
}
