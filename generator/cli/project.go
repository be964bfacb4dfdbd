package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/basis-privacy/basis/generator/load"
)

// NoContentError reports that the content folder does not exist: basis was
// run outside a project, or inside one of its folders. It says how to start
// a project or where to point --content.
type NoContentError struct {
	Content string // the folder given (--content, default content)
	// Here is what the working folder is when it is part of a project:
	// "company" (it holds company.yaml) or "content" (its folders do).
	Here string
}

func (e *NoContentError) Error() string {
	msg := fmt.Sprintf("there is no folder %s, so there is no company to read", e.Content)
	switch e.Here {
	case "company":
		return msg + "; this is a company folder (it holds " + load.FileName + "): run basis in the project folder two levels up (cd ../..), or give --content .. to read this company and those beside it"
	case "content":
		return msg + "; this is the content folder (its folders hold " + load.FileName + "): run basis in the folder above it (cd ..), or give --content ."
	}
	return msg + "; start a project here with basis init (it writes content/my-company/company.yaml to fill in), or give --content the folder that holds the company folders (<folder>/<slug>/" + load.FileName + ")"
}

// contentMissing returns a *NoContentError when the content folder dir does
// not exist, nil otherwise (other problems are the loader's to report).
func contentMissing(dir string) error {
	if _, err := os.Stat(dir); !errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	e := &NoContentError{Content: dir}
	if !filepath.IsAbs(dir) {
		if st, err := os.Stat(load.FileName); err == nil && st.Mode().IsRegular() {
			e.Here = "company"
		} else if paths, _ := load.Folders("."); len(paths) > 0 {
			e.Here = "content"
		}
	}
	return e
}

// OtherContentError reports a company named by a path outside the content
// folder: the slug alone would name another company, or none.
type OtherContentError struct {
	Arg     string // as given
	Content string // the content folder (--content)
	Parent  string // the folder the named company folder is in
}

func (e *OtherContentError) Error() string {
	return fmt.Sprintf("%s is not a company folder in %s; give --content %s to read the companies there", e.Arg, e.Content, e.Parent)
}

// companyNames returns the company names (slugs) args give: a name, or a
// path to a company folder or its company.yaml in the content folder, as
// a shell completes it (content/acme/company.yaml, content/acme/).
func companyNames(content string, args []string) ([]string, error) {
	out := make([]string, 0, len(args))
	for _, a := range args {
		if !strings.ContainsRune(a, filepath.Separator) && !strings.ContainsRune(a, '/') && a != load.FileName {
			out = append(out, a)
			continue
		}
		folder := filepath.Clean(a)
		if filepath.Base(folder) == load.FileName {
			folder = filepath.Dir(folder)
		}
		parent := filepath.Dir(folder)
		if !sameFolder(parent, content) {
			return nil, &OtherContentError{Arg: a, Content: content, Parent: parent}
		}
		out = append(out, filepath.Base(folder))
	}
	return out, nil
}

// sameFolder reports whether the paths a and b name the same folder.
func sameFolder(a, b string) bool {
	sa, errA := os.Stat(a)
	sb, errB := os.Stat(b)
	if errA != nil || errB != nil {
		return filepath.Clean(a) == filepath.Clean(b)
	}
	return os.SameFile(sa, sb)
}
