// Package suggest finds the likely intended word for a mistyped one, for
// "did you mean" hints.
//
//	suggest.Closest("objcted", []string{"id", "objected"}) // "objected"
package suggest

import "strings"

// Closest returns the candidate nearest to s by edit distance, ignoring
// case, '-' and '_', or "" when none is near enough to be a likely typo.
func Closest(s string, candidates []string) string {
	norm := func(x string) string { return strings.NewReplacer("-", "", "_", "").Replace(strings.ToLower(x)) }
	best, bestD := "", -1
	for _, c := range candidates {
		d := Distance(norm(s), norm(c))
		if bestD < 0 || d < bestD {
			best, bestD = c, d
		}
	}
	if bestD < 0 || bestD > max(2, len(s)/3) {
		return ""
	}
	return best
}

// Distance is the Levenshtein distance between a and b.
func Distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
