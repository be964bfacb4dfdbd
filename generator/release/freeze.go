package release

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/basis-privacy/basis/generator/check"
	"github.com/basis-privacy/basis/generator/locale"
	"github.com/basis-privacy/basis/generator/model"
	"github.com/basis-privacy/basis/generator/redline"
	"github.com/basis-privacy/basis/generator/render"
)

// Options configures Freeze.
type Options struct {
	Archive   string // the archive folder (see Folder)
	Out       string // the built site, whose PDFs are kept; empty keeps none
	Templates fs.FS
	Locales   []fs.FS
	Version   string // Basis's version, recorded in the manifest
}

// Result reports a release.
type Result struct {
	Version Version
	NoPDF   []string // languages released without a PDF: none printed from this text
}

// ExistsError reports a release whose effective date is already released.
type ExistsError struct {
	Company string
	Date    string
	Dir     string
	At      model.Pos // the effective: key
}

func (e *ExistsError) Error() string {
	return fmt.Sprintf("%s%s was already released on effective date %s (%s); a published version is never replaced: set effective: to the date the new version takes effect, then release again",
		at(e.At), e.Company, e.Date, e.Dir)
}

// at is the position prefix of a message, "file:line:column: ", if known.
func at(p model.Pos) string {
	if p.File == "" {
		return ""
	}
	return p.String() + ": "
}

// EarlierError reports a release dated before the company's latest release.
type EarlierError struct {
	Company, Date, Latest string
	At                    model.Pos
}

func (e *EarlierError) Error() string {
	return fmt.Sprintf("%seffective: %s is before %s's latest release, %s; set effective: to the date the new version takes effect",
		at(e.At), e.Date, e.Company, e.Latest)
}

// Freeze releases the current notice of the checked company c: it renders the notice in each of
// c's languages as it is served from versions/<effective>/, keeps the PDF
// the last build printed from the same text, and writes the release into
// the archive. It refuses an effective date that is already released or
// that is before the latest release, and then writes nothing.
func Freeze(checked *check.Result, opts Options) (*Result, error) {
	c := checked.Company
	versions, err := Check(c, opts.Archive)
	if err != nil {
		return nil, err
	}
	date := c.Effective.Format(time.DateOnly)
	dir := filepath.Join(opts.Archive, c.Slug, date)
	cat, err := locale.Load(opts.Locales...)
	if err != nil {
		return nil, err
	}
	history := func(_ *model.Company, lang string) *render.Versions {
		return History(versions, lang, c.Effective, true)
	}
	r, err := render.New(render.WithTemplates(opts.Templates), render.WithCatalog(cat),
		render.WithVersion(opts.Version), render.WithHistory(history),
		render.WithDocHistory(func(_ *model.Company, lang, kind string) *render.Versions {
			return DocHistory(versions, lang, kind, c.Effective, true)
		}))
	if err != nil {
		return nil, err
	}
	res := &Result{Version: Version{Date: c.Effective, Dir: dir,
		Manifest: Manifest{Company: c.Slug, Effective: date, Basis: opts.Version}}}
	files := map[string][]byte{}
	for _, lang := range c.Languages {
		d, err := freezeLang(r, checked, lang, opts.Out, files)
		if err != nil {
			return nil, err
		}
		if d.PDF == "" {
			res.NoPDF = append(res.NoPDF, lang)
		}
		res.Version.Manifest.Documents = append(res.Version.Manifest.Documents, d)
	}
	if err := write(dir, res.Version.Manifest, files); err != nil {
		return nil, err
	}
	return res, nil
}

// Check reports whether c can be released into archive: its effective date
// must be later than every release of c. It returns the releases of c.
func Check(c *model.Company, archive string) ([]Version, error) {
	versions, err := Read(archive, c.Slug)
	if err != nil {
		return nil, err
	}
	date := c.Effective.Format(time.DateOnly)
	dir := filepath.Join(archive, c.Slug, date)
	if _, err := os.Lstat(dir); err == nil {
		return nil, &ExistsError{Company: c.Slug, Date: date, Dir: dir, At: c.At.At("effective")}
	}
	if latest, ok := Latest(versions); ok && !latest.Date.Before(c.Effective) {
		if latest.Date.Equal(c.Effective) {
			return nil, &ExistsError{Company: c.Slug, Date: date, Dir: dir, At: c.At.At("effective")}
		}
		return nil, &EarlierError{Company: c.Slug, Date: date, Latest: latest.Name(), At: c.At.At("effective")}
	}
	return versions, nil
}

// freezeLang renders the notice in lang and finds its PDF, adding the files
// to files by their path in the release folder.
func freezeLang(r *render.Renderer, checked *check.Result, lang, out string, files map[string][]byte) (Document, error) {
	c := checked.Company
	page, err := r.Privacy(checked, lang)
	if err != nil {
		return Document{}, fmt.Errorf("%s (%s): %w", c.File, lang, err)
	}
	text, err := TextHash(page)
	if err != nil {
		return Document{}, fmt.Errorf("%s (%s): %w", c.File, lang, err)
	}
	page = relocate(page, c.Effective)
	d := Document{Lang: lang, Text: text, HTML: lang + "/privacy.html", HTMLSum: sumBytes(page)}
	files[d.HTML] = page
	if pdf := builtPDF(out, c.Slug, lang, text); pdf != nil {
		d.PDF, d.PDFSum = lang+"/privacy.pdf", sumBytes(pdf)
		files[d.PDF] = pdf
	}
	for _, kind := range InternalKinds {
		i, err := freezeInternal(r, checked, lang, kind, files)
		if err != nil {
			return Document{}, fmt.Errorf("%s (%s): %w", c.File, lang, err)
		}
		d.Internal = append(d.Internal, i)
	}
	return d, nil
}

// freezeInternal renders the internal document kind in lang, as it is
// kept at <slug>/<lang>/versions/<date>/<kind>.html in the internal
// output, and adds it to files.
func freezeInternal(r *render.Renderer, checked *check.Result, lang, kind string, files map[string][]byte) (Internal, error) {
	render := r.Record
	if kind == "assessment" {
		render = r.Assessment
	}
	page, err := render(checked, lang)
	if err != nil {
		return Internal{}, err
	}
	text, err := TextHash(page)
	if err != nil {
		return Internal{}, err
	}
	page = relocateDoc(page, checked.Company.Effective, kind)
	i := Internal{Kind: kind, Text: text, HTML: lang + "/" + kind + ".html", HTMLSum: sumBytes(page)}
	files[i.HTML] = page
	return i, nil
}

// TextHash is the hash of the text of a rendered notice (redline.Hash of
// its sections): the same for two renderings of the same text.
func TextHash(page []byte) (string, error) {
	s, err := redline.Sections(page)
	if err != nil {
		return "", err
	}
	return redline.Hash(s), nil
}

// builtPDF returns the PDF of the notice in the built site out, if there is
// one and it was printed from a page with the text text.
func builtPDF(out, slug, lang, text string) []byte {
	if out == "" {
		return nil
	}
	dir := filepath.Join(out, slug, lang)
	page, err := os.ReadFile(filepath.Join(dir, "privacy.html"))
	if err != nil {
		return nil
	}
	if h, err := TextHash(page); err != nil || h != text {
		return nil
	}
	pdf, err := os.ReadFile(filepath.Join(dir, "privacy.pdf"))
	if err != nil || !bytes.HasPrefix(pdf, []byte("%PDF-")) || !bytes.Contains(pdf[max(0, len(pdf)-1024):], []byte("%%EOF")) {
		return nil
	}
	return pdf
}

// write writes a release into a staging folder next to dir and renames it
// to dir, so that a failed release leaves nothing behind. A killed one
// (SIGKILL, a power cut) leaves its staging folder, which the archive's
// .gitignore keeps git from adding (git add releases), and which the next
// release of the company removes.
func write(dir string, m Manifest, files map[string][]byte) (err error) {
	tmp, unlock, err := stage(filepath.Dir(dir))
	if err != nil {
		return err
	}
	defer unlock.Close()
	defer func() {
		if err != nil {
			os.RemoveAll(tmp)
		}
	}()
	b, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return err
	}
	files[ManifestName] = append(b, '\n')
	for rel, data := range files {
		p := filepath.Join(tmp, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			return fmt.Errorf("write the release: %w", err)
		}
	}
	if err := os.Chmod(tmp, 0o755); err != nil {
		return err
	}
	if _, err := os.Lstat(dir); err == nil {
		return &ExistsError{Company: m.Company, Date: m.Effective, Dir: dir}
	} else if !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	if fault != nil {
		fault("rename")
	}
	return os.Rename(tmp, dir)
}

// stagePrefix begins the name of the folders releases are written in.
const stagePrefix = ".release-"

// IgnoreName is the file of the archive that keeps git from adding the
// staging folders of releases, and ignoreRule its rule for them.
const (
	IgnoreName = ".gitignore"
	ignoreRule = stagePrefix + "*/"
	ignoreText = "# basis release writes each release into a " + stagePrefix + "* folder first and then\n" +
		"# renames it; one left by a release that was killed is never committed, and the\n" +
		"# next release of the company removes it.\n" + ignoreRule + "\n"
)

// ignoreStaging makes the .gitignore of archive ignore the staging folders
// of releases: it writes the file, or adds the rule to one that lacks it.
// The rule is in place before a staging folder exists, so there is no
// moment in which a killed release leaves one that git would add.
func ignoreStaging(archive string) error {
	p := filepath.Join(archive, IgnoreName)
	b, err := os.ReadFile(p)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return os.WriteFile(p, []byte(ignoreText), 0o644)
	case err != nil:
		return err
	case slices.Contains(strings.Split(string(b), "\n"), ignoreRule):
		return nil
	}
	f, err := os.OpenFile(p, os.O_WRONLY|os.O_APPEND, 0)
	if err != nil {
		return err
	}
	text := ignoreText
	if len(b) > 0 && b[len(b)-1] != '\n' {
		text = "\n" + text
	}
	_, err = f.WriteString(text)
	return errors.Join(err, f.Close())
}

// stage creates a staging folder in parent (the company's folder of the
// archive), locked until unlock is closed, after making the archive's
// .gitignore ignore it (ignoreStaging). It first removes the staging
// folders of releases that were killed: those no running release holds.
// Removing them and creating and locking the new one is one step for other
// releases.
func stage(parent string) (tmp string, unlock io.Closer, err error) {
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return "", nil, fmt.Errorf("create the archive folder: %w", err)
	}
	if l, err := lockWait(parent); err == nil {
		defer l.Close()
		removeStale(parent)
	}
	if err := ignoreStaging(filepath.Dir(parent)); err != nil {
		return "", nil, fmt.Errorf("keep git from adding unfinished releases: %w", err)
	}
	tmp, err = os.MkdirTemp(parent, stagePrefix)
	if err != nil {
		return "", nil, fmt.Errorf("create the release folder: %w", err)
	}
	if unlock, err = lockWait(tmp); err != nil {
		os.RemoveAll(tmp)
		return "", nil, fmt.Errorf("create the release folder: %w", err)
	}
	return tmp, unlock, nil
}

// removeStale removes the staging folders in parent that no running
// release holds. It never fails a release: a folder it cannot remove is
// tried again by the next one.
func removeStale(parent string) {
	entries, err := os.ReadDir(parent)
	if err != nil {
		return
	}
	for _, e := range entries {
		if !e.IsDir() || !strings.HasPrefix(e.Name(), stagePrefix) {
			continue
		}
		p := filepath.Join(parent, e.Name())
		if l, ok := lockStale(p); ok {
			os.RemoveAll(p)
			l.Close()
		}
	}
}

// fault, when set (by tests), is called at each step of writing a release
// (only "rename" for now), to kill the process there.
var fault func(step string)
