package redline

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

const page = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>t</title><link rel="stylesheet" href="a.css"></head>
<body><nav class="toc"><ol><li><a href="#a">A</a></li></ol></nav>
<main><article>
<p class="effective">Effective from 1 May 2026</p>
<section id="a" aria-labelledby="a-h"><h2 id="a-h">Who we are</h2>
<p>We are a  bakery&nbsp;in <strong>Berlin</strong>.</p>
<address class="card"><strong>Bakery</strong><br>Main St 1</address>
<section id="purpose-orders"><h3>Orders</h3>
<dl><dt>Data</dt><dd>name, email</dd></dl>
</section>
<p>After the purposes.</p>
</section>
<section id="section-1"><h2>Cookies</h2><ul><li>One &amp; two</li></ul>
<table><tr><th scope="row">Courier</th><td>Germany</td></tr></table></section>
<section id="versions"><h2>Versions</h2><ol><li>Version of 1 May 2026</li></ol></section>
<script>var x = "<p>no</p>";</script>
</article></main></body></html>`

// TestSections reads each section's heading and blocks of text, keeps nested
// sections apart, and leaves out the list of versions and the page frame.
func TestSections(t *testing.T) {
	got, err := Sections([]byte(page))
	if err != nil {
		t.Fatal(err)
	}
	want := []Section{
		{ID: "a", Heading: "Who we are", Level: 2, Paras: []string{"We are a bakery in Berlin.", "Bakery", "Main St 1", "After the purposes."}},
		{ID: "purpose-orders", Heading: "Orders", Level: 3, Paras: []string{"Data: name, email"}},
		{ID: "section-1", Heading: "Cookies", Level: 2, Paras: []string{"One & two", "Courier Germany"}},
	}
	if len(got) != len(want) {
		t.Fatalf("got %d sections, want %d: %+v", len(got), len(want), got)
	}
	for i := range want {
		if got[i].ID != want[i].ID || got[i].Heading != want[i].Heading || got[i].Level != want[i].Level || !slices.Equal(got[i].Paras, want[i].Paras) {
			t.Errorf("section %d:\n got %+v\nwant %+v", i, got[i], want[i])
		}
	}
	if got[2].Key() != "heading:Cookies" || got[0].Key() != "id:a" {
		t.Errorf("keys %q, %q: numbered extra sections are matched by heading, others by anchor", got[2].Key(), got[0].Key())
	}
}

// TestHashIgnoresMarkupAndVersions: the hash changes with the text only.
func TestHashIgnoresMarkupAndVersions(t *testing.T) {
	hash := func(p string) string {
		s, err := Sections([]byte(p))
		if err != nil {
			t.Fatal(err)
		}
		return Hash(s)
	}
	base := hash(page)
	for _, tc := range []struct {
		name, from, to string
		same           bool
	}{
		{"markup", "<strong>Berlin</strong>", "<em>Berlin</em>", true},
		{"the list of versions", "Version of 1 May 2026", "Version of 1 June 2026", true},
		{"the effective line outside the sections", "Effective from 1 May", "Effective from 2 May", true},
		{"a word", "bakery", "butcher", false},
		{"a heading", "Who we are", "Who we were", false},
	} {
		if !strings.Contains(page, tc.from) {
			t.Fatalf("%s: %q not in the page", tc.name, tc.from)
		}
		if got := hash(strings.Replace(page, tc.from, tc.to, 1)) == base; got != tc.same {
			t.Errorf("%s: same hash = %v, want %v", tc.name, got, tc.same)
		}
	}
}

func sec(id, heading string, paras ...string) Section {
	return Section{ID: id, Heading: heading, Level: 2, Paras: paras}
}

// TestCompare marks the words inserted and deleted in a changed section and
// names the sections added and removed, each where it belongs.
func TestCompare(t *testing.T) {
	old := []Section{
		sec("controller", "Who we are", "We are a bakery in Berlin."),
		sec("fax", "Fax", "Send us a fax."),
		sec("rights", "Your rights", "You may ask for a copy.", "You may object."),
	}
	now := []Section{
		sec("controller", "Who we are", "We are a bakery in Berlin."),
		sec("rights", "Your rights", "You may ask for a free copy at any time.", "You may object."),
		sec("section-1", "Cookies", "We set one cookie."),
	}
	r := Compare(old, now)
	if !slices.Equal(r.Added, []string{"Cookies"}) || !slices.Equal(r.Removed, []string{"Fax"}) {
		t.Errorf("added %v, removed %v; want [Cookies], [Fax]", r.Added, r.Removed)
	}
	var order []string
	for i, s := range r.Sections {
		order = append(order, s.Heading+":"+s.Status.String())
		if s.N != i+1 {
			t.Errorf("section %d numbered %d", i, s.N)
		}
	}
	if want := []string{"Who we are:same", "Fax:removed", "Your rights:changed", "Cookies:added"}; !slices.Equal(order, want) {
		t.Errorf("order %v, want %v", order, want)
	}
	ch := r.Changed()
	if len(ch) != 1 || ch[0].Inserted != 5 || ch[0].Deleted != 1 {
		t.Fatalf("changed %+v, want Your rights with 5 words inserted, 1 deleted", ch)
	}
	if got, want := render(ch[0].Paras), "You may ask for a [-copy.-] [+free copy at any time.+]|You may object."; got != want {
		t.Errorf("redline\n got %q\nwant %q", got, want)
	}
	if r.Sections[1].Deleted != 4 || r.Sections[3].Inserted != 4 {
		t.Errorf("removed section deletes %d words, added inserts %d; want 4 and 4", r.Sections[1].Deleted, r.Sections[3].Inserted)
	}
	if Compare(old, old).Same() == false || r.Same() {
		t.Error("Same() is wrong")
	}
}

// TestCompareWords: every word of the earlier text is kept or deleted, every
// word of the later one kept or inserted, in order.
func TestCompareWords(t *testing.T) {
	for _, tc := range [][2]string{
		{"a b c d", "a x c d"},
		{"the notice is effective from 1 May 2026", "this notice is effective from 1 November 2026 onwards"},
		{"", "all new"},
		{"all gone", ""},
		{"same same same", "same same"},
	} {
		c := compare(sec("s", "S", tc[0]), sec("s", "S", tc[1]))
		var before, after []string
		for _, p := range c.Paras {
			for _, s := range p {
				if s.Op != Insert {
					before = append(before, s.Text)
				}
				if s.Op != Delete {
					after = append(after, s.Text)
				}
			}
		}
		if strings.Join(before, " ") != strings.Join(strings.Fields(tc[0]), " ") || strings.Join(after, " ") != strings.Join(strings.Fields(tc[1]), " ") {
			t.Errorf("%q -> %q: redline %q", tc[0], tc[1], render(c.Paras))
		}
	}
}

// TestManyDistinctWords: more distinct words than runes below the
// surrogates still map back to themselves.
func TestManyDistinctWords(t *testing.T) {
	var a, b []string
	for i := range 60000 {
		a = append(a, fmt.Sprint("w", i))
	}
	b = append(append([]string{}, a...), "end")
	c := compare(sec("s", "S", strings.Join(a, " ")), sec("s", "S", strings.Join(b, " ")))
	if c.Inserted != 1 || c.Deleted != 0 {
		t.Fatalf("inserted %d, deleted %d; want 1, 0", c.Inserted, c.Deleted)
	}
	last := c.Paras[0][len(c.Paras[0])-1]
	if last.Op != Insert || last.Text != "end" || !strings.HasSuffix(c.Paras[0][0].Text, "w59999") {
		t.Errorf("words mapped back wrongly: last span %+v", last)
	}
}

// render writes paragraphs as text: [+inserted+] [-deleted-], | between.
func render(paras [][]Span) string {
	var ps []string
	for _, p := range paras {
		var ws []string
		for _, s := range p {
			switch s.Op {
			case Insert:
				ws = append(ws, "[+"+s.Text+"+]")
			case Delete:
				ws = append(ws, "[-"+s.Text+"-]")
			default:
				ws = append(ws, s.Text)
			}
		}
		ps = append(ps, strings.Join(ws, " "))
	}
	return strings.Join(ps, "|")
}
