package pdf

import (
	"bufio"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"testing"
	"time"
)

// TestRemoveStaleProfiles plants browser folders as a killed run leaves
// them, and others that must stay: the sweep removes only folders of this
// user that no live process uses, and, if their maker is unknown, old ones.
func TestRemoveStaleProfiles(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("needs /proc to tell live processes")
	}
	tmp := t.TempDir()
	old := time.Now().Add(-time.Hour)
	cutoff := time.Now().Add(-staleAge)

	dead := exec.Command("true")
	if err := dead.Run(); err != nil {
		t.Fatal(err)
	}
	live := exec.Command("sleep", "1000")
	if err := live.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = live.Process.Kill(); _ = live.Wait() })

	plant := func(name, owner string, mtime time.Time) string {
		dir := filepath.Join(tmp, name)
		if err := os.MkdirAll(filepath.Join(dir, "profile"), 0o700); err != nil {
			t.Fatal(err)
		}
		if owner != "" {
			if err := os.WriteFile(filepath.Join(dir, ownerFile), []byte(owner), 0o600); err != nil {
				t.Fatal(err)
			}
		}
		if err := os.Chtimes(dir, mtime, mtime); err != nil {
			t.Fatal(err)
		}
		return dir
	}
	stale := plant("basis-chromium-1-profile", strconv.Itoa(dead.ProcessState.Pid()), old)
	noOwner := plant("basis-chromium-2-profile", "", old)
	young := plant("basis-chromium-3-profile", "", time.Now()) // maybe being made
	justKilled := plant("basis-chromium-8-profile", strconv.Itoa(dead.ProcessState.Pid()), time.Now())
	ownerLives := plant("basis-chromium-4-profile", strconv.Itoa(live.Process.Pid), old)
	named := plant("basis-chromium-5-profile", strconv.Itoa(dead.ProcessState.Pid()), old)
	other := plant("basis-chromium-6", "", old)
	link := filepath.Join(tmp, "basis-chromium-7-profile")
	if err := os.Symlink(other, link); err != nil {
		t.Fatal(err)
	}
	// A browser (here a shell) whose command line names its folder.
	user := exec.Command("sh", "-c", "echo ready; sleep 1000; :", named)
	ready, err := user.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := user.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = user.Process.Kill(); _ = user.Wait() })
	if _, err := bufio.NewReader(ready).ReadString('\n'); err != nil { // the shell runs: its command line is set
		t.Fatal(err)
	}

	// Another user's folders are never touched.
	if got := removeStaleProfiles(tmp, os.Getuid()+1, cutoff); len(got) != 0 {
		t.Errorf("removed another user's folders: %v", got)
	}
	got := removeStaleProfiles(tmp, os.Getuid(), cutoff)
	if want := []string{stale, noOwner, justKilled}; !slices.Equal(got, want) {
		t.Errorf("removed %v, want %v", got, want)
	}
	for _, dir := range []string{young, ownerLives, named, other, link} {
		if _, err := os.Lstat(dir); err != nil {
			t.Errorf("%s was removed: %v", filepath.Base(dir), err)
		}
	}
}
