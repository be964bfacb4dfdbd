package render

import (
	"github.com/basis-privacy/basis/generator/law"
	"github.com/basis-privacy/basis/generator/locale"
	"github.com/basis-privacy/basis/generator/model"
)

// Authority is the supervisory authority named in a notice (Art. 13(2)(d)).
type Authority struct {
	Name    string
	Address string
	Website string
}

// authority returns the authority to name in c's notice: the file's own, else
// the one the law package finds for the controller's seat, else nil.
func authority(p *locale.Printer, c *model.Company) *Authority {
	if a := c.Authority; a != nil {
		return &Authority{Name: a.Name.In(p.Lang()), Address: a.Address, Website: a.Website}
	}
	k, sure := law.AuthorityFor(c.Country, c.Controller.Address)
	if sure != law.Sure {
		return nil
	}
	return &Authority{Name: p.T("authority." + k.Key + ".name"), Address: k.Address, Website: k.Website}
}
