// Package release keeps the published versions of each company's privacy
// notice in the repository, so that a site built from a fresh checkout still
// serves every earlier version exactly as it was published.
//
// The archive is a folder next to content/ (see Folder):
//
//	releases/<slug>/<effective date>/release.json
//	releases/<slug>/<effective date>/<lang>/privacy.html
//	releases/<slug>/<effective date>/<lang>/privacy.pdf   (when one was printed)
//
// Freeze renders the current notice of a company in each of its languages,
// as it will be served at <slug>/<lang>/versions/<date>/privacy.html, takes
// the PDF the last build printed from the same text, and writes them with a
// manifest (release.json: the effective date, and per language a hash of the
// notice's text and of each file). It never overwrites a release: a new
// version needs a new effective date. Read lists a company's releases and
// checks their files against the manifest; History is the list of versions
// a notice shows.
//
// Example:
//
//	c := companies[0]
//	res, err := release.Freeze(c, release.Options{
//		Archive: release.Folder("content"), Out: "public",
//		Templates: templates.FS, Locales: []fs.FS{locales.FS},
//	})
//	var exists *release.ExistsError
//	if errors.As(err, &exists) {
//		// change effective: in company.yaml first
//	}
package release
