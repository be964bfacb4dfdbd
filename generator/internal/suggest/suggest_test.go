package suggest

import "testing"

func TestClosest(t *testing.T) {
	for _, tc := range []struct{ s, want string }{
		{"objcted", "objected"}, {"Last-Purchase", "last_purchase"}, {"email", ""}, {"custmer", "customer"},
	} {
		if got := Closest(tc.s, []string{"objected", "last_purchase", "customer", "id"}); got != tc.want {
			t.Errorf("Closest(%q) = %q, want %q", tc.s, got, tc.want)
		}
	}
}
