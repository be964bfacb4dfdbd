package redline_test

import (
	"fmt"

	"github.com/basis-privacy/basis/generator/redline"
)

func ExampleCompare() {
	before, _ := redline.Sections([]byte(`<main>
<section id="rights"><h2>Your rights</h2><p>You may ask for a copy.</p></section>
<section id="fax"><h2>Fax</h2><p>Send us a fax.</p></section></main>`))
	after, _ := redline.Sections([]byte(`<main>
<section id="rights"><h2>Your rights</h2><p>You may ask for a free copy.</p></section>
<section id="section-1"><h2>Cookies</h2><p>We set one cookie.</p></section></main>`))
	r := redline.Compare(before, after)
	fmt.Println("added:", r.Added, "removed:", r.Removed)
	for _, c := range r.Changed() {
		fmt.Printf("%s: %d inserted, %d deleted\n", c.Heading, c.Inserted, c.Deleted)
		for _, s := range c.Paras[0] {
			switch {
			case s.Inserted():
				fmt.Printf("[+%s+] ", s.Text)
			case s.Deleted():
				fmt.Printf("[-%s-] ", s.Text)
			default:
				fmt.Printf("%s ", s.Text)
			}
		}
		fmt.Println()
	}
	// Output:
	// added: [Cookies] removed: [Fax]
	// Your rights: 1 inserted, 0 deleted
	// You may ask for a [+free+] copy.
}
