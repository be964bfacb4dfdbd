package pdf

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Every browser gets a temporary folder named like profilePattern (its
// profile, its temporary files), which Close removes. A program killed with
// SIGKILL cannot remove it; the next program to start a browser does, once
// no live process uses it. A folder that does not name the process that
// made it (it is being made, or an older version made it) must also be
// staleAge old.
const (
	profilePattern = "basis-chromium-*-profile"
	ownerFile      = "basis-owner" // in the folder: the id of the process that made it
	staleAge       = 10 * time.Minute
)

var sweepOnce sync.Once

// sweepStaleProfiles removes, once per process, the browser folders that
// killed runs of this user left in the temporary directory.
func sweepStaleProfiles(log func(msg string, args ...any)) {
	sweepOnce.Do(func() {
		for _, dir := range removeStaleProfiles(os.TempDir(), os.Getuid(), time.Now().Add(-staleAge)) {
			log("pdf: removed a browser folder a killed run left", "dir", dir)
		}
	})
}

// removeStaleProfiles removes the folders in tmp named like profilePattern
// that belong to uid and that no live process uses: neither the process
// that made them nor any whose command line names them (a browser, its
// crash handler). A folder without the name of its maker must also have
// been last changed before cutoff. It returns the folders removed. Without
// a process list (not Linux) it removes nothing.
func removeStaleProfiles(tmp string, uid int, cutoff time.Time) []string {
	if !canListProcesses {
		return nil
	}
	entries, err := os.ReadDir(tmp)
	if err != nil {
		return nil
	}
	var removed []string
	for _, e := range entries {
		if ok, _ := filepath.Match(profilePattern, e.Name()); !ok {
			continue
		}
		dir := filepath.Join(tmp, e.Name())
		st, err := os.Lstat(dir)
		if err != nil || !st.IsDir() {
			continue
		}
		if owner, ok := fileOwner(st); !ok || owner != uid {
			continue
		}
		if maker, known := profileMaker(dir); (known && running(maker)) || (!known && st.ModTime().After(cutoff)) {
			continue
		}
		if len(namedBy(dir)) > 0 {
			continue
		}
		if os.RemoveAll(dir) == nil {
			removed = append(removed, dir)
		}
	}
	return removed
}

// profileMaker returns the id of the process that made dir, if recorded.
func profileMaker(dir string) (pid int, known bool) {
	b, err := os.ReadFile(filepath.Join(dir, ownerFile))
	if err != nil {
		return 0, false
	}
	pid, err = strconv.Atoi(strings.TrimSpace(string(b)))
	return pid, err == nil && pid > 0
}

// markOwner records in dir that this process made it.
func markOwner(dir string) error {
	return os.WriteFile(filepath.Join(dir, ownerFile), []byte(strconv.Itoa(os.Getpid())), 0o600)
}
