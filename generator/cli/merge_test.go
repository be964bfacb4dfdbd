package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestShardAndMerge builds two shards and merges them, with basis merge
// and with basis build --merge, into the site a full build makes.
func TestShardAndMerge(t *testing.T) {
	c := content(t, []string{"baeckerei-schmidt", "nowak-doradztwo", "sen-vang"}, nil)
	dir := t.TempDir()
	var shards []string
	for _, s := range []string{"0/2", "1/2"} {
		out := filepath.Join(dir, "shard-"+s[:1])
		if code, _, stderr := run(t, "build", "--no-pdf", "--cache=", "--content", c, "--out", out, "--shard", s); code != ExitOK {
			t.Fatalf("build --shard %s: %d %s", s, code, stderr)
		}
		shards = append(shards, out)
	}
	full := filepath.Join(dir, "full")
	if code, _, stderr := run(t, "build", "--no-pdf", "--cache=", "--content", c, "--out", full); code != ExitOK {
		t.Fatalf("build: %d %s", code, stderr)
	}
	want, _ := os.ReadFile(filepath.Join(full, "index.html"))
	for _, args := range [][]string{
		append([]string{"merge", "--out", filepath.Join(dir, "a")}, shards...),
		append([]string{"build", "--out", filepath.Join(dir, "b"), "--merge"}, shards...),
	} {
		code, stdout, stderr := run(t, args...)
		if code != ExitOK || !strings.Contains(stdout, "merged 2 shards") || !strings.Contains(stdout, "3 companies") {
			t.Fatalf("%v: %d %q %q", args, code, stdout, stderr)
		}
		got, err := os.ReadFile(filepath.Join(args[2], "index.html"))
		if err != nil || string(got) != string(want) {
			t.Errorf("%v: the merged index differs from the full build's (%v)", args, err)
		}
	}
}

func TestShardAndMergeUserErrors(t *testing.T) {
	c := content(t, []string{"sen-vang"}, nil)
	out := filepath.Join(t.TempDir(), "public")
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"build", "--content", c, "--out", out, "--shard", "2/2"}, "0 ≤ INDEX < COUNT"},
		{[]string{"merge", "--out", out}, "name the output folder of every shard"},
		{[]string{"merge", "--out", out, c}, "has no .basis-shard.json"},
	} {
		code, _, stderr := run(t, tc.args...)
		if code != ExitInput || !strings.Contains(stderr, tc.want) {
			t.Errorf("%v: exit %d, %q; want %d saying %q", tc.args, code, stderr, ExitInput, tc.want)
		}
		if _, err := os.Stat(out); err == nil {
			t.Errorf("%v: wrote %s", tc.args, out)
		}
	}
}

// TestMergeHelp checks that merge is one of the commands help knows.
func TestMergeHelp(t *testing.T) {
	for _, args := range [][]string{{"help", "merge"}, {"merge", "--help"}, {"help"}} {
		code, stdout, stderr := run(t, args...)
		if code != ExitOK || !strings.Contains(stdout, mergeUsage) {
			t.Errorf("%v: exit %d, %q %q; want the usage of merge", args, code, stdout, stderr)
		}
	}
	if code, _, stderr := run(t, "merg"); code != ExitInput || !strings.Contains(stderr, `did you mean "merge"`) {
		t.Errorf("merg: exit %d, %q; want merge suggested", code, stderr)
	}
}
