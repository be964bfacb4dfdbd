package law

import (
	"slices"
	"testing"
)

// TestRequestPeriods: Vietnam's periods are complete, each longer where a
// processor or third party must act, cited by a known reference, and, while
// unverified, say what they rest on; the GDPR's month is not encoded here.
func TestRequestPeriods(t *testing.T) {
	rp, ok := RequestsOf(PDPL)
	if !ok {
		t.Fatal("no periods for Law No. 91/2025/QH15")
	}
	if rp.ReplyWorkingDays != 2 {
		t.Errorf("reply within %d working days, want 2 (Decree 356/2025 Art. 5)", rp.ReplyWorkingDays)
	}
	for _, p := range [][3]int{{rp.Stop, rp.StopVia, rp.StopExtension}, {rp.Access, rp.AccessVia, rp.AccessExtension}, {rp.Erase, rp.EraseVia, rp.EraseExtension}} {
		if p[0] <= 0 || p[1] <= p[0] || p[2] <= 0 {
			t.Errorf("incomplete periods %v", p)
		}
	}
	if len(rp.Refs) == 0 {
		t.Error("no provision cited")
	}
	for _, r := range rp.Refs {
		if !slices.Contains(Refs, r) {
			t.Errorf("unknown ref %s", r)
		}
	}
	if !rp.Verified && len(rp.Sources) == 0 {
		t.Error("unverified periods name no source they rest on")
	}
	if _, ok := RequestsOf(GDPR); ok {
		t.Error("the GDPR's periods are worded in the notice, not encoded")
	}
}
