package main

import (
	"fmt"
	"io"
	"sort"
	"strings"
	"time"

	"github.com/basis-privacy/basis/generator/pdf"
)

// endpointStats is what one endpoint did in a run.
type endpointStats struct {
	docs, navigated int
	first, last     time.Time
	took, waited    time.Duration
}

// byEndpoint sorts a run's documents to its endpoints.
func (r *runResult) byEndpoint() []endpointStats {
	st := make([]endpointStats, len(r.urls))
	for _, d := range r.docs {
		i := -1
		for j, u := range r.urls {
			if strings.Contains(d.browser, pdf.Redact(u)) {
				i = j
			}
		}
		if i < 0 {
			continue
		}
		s := &st[i]
		s.docs++
		if !r.puts[d.browser+"\x00"+d.html] {
			s.navigated++
		}
		if s.first.IsZero() || d.start.Before(s.first) {
			s.first = d.start
		}
		if end := d.start.Add(d.took); end.After(s.last) {
			s.last = end
		}
		s.took += d.took
		s.waited += d.waited
	}
	return st
}

func report(w io.Writer, rs []*runResult, docs, pages int, cpus []string) {
	pin := "unpinned"
	if len(cpus) > 0 {
		pin = "endpoint 1 on CPUs " + cpus[0]
		if len(cpus) > 1 {
			pin += ", endpoint 2 on CPUs " + cpus[1]
		}
		pin += " (taskset -c), the client unpinned"
	}
	fmt.Fprintf(w, "%d documents, %d tabs per endpoint, %s.\n\n", docs, pages, pin)
	fmt.Fprintln(w, "| Run | Endpoint | Documents (navigated) | First start, last end (s from the run's start) | Tail (s before the run's end) | Mean wait for a tab (ms) | Mean print (ms) | CPU (s) | CPU per document (ms) | CPU ÷ wall clock |")
	fmt.Fprintln(w, "|---|---|---:|---|---:|---:|---:|---:|---:|---:|")
	for _, r := range rs {
		end := r.start.Add(r.wall)
		for i, s := range r.byEndpoint() {
			if s.docs == 0 {
				fmt.Fprintf(w, "| %s | %d | 0 | | | | | %.2f | | |\n", r.name, i+1, r.endCPU[i])
				continue
			}
			fmt.Fprintf(w, "| %s | %d | %d (%d) | %.2f, %.2f | %.2f | %.0f | %.0f | %.2f | %.0f | %.2f |\n",
				r.name, i+1, s.docs, s.navigated, s.first.Sub(r.start).Seconds(), s.last.Sub(r.start).Seconds(),
				end.Sub(s.last).Seconds(), ms(s.waited)/float64(s.docs), ms(s.took)/float64(s.docs),
				r.endCPU[i], r.endCPU[i]*1000/float64(s.docs), r.endCPU[i]/r.wall.Seconds())
		}
	}
	fmt.Fprintln(w)
	var names []string
	for k := range rs[0].cpuBusy {
		names = append(names, k)
	}
	sort.Strings(names)
	fmt.Fprintf(w, "| Run | Connect (s) | Print (s) | Documents/s | Client CPU (s; ms/doc; cores) | The bench's /proc samples (CPU s, not in the client's) | Endpoints' CPU (s) | Busy: %s | Everything else on the machine (CPU s; cores) |\n", strings.Join(names, ", "))
	fmt.Fprintln(w, "|---|---:|---:|---:|---|---:|---:|---|---|")
	for _, r := range rs {
		e := sumOf(r.endCPU)
		busy, all := 0.0, []string{}
		for _, k := range names {
			busy += r.cpuBusy[k]
			all = append(all, fmt.Sprintf("%.0f%%", 100*r.cpuBusy[k]/r.cpuTotal[k]))
		}
		other := max(busy-e-r.client.Seconds()-r.sampler.Seconds(), 0)
		fmt.Fprintf(w, "| %s | %.2f | %.2f | %.2f | %.2f; %.0f; %.2f | %.2f | %.2f | %s | %.2f; %.2f |\n", r.name, r.connect.Seconds(), r.wall.Seconds(),
			float64(docs)/r.wall.Seconds(), r.client.Seconds(), r.client.Seconds()*1000/float64(docs), r.client.Seconds()/r.wall.Seconds(),
			r.sampler.Seconds(), e, strings.Join(all, ", "), other, other/r.wall.Seconds())
	}
	summary(w, rs, docs)
}

// summary splits the pool's efficiency (throughput of two ÷ twice one's,
// medians) into the CPU the endpoints got and the CPU they spent per
// document: efficiency = (CPU rate of two ÷ twice one's) × (CPU per
// document of one ÷ of two).
func summary(w io.Writer, rs []*runResult, docs int) {
	var t, rate, cpd, steady [3][]float64
	for _, r := range rs {
		n := r.endpoints
		e := sumOf(r.endCPU)
		t[n] = append(t[n], r.wall.Seconds())
		steady[n] = append(steady[n], r.steady())
		rate[n] = append(rate[n], e/r.wall.Seconds())
		cpd[n] = append(cpd[n], e/float64(docs))
	}
	eff := median(t[1]) / median(t[2]) / 2
	share := median(rate[2]) / median(rate[1]) / 2
	work := median(cpd[1]) / median(cpd[2])
	fmt.Fprintf(w, "\nMedians: one endpoint %.2f s, two %.2f s: throughput %.2f× one endpoint's, efficiency %.2f.\n",
		median(t[1]), median(t[2]), median(t[1])/median(t[2]), eff)
	fmt.Fprintf(w, "Endpoints' CPU per document: one %.0f ms, two %.0f ms (factor %.2f); CPU the endpoints got per second: one %.2f cores, two %.2f (%.2f each; factor %.2f of one's).\n",
		median(cpd[1])*1000, median(cpd[2])*1000, work, median(rate[1]), median(rate[2]), median(rate[2])/2, share)
	fmt.Fprintf(w, "Efficiency ≈ CPU factor × work factor = %.2f × %.2f = %.2f.\n", share, work, share*work)
	fmt.Fprintf(w, "Steady state (documents ended between the last endpoint's first start and the first endpoint's last end, per second; no start-up, no tail): one endpoint %.2f/s, two %.2f/s: efficiency %.2f.\n",
		median(steady[1]), median(steady[2]), median(steady[2])/median(steady[1])/2)
}

// steady returns the documents per second that ended while every
// endpoint had started printing and none had finished.
func (r *runResult) steady() float64 {
	var from, to time.Time
	for _, s := range r.byEndpoint() {
		if s.docs == 0 {
			continue
		}
		if s.first.After(from) {
			from = s.first
		}
		if to.IsZero() || s.last.Before(to) {
			to = s.last
		}
	}
	n := 0
	for _, d := range r.docs {
		if end := d.start.Add(d.took); end.After(from) && !end.After(to) {
			n++
		}
	}
	if !to.After(from) {
		return 0
	}
	return float64(n) / to.Sub(from).Seconds()
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

func sumOf(v []float64) float64 {
	t := 0.0
	for _, x := range v {
		t += x
	}
	return t
}

func median(v []float64) float64 {
	if len(v) == 0 {
		return 0
	}
	s := append([]float64{}, v...)
	sort.Float64s(s)
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}
