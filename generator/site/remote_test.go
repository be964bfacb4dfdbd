package site

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestBuildRemoteBrowsers checks that a build given remote browsers looks
// for no local one and hands the addresses and the tabs to the printer, and that bad
// addresses, or both kinds of browser, fail before anything is written.
func TestBuildRemoteBrowsers(t *testing.T) {
	t.Parallel()
	fp := newFakePrinter()
	var got []string
	var gotTabs int
	fake := func(o *Options) {
		fp.use(o)
		o.find = func(string) (string, error) {
			t.Error("a build with remote browsers looked for a local one")
			return "", nil
		}
		start := o.printer
		o.printer = func(pf printerFor) (printer, error) {
			got, gotTabs = pf.remote, pf.tabs
			return start(pf)
		}
	}
	content := writeContent(t, map[string]string{"baeckerei-schmidt": example(t, "baeckerei-schmidt")})
	remote := []string{"ws://chrome-1:3000", "http://chrome-2:9222"}

	tests := []struct {
		name    string
		chrome  string
		remote  []string
		wantErr string
	}{
		{"pool", "", remote, ""},
		{"both kinds", "/usr/bin/chromium", remote, "pass --chrome or --browser, not both"},
		{"not an address", "", []string{"ws://chrome-1:3000", "chrome-2:9222"}, `remote browser: "chrome-2:9222" is not a DevTools address`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got = nil
			out := filepath.Join(t.TempDir(), "public")
			o := opts(content, out)
			o.PDF, o.Chrome, o.Browsers, o.Tabs = true, tt.chrome, tt.remote, 5
			fake(&o)
			_, err := Build(context.Background(), o)
			if tt.wantErr == "" {
				if err != nil {
					t.Fatal(err)
				}
				if !slices.Equal(got, remote) || gotTabs != 5 {
					t.Errorf("printer got remote browsers %v with %d tabs each, want %v with 5", got, gotTabs, remote)
				}
				if len(fp.take()) == 0 {
					t.Error("nothing printed")
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Fatalf("Build = %v, want %q", err, tt.wantErr)
			}
			if _, err := os.Stat(out); !os.IsNotExist(err) {
				t.Errorf("a failed build created %s", out)
			}
		})
	}
}
