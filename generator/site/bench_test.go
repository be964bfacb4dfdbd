package site

import (
	"testing"
)

// BenchmarkRebuildAfterEdit is the rebuild `basis watch` runs when a
// company file is saved: one company of two edited, HTML only, in the same
// process as the builds before it.
func BenchmarkRebuildAfterEdit(b *testing.B) {
	in := newIncremental(b)
	in.build()
	for i := 0; b.Loop(); i++ {
		in.edit("baeckerei-schmidt", renamed[i%2], renamed[(i+1)%2])
		if res := in.build(); res.Rendered == 0 {
			b.Fatalf("rebuild: %+v", res)
		}
	}
}
