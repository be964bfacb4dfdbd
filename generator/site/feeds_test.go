package site

import (
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/basis-privacy/basis/generator/load"
)

// atomNS is the namespace of Atom 1.0.
const atomNS = "http://www.w3.org/2005/Atom"

// atomElem is an element of an Atom document, as read for validation.
type atomElem struct {
	name     xml.Name
	attrs    map[string]string
	text     string
	children []*atomElem
}

// readAtom parses data strictly as XML into elements.
func readAtom(data []byte) (*atomElem, error) {
	d := xml.NewDecoder(strings.NewReader(string(data)))
	d.Strict = true
	var stack []*atomElem
	var root *atomElem
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			e := &atomElem{name: t.Name, attrs: map[string]string{}}
			for _, a := range t.Attr {
				e.attrs[a.Name.Local] = a.Value
			}
			if len(stack) > 0 {
				p := stack[len(stack)-1]
				p.children = append(p.children, e)
			} else {
				root = e
			}
			stack = append(stack, e)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		case xml.CharData:
			if len(stack) > 0 {
				stack[len(stack)-1].text += string(t)
			}
		}
	}
	if root == nil {
		return nil, fmt.Errorf("no root element")
	}
	return root, nil
}

func (e *atomElem) all(local string) []*atomElem {
	var out []*atomElem
	for _, c := range e.children {
		if c.name.Space == atomNS && c.name.Local == local {
			out = append(out, c)
		}
	}
	return out
}

// validateAtom checks a feed against the rules of RFC 4287 that a feed
// must meet (the MUSTs of sections 3 and 4): one feed element in the Atom
// namespace; exactly one id, title and updated in the feed and in each
// entry; an author in the feed or in every entry; ids absolute IRIs,
// unique among the entries; dates as RFC 3339 date-times; every link with
// an href, at most one alternate link per type and language; an entry
// without content with an alternate link; text constructs of a known
// type; at most one of generator, icon, logo, rights, subtitle, and of
// summary, content and published in an entry.
func validateAtom(data []byte) []string {
	root, err := readAtom(data)
	if err != nil {
		return []string{"not well-formed XML: " + err.Error()}
	}
	var errs []string
	fail := func(format string, a ...any) { errs = append(errs, fmt.Sprintf(format, a...)) }
	if root.name.Space != atomNS || root.name.Local != "feed" {
		return []string{fmt.Sprintf("the root is %v, not atom:feed (§4.1.1)", root.name)}
	}
	exactlyOne := func(e *atomElem, what string, names ...string) {
		for _, n := range names {
			if k := len(e.all(n)); k != 1 {
				fail("%s has %d atom:%s, want exactly one (§4.1.1, §4.1.2)", what, k, n)
			}
		}
	}
	atMostOne := func(e *atomElem, what string, names ...string) {
		for _, n := range names {
			if k := len(e.all(n)); k > 1 {
				fail("%s has %d atom:%s, want at most one", what, k, n)
			}
		}
	}
	checkCommon := func(e *atomElem, what string) {
		for _, id := range e.all("id") {
			if u, err := url.Parse(strings.TrimSpace(id.text)); err != nil || u.Scheme == "" {
				fail("%s: atom:id %q is not an absolute IRI (§4.2.6)", what, id.text)
			}
		}
		for _, n := range []string{"updated", "published"} {
			for _, d := range e.all(n) {
				if _, err := time.Parse(time.RFC3339, strings.TrimSpace(d.text)); err != nil {
					fail("%s: atom:%s %q is not an RFC 3339 date-time (§3.3)", what, n, d.text)
				}
			}
		}
		for _, n := range []string{"title", "summary", "subtitle", "rights"} {
			for _, t := range e.all(n) {
				if ty, ok := t.attrs["type"]; ok && ty != "text" && ty != "html" && ty != "xhtml" {
					fail("%s: atom:%s of type %q (§3.1.1)", what, n, ty)
				}
			}
		}
		alternates := map[string]bool{}
		for _, l := range e.all("link") {
			if l.attrs["href"] == "" {
				fail("%s: an atom:link without href (§4.2.7.1)", what)
			}
			if rel := l.attrs["rel"]; rel == "" || rel == "alternate" {
				k := l.attrs["type"] + "|" + l.attrs["hreflang"]
				if alternates[k] {
					fail("%s: two alternate links of type %q (§4.1.1)", what, l.attrs["type"])
				}
				alternates[k] = true
			}
		}
		for _, a := range e.all("author") {
			if len(a.all("name")) != 1 {
				fail("%s: an atom:author without exactly one atom:name (§3.2.1)", what)
			}
		}
	}
	exactlyOne(root, "the feed", "id", "title", "updated")
	atMostOne(root, "the feed", "generator", "icon", "logo", "rights", "subtitle")
	checkCommon(root, "the feed")
	ids := map[string]bool{}
	for i, e := range root.all("entry") {
		what := fmt.Sprintf("entry %d", i+1)
		exactlyOne(e, what, "id", "title", "updated")
		atMostOne(e, what, "summary", "content", "published")
		checkCommon(e, what)
		if len(root.all("author")) == 0 && len(e.all("author")) == 0 {
			fail("%s has no atom:author, nor has the feed (§4.1.1)", what)
		}
		if len(e.all("content")) == 0 && !hasAlternate(e) {
			fail("%s has neither atom:content nor an alternate link (§4.1.2)", what)
		}
		for _, id := range e.all("id") {
			if ids[id.text] {
				fail("%s repeats the id %s (§4.1.1)", what, id.text)
			}
			ids[id.text] = true
		}
	}
	return errs
}

func hasAlternate(e *atomElem) bool {
	for _, l := range e.all("link") {
		if rel := l.attrs["rel"]; rel == "" || rel == "alternate" {
			return true
		}
	}
	return false
}

// TestValidateAtomCatches: the validator refuses what RFC 4287 forbids.
func TestValidateAtomCatches(t *testing.T) {
	t.Parallel()
	good := `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><id>urn:uuid:1</id><title>t</title><updated>2026-11-01T00:00:00Z</updated><author><name>a</name></author>` +
		`<entry><id>urn:uuid:2</id><title>e</title><updated>2026-11-01T00:00:00Z</updated><link href="x.html"/></entry></feed>`
	if errs := validateAtom([]byte(good)); len(errs) > 0 {
		t.Fatalf("a valid feed: %v", errs)
	}
	for name, bad := range map[string]string{
		"no id":         strings.Replace(good, "<id>urn:uuid:1</id>", "", 1),
		"relative id":   strings.Replace(good, "urn:uuid:2", "x.html", 1),
		"bad date":      strings.Replace(good, "2026-11-01T00:00:00Z</updated><author>", "1 Nov 2026</updated><author>", 1),
		"no author":     strings.Replace(good, "<author><name>a</name></author>", "", 1),
		"no link":       strings.Replace(good, `<link href="x.html"/>`, "", 1),
		"wrong root":    strings.Replace(strings.Replace(good, "<feed ", "<rss ", 1), "</feed>", "</rss>", 1),
		"not XML":       strings.Replace(good, "</entry>", "", 1),
		"two titles":    strings.Replace(good, "<title>e</title>", "<title>e</title><title>f</title>", 1),
		"repeated id":   strings.Replace(good, "<entry>", `<entry><id>urn:uuid:2</id><title>e</title><updated>2026-11-01T00:00:00Z</updated><link href="y.html"/></entry><entry>`, 1),
		"link, no href": strings.Replace(good, `<link href="x.html"/>`, `<link href="x.html"/><link rel="related"/>`, 1),
	} {
		if errs := validateAtom([]byte(bad)); len(errs) == 0 {
			t.Errorf("%s: accepted", name)
		}
	}
}

// TestVersionsFeedAndAnnouncement: each notice of the examples with
// releases has versions.json listing every release of release.json, an
// Atom feed of them that is valid Atom 1.0, with and without a base URL,
// and for each release after the first an e-mail and a banner naming the
// sections that changed and linking What changed.
func TestVersionsFeedAndAnnouncement(t *testing.T) {
	t.Parallel()
	for _, base := range []string{"", "https://example.com/privacy/"} {
		dir := filepath.Join(t.TempDir(), "public")
		o := opts(exampleDir(t), dir)
		o.Internal = dir + "-internal"
		if base != "" {
			o.Project = load.DefaultProject()
			o.Project.BaseURL = base
		}
		if _, err := Build(t.Context(), o); err != nil {
			t.Fatal(err)
		}
		for _, lang := range []string{"de", "en"} {
			folder := filepath.Join(dir, "baeckerei-schmidt", lang)
			var vs struct {
				Versions []versionJSON `json:"versions"`
			}
			if err := json.Unmarshal([]byte(read(t, filepath.Join(folder, "versions.json"))), &vs); err != nil {
				t.Fatal(err)
			}
			if len(vs.Versions) != 2 || vs.Versions[0].Date != "2026-05-01" || vs.Versions[1].Date != "2026-11-01" ||
				len(vs.Versions[1].Hash) != 64 || vs.Versions[1].Announcement == nil || vs.Versions[0].Announcement != nil {
				t.Fatalf("%s versions.json: %+v", lang, vs)
			}
			v := vs.Versions[1]
			for _, l := range []string{v.Page, v.Changes} {
				rel := strings.TrimPrefix(l, base+"baeckerei-schmidt/"+lang+"/")
				if _, err := os.Stat(filepath.Join(folder, filepath.FromSlash(rel))); err != nil {
					t.Errorf("versions.json links %s: %v", l, err)
				}
			}
			feed, err := os.ReadFile(filepath.Join(folder, "versions.atom"))
			if err != nil {
				t.Fatal(err)
			}
			for _, e := range validateAtom(feed) {
				t.Errorf("%s versions.atom (base %q): %s", lang, base, e)
			}
			if strings.Count(string(feed), "<entry>") != 2 {
				t.Errorf("%s: the feed has not an entry per release", lang)
			}
			mail := read(t, filepath.Join(folder, "versions", "2026-11-01", "announcement.txt"))
			banner := read(t, filepath.Join(folder, "versions", "2026-11-01", "banner.fragment.html"))
			if !strings.Contains(mail, v.Changes) || !strings.Contains(mail, v.Announcement.Subject) || !strings.Contains(banner, `href="`) {
				t.Errorf("%s: the announcement lacks its subject or the link to What changed:\n%s\n%s", lang, mail, banner)
			}
		}
	}
}
