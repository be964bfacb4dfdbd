package render

import (
	"slices"
	"strings"

	"github.com/basis-privacy/basis/generator/check"
	"github.com/basis-privacy/basis/generator/law"
	"github.com/basis-privacy/basis/generator/locale"
	"github.com/basis-privacy/basis/generator/model"
)

// RegimeNotice is what a regime that applies to the customers of some
// markets adds to the notice for them: why it applies, the legal basis of
// each purpose under it, their rights, objection and withdrawal under it,
// where they complain, and the controller's representative there.
type RegimeNotice struct {
	Regime  string
	Markets string // the markets' names, joined
	Reason  string // the provision that makes it apply, cited
	Bases   []BasisLine
	// Interests, Marketing, Consents: the notice has purposes on
	// legitimate interests, direct marketing, purposes on consent.
	Interests, Marketing, Consents bool
	Children                       bool
	// ObjectionRight is the message id of the right to object in the
	// list of rights: the regime's own wording where it has one, else the
	// GDPR's pointing below to the paragraph on legitimate interests where
	// that is printed, or saying that no purpose rests on them.
	ObjectionRight string
	Authorities    []*Authority
	Land           bool
	Representative *model.Contact
}

// BasisLine is one purpose with its legal basis under a regime.
type BasisLine struct {
	Purpose, Basis string
}

// regimeNotice builds what regime g adds for the customers it covers.
func regimeNotice(p *locale.Printer, res *check.Result, g check.Regime) RegimeNotice {
	c, lang := res.Company, p.Lang()
	rn := RegimeNotice{Regime: string(g.Regime), Reason: p.T("ref." + g.Reason), Land: g.Land, Children: aimedAtChildren(c),
		Authorities: authorities(p, c, g), Representative: representative(c, g.Regime)}
	names := make([]string, len(g.Markets))
	for i, m := range g.Markets {
		names[i] = marketName(p, m)
	}
	rn.Markets = strings.Join(names, p.T("list.separator"))
	for i := range c.Purposes {
		pu := &c.Purposes[i]
		basis := p.T("basis."+string(pu.Basis)) + " (" + p.T("cite."+string(g.Regime)+"."+string(pu.Basis)) + ")"
		if pu.Marketing != nil && pu.Basis != model.Consent {
			var in []string
			for _, o := range res.Purposes[pu.ID].Marketing {
				if slices.Contains(g.Markets, o.Market) {
					if b := basisLabel(p, o); b != "" {
						in = append(in, p.T("notice.purpose.basis.market", "Market", marketName(p, o.Market), "Basis", b))
					}
				}
			}
			if len(in) > 0 {
				basis = strings.Join(in, "; ")
			}
			rn.Marketing = true
		}
		rn.Interests = rn.Interests || res.Purposes[pu.ID].RestsOnInterests
		rn.Consents = rn.Consents || pu.Basis == model.Consent
		rn.Bases = append(rn.Bases, BasisLine{Purpose: pu.Name.In(lang), Basis: basis})
	}
	rn.ObjectionRight = objectionRight(p, g.Regime, rn.Interests)
	return rn
}

// objectionRight is the message id of the right to object in a regime's
// section (RegimeNotice.ObjectionRight).
func objectionRight(p *locale.Printer, g law.Regime, interests bool) string {
	switch {
	case p.Has("notice.right.objection." + string(g)):
		return "notice.right.objection"
	case interests:
		return "notice.right.objection.below"
	}
	return "notice.right.objection.none"
}

// authorities are the supervisory authorities the notice names under g: the
// company's own authority: under its home regime where it names one, else
// those check found.
func authorities(p *locale.Printer, c *model.Company, g check.Regime) []*Authority {
	if a := c.Authority; a != nil && g.Home {
		return []*Authority{{Name: a.Name.In(p.Lang()), Address: a.Address, Website: a.Website}}
	}
	// The customers' own authorities under a regime that reaches the
	// controller through them say whose they are.
	return named(p, g.Authorities, !g.Home)
}

// named gives authorities their names in p's language, and where country
// is set the name of the country whose customers each is for.
func named(p *locale.Printer, as []law.Authority, country bool) []*Authority {
	var out []*Authority
	for _, k := range as {
		a := &Authority{Name: p.T("authority." + k.Key + ".name"), Address: k.Address, Website: k.Website, Unverified: !k.Verified()}
		if country {
			a.Country = countryIn(p, k.Key)
		}
		out = append(out, a)
	}
	return out
}

// representative is the controller's representative under regime g (Art.
// 27 GDPR, Art. 27 UK GDPR), or nil.
func representative(c *model.Company, g law.Regime) *model.Contact {
	switch g {
	case law.GDPR:
		return c.Representative
	case law.UKGDPR:
		return c.UKRepresentative
	}
	return nil
}

// aimedAtChildren reports whether a purpose, form or campaign of c is aimed
// at children.
func aimedAtChildren(c *model.Company) bool {
	for _, p := range c.Purposes {
		if p.Children != nil {
			return true
		}
	}
	for _, f := range c.Forms {
		if f.Children != nil {
			return true
		}
	}
	for _, k := range c.Campaigns {
		if k.Children != nil {
			return true
		}
	}
	return false
}
