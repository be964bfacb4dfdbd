package pdf

import (
	"os"
	"os/exec"
	"path/filepath"

	"github.com/go-rod/rod/lib/launcher"
)

// EnvBrowser is the environment variable that names the browser to use.
const EnvBrowser = "BASIS_CHROME"

// FindBrowser returns the path of the Chrome or Chromium to use: flagPath if
// set, else $BASIS_CHROME if set, else the first browser found in the usual
// places. It never downloads a browser; if none is usable it returns a
// *NoBrowserError.
func FindBrowser(flagPath string) (string, error) {
	if flagPath != "" {
		return checkBrowser(flagPath, "--chrome")
	}
	if env := os.Getenv(EnvBrowser); env != "" {
		return checkBrowser(env, EnvBrowser)
	}
	if found, ok := launcher.LookPath(); ok {
		return checkBrowser(found, "the search path")
	}
	return "", &NoBrowserError{}
}

// checkBrowser resolves path to an absolute executable.
func checkBrowser(path, from string) (string, error) {
	found, err := exec.LookPath(path)
	if err != nil {
		return "", &NoBrowserError{Path: path, From: from, Err: err}
	}
	abs, err := filepath.Abs(found)
	if err != nil {
		return "", &NoBrowserError{Path: path, From: from, Err: err}
	}
	return abs, nil
}
