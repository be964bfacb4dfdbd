package main

import (
	"fmt"
	"io"
	"sort"
	"strings"
)

// report prints the runs side by side as markdown tables, in ms per document.
func report(w io.Writer, rs []*result, docs, top int) {
	per := func(ms float64) string { return fmt.Sprintf("%.1f", ms/float64(docs)) }
	head := func(first string) {
		fmt.Fprintf(w, "| %s |", first)
		for _, r := range rs {
			fmt.Fprintf(w, " %s |", r.name)
		}
		fmt.Fprint(w, "\n|---|")
		for range rs {
			fmt.Fprint(w, "---:|")
		}
		fmt.Fprintln(w)
	}
	row := func(label string, v func(*result) float64) {
		fmt.Fprintf(w, "| %s |", label)
		for _, r := range rs {
			fmt.Fprintf(w, " %s |", per(v(r)))
		}
		fmt.Fprintln(w)
	}

	fmt.Fprintf(w, "%d documents per run.\n\n", docs)
	head("Per document (ms)")
	row("wall clock", func(r *result) float64 { return float64(r.wall.Milliseconds()) })
	row("CPU of the command (client)", func(r *result) float64 { return float64(r.client.Milliseconds()) })
	types := keys(func(yield func(string)) {
		for _, r := range rs {
			for t := range r.procCPU {
				yield(t)
			}
		}
	})
	row("**browser CPU, all processes (/proc)**", func(r *result) float64 { return sum(r.procCPU) * 1000 })
	for _, t := range types {
		row("&nbsp;&nbsp;"+t+" process(es)", func(r *result) float64 { return r.procCPU[t] * 1000 })
	}
	row("**thread time in traced events, all processes**", func(r *result) float64 { return sum(r.trace.total) })

	fmt.Fprintln(w)
	head("Thread time per document (ms), by kind of work, all processes")
	all := func(r *result) map[[2]string]float64 {
		m := map[[2]string]float64{}
		for k, v := range r.trace.byKind {
			m[[2]string{"", k[1]}] += v
		}
		return m
	}
	for _, k := range ranked(rs, all, 0) {
		row(k[1], func(r *result) float64 { return all(r)[k] })
	}

	fmt.Fprintln(w)
	head("Thread time per document (ms), by process and kind of work")
	pk := ranked(rs, func(r *result) map[[2]string]float64 { return r.trace.byKind }, 0)
	procs := keys(func(yield func(string)) {
		for _, k := range pk {
			yield(k[0])
		}
	})
	for _, p := range procs {
		row("**"+p+"**", func(r *result) float64 { return r.trace.total[p] })
		for _, k := range pk {
			if k[0] == p {
				row("&nbsp;&nbsp;"+k[1], func(r *result) float64 { return r.trace.byKind[k] })
			}
		}
	}

	fmt.Fprintln(w)
	head(fmt.Sprintf("Thread time per document (ms), the %d event names that take most in any run (own time)", top))
	for _, k := range ranked(rs, func(r *result) map[[2]string]float64 { return r.trace.byName }, top) {
		row(k[0]+": "+strings.ReplaceAll(k[1], "|", "\\|")+" *("+kind(k[0], k[1])+")*", func(r *result) float64 { return r.trace.byName[k] })
	}
}

// ranked returns the keys of the maps, biggest first (by their largest
// value in any run); with top > 0, only those among the top of some run.
func ranked(rs []*result, m func(*result) map[[2]string]float64, top int) [][2]string {
	best := map[[2]string]float64{}
	for _, r := range rs {
		ks := make([][2]string, 0, len(m(r)))
		for k := range m(r) {
			ks = append(ks, k)
		}
		sort.Slice(ks, func(i, j int) bool { return m(r)[ks[i]] > m(r)[ks[j]] })
		if top > 0 && len(ks) > top {
			ks = ks[:top]
		}
		for _, k := range ks {
			best[k] = max(best[k], m(r)[k])
		}
	}
	out := make([][2]string, 0, len(best))
	for k := range best {
		out = append(out, k)
	}
	sort.Slice(out, func(i, j int) bool {
		if best[out[i]] != best[out[j]] {
			return best[out[i]] > best[out[j]]
		}
		return out[i][0]+out[i][1] < out[j][0]+out[j][1]
	})
	return out
}

// keys collects the distinct strings seq yields, in the order first seen.
func keys(seq func(yield func(string))) []string {
	seen := map[string]bool{}
	var out []string
	seq(func(s string) {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	})
	return out
}

func sum(m map[string]float64) float64 {
	t := 0.0
	for _, v := range m {
		t += v
	}
	return t
}
