package pdf

import (
	"errors"
	"fmt"
)

// ErrClosed is returned by a Printer that has been closed.
var ErrClosed = errors.New("pdf: printer closed")

// ErrOutsideRoot is returned for a job whose HTML file lies outside the printer's root.
var ErrOutsideRoot = errors.New("file outside the printer's root")

// installHint tells how to get a browser; it ends every NoBrowserError message.
const installHint = "install one (Debian: apt-get install chromium-headless-shell, or chromium), or pass --chrome PATH or set " + EnvBrowser + ", or build with --no-pdf"

// NoBrowserError reports that no usable Chrome or Chromium was found.
type NoBrowserError struct {
	Path string // the browser path that was given but is unusable; empty if none was found at all
	From string // where Path came from: "--chrome", EnvBrowser or "WithBrowser"
	Err  error  // why Path is unusable, if Path is set
}

// Error returns one sentence that says how to install a browser.
func (e *NoBrowserError) Error() string {
	if e.Path == "" {
		return "no Chrome or Chromium found: " + installHint
	}
	return fmt.Sprintf("no usable Chrome or Chromium at %q (given by %s: %v): %s", e.Path, e.From, e.Err, installHint)
}

// Unwrap returns the reason the given path was unusable.
func (e *NoBrowserError) Unwrap() error { return e.Err }
