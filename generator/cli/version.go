package cli

import (
	"fmt"
	"runtime/debug"
)

// version is the version of this binary, for `basis version` and the
// build's cache key: Version when set at link time, else the module
// version from the build info (v1.2.3 from go install ...@v1.2.3, a
// pseudo-version from a checkout), else the source revision, else "devel".
func version() string {
	if Version != "" {
		return Version
	}
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return "devel"
	}
	return versionOf(bi)
}

func versionOf(bi *debug.BuildInfo) string {
	if v := bi.Main.Version; v != "" && v != "(devel)" {
		return v
	}
	if rev, modified := revision(bi); rev != "" {
		if modified {
			rev += "-modified"
		}
		return "rev-" + rev
	}
	return "devel"
}

// revision returns the VCS revision (12 digits) the binary was built from.
func revision(bi *debug.BuildInfo) (string, bool) {
	var rev string
	var modified bool
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			modified = s.Value == "true"
		}
	}
	if len(rev) > 12 {
		rev = rev[:12]
	}
	return rev, modified
}

// versionLine is what `basis version` prints: the version, and the source
// revision and Go version when the build info has them.
func versionLine() string {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return "basis " + version()
	}
	return versionLineOf(version(), bi)
}

func versionLineOf(v string, bi *debug.BuildInfo) string {
	line := "basis " + v
	if rev, modified := revision(bi); rev != "" {
		line += " (revision " + rev
		if modified {
			line += ", modified"
		}
		line += ")"
	}
	return fmt.Sprintf("%s, %s", line, bi.GoVersion)
}
