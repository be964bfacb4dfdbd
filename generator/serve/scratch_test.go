package serve

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestScratchOfDeadServersIsRemoved plants the scratch folder a killed
// server left, and one of a live server: the next server removes only the
// first, and its own at Close.
func TestScratchOfDeadServersIsRemoved(t *testing.T) {
	ts := newTestSite(t)
	scratch := t.TempDir()
	dead := exec.Command("true")
	if err := dead.Run(); err != nil {
		t.Fatal(err)
	}
	deadDir := fmt.Sprintf("%d-killed", dead.ProcessState.Pid())
	liveDir := fmt.Sprintf("%d-live", os.Getpid())
	for _, d := range []string{deadDir, liveDir, "notes"} {
		if err := os.MkdirAll(filepath.Join(scratch, d, "sen-vang"), 0o700); err != nil {
			t.Fatal(err)
		}
	}
	srv, err := New(WithRoot(ts.out), WithBuild(ts.build), WithScratch(scratch),
		WithPrinter(func(string) (Printer, error) { return &fakePrinter{}, nil }))
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	if _, err := srv.Rebuild(context.Background()); err != nil {
		t.Fatal(err)
	}
	rec := httptest.NewRecorder()
	srv.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/sen-vang/en/privacy.pdf", nil))
	if rec.Code != http.StatusOK {
		t.Fatalf("GET: %d %s", rec.Code, rec.Body)
	}
	names := func() []string {
		entries, err := os.ReadDir(scratch)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, e := range entries {
			out = append(out, e.Name())
		}
		return out
	}
	got := names()
	if slices.Contains(got, deadDir) || !slices.Contains(got, liveDir) || !slices.Contains(got, "notes") || len(got) != 3 {
		t.Errorf("scratch holds %q: want %s removed, %s and notes kept, and this server's own", got, deadDir, liveDir)
	}
	own := ""
	for _, n := range got {
		if strings.HasPrefix(n, fmt.Sprint(os.Getpid())+"-") && n != liveDir {
			own = n
		}
	}
	if entries, _ := os.ReadDir(filepath.Join(scratch, own)); own == "" || len(entries) != 0 {
		t.Errorf("this server's folder %q holds %v after the print", own, entries)
	}
	if err := srv.Close(); err != nil {
		t.Fatal(err)
	}
	if got := names(); len(got) != 2 {
		t.Errorf("after Close, scratch holds %q", got)
	}
}
