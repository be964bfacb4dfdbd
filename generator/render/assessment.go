package render

import (
	"slices"

	"github.com/basis-privacy/basis/generator/check"
	"github.com/basis-privacy/basis/generator/law"
	"github.com/basis-privacy/basis/generator/locale"
	"github.com/basis-privacy/basis/generator/model"
)

// Assessment is the view of the legitimate-interests assessments of a
// company: one per purpose that rests on Art. 6(1)(f) GDPR, with the
// campaigns under it, each of the three tests pre-filled from the file and
// what the file cannot tell left open for the reviewer.
type Assessment struct {
	Purposes []PurposeAssessment
	// Exception are the purposes on legitimate interests whose marketing
	// the existing-customer exception carries in every market: the
	// exception is their basis, so they are not balanced.
	Exception []string
	Sources   []string // the guidance the assessment follows, cited
	Open      int
}

// PurposeAssessment is the assessment of one purpose.
type PurposeAssessment struct {
	Purpose  *model.Purpose
	Name     string
	Interest Value
	// Necessity test.
	Data         string
	Selection    string // the data evaluated to choose what is sent; "" none
	Necessity    Value
	Alternatives Value
	// Balancing test.
	Subjects     Value
	Special      []Value // a company-specific category to confirm is no special category
	Children     string
	Collection   []string // how the data were collected
	Objection    []string // the objection offered
	Expectations Value
	Retention    string
	Erasure      []string
	Recipients   []*model.Recipient
	Transfers    []Value
	Balancing    Value
	Safeguards   []string
	Campaigns    []CampaignAssessment
	Open         int
}

// CampaignAssessment is what a campaign under an assessed purpose adds to
// the balancing: whom it reaches, with what data, on which basis in each
// market.
type CampaignAssessment struct {
	ID, Name string
	Channel  string
	Audience string
	Data     string
	Recency  int
	Bases    []string // per market: "Germany: ..."
	UsedBy   []string
	Children string
}

// newAssessment builds the assessments of the company of res in p's
// language.
func newAssessment(p *locale.Printer, res *check.Result) *Assessment {
	c, g := res.Company, res.Regime()
	a := &Assessment{}
	if g == law.PDPL {
		return a
	}
	for i := range c.Purposes {
		pu := &c.Purposes[i]
		if pu.Basis != model.LegitimateInterests {
			continue
		}
		if !res.Purposes[pu.ID].RestsOnInterests {
			a.Exception = append(a.Exception, pu.Name.In(p.Lang()))
			continue
		}
		pa := purposeAssessment(p, res, pu)
		a.Purposes = append(a.Purposes, pa)
		a.Open += pa.Open
	}
	a.Sources = assessmentSources(p, res)
	return a
}

// assessmentSources are the guidance the assessment follows: the EDPB's
// under the GDPR, the ICO's under the UK GDPR (the EDPB's guidelines do
// not bind there), and the German DSK's for a German controller or market.
func assessmentSources(p *locale.Printer, res *check.Result) []string {
	var out []string
	for _, rg := range res.Regimes {
		switch rg.Regime {
		case law.GDPR:
			out = append(out, p.T("ref.edpb-1-2024"))
		case law.UKGDPR:
			out = append(out, p.T("ref.ico-lia"))
		}
	}
	if c := res.Company; c.Country == "DE" || slices.Contains(c.Markets, law.DE) {
		out = append(out, p.T("ref.dsk-direktwerbung-2022"))
	}
	return out
}

// purposeAssessment pre-fills the three tests of purpose pu.
func purposeAssessment(p *locale.Printer, res *check.Result, pu *model.Purpose) PurposeAssessment {
	c, lang := res.Company, p.Lang()
	as := pu.Assessment
	if as == nil {
		as = &model.Assessment{}
	}
	open := func(key string) string { return p.T("assessment.open." + key) }
	pa := PurposeAssessment{Purpose: pu, Name: pu.Name.In(lang),
		Interest:     given(pu.Interest.In(lang), open("interest")),
		Data:         joinData(p, c, pu.Data),
		Necessity:    given(as.Necessity.In(lang), open("necessity")),
		Alternatives: given(as.Alternatives.In(lang), open("alternatives")),
		Subjects:     given(joinSubjects(p, c, pu.Subjects), p.T("record.open.subjects")),
		Expectations: given(as.Expectations.In(lang), open("expectations")),
		Retention:    pu.Retention.In(lang),
		Balancing:    given(as.Balancing.In(lang), open("balancing")),
	}
	if sel := res.Purposes[pu.ID].Selection; len(sel) > 0 {
		pa.Selection = joinData(p, c, sel)
	}
	for _, id := range pu.Data {
		if dc := c.DataCategoryByID(id); dc != nil {
			pa.Special = append(pa.Special, Value{Text: p.T("assessment.open.special", "Data", dc.Name.In(lang)), Open: true})
		}
	}
	pa.Children = p.T("assessment.children.none")
	if ch := pu.Children; ch != nil {
		pa.Children = p.T("assessment.children.ages", "From", ch.From, "To", ch.To)
	}
	pa.Collection = collection(p, res, pu)
	pa.Objection = objection(p, res, pu)
	for _, e := range pu.Erasure {
		pa.Erasure = append(pa.Erasure, p.T("record.erasure.item", "Data", joinData(p, c, e.Data), "Period", e.Period.In(lang)))
	}
	for _, id := range pu.Recipients {
		if r := c.RecipientByID(id); r != nil {
			pa.Recipients = append(pa.Recipients, r)
		}
	}
	pa.Transfers = transfers(p, res, pa.Recipients)
	for _, s := range as.Safeguards {
		pa.Safeguards = append(pa.Safeguards, s.In(lang))
	}
	for _, k := range res.Campaigns {
		if k.Purpose == pu {
			pa.Campaigns = append(pa.Campaigns, campaignAssessment(p, res, k))
		}
	}
	pa.Open = openItems(append(append(pa.Special, pa.Transfers...),
		pa.Interest, pa.Necessity, pa.Alternatives, pa.Subjects, pa.Expectations, pa.Balancing)...)
	return pa
}

// collection says how the purpose's data were collected: from someone
// else (its source:), or through the forms whose fields serve it or that
// tell of its marketing when the address is collected.
func collection(p *locale.Printer, res *check.Result, pu *model.Purpose) []string {
	lang := p.Lang()
	if !pu.Source.IsZero() {
		return []string{p.T("assessment.collection.source", "Source", pu.Source.In(lang))}
	}
	var out []string
	for _, f := range res.Forms {
		serves, told := false, false
		for _, fd := range f.Fields {
			serves = serves || fd.Purpose == pu
			told = told || (fd.Objection != nil && pu.Marketing != nil && slices.Contains(fd.Objection.Businesses, pu.Marketing.Business))
		}
		if !serves && !told {
			continue
		}
		name := f.Name.In(lang)
		if name == "" {
			name = f.ID
		}
		kind := string(f.Kind)
		if kind == "" {
			kind = "legacy"
		}
		line := p.T("assessment.collection.form", "Form", name, "Kind", p.T("assessment.form."+kind))
		if told && !serves {
			line = p.T("assessment.collection.told", "Form", name, "Kind", p.T("assessment.form."+kind))
		}
		out = append(out, line)
	}
	if len(out) == 0 {
		out = append(out, p.T("assessment.collection.none"))
	}
	return out
}

// objection says what the file tells of the person's right to object: the
// notice states it for every purpose on legitimate interests, and marketing
// may offer it when the address was collected and in every message.
func objection(p *locale.Printer, res *check.Result, pu *model.Purpose) []string {
	g := res.Regime()
	ref := "gdpr-21-1"
	if pu.Marketing != nil {
		ref = "gdpr-21-2-3"
	}
	out := []string{p.T("assessment.objection.notice", "Ref", p.T("ref."+law.Cite(g, ref)))}
	if m := pu.Marketing; m != nil {
		out = append(out, p.T(boolKey("assessment.objection.collection", m.ObjectionAtCollection)),
			p.T(boolKey("assessment.objection.every", m.UnsubscribeInEveryMessage)))
	}
	return out
}

// campaignAssessment is what campaign k adds to its purpose's balancing.
func campaignAssessment(p *locale.Printer, res *check.Result, k *check.Campaign) CampaignAssessment {
	c, lang := res.Company, p.Lang()
	ca := CampaignAssessment{ID: k.ID, Name: k.Name.In(lang), Channel: p.T("assessment.channel." + k.Channel),
		Data: joinData(p, c, k.Data), Recency: k.Audience.Recency}
	if ca.Name == "" {
		ca.Name = k.ID
	}
	ca.Audience = p.T("assessment.audience", "Who", p.T("assessment.who."+string(k.Audience.Who)),
		"Type", p.T("assessment.type."+string(k.Audience.Kind())), "Origin", p.T("assessment.origin."+origin(k.Origin)))
	for _, o := range k.Outcomes {
		b := basisLabel(p, o)
		if b == "" {
			b = p.T("checklist.verdict." + string(o.Verdict))
		}
		ca.Bases = append(ca.Bases, p.T("notice.purpose.basis.market", "Market", marketName(p, o.Market), "Basis", b))
	}
	for _, u := range k.UsedBy {
		ca.UsedBy = append(ca.UsedBy, u.In(lang))
	}
	if ch := k.Children; ch != nil {
		ca.Children = p.T("assessment.children.ages", "From", ch.From, "To", ch.To)
	}
	return ca
}

// Assessment renders the legitimate-interests assessments of the company
// of res in lang.
func (r *Renderer) Assessment(res *check.Result, lang string) ([]byte, error) {
	c := res.Company
	v, err := r.view(c, lang)
	if err != nil {
		return nil, err
	}
	q := v.p.Track()
	page := r.companyPage("assessment", c, lang, newAssessment(q, res))
	page.Regime = string(res.Regime())
	if r.docHistory != nil {
		page.Versions = r.docHistory(c, lang, "assessment")
	}
	return v.executeWith(q, "assessment.html", page)
}
