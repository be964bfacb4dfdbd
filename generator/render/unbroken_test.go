package render

import "testing"

func TestUnbroken(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Nghị định số 91/2020/NĐ-CP về chống tin nhắn rác", `Nghị định số <span class="nobr">91/2020/NĐ-CP</span> về chống tin nhắn rác`},
		{"EuGH, Urt. v. 13.11.2025 – C-654/23", `EuGH, Urt. v. 13.11.2025 – <span class="nobr">C-654/23</span>`},
		{"§ 7 Abs. 3 UWG", "§ 7 Abs. 3 UWG"},
		{"a-<b> & c", `<span class="nobr">a-&lt;b&gt;</span> &amp; c`},
		{"", ""},
	}
	for _, tt := range tests {
		if got := string(unbroken(tt.in)); got != tt.want {
			t.Errorf("unbroken(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
