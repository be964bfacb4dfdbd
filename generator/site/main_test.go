package site

import (
	"os"
	"testing"
)

// TestMain removes, after the tests, the example site they share
// (buildExamples).
func TestMain(m *testing.M) {
	code := m.Run()
	if exampleSite.dir != "" {
		os.RemoveAll(exampleSite.dir)
	}
	os.Exit(code)
}
