package release

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"time"
)

// ManifestName is the manifest of a release, in its folder.
const ManifestName = "release.json"

// Folder returns the archive that belongs to a content folder: releases/
// next to it.
func Folder(content string) string {
	return filepath.Join(filepath.Dir(filepath.Clean(content)), "releases")
}

// Manifest describes one release of a company's notice.
type Manifest struct {
	Company   string     `json:"company"`
	Effective string     `json:"effective"` // YYYY-MM-DD, also the folder's name
	Basis     string     `json:"basis,omitempty"`
	Documents []Document `json:"documents"`
}

// Document is the notice in one language within a release.
type Document struct {
	Lang    string `json:"lang"`
	Text    string `json:"text_sha256"` // redline.Hash of the notice's sections
	HTML    string `json:"html"`        // path in the release folder
	HTMLSum string `json:"html_sha256"`
	PDF     string `json:"pdf,omitempty"`
	PDFSum  string `json:"pdf_sha256,omitempty"`
	// Internal are the internal documents released with the notice in the
	// same language (the record of processing activities, the
	// legitimate-interests assessment), which the internal output keeps
	// and redlines like the notice. A release made before Basis froze
	// them has none.
	Internal []Internal `json:"internal,omitempty"`
}

// Internal is an internal document within a release: its kind (see
// InternalKinds) and its page, by path and hashes as for the notice.
type Internal struct {
	Kind    string `json:"kind"`
	Text    string `json:"text_sha256"`
	HTML    string `json:"html"`
	HTMLSum string `json:"html_sha256"`
}

// InternalKinds are the internal documents a release freezes, by the name
// of their page (record.html, assessment.html).
var InternalKinds = []string{"record", "assessment"}

// InternalDoc returns the internal document of kind of d, as a Document
// whose page Version.Page reads and checks.
func (d Document) InternalDoc(kind string) (Document, bool) {
	for _, i := range d.Internal {
		if i.Kind == kind {
			return Document{Lang: d.Lang, Text: i.Text, HTML: i.HTML, HTMLSum: i.HTMLSum}, true
		}
	}
	return Document{}, false
}

// Version is one release read from the archive.
type Version struct {
	Date     time.Time
	Dir      string // the release folder
	Manifest Manifest
}

// Name is the release's effective date, YYYY-MM-DD: its folder and URL.
func (v Version) Name() string { return v.Date.Format(time.DateOnly) }

// Doc returns the document of the release in lang.
func (v Version) Doc(lang string) (Document, bool) {
	for _, d := range v.Manifest.Documents {
		if d.Lang == lang {
			return d, true
		}
	}
	return Document{}, false
}

// File reads a file of the release (a path from its manifest) and checks it
// against the manifest's sum, so that what is served is what was released.
func (v Version) File(rel, sum string) ([]byte, error) {
	p := v.path(rel)
	if !filepath.IsLocal(filepath.FromSlash(rel)) {
		return nil, &ArchiveError{Path: filepath.Join(v.Dir, ManifestName), Problem: fmt.Sprintf("names %q, a file outside its release folder; restore release.json from version control", rel)}
	}
	b, err := os.ReadFile(p)
	if err != nil {
		return nil, &ArchiveError{Path: p, Problem: "cannot be read (" + unwrapPath(err) + "); restore it from version control"}
	}
	if sumBytes(b) != sum {
		return nil, &ArchiveError{Path: p, Problem: "was changed after it was released (its SHA-256 differs from release.json); restore it from version control: a published version is never edited"}
	}
	return b, nil
}

// path is the file rel (a path from the manifest) of the release.
func (v Version) path(rel string) string { return filepath.Join(v.Dir, filepath.FromSlash(rel)) }

// ArchiveError is a problem with a file of the archive.
type ArchiveError struct {
	Path    string
	Problem string // what is wrong; how to fix it
}

func (e *ArchiveError) Error() string { return e.Path + ": " + e.Problem }

// Read returns the releases of the company slug, oldest first; none when
// the company has no folder in the archive.
func Read(archive, slug string) ([]Version, error) {
	dir := filepath.Join(archive, slug)
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read the releases of %s: %w", slug, err)
	}
	var out []Version
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".") || !e.IsDir() {
			continue
		}
		v, err := readVersion(filepath.Join(dir, e.Name()), slug)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	slices.SortFunc(out, func(a, b Version) int { return a.Date.Compare(b.Date) })
	return out, nil
}

func readVersion(dir, slug string) (Version, error) {
	name := filepath.Base(dir)
	date, err := time.Parse(time.DateOnly, name)
	if err != nil {
		return Version{}, &ArchiveError{Path: dir, Problem: "is not a release: a release folder is named for its effective date (YYYY-MM-DD); move it out of the archive"}
	}
	mp := filepath.Join(dir, ManifestName)
	b, err := os.ReadFile(mp)
	if err != nil {
		return Version{}, &ArchiveError{Path: mp, Problem: "cannot be read (" + unwrapPath(err) + "); restore it from version control, or remove the folder and release again"}
	}
	v := Version{Date: date, Dir: dir}
	if err := json.Unmarshal(b, &v.Manifest); err != nil {
		return Version{}, &ArchiveError{Path: mp, Problem: fmt.Sprintf("is not a release manifest (%v); restore it from version control", err)}
	}
	switch {
	case v.Manifest.Effective != name:
		return Version{}, &ArchiveError{Path: mp, Problem: fmt.Sprintf("says effective %q but its folder is %s; restore it from version control", v.Manifest.Effective, name)}
	case v.Manifest.Company != slug:
		return Version{}, &ArchiveError{Path: mp, Problem: fmt.Sprintf("is a release of %q, not of %q; move it to the folder of its company", v.Manifest.Company, slug)}
	}
	for _, d := range v.Manifest.Documents {
		if d.HTML == "" || d.HTMLSum == "" || d.Text == "" {
			return Version{}, &ArchiveError{Path: mp, Problem: fmt.Sprintf("lacks the html, html_sha256 or text_sha256 of language %q; restore it from version control", d.Lang)}
		}
	}
	return v, nil
}

// Latest returns the newest of versions, if any.
func Latest(versions []Version) (Version, bool) {
	if len(versions) == 0 {
		return Version{}, false
	}
	return versions[len(versions)-1], true
}

// Previous returns the newest version before v that has lang.
func Previous(versions []Version, v Version, lang string) (Version, bool) {
	for i := len(versions) - 1; i >= 0; i-- {
		p := versions[i]
		if p.Date.Before(v.Date) {
			if _, ok := p.Doc(lang); ok {
				return p, true
			}
		}
	}
	return Version{}, false
}

// URL is where a file of a release is published, under the site root.
func URL(slug, lang string, date time.Time, file string) string {
	return path.Join(slug, lang, "versions", date.Format(time.DateOnly), file)
}

func sumBytes(b []byte) string {
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}

// unwrapPath drops the path from a *fs.PathError, which the caller names.
func unwrapPath(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}
