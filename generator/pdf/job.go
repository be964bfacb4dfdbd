package pdf

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
)

// Job is one document to print. NewJob makes one from a page.
type Job struct {
	HTML   string   // absolute path of the built .html file; must lie inside the printer's root
	Page   []byte   // the page's bytes, as in HTML; nil: the printer reads HTML
	Out    string   // absolute path of the PDF to write (its directory must exist)
	Title  string   // document title for the running footer and the PDF metadata, e.g. "Datenschutzhinweise – Bäckerei Schmidt GmbH"
	Lang   string   // BCP 47 language of the document (en, de, pl, vi); set on <html> if the document has none
	PageOf string   // footer phrase with the tokens {page} and {pages}, e.g. "Seite {page} von {pages}"
	Loads  []string // the files under the root the page loads, slash-separated (see Loads); the printer does not need them, keys of PDFs do
}

// langTag matches the shape of a BCP 47 tag; it does not check the registry.
var langTag = regexp.MustCompile(`^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$`)

// check reports the first thing wrong with job before any browser work.
func (j Job) check(r *root) error {
	if !filepath.IsAbs(j.HTML) {
		return fmt.Errorf("HTML path %q is not absolute", j.HTML)
	}
	if !filepath.IsAbs(j.Out) {
		return fmt.Errorf("output path %q is not absolute", j.Out)
	}
	if filepath.Clean(j.HTML) == filepath.Clean(j.Out) {
		return errors.New("output path is the HTML file")
	}
	if !r.allows(j.HTML) {
		return fmt.Errorf("%s: %w %s", j.HTML, ErrOutsideRoot, r.dir)
	}
	if fi, err := os.Stat(j.HTML); err != nil {
		return err
	} else if fi.IsDir() {
		return fmt.Errorf("%s is a directory", j.HTML)
	}
	if fi, err := os.Stat(filepath.Dir(j.Out)); err != nil {
		return fmt.Errorf("output directory: %w", err)
	} else if !fi.IsDir() {
		return fmt.Errorf("output directory %s is not a directory", filepath.Dir(j.Out))
	}
	if j.Lang != "" && !langTag.MatchString(j.Lang) {
		return fmt.Errorf("language %q is not a BCP 47 tag", j.Lang)
	}
	return nil
}

// checkAll checks every job and that no two write the same file.
func checkAll(jobs []Job, r *root) error {
	outs := make(map[string]bool, len(jobs))
	for _, j := range jobs {
		if err := j.check(r); err != nil {
			return fmt.Errorf("pdf: job %s: %w", j.HTML, err)
		}
		out := filepath.Clean(j.Out)
		if outs[out] {
			return fmt.Errorf("pdf: two jobs write %s", out)
		}
		outs[out] = true
	}
	return nil
}
