package law

import "testing"

// TestWithLeavesTheDefaultAlone: a changed law is a copy; the default law,
// and any other copy, keep their rules even when the test that changed it
// fails half-way (law.With used to change a package map until restored).
func TestWithLeavesTheDefaultAlone(t *testing.T) {
	t.Parallel()
	changed := Default().With(PL, func(r *Rules) {
		r.Exception, r.NoException = Default().For(EU).Exception, ""
	})
	if !changed.HasException(PL) {
		t.Fatal("the copy has no exception for PL")
	}
	if Default().HasException(PL) || For(PL).Exception != nil {
		t.Fatal("the default law changed with its copy")
	}
	if changed.For(DE) != Default().For(DE) {
		t.Error("markets not edited are not shared")
	}
	again := changed.With(PL, func(r *Rules) { r.Exception = nil })
	if again.HasException(PL) || !changed.HasException(PL) {
		t.Error("a copy of a copy changed its original")
	}
}
