package render

import (
	"encoding/json"
	"strings"

	"github.com/basis-privacy/basis/generator/check"
)

// jsonChecklist is the stable shape of checklist.json.
type jsonChecklist struct {
	Company   string         `json:"company"`
	Lang      string         `json:"lang"`
	Campaigns []jsonCampaign `json:"campaigns"`
}

type jsonCampaign struct {
	ID       string        `json:"id"`
	Name     string        `json:"name"`
	Verdicts []jsonVerdict `json:"verdicts"`
	// Eligibility is who may receive the campaign, one rule per market, in
	// the shape basis check --format json gives it (check.EligibilityJSON);
	// Excluded the markets where nobody may.
	Eligibility []check.EligibilityJSON `json:"eligibility"`
	Excluded    []string                `json:"excluded_markets"`
	Items       []jsonItem              `json:"items"`
}

type jsonVerdict struct {
	Market    string `json:"market"`
	Verdict   string `json:"verdict"`
	Basis     string `json:"basis"`
	Exception string `json:"exception"`
	Contested bool   `json:"contested"`
}

type jsonItem struct {
	ID       string   `json:"id"`
	Group    string   `json:"group"`
	Question string   `json:"question"`
	Answer   string   `json:"answer"`
	Result   string   `json:"result"`
	Market   string   `json:"market,omitempty"`
	Refs     []string `json:"refs"`
}

// results names the answers as checklist.json writes them.
var results = map[State]string{Yes: "met", No: "not_met", Open: "open", NA: "not_applicable", Noted: "established"}

// ChecklistJSON renders checklist.json of c in lang from the same structure
// as checklist.html: per campaign its verdict per market and its items.
func (r *Renderer) ChecklistJSON(res *check.Result, lang string) ([]byte, error) {
	c := res.Company
	p, err := r.Printer(c, lang)
	if err != nil {
		return nil, err
	}
	doc := jsonChecklist{Company: c.Slug, Lang: lang, Campaigns: []jsonCampaign{}}
	for _, k := range res.Campaigns {
		rv := review(p, res, k)
		jc := jsonCampaign{ID: k.ID, Name: rv.Name, Verdicts: []jsonVerdict{}, Items: []jsonItem{},
			Eligibility: []check.EligibilityJSON{}, Excluded: []string{}}
		for _, o := range k.Outcomes {
			jc.Verdicts = append(jc.Verdicts, jsonVerdict{Market: string(o.Market), Verdict: string(o.Verdict),
				Basis: string(o.Basis), Exception: o.Exception, Contested: o.Contested})
		}
		for _, e := range k.Rules() {
			w, err := check.WireEligibility(p, e)
			if err != nil {
				return nil, err
			}
			jc.Eligibility = append(jc.Eligibility, w)
			if e.Nobody {
				jc.Excluded = append(jc.Excluded, string(e.Market))
			}
		}
		for _, g := range rv.Groups {
			for _, it := range g.Items {
				refs := it.Refs
				if refs == nil {
					refs = []string{}
				}
				jc.Items = append(jc.Items, jsonItem{ID: it.ID(), Group: g.Key, Question: it.question(p),
					Answer: strings.Join(it.Answer, " "), Result: results[it.State], Market: string(it.Market), Refs: refs})
			}
		}
		doc.Campaigns = append(doc.Campaigns, jc)
	}
	b, err := json.MarshalIndent(doc, "", "  ")
	if err != nil {
		return nil, err
	}
	if err := p.Err(); err != nil {
		return nil, err
	}
	return append(b, '\n'), nil
}
