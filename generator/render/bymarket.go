package render

import (
	"github.com/basis-privacy/basis/generator/law"
	"github.com/basis-privacy/basis/generator/locale"
)

// marketGroup is the markets that share one wording of a message.
type marketGroup struct {
	ID      string
	Markets []law.Market
}

// byMarket groups markets by the wording of message id each gets: a
// market's own id.<code> where the locales word it (Austria's § 174(4) TKG
// 2021 words the objection otherwise than the UWG), else id; in the order
// the markets come.
func byMarket(p *locale.Printer, id string, ms []law.Market) []marketGroup {
	var out []marketGroup
	for _, m := range ms {
		x := id
		if own := id + "." + string(m); p.Has(own) {
			x = own
		}
		i := 0
		for i < len(out) && out[i].ID != x {
			i++
		}
		if i == len(out) {
			out = append(out, marketGroup{ID: x})
		}
		out[i].Markets = append(out[i].Markets, m)
	}
	return out
}

// objectionSentences is the notice's sentence on objecting to direct
// marketing for the markets ms: one sentence where every market words it
// alike, else one per wording, each saying for whose customers.
func objectionSentences(p *locale.Printer, regime string, ms []law.Market) []string {
	const id = "notice.marketing.object"
	if own := id + "." + regime; p.Has(own) {
		return []string{p.T(own)}
	}
	groups := byMarket(p, id, ms)
	if len(groups) <= 1 {
		return []string{p.T(id)}
	}
	var out []string
	for _, g := range groups {
		out = append(out, joinSentences(p.T("notice.marketing.object.markets", "Markets", marketNames(p, g.Markets)), p.T(g.ID)))
	}
	return out
}
