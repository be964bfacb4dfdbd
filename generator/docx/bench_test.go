package docx

import (
	"os"
	"testing"
)

// BenchmarkConvert converts the Polish notice of the render golden files.
func BenchmarkConvert(b *testing.B) {
	page, err := os.ReadFile(renderedNotice)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(page)))
	for b.Loop() {
		if _, err := Convert(page); err != nil {
			b.Fatal(err)
		}
	}
}
