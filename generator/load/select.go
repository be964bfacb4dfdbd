package load

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
)

// UnknownSlugError reports company names on the command line that name no
// company folder.
type UnknownSlugError struct {
	Unknown []string // as given
	Valid   []string // the slugs there are
}

// Error names the unknown slugs, the nearest valid one, and all valid ones.
func (e *UnknownSlugError) Error() string {
	var b strings.Builder
	for i, s := range e.Unknown {
		if i > 0 {
			b.WriteString("; ")
		}
		fmt.Fprintf(&b, "no company %q", s)
		if c := closest(s, e.Valid); c != "" {
			fmt.Fprintf(&b, " (did you mean %q?)", c)
		}
	}
	fmt.Fprintf(&b, "; the companies are: %s", strings.Join(e.Valid, ", "))
	return b.String()
}

// Slug returns the slug of a company file path (its folder's name).
func Slug(path string) string { return filepath.Base(filepath.Dir(path)) }

// Select keeps the company files of paths whose slugs are listed; no slugs
// keeps them all. A slug that names no company is an *UnknownSlugError.
func Select(paths, slugs []string) ([]string, error) {
	if len(slugs) == 0 {
		return paths, nil
	}
	valid := make([]string, len(paths))
	for i, p := range paths {
		valid[i] = Slug(p)
	}
	var unknown []string
	for _, s := range slugs {
		if !slices.Contains(valid, s) {
			unknown = append(unknown, s)
		}
	}
	if len(unknown) > 0 {
		return nil, &UnknownSlugError{Unknown: unknown, Valid: valid}
	}
	var out []string
	for _, p := range paths {
		if slices.Contains(slugs, Slug(p)) {
			out = append(out, p)
		}
	}
	return out, nil
}
