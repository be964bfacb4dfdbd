package site

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/basis-privacy/basis/generator/pdf/pdftest"
)

// TestBuildCancelledWhileConnecting cancels a build (Ctrl-C) while it
// connects to a remote browser that never answers, with the start timeout
// minutes away: the build returns at once and publishes nothing.
func TestBuildCancelledWhileConnecting(t *testing.T) {
	content := writeContent(t, map[string]string{"baeckerei-schmidt": example(t, "baeckerei-schmidt")})
	o := opts(content, filepath.Join(t.TempDir(), "public"))
	o.PDF, o.Browsers = true, []string{pdftest.Silent(t)}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done := make(chan error, 1)
	go func() {
		_, err := Build(ctx, o)
		done <- err
	}()
	time.Sleep(500 * time.Millisecond) // the HTML takes about that; cancelling earlier tests less, never fails
	cancel()
	const hangLimit = time.Minute // not a performance bound: the build ends at once
	select {
	case err := <-done:
		if !errors.Is(err, context.Canceled) {
			t.Errorf("Build = %v, want context.Canceled", err)
		}
	case <-time.After(hangLimit):
		t.Fatalf("the cancelled build still runs after %v", hangLimit)
	}
	if _, err := os.Stat(o.Out); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the cancelled build published %s", o.Out)
	}
}
