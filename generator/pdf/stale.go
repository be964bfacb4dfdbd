package pdf

import (
	"fmt"
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

var (
	sweepMu    sync.Mutex
	sweptBases = map[string]bool{}
)

// sweepStaleProfiles removes, once per process and folder, the browser
// folders that killed runs of this user left in the temporary folder and
// in the short folders profileFolder may use instead.
func sweepStaleProfiles(log func(msg string, args ...any)) {
	sweepMu.Lock()
	defer sweepMu.Unlock()
	for _, base := range append([]string{os.TempDir()}, shortTemps...) {
		if sweptBases[base] {
			continue
		}
		sweptBases[base] = true
		for _, dir := range removeStaleProfiles(base, os.Getuid(), time.Now().Add(-staleAge)) {
			log("pdf: removed a browser folder a killed run left", "dir", dir)
		}
	}
}

// Chromium listens on a Unix socket in its temporary folder, which Basis
// puts inside the browser's folder (see instance.start): TMPDIR, the
// folder's name, "/tmp" and Chromium's own names under it together must
// fit a socket's path (107 bytes on Linux, 103 on macOS). The folder is
// therefore made in the temporary folder only if that is short enough, and
// otherwise in the first of shortTemps that takes it.
const (
	maxSocketPath = 103                                                  // the smaller of Linux's and macOS's limit
	socketSuffix  = len("/org.chromium.Chromium.XXXXXX/SingletonSocket") // Chromium's, below its TMPDIR
	profileSuffix = len("/basis-chromium-4294967295-profile/tmp")        // Basis's, below the temporary folder
	maxTempDir    = maxSocketPath - socketSuffix - profileSuffix
)

// shortTemps are the folders tried, in order, when the temporary folder's
// path is longer than maxTempDir.
var shortTemps = []string{"/tmp", "/var/tmp", "/dev/shm"}

// profileFolder makes the browser's folder: in the temporary folder, or
// in a short one if that is too long for Chromium's socket.
func profileFolder() (string, error) {
	tmp := os.TempDir()
	if len(tmp) <= maxTempDir {
		return os.MkdirTemp(tmp, profilePattern) // the suffix keeps one name from prefixing another
	}
	for _, short := range shortTemps {
		if dir, err := os.MkdirTemp(short, profilePattern); err == nil {
			return dir, nil
		}
	}
	return "", fmt.Errorf("the temporary folder %s (%d bytes) is too long for the browser's socket path, and none of %v takes a folder: set TMPDIR to a folder of at most %d bytes",
		tmp, len(tmp), shortTemps, maxTempDir)
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
