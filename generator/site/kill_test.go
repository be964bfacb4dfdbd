package site

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
)

// The environment of a build run by TestKilledBuildHelper in a child
// process of the test binary.
const (
	killAfterEnv = "BASIS_TEST_KILL_AFTER" // SIGKILL itself at this step on disk; 0 never
	killDirEnv   = "BASIS_TEST_KILL_DIRS"  // content, output and cache folders
)

// TestKilledBuildHelper is not a test: TestKilledBuildLeavesPreviousOrNewSite
// runs it in a child process, which builds and kills itself (SIGKILL, so
// nothing is cleaned up) at a given step, or prints how many steps the
// build took.
func TestKilledBuildHelper(t *testing.T) {
	after := os.Getenv(killAfterEnv)
	if after == "" {
		t.Skip("run by TestKilledBuildLeavesPreviousOrNewSite")
	}
	k, err := strconv.ParseInt(after, 10, 64)
	dirs := strings.Split(os.Getenv(killDirEnv), string(os.PathListSeparator))
	if err != nil || len(dirs) != 3 {
		t.Fatalf("bad %s or %s", killAfterEnv, killDirEnv)
	}
	var n atomic.Int64
	o := smallOpts(dirs[0], dirs[1], dirs[2])
	o.fault = func(string, string) error {
		if n.Add(1) == k {
			_ = syscall.Kill(os.Getpid(), syscall.SIGKILL)
			select {} // the signal ends the process
		}
		return nil
	}
	if _, err := Build(context.Background(), o); err != nil {
		t.Fatal(err)
	}
	fmt.Printf("steps=%d\n", n.Load())
}

// killedBuild runs the build of in in a child process killed at step k (0:
// not killed) and returns whether it was killed and how many steps an
// unkilled build took.
func killedBuild(t *testing.T, in *incremental, k int) (killed bool, steps int) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestKilledBuildHelper$", "-test.count=1")
	cmd.Env = append(os.Environ(), killAfterEnv+"="+strconv.Itoa(k),
		killDirEnv+"="+strings.Join([]string{in.content, in.o.Out, in.o.Cache}, string(os.PathListSeparator)))
	out, err := cmd.CombinedOutput()
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		if ws, ok := exit.Sys().(syscall.WaitStatus); ok && ws.Signaled() && ws.Signal() == syscall.SIGKILL {
			return true, 0
		}
	}
	if err != nil {
		t.Fatalf("child build: %v\n%s", err, out)
	}
	for line := range strings.SplitSeq(string(out), "\n") {
		if s, ok := strings.CutPrefix(line, "steps="); ok {
			steps, _ = strconv.Atoi(s)
		}
	}
	return false, steps
}

// TestKilledBuildLeavesPreviousOrNewSite kills a rebuild (SIGKILL) at every
// change it makes on disk, from creating its staging folder to writing the
// cache: the output folder is always the complete previous or the complete
// new site, and the next build succeeds, publishes the new site and leaves
// no staging folder behind. The rebuilds go back and forth between two
// versions of a company (an edit, then the edit undone), each killed at the
// next step, so no build is spent only on putting the site back.
//
// The site is two example companies with one document each (smallSite): a
// rebuild makes every kind of change on disk a larger site makes (the
// staging folder, the edited company's files written, the other's and the
// assets linked, the indexes, the marker, the swap, the removal of the
// previous site, the cache), only fewer of each.
func TestKilledBuildLeavesPreviousOrNewSite(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("runs about 150 builds")
	}
	in := smallSite(t)
	in.build()
	var sites [2]string // the site before and after the edit
	sites[0] = fmt.Sprint(tree(t, in.o.Out))
	in.edit("baeckerei-schmidt", renamed[0], renamed[1])
	sites[1] = fmt.Sprint(smallReference(t, in.content))
	var totals [2]int // steps of the rebuild to sites[1] and back to sites[0]
	_, totals[1] = killedBuild(t, in, 0)
	in.edit("baeckerei-schmidt", renamed[1], renamed[0])
	_, totals[0] = killedBuild(t, in, 0)
	if totals[0] < 20 || totals[1] < 20 {
		t.Fatalf("the rebuilds took only %v steps on disk", totals)
	}
	t.Logf("the rebuilds take %v steps on disk", totals)
	steps := max(totals[0], totals[1])
	var kills atomic.Int64
	// The steps in a few parts, each on a site of its own, side by side;
	// each part starts at sites[0] and goes back and forth.
	const parts = 3
	t.Run("parts", func(t *testing.T) {
		for part := range parts {
			t.Run(fmt.Sprint(part), func(t *testing.T) {
				t.Parallel()
				in := smallSite(t)
				in.build()
				to := 1
				for k := 1 + part; k <= steps; k += parts {
					in.edit("baeckerei-schmidt", renamed[1-to], renamed[to])
					killAt(t, in, min(k, totals[to]), sites[1-to], sites[to], &kills)
					to = 1 - to
				}
			})
		}
	})
	if kills.Load() < int64(steps)*2/3 {
		t.Errorf("only %d of %d builds were killed", kills.Load(), steps)
	}
}

// killAt kills the rebuild of in from the site prev to the site next at
// step k and checks the output, then that the next build publishes the new
// site and leaves nothing beside it.
func killAt(t *testing.T, in *incremental, k int, prev, next string, kills *atomic.Int64) {
	t.Helper()
	killed, _ := killedBuild(t, in, k)
	if killed {
		kills.Add(1)
	}
	switch got := fmt.Sprint(tree(t, in.o.Out)); {
	case got == prev:
	case got == next:
	default:
		t.Errorf("killed at step %d: the output is neither the previous nor the new site", k)
	}
	if res := in.build(); fmt.Sprint(tree(t, in.o.Out)) != next {
		t.Errorf("killed at step %d: the next build (%+v) did not publish the new site", k, res)
	}
	if l := leftovers(t, in.o); len(l) > 0 {
		t.Errorf("killed at step %d: the next build left %v beside the output", k, l)
	}
}
