package site

import (
	"bytes"
	"crypto/sha1"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"strings"
	"time"

	"github.com/basis-privacy/basis/generator/locale"
	"github.com/basis-privacy/basis/generator/model"
	"github.com/basis-privacy/basis/generator/redline"
	"github.com/basis-privacy/basis/generator/release"
)

// Per company and language the public output tells about the notice's
// releases: versions.json lists every release (date, hash, links),
// versions.atom is an Atom 1.0 feed of them, and each release after the
// first has an announcement: announcement.txt (an e-mail: subject line,
// blank line, text) and banner.fragment.html (a snippet for a site's banner),
// saying in plain words which sections changed and linking its What
// changed page.

// versionJSON is one release in versions.json.
type versionJSON struct {
	Date    string `json:"date"`              // the effective date, YYYY-MM-DD
	Hash    string `json:"text_sha256"`       // the release's hash of the notice's text
	Page    string `json:"page"`              // the released notice
	PDF     string `json:"pdf,omitempty"`     // its PDF, if released with one
	Changes string `json:"changes,omitempty"` // What changed since the release before
	// Announcement is the release's announcement (e-mail and banner),
	// from the release after the first.
	Announcement *announcementJSON `json:"announcement,omitempty"`
}

type announcementJSON struct {
	Subject string `json:"subject"`
	Text    string `json:"text"`
	Banner  string `json:"banner"` // the banner's text; banner.fragment.html links What changed
}

// release is what the feeds say of one released version in a language.
type releaseInfo struct {
	v       release.Version
	d       release.Document
	prev    *release.Version // the release before, in this language
	summary *announcementJSON
	url     func(file string) string // a file of the release, from the company's language folder or absolute
}

// feeds writes versions.json, versions.atom and the announcements of c in
// lang.
func (b *builder) feeds(c *model.Company, lang, base string, p *locale.Printer) error {
	dir := c.Slug + "/" + lang + "/"
	vs := b.arch.bySlug[c.Slug]
	var infos []releaseInfo
	for _, v := range vs {
		d, ok := v.Doc(lang)
		if !ok {
			continue
		}
		in := releaseInfo{v: v, d: d, url: func(file string) string {
			rel := strings.TrimPrefix(release.URL(c.Slug, lang, v.Date, file), dir)
			if base != "" {
				return base + dir + rel
			}
			return rel
		}}
		if prev, ok := release.Previous(vs, v, lang); ok {
			in.prev = &prev
			a, err := b.announce(c, lang, p, in)
			if err != nil {
				return err
			}
			in.summary = a
		}
		infos = append(infos, in)
	}
	key := newHasher(b.src.program, b.keys[c.Slug], b.src.locales[lang], "feeds", base).sum()
	if err := b.emit(dir+"versions.json", key, func() ([]byte, error) { return versionsJSON(infos) }); err != nil {
		return err
	}
	return b.emit(dir+"versions.atom", key, func() ([]byte, error) { return atomFeed(c, lang, base, dir, p, infos) })
}

// announce writes the announcement of the release in (which has a
// release before it) and returns it.
func (b *builder) announce(c *model.Company, lang string, p *locale.Printer, in releaseInfo) (*announcementJSON, error) {
	pd, _ := in.prev.Doc(lang)
	r, err := compareReleases(*in.prev, pd, in.v, in.d)
	if err != nil {
		return nil, fmt.Errorf("release %s of %s (%s): %w", in.v.Name(), c.Slug, lang, err)
	}
	date := longDate(p, in.v.Date)
	var what []string
	for _, part := range []struct {
		id    string
		heads []string
	}{{"changes.added", r.Added}, {"changes.removed", r.Removed}, {"changes.changed", headings(r)}} {
		if len(part.heads) > 0 {
			what = append(what, p.T(part.id)+" "+strings.Join(quoted(p, part.heads), ", ")+".")
		}
	}
	if len(what) == 0 {
		what = append(what, p.T("changes.none"))
	}
	changes := in.url("changes.html")
	a := &announcementJSON{
		Subject: p.T("announce.subject", "Company", c.Controller.Name),
		Text: p.T("announce.intro", "Company", c.Controller.Name, "Date", date) + "\n\n" + strings.Join(what, "\n") + "\n\n" +
			p.T("announce.link") + "\n" + changes + "\n",
		Banner: p.T("announce.banner", "Date", date),
	}
	if err := p.Err(); err != nil {
		return nil, err
	}
	dir := strings.TrimSuffix(release.URL(c.Slug, lang, in.v.Date, ""), "/") + "/"
	key := newHasher(b.src.program, b.keys[c.Slug], b.src.locales[lang], "announce", pd.HTMLSum, in.d.HTMLSum, changes).sum()
	if err := b.emit(dir+"announcement.txt", key, func() ([]byte, error) { return []byte(a.Subject + "\n\n" + a.Text), nil }); err != nil {
		return nil, err
	}
	banner := fmt.Sprintf("<p class=\"basis-banner\" lang=\"%s\">%s <a href=\"%s\">%s</a></p>\n",
		lang, xmlText(a.Banner), xmlText(bannerHref(changes)), xmlText(p.T("announce.banner.link")))
	return a, b.emit(dir+"banner.fragment.html", key, func() ([]byte, error) { return []byte(banner), nil })
}

// bannerHref is the link of a banner to What changed: absolute, or
// relative to the banner, which sits beside it.
func bannerHref(changes string) string {
	if strings.Contains(changes, "://") {
		return changes
	}
	return "changes.html"
}

// headings lists the headings of the sections whose text changed.
func headings(r *redline.Redline) []string {
	var out []string
	for _, c := range r.Changed() {
		out = append(out, c.Heading)
	}
	return out
}

// quoted puts each heading in the quotation marks of p's language.
func quoted(p *locale.Printer, heads []string) []string {
	out := make([]string, len(heads))
	for i, h := range heads {
		out[i] = p.T("announce.quoted", "Heading", h)
	}
	return out
}

// longDate writes t as p's language writes a date in running text.
func longDate(p *locale.Printer, t time.Time) string {
	return p.T("date.format", "Day", t.Day(), "Month", p.T(fmt.Sprintf("date.month.%d", int(t.Month()))), "Year", t.Year())
}

// versionsJSON is versions.json of the releases infos.
func versionsJSON(infos []releaseInfo) ([]byte, error) {
	out := struct {
		Versions []versionJSON `json:"versions"`
	}{Versions: []versionJSON{}}
	for _, in := range infos {
		v := versionJSON{Date: in.v.Name(), Hash: in.d.Text, Page: in.url("privacy.html"), Announcement: in.summary}
		if in.d.PDF != "" {
			v.PDF = in.url("privacy.pdf")
		}
		if in.prev != nil {
			v.Changes = in.url("changes.html")
		}
		out.Versions = append(out.Versions, v)
	}
	b, err := json.MarshalIndent(out, "", "  ")
	return append(b, '\n'), err
}

// atomFeed is versions.atom: an Atom 1.0 feed (RFC 4287) with an entry per
// release, newest first. Its ids are the addresses of the pages under the
// base URL, or without one name-based UUIDs (RFC 4122) of the company,
// language and release; its links are then relative to the feed.
func atomFeed(c *model.Company, lang, base, dir string, p *locale.Printer, infos []releaseInfo) ([]byte, error) {
	id := func(file string) string {
		if base != "" {
			return base + dir + file
		}
		return uuidURN(c.Slug + "/" + lang + "/" + file)
	}
	updated := c.Effective
	if len(infos) > 0 {
		updated = infos[len(infos)-1].v.Date
	}
	var b bytes.Buffer
	b.WriteString(xml.Header)
	fmt.Fprintf(&b, "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"%s\">\n", lang)
	fmt.Fprintf(&b, "<id>%s</id>\n", xmlText(id("versions.atom")))
	fmt.Fprintf(&b, "<title>%s</title>\n", xmlText(p.T("announce.feed", "Company", c.Controller.Name)))
	fmt.Fprintf(&b, "<updated>%s</updated>\n", atomTime(updated))
	fmt.Fprintf(&b, "<author><name>%s</name></author>\n", xmlText(c.Controller.Name))
	fmt.Fprintf(&b, "<link rel=\"alternate\" type=\"text/html\" href=\"%s\"/>\n", xmlText(link(base, dir, "privacy.html")))
	if base != "" {
		fmt.Fprintf(&b, "<link rel=\"self\" type=\"application/atom+xml\" href=\"%s\"/>\n", xmlText(base+dir+"versions.atom"))
	}
	fmt.Fprintf(&b, "<generator>Basis</generator>\n")
	for i := len(infos) - 1; i >= 0; i-- {
		in := infos[i]
		page := in.url("privacy.html")
		b.WriteString("<entry>\n")
		fmt.Fprintf(&b, "<id>%s</id>\n", xmlText(entryID(base, page, c.Slug+"/"+lang+"/"+in.v.Name())))
		fmt.Fprintf(&b, "<title>%s</title>\n", xmlText(p.T("versions.item", "Date", longDate(p, in.v.Date))))
		fmt.Fprintf(&b, "<updated>%s</updated>\n", atomTime(in.v.Date))
		fmt.Fprintf(&b, "<link rel=\"alternate\" type=\"text/html\" href=\"%s\"/>\n", xmlText(page))
		if in.prev != nil {
			fmt.Fprintf(&b, "<link rel=\"related\" type=\"text/html\" href=\"%s\"/>\n", xmlText(in.url("changes.html")))
		}
		summary := p.T("versions.item", "Date", longDate(p, in.v.Date))
		if in.summary != nil {
			summary = in.summary.Text
		}
		fmt.Fprintf(&b, "<summary>%s</summary>\n", xmlText(summary))
		b.WriteString("</entry>\n")
	}
	b.WriteString("</feed>\n")
	return b.Bytes(), p.Err()
}

// link is the file of the company's language folder dir, absolute under
// base, else relative to the feed beside it.
func link(base, dir, file string) string {
	if base != "" {
		return base + dir + file
	}
	return file
}

// entryID is the id of a release's entry: its page's address, or a UUID.
func entryID(base, page, name string) string {
	if base != "" {
		return page
	}
	return uuidURN(name)
}

// uuidURN is a name-based UUID (version 5, SHA-1, RFC 4122) of name in a
// namespace of Basis's own, as a URN: stable from build to build.
func uuidURN(name string) string {
	h := sha1.Sum([]byte("basis-privacy versions:" + name))
	u := h[:16]
	u[6] = u[6]&0x0f | 0x50
	u[8] = u[8]&0x3f | 0x80
	return fmt.Sprintf("urn:uuid:%x-%x-%x-%x-%x", u[0:4], u[4:6], u[6:8], u[8:10], u[10:16])
}

// atomTime writes a date as an Atom date (RFC 3339), at midnight UTC.
func atomTime(t time.Time) string {
	if t.IsZero() {
		t = time.Unix(0, 0)
	}
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC).Format(time.RFC3339)
}

// xmlText escapes s for XML (and HTML) text and attribute values; line
// breaks stay line breaks.
func xmlText(s string) string {
	var b strings.Builder
	_ = xml.EscapeText(&b, []byte(s))
	return strings.ReplaceAll(b.String(), "&#xA;", "\n")
}
