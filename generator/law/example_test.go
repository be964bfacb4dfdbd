package law_test

import (
	"fmt"

	"github.com/basis-privacy/basis/generator/law"
)

// The law of a market: Poland has no existing-customer exception, Germany's
// is § 7(3) UWG with its conditions.
func ExampleFor() {
	for _, m := range []law.Market{law.PL, law.DE} {
		r := law.For(m)
		if r.Exception == nil {
			fmt.Printf("%s: consent (%s)\n", m, r.Consent[0])
			continue
		}
		x := r.Exception
		fmt.Printf("%s: exception %s, own similar %s, notice %s\n", m, x.ID, x.OwnSimilar, x.Notice)
	}
	// Output:
	// PL: consent (pke-398-1)
	// DE: exception uwg-7-3, own similar uwg-7-3-2, notice uwg-7-3-4
}

// Transfers are judged from the controller's regime.
func ExampleAbroad() {
	fmt.Println(law.Abroad("GB", "UK"), law.Abroad("GB", "DE"), law.Adequate("GB", "DE"), law.Abroad("DE", "PL"))
	// Output: false true true false
}

// A GDPR provision in the form of a controller's regime.
func ExampleCite() {
	fmt.Println(law.Cite(law.UKGDPR, "gdpr-7-1"), law.Cite(law.PDPL, "gdpr-7-1"), law.Cite(law.GDPR, "gdpr-7-1"))
	// Output: uk-gdpr-7-1 vn-pdpl-9 gdpr-7-1
}
