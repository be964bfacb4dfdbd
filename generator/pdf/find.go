package pdf

import (
	"os"
	"os/exec"
	"path/filepath"

	"github.com/go-rod/rod/lib/launcher"
)

// EnvBrowser is the environment variable that names the browser to use.
const EnvBrowser = "BASIS_CHROME"

// headlessShells are the names of Chromium's headless shell, the build
// without a browser's window and profile services, which FindBrowser
// prefers to a full Chrome or Chromium: it prints the same documents with
// less than half the CPU (the example site with its PDFs: 10.1 against
// 23.0 CPU seconds with Chromium 156 on Debian; README, Performance).
// Debian packages it as
// chromium-headless-shell; Google ships it as chrome-headless-shell.
var headlessShells = []string{"chromium-headless-shell", "chrome-headless-shell"}

// headlessShell returns the first of headlessShells on the search path.
func headlessShell() (string, bool) {
	for _, name := range headlessShells {
		if found, err := exec.LookPath(name); err == nil {
			return found, true
		}
	}
	return "", false
}

// FindBrowser returns the path of the Chrome or Chromium to use: flagPath if
// set, else $BASIS_CHROME if set, else a headless shell on the search path
// (headlessShells), else the first browser found in the usual places. It
// never downloads a browser; if none is usable it returns a
// *NoBrowserError.
func FindBrowser(flagPath string) (string, error) {
	if flagPath != "" {
		return checkBrowser(flagPath, "--chrome")
	}
	if env := os.Getenv(EnvBrowser); env != "" {
		return checkBrowser(env, EnvBrowser)
	}
	if found, ok := headlessShell(); ok {
		return checkBrowser(found, "the search path")
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
