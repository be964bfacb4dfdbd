package audience

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"sync/atomic"
	"testing"
	"time"
)

// writeContacts writes a contact file of n rows drawn from the edge cases.
func writeContacts(tb testing.TB, n int) string {
	tb.Helper()
	path := filepath.Join(tb.TempDir(), "contacts.csv")
	f, err := os.Create(path)
	if err != nil {
		tb.Fatal(err)
	}
	w := bufio.NewWriter(f)
	fmt.Fprintln(w, "id,country,relationship,business,source,type,last_purchase,last_inquiry,consents,objected,opt_out_register,email,name")
	countries := []string{"DE", "DE", "GB", "VN", "CA", "FR", "IE", "US", "PL"}
	sources := []string{"sale", "sale", "", "acquired_business", "bought_list"}
	for i := range n {
		fmt.Fprintf(w, "c%07d,%s,%s,%s,%s,consumer,2026-%02d-%02d,,%s,%t,false,person%d@example.com,Person %d\n",
			i, countries[i%len(countries)], []string{"customer", "customer", "prospect", "inquirer"}[i%4],
			[]string{"shop", "shop", "cafe"}[i%3], sources[i%len(sources)], 1+i%12, 1+i%28,
			[]string{"", "offers:2025-04-01", "offers:2025-04-01;news:2024-01-01"}[i%3], i%7 == 0, i, i)
	}
	if err := w.Flush(); err != nil {
		tb.Fatal(err)
	}
	if err := f.Close(); err != nil {
		tb.Fatal(err)
	}
	return path
}

// peakHeap samples the heap in use until stop is closed and returns the
// largest value seen.
func peakHeap(stop <-chan struct{}) <-chan uint64 {
	out := make(chan uint64, 1)
	go func() {
		s := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
		var peak uint64
		t := time.NewTicker(2 * time.Millisecond)
		defer t.Stop()
		for {
			metrics.Read(s)
			peak = max(peak, s[0].Value.Uint64())
			select {
			case <-stop:
				out <- peak
				return
			case <-t.C:
			}
		}
	}()
	return out
}

// BenchmarkSplitMillion validates and splits a file of a million contacts,
// as basis audience --contacts does (two passes, streaming), and reports
// contacts per second and the peak heap in use, which stays the same
// whatever the file's length:
//
//	go test ./generator/audience -run '^$' -bench SplitMillion -benchtime 1x
func BenchmarkSplitMillion(b *testing.B) {
	const rows = 1_000_000
	path := writeContacts(b, rows)
	s := shop(b, "contacts.csv")
	runtime.GC()
	stop := make(chan struct{})
	peak := peakHeap(stop)
	var done atomic.Int64
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		f, err := os.Open(path)
		if err != nil {
			b.Fatal(err)
		}
		if err := s.Validate(f); err != nil {
			b.Fatal(err)
		}
		if _, err := f.Seek(0, io.SeekStart); err != nil {
			b.Fatal(err)
		}
		sum, err := s.Split(f, NewCSV(io.Discard))
		f.Close()
		if err != nil {
			b.Fatal(err)
		}
		if sum.Contacts != rows {
			b.Fatalf("%d contacts split", sum.Contacts)
		}
		done.Add(rows)
	}
	b.StopTimer()
	close(stop)
	b.ReportMetric(float64(done.Load())/b.Elapsed().Seconds(), "contacts/s")
	b.ReportMetric(float64(<-peak)/(1<<20), "peak-heap-MiB")
}
