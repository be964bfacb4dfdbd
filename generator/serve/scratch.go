package serve

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// makeScratch makes a server's scratch folder: in the temporary folder when
// parent is "", else in parent, named after this process, after removing
// the folders there of processes that no longer run.
func makeScratch(parent string) (string, error) {
	if parent == "" {
		return os.MkdirTemp("", "basis-serve-pdf-")
	}
	if err := os.MkdirAll(parent, 0o700); err != nil {
		return "", err
	}
	removeDeadScratch(parent)
	return os.MkdirTemp(parent, strconv.Itoa(os.Getpid())+"-")
}

// removeDeadScratch removes the folders in parent named <pid>-* whose
// process no longer runs. A folder whose process may run is kept.
func removeDeadScratch(parent string) {
	entries, err := os.ReadDir(parent)
	if err != nil {
		return
	}
	for _, e := range entries {
		name, _, ok := strings.Cut(e.Name(), "-")
		pid, err := strconv.Atoi(name)
		if !ok || err != nil || !e.IsDir() || processRuns(pid) {
			continue
		}
		_ = os.RemoveAll(filepath.Join(parent, e.Name()))
	}
}
