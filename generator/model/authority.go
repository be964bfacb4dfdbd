package model

import "strings"

// AuthorityKeys lists the supervisory authorities Basis can name by itself:
// a country's, or a German city-state's (the German Länder each have their
// own authority for companies).
var AuthorityKeys = []string{"PL", "GB", "VN", "DE-BE", "DE-HH", "DE-HB"}

// AuthorityKey returns the key of the supervisory authority competent for c,
// or "" when Basis cannot tell (a German company outside a city-state).
func AuthorityKey(c *Company) string {
	switch c.Country {
	case "DE":
		addr := strings.ToLower(c.Controller.Address)
		for _, x := range []struct{ city, key string }{{"berlin", "DE-BE"}, {"hamburg", "DE-HH"}, {"bremen", "DE-HB"}} {
			if strings.Contains(addr, x.city) {
				return x.key
			}
		}
		return ""
	case "UK":
		return "GB"
	}
	for _, k := range AuthorityKeys {
		if k == c.Country {
			return k
		}
	}
	return ""
}
