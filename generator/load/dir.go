package load

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"sort"
	"strings"
	"sync"

	"github.com/basis-privacy/basis/generator/model"
)

// FileName is the name of the company file inside each company folder.
const FileName = "company.yaml"

var slugPattern = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// Reserved lists the folder names the site uses for itself, which no company
// may take as its slug.
var Reserved = map[string]bool{"assets": true, "checklist": true}

// File reads and decodes one company file; the folder name is the slug.
// The company file and the files it names are read only from inside its
// folder (see ReadFile).
func File(path string, opts ...Option) (*model.Company, error) {
	f := &folder{dir: filepath.Dir(path)}
	defer f.close()
	data, err := f.read(filepath.Base(path))
	if err != nil {
		var fe *FileError
		if errors.As(err, &fe) && fe.Problem != Unreadable && fe.Problem != Missing {
			return nil, Errors{{Pos: model.Pos{File: path, Line: 1, Column: 1}, Msg: FileName + " " + fe.Message(), Hint: fe.Hint()}}
		}
		if errors.As(err, &fe) && fe.Err != nil {
			err = fe.Err
		}
		return nil, &ReadError{Path: path, Err: err}
	}
	c, err := parse(path, data, f, newOptions(opts))
	if err != nil {
		return nil, err
	}
	c.Slug = filepath.Base(filepath.Dir(path))
	if Reserved[c.Slug] {
		return nil, Errors{{Pos: model.Pos{File: path, Line: 1, Column: 1},
			Msg:  fmt.Sprintf("folder name %q is taken by the site itself", c.Slug),
			Hint: fmt.Sprintf("rename the folder, e.g. to %q", c.Slug+"-company")}}
	}
	if !slugPattern.MatchString(c.Slug) {
		return nil, Errors{{Pos: model.Pos{File: path, Line: 1, Column: 1},
			Msg:  fmt.Sprintf("folder name %q cannot be used in web addresses", c.Slug),
			Hint: fmt.Sprintf("rename the folder to lower-case letters, digits and hyphens, e.g. %q", strings.ReplaceAll(suggestID(c.Slug), "_", "-"))}}
	}
	return c, nil
}

// Folders lists the company files under dir (dir/<slug>/company.yaml),
// sorted. Folders starting with "." or "_" are left out; a folder without a
// company file, and a link to a folder (whose files would be read from
// elsewhere), are errors, returned as Errors along with the files found.
func Folders(dir string) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, &ReadError{Path: dir, Err: err}
	}
	var paths []string
	var errs Errors
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".") || strings.HasPrefix(e.Name(), "_") {
			continue
		}
		if e.Type()&fs.ModeSymlink != 0 {
			if st, err := os.Stat(filepath.Join(dir, e.Name())); err == nil && st.IsDir() {
				errs = append(errs, &Error{Pos: model.Pos{File: filepath.Join(dir, e.Name())},
					Msg: fmt.Sprintf("company folder %s is a link to another folder", filepath.Join(dir, e.Name())), Hint: "move the folder here instead of linking to it, or start its name with _ to leave it out"})
			}
			continue
		}
		if !e.IsDir() {
			continue
		}
		p := filepath.Join(dir, e.Name(), FileName)
		if _, err := os.Stat(p); errors.Is(err, fs.ErrNotExist) {
			errs = append(errs, &Error{Pos: model.Pos{File: p},
				Msg: fmt.Sprintf("folder %s has no %s", filepath.Join(dir, e.Name()), FileName), Hint: "add the company file, or start the folder name with _ to leave it out"})
			continue
		}
		paths = append(paths, p)
	}
	if len(errs) > 0 {
		return paths, errs
	}
	if len(paths) == 0 {
		return nil, Errors{{Pos: model.Pos{File: dir}, Msg: "no company folders found", Hint: "add " + filepath.Join(dir, "<slug>", FileName) + " describing the company (controller:, country:, languages:, ...); " + starterHint}}
	}
	return paths, nil
}

// Dir reads every company folder under dir (content/<slug>/company.yaml),
// in parallel, sorted by slug. Problems of all files are returned together
// as Errors, along with the companies read without a problem, so that
// one client's broken file does not hide the others (basis check).
func Dir(dir string, opts ...Option) ([]*model.Company, error) {
	paths, err := Folders(dir)
	var errs Errors
	if err != nil && !errors.As(err, &errs) {
		return nil, err
	}
	companies, err := Files(paths, opts...)
	var more Errors
	if err != nil && !errors.As(err, &more) {
		return nil, err
	}
	if errs = append(errs, more...); len(errs) > 0 {
		return companies, errs
	}
	return companies, nil
}

// Files reads the company files at paths in parallel, sorted by slug.
// Problems of all files are returned together as Errors, along with the
// companies read without a problem. A file that cannot be read at all
// (a *ReadError) is returned alone.
func Files(paths []string, opts ...Option) ([]*model.Company, error) {
	companies := make([]*model.Company, len(paths))
	fileErrs := make([]error, len(paths))
	var wg sync.WaitGroup
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	for i, p := range paths {
		wg.Go(func() {
			sem <- struct{}{}
			defer func() { <-sem }()
			companies[i], fileErrs[i] = File(p, opts...)
		})
	}
	wg.Wait()
	var out []*model.Company
	var errs Errors
	for i, err := range fileErrs {
		var es Errors
		switch {
		case err == nil:
			out = append(out, companies[i])
		case errors.As(err, &es):
			errs = append(errs, es...)
		default:
			return nil, err
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Slug < out[j].Slug })
	if len(errs) > 0 {
		return out, errs
	}
	return out, nil
}
