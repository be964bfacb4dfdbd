package cli

import (
	"net/http"
	"net/http/httptest"
	"slices"
	"testing"

	"github.com/basis-privacy/basis/generator/serve"
)

// TestBindAddress: --bind gives the address to listen on and the names
// requests may use; every address (0.0.0.0, ::) adds no name.
func TestBindAddress(t *testing.T) {
	for _, tt := range []struct {
		bind     string
		port     int
		addr     string
		hosts    []string
		mistaken bool
	}{
		{"", 8080, "127.0.0.1:8080", nil, false},
		{"0.0.0.0:9000", 8080, "0.0.0.0:9000", nil, false},
		{"[::]:9000", 8080, "[::]:9000", nil, false},
		{"192.168.1.5:8080", 0, "192.168.1.5:8080", []string{"192.168.1.5"}, false},
		{"preview.lan", 8081, "preview.lan:8081", []string{"preview.lan"}, false},
		{"0.0.0.0:http", 8080, "", nil, true},
	} {
		addr, hosts, err := bindAddress(tt.bind, tt.port)
		if (err != nil) != tt.mistaken || addr != tt.addr || !slices.Equal(hosts, tt.hosts) {
			t.Errorf("bindAddress(%q, %d) = %q, %v, %v", tt.bind, tt.port, addr, hosts, err)
		}
	}
}

// TestHostsOnly: a preview on a LAN answers the names given and localhost,
// and refuses every other name (DNS rebinding).
func TestHostsOnly(t *testing.T) {
	h := serve.HostsOnly(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {}), "preview.lan", "192.168.1.5")
	for host, want := range map[string]int{
		"preview.lan:8080": 200, "PREVIEW.LAN": 200, "192.168.1.5:8080": 200, "localhost:8080": 200, "[::1]:8080": 200,
		"evil.example": 403, "preview.lan.evil.example": 403, "192.168.1.6:8080": 403,
	} {
		r := httptest.NewRequest("GET", "/", nil)
		r.Host = host
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		if w.Code != want {
			t.Errorf("Host %s: %d, want %d", host, w.Code, want)
		}
	}
}
