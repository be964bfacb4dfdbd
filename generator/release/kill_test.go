package release

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"

	"github.com/basis-privacy/basis/generator/check"
)

// killArchiveEnv is the archive a release run by TestKilledReleaseHelper
// writes into, killing itself before its final rename.
const killArchiveEnv = "BASIS_TEST_KILL_RELEASE"

// TestKilledReleaseHelper is not a test: TestKilledReleaseLeavesNothing
// runs it in a child process, which releases the bakery and kills itself
// (SIGKILL, so nothing is cleaned up) when the release is written but not
// yet renamed into place.
func TestKilledReleaseHelper(t *testing.T) {
	archive := os.Getenv(killArchiveEnv)
	if archive == "" {
		t.Skip("run by TestKilledReleaseLeavesNothing")
	}
	fault = func(step string) {
		if step == "rename" {
			_ = syscall.Kill(os.Getpid(), syscall.SIGKILL)
			select {} // the signal ends the process
		}
	}
	if _, err := Freeze(check.Company(bakery(t)).Results[0], options(archive, "")); err != nil {
		t.Fatal(err)
	}
}

// TestKilledReleaseLeavesNothing kills basis release right before the
// rename that puts the written release into place: the partial release
// folder it leaves is one git does not add (git add releases, as the
// README says, adds the archive's .gitignore only), is no release for
// Read, and the next release removes it.
func TestKilledReleaseLeavesNothing(t *testing.T) {
	root := t.TempDir()
	archive := filepath.Join(root, "releases")
	cmd := exec.Command(os.Args[0], "-test.run=^TestKilledReleaseHelper$", "-test.count=1")
	cmd.Env = append(os.Environ(), killArchiveEnv+"="+archive)
	out, err := cmd.CombinedOutput()
	var exit *exec.ExitError
	if !errors.As(err, &exit) {
		t.Fatalf("the release was not killed: %v\n%s", err, out)
	}
	c := bakery(t)
	left, _ := filepath.Glob(filepath.Join(archive, c.Slug, ".release-*"))
	if len(left) != 1 {
		t.Fatalf("the killed release left %v, want its staging folder", left)
	}
	if git, err := exec.LookPath("git"); err == nil {
		run := func(args ...string) string {
			cmd := exec.Command(git, args...)
			cmd.Dir = root
			cmd.Env = append(os.Environ(), "GIT_CONFIG_GLOBAL=/dev/null", "GIT_CONFIG_SYSTEM=/dev/null")
			out, err := cmd.CombinedOutput()
			if err != nil {
				t.Fatalf("git %v: %v\n%s", args, err, out)
			}
			return string(out)
		}
		run("init", "-q")
		run("add", "releases")
		if staged := run("ls-files", "--cached"); staged != "releases/.gitignore\n" {
			t.Errorf("git add releases commits the partial release:\n%s", staged)
		}
	}
	if vs, err := Read(archive, c.Slug); err != nil || len(vs) != 0 {
		t.Errorf("Read = %v, %v; want no release", vs, err)
	}
	if _, err := Freeze(check.Company(c).Results[0], options(archive, "")); err != nil {
		t.Fatal(err)
	}
	entries, _ := os.ReadDir(filepath.Join(archive, c.Slug))
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if strings.Join(names, " ") != "2026-11-01" {
		t.Errorf("after the next release the archive holds %v, want only 2026-11-01", names)
	}
	if b, err := os.ReadFile(filepath.Join(archive, IgnoreName)); err != nil || !strings.Contains(string(b), "\n.release-*/\n") {
		t.Errorf("the archive's .gitignore: %q, %v", b, err)
	}
}

// TestIgnoreStaging: the archive's .gitignore gets the rule for staging
// folders once, added after what a project wrote there itself; the
// repository's own archive has it.
func TestIgnoreStaging(t *testing.T) {
	if b, err := os.ReadFile(filepath.Join("..", "..", "releases", IgnoreName)); err != nil || string(b) != ignoreText {
		t.Errorf("releases/%s of the repository is not what basis release writes: %q, %v", IgnoreName, b, err)
	}
	for _, before := range []string{"", "notes.txt", "notes.txt\n", ignoreText} {
		dir := t.TempDir()
		p := filepath.Join(dir, IgnoreName)
		if before != "" {
			if err := os.WriteFile(p, []byte(before), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		for range 2 {
			if err := ignoreStaging(dir); err != nil {
				t.Fatal(err)
			}
		}
		b, _ := os.ReadFile(p)
		lines := strings.Split(string(b), "\n")
		if n := strings.Count(string(b), ignoreRule); n != 1 || !strings.HasPrefix(string(b), before) || !slices.Contains(lines, ignoreRule) {
			t.Errorf("after %q: %q", before, b)
		}
	}
}
