package locale_test

import (
	"testing"

	"github.com/basis-privacy/basis/generator/locale"
	"github.com/basis-privacy/basis/locales"
)

// BenchmarkLoad measures loading the shipped messages, which every build
// and every command does.
func BenchmarkLoad(b *testing.B) {
	for b.Loop() {
		if _, err := locale.Load(locales.FS); err != nil {
			b.Fatal(err)
		}
	}
}
