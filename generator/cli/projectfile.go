package cli

import (
	_ "embed"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"github.com/basis-privacy/basis/generator/load"
)

// starterProject is the project file `basis init` writes, with comments.
//
//go:embed project.yaml
var starterProject []byte

// readProject reads the project file in the working directory; a project
// without one gets the defaults.
func readProject() (*load.Project, error) {
	return load.ReadProject(load.ProjectFileName)
}

// folders are the output folders of a command, from its flags over the
// project file.
type folders struct {
	out, internal *string
	baseURL       *string
}

// outputFlags adds --out, --internal-out and --base-url to fset.
func outputFlags(fset *flag.FlagSet, outDoc string) folders {
	return folders{
		out:      fset.String("out", "public", outDoc+" (default: the project file's public.folder, else public)"),
		internal: fset.String("internal-out", "internal", "output folder of the internal documents, never to be published (default: the project file's internal.folder, else internal; beside --out when --out is given: internal, or internal-<name of --out>; --internal-out= puts them into --out)"),
		baseURL:  fset.String("base-url", "", "the address the public output is published at, such as https://example.com/privacy/ (default: the project file's base_url)"),
	}
}

// resolve sets the folders and the base URL not given as flags from the
// project file, and the project's base URL from the flag.
func (f folders) resolve(fset *flag.FlagSet, proj *load.Project) error {
	outGiven := flagSet(fset, "out")
	if !outGiven {
		*f.out = proj.Public.Folder
	}
	if !flagSet(fset, "internal-out") {
		*f.internal = proj.Internal.Folder
		if outGiven {
			*f.internal = internalBeside(*f.out)
		}
	}
	if flagSet(fset, "base-url") {
		base, err := checkBaseURL(*f.baseURL)
		if err != nil {
			return err
		}
		proj.BaseURL = base
	}
	*f.baseURL = proj.BaseURL
	return nil
}

// internalBeside is the internal output that goes with the output out:
// internal beside a folder named public, else internal-<name> beside it
// (so a glob of shard outputs, shard-*, never names an internal one).
func internalBeside(out string) string {
	out = filepath.Clean(out)
	if filepath.Base(out) == "public" {
		return filepath.Join(filepath.Dir(out), "internal")
	}
	return filepath.Join(filepath.Dir(out), "internal-"+filepath.Base(out))
}

// checkBaseURL checks an address given as --base-url and ends it in "/".
func checkBaseURL(s string) (string, error) {
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" || u.RawQuery != "" || u.Fragment != "" {
		return "", fmt.Errorf("--base-url %q is not a web address; write a full one, such as https://example.com/privacy/", s)
	}
	if !strings.HasSuffix(s, "/") {
		s += "/"
	}
	return s, nil
}

// writeProject writes basis.yaml and its schema under dir unless there is
// one already; it reports whether it wrote the file.
func writeProject(dir string) (bool, error) {
	p := filepath.Join(dir, load.ProjectFileName)
	f, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		return false, nil // kept: the project has its settings
	}
	if err != nil {
		return false, err
	}
	if _, err := f.Write(starterProject); err != nil {
		f.Close()
		return false, err
	}
	return true, f.Close()
}
