package release

import (
	"slices"
	"time"

	"github.com/basis-privacy/basis/generator/render"
)

// History returns the list of versions the notice in lang shows: every
// release that has lang, and the version of effective, newest first. The
// links are relative to the notice's folder. On an archived page (the copy
// of the release of effective), the list also links to the current notice.
func History(versions []Version, lang string, effective time.Time, archived bool) *render.Versions {
	h := &render.Versions{Effective: effective, Archived: archived}
	if archived {
		h.Current = "privacy.html"
	}
	var dates []time.Time
	released := map[time.Time]bool{}
	for _, v := range versions {
		if _, ok := v.Doc(lang); ok {
			dates = append(dates, v.Date)
			released[v.Date] = true
		}
	}
	if !released[effective] {
		dates = append(dates, effective)
	}
	slices.SortFunc(dates, func(a, b time.Time) int { return b.Compare(a) })
	for _, d := range dates {
		e := render.Version{Date: d, Here: d.Equal(effective)}
		if released[d] || (archived && e.Here) {
			e.Href = "versions/" + d.Format(time.DateOnly) + "/privacy.html"
			// What changed is published for every release after the first.
			if slices.ContainsFunc(dates, func(o time.Time) bool { return released[o] && o.Before(d) }) {
				e.Changes = "versions/" + d.Format(time.DateOnly) + "/changes.html"
			}
		}
		h.Entries = append(h.Entries, e)
	}
	return h
}

// DocHistory is History for the internal document kind (record,
// assessment) in lang: every release that holds it, and the version of
// effective, linking versions/<date>/<kind>.html and, for each release
// after the first that holds it, versions/<date>/<kind>-changes.html. A
// release made before Basis froze the internal documents is left out.
func DocHistory(versions []Version, lang, kind string, effective time.Time, archived bool) *render.Versions {
	h := &render.Versions{Effective: effective, Archived: archived}
	if archived {
		h.Current = kind + ".html"
	}
	var dates []time.Time
	released := map[time.Time]bool{}
	for _, v := range versions {
		if d, ok := v.Doc(lang); ok {
			if _, ok := d.InternalDoc(kind); ok {
				dates = append(dates, v.Date)
				released[v.Date] = true
			}
		}
	}
	if len(dates) == 0 && !archived {
		return nil
	}
	if !released[effective] {
		dates = append(dates, effective)
	}
	slices.SortFunc(dates, func(a, b time.Time) int { return b.Compare(a) })
	for _, d := range dates {
		e := render.Version{Date: d, Here: d.Equal(effective)}
		if released[d] || (archived && e.Here) {
			dir := "versions/" + d.Format(time.DateOnly) + "/"
			e.Href = dir + kind + ".html"
			if slices.ContainsFunc(dates, func(o time.Time) bool { return released[o] && o.Before(d) }) {
				e.Changes = dir + kind + "-changes.html"
			}
		}
		h.Entries = append(h.Entries, e)
	}
	return h
}
