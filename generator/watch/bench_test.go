package watch

import (
	"fmt"
	"path/filepath"
	"testing"
)

// BenchmarkBurst measures folding a burst of 1000 events (a checkout or a
// generator rewriting 1000 company files) into one batch.
func BenchmarkBurst(b *testing.B) {
	root := b.TempDir()
	src, clk := newFakeSource(), newFakeClock()
	w, err := New(WithRoots(root), WithSource(src), WithClock(clk))
	if err != nil {
		b.Fatal(err)
	}
	defer w.Close()
	events := make([]Event, 1000)
	for i := range events {
		events[i] = Event{Path: filepath.Join(root, fmt.Sprintf("co-%05d", i), "company.yaml"), Op: Write}
	}
	for b.Loop() {
		for _, ev := range events {
			src.events <- ev
			<-clk.resets
		}
		clk.advance(DefaultQuiet)
		if batch := <-w.Batches(); len(batch) != len(events) {
			b.Fatalf("batch of %d", len(batch))
		}
	}
}
