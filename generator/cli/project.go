package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

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
	msg := fmt.Sprintf("there is no folder %s here, so there is no company to read", e.Content)
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
