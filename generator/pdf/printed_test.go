package pdf

import (
	"context"
	"slices"
	"testing"
)

// TestPrintedRecordNamesTheBrowser: each document printed on a pool gets
// one debug record "pdf: printed" naming the remote browser that printed
// it (bench/pdfpoolstat counts each endpoint's documents and busy time
// from these).
func TestPrintedRecordNamesTheBrowser(t *testing.T) {
	a, b := startRemote(t), startRemote(t)
	root := t.TempDir()
	jobs := writeDocs(t, root, 6)
	rec := &logRecorder{}
	p := newTestPrinter(t, root, WithEndpoints(a.ws, b.ws), WithPages(2), WithLogger(slogNew(rec)))
	if err := p.PrintAll(context.Background(), jobs, nil); err != nil {
		t.Fatalf("PrintAll: %v", err)
	}
	htmls := rec.attrs("pdf: printed", "html")
	browsers := rec.attrs("pdf: printed", "browser")
	if len(htmls) != len(jobs) || len(browsers) != len(jobs) {
		t.Fatalf("%d records with the page and %d with the browser, want %d each", len(htmls), len(browsers), len(jobs))
	}
	for _, job := range jobs {
		if n := count(htmls, job.HTML); n != 1 {
			t.Errorf("%s recorded %d times, want once", job.HTML, n)
		}
	}
	names := []string{"browser at " + Redact(a.ws), "browser at " + Redact(b.ws)}
	for _, br := range browsers {
		if !slices.Contains(names, br) {
			t.Errorf("record names browser %q, want one of %q", br, names)
		}
	}
	if oks := rec.attrs("pdf: printed", "ok"); count(oks, "true") != len(jobs) {
		t.Errorf("ok attributes %v, want all true", oks)
	}
}

func count(list []string, s string) int {
	n := 0
	for _, v := range list {
		if v == s {
			n++
		}
	}
	return n
}
