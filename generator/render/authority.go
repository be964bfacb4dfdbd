package render

import (
	"github.com/basis-privacy/basis/generator/locale"
	"github.com/basis-privacy/basis/generator/model"
)

// Authority is the supervisory authority named in a notice (Art. 13(2)(d)).
type Authority struct {
	Name    string
	Address string
	Website string
}

// knownAuthority is a supervisory authority whose name is in the locales
// (authority.<Key>.name) and whose address is the same in every language.
type knownAuthority struct {
	Key, Address, Website string
}

// authorities gives the address of each authority model.AuthorityKey names.
var authorities = map[string]knownAuthority{
	"PL":    {"PL", "ul. Stawki 2, 00-193 Warszawa", "https://uodo.gov.pl"},
	"GB":    {"GB", "Wycliffe House, Water Lane, Wilmslow, Cheshire SK9 5AF", "https://ico.org.uk"},
	"VN":    {"VN", "", ""},
	"DE-BE": {"DE-BE", "Alt-Moabit 59–61, 10555 Berlin", "https://www.datenschutz-berlin.de"},
	"DE-HH": {"DE-HH", "Ludwig-Erhard-Straße 22, 20459 Hamburg", "https://datenschutz-hamburg.de"},
	"DE-HB": {"DE-HB", "Arndtstraße 1, 27570 Bremerhaven", "https://www.datenschutz.bremen.de"},
}

// authority returns the authority to name in c's notice, or nil.
func authority(p *locale.Printer, c *model.Company) *Authority {
	if a := c.Authority; a != nil {
		return &Authority{Name: a.Name.In(p.Lang()), Address: a.Address, Website: a.Website}
	}
	key := model.AuthorityKey(c)
	if key == "" {
		return nil
	}
	k := authorities[key]
	return &Authority{Name: p.T("authority." + key + ".name"), Address: k.Address, Website: k.Website}
}
