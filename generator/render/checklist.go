package render

import (
	"slices"

	"github.com/basis-privacy/basis/generator/check"
	"github.com/basis-privacy/basis/generator/locale"
	"github.com/basis-privacy/basis/generator/model"
)

// State is the answer to one checklist item.
type State string

// Answers: met, not met, a point a human must still confirm, not applicable.
const (
	Yes  State = "yes"
	No   State = "no"
	Open State = "open"
	NA   State = "na"
)

// Item is one question of the review checklist with its answer for a campaign.
type Item struct {
	Key    string   // checklist.item.<Key>
	State  State    // empty in the blank checklist
	Answer []string // what the company file says, in the page language
	Refs   []string // citations, in the page language
}

// Group is a titled group of checklist items.
type Group struct {
	Key   string // checklist.group.<Key>
	Items []Item
}

// Market is the verdict on a campaign in one market, ready to print.
type Market struct {
	Market     string
	Verdict    string
	Basis      string
	Conditions []string
	Reasons    []string
	Refs       []string
	Contested  bool
}

// Review is the pre-filled checklist of one campaign.
type Review struct {
	Campaign *model.Campaign
	Name     string
	Groups   []Group
	Markets  []Market
	Open     int // items a human must still confirm
}

// blankGroups is the checklist's structure: group, then items.
var blankGroups = []struct {
	key   string
	items []string
}{
	{"classify", []string{"kind", "promotion"}},
	{"purpose", []string{"original_purpose", "expectations", "same_business"}},
	{"data", []string{"scope", "access"}},
	{"softoptin", []string{"existing_customer", "own_similar", "objection_collection", "objection_every", "in_notice"}},
	{"consent", []string{"consent_records"}},
	{"document", []string{"documented_basis"}},
}

// BlankChecklist renders the company-free checklist in lang.
func (r *Renderer) BlankChecklist(lang string) ([]byte, error) {
	var groups []Group
	for _, g := range blankGroups {
		grp := Group{Key: g.key}
		for _, it := range g.items {
			grp.Items = append(grp.Items, Item{Key: it})
		}
		groups = append(groups, grp)
	}
	page := &Page{Doc: "blank-checklist", Lang: lang, Root: "../", Generator: r.generator(), Data: groups}
	for _, l := range model.Languages {
		page.Langs = append(page.Langs, Link{Href: l + ".html", Lang: l, Here: l == lang})
	}
	return r.execute("checklist.html", lang, page)
}

// Checklist renders the checklist of c pre-filled for each campaign in lang,
// with the verdicts of the check per market.
func (r *Renderer) Checklist(c *model.Company, lang string, outcomes []check.Outcome) ([]byte, error) {
	p := r.printers[lang]
	var reviews []Review
	for i := range c.Campaigns {
		reviews = append(reviews, r.review(p, c, &c.Campaigns[i], outcomes))
	}
	return r.execute("checklist.html", lang, r.companyPage("checklist", c, lang, reviews))
}

// review fills the checklist for one campaign from the company file and the
// verdicts. Every answer says where it comes from; what the file cannot
// tell is marked open.
func (r *Renderer) review(p *locale.Printer, c *model.Company, k *model.Campaign, outcomes []check.Outcome) Review {
	rv := Review{Campaign: k, Name: k.Name.In(p.Lang())}
	if rv.Name == "" {
		rv.Name = k.ID
	}
	reg := Regime(c)
	ref := func(gdpr, uk, vn string) []string {
		id := gdpr
		switch reg {
		case "ukgdpr":
			id = uk
		case "pdpl":
			id = vn
		}
		if id == "" {
			return nil
		}
		return []string{p.T("ref." + id)}
	}
	pur := c.PurposeByID(k.Purpose)
	name := func(b string) string {
		if x := c.BusinessByID(b); x != nil {
			return x.Name.In(p.Lang())
		}
		return b
	}
	yesNo := func(ok bool) State {
		if ok {
			return Yes
		}
		return No
	}
	marketing := k.Kind == model.SimilarProducts || k.Kind == model.NewProducts || k.Promotion
	promotes := k.Promotes
	if promotes == "" {
		promotes = k.Audience.Business
	}

	classify := Group{Key: "classify", Items: []Item{
		{Key: "kind", State: Yes, Answer: []string{p.T("checklist.kind." + string(k.Kind))}, Refs: kindRefs(k.Kind, ref)},
		{Key: "promotion", State: yesNo(!k.Promotion || marketing), Answer: []string{p.T(boolKey("checklist.answer.promotion", k.Promotion))},
			Refs: ref(promotionRef(c.Country), "pecr-22-2", "vn-pdpl")},
	}}
	if k.Kind == model.Transactional && k.Promotion {
		classify.Items[1].State = No
	}

	purpose := Group{Key: "purpose"}
	if pur != nil {
		purpose.Items = append(purpose.Items, Item{Key: "original_purpose", State: Yes,
			Answer: []string{p.T("checklist.answer.original_purpose", "Purpose", pur.Name.In(p.Lang()),
				"Basis", p.T("basis."+string(pur.Basis)), "Cite", p.T("cite."+reg+"."+string(pur.Basis)))},
			Refs: ref("gdpr-5-1-b", "gdpr-5-1-b", "vn-pdpl")})
	}
	purpose.Items = append(purpose.Items, Item{Key: "expectations", State: Open,
		Answer: []string{p.T("checklist.answer.expectations")}, Refs: ref("gdpr-6-4", "gdpr-6-4", "vn-pdpl")})
	sameBusiness := k.Audience.Business == "" || promotes == k.Audience.Business
	purpose.Items = append(purpose.Items, Item{Key: "same_business", State: yesNo(sameBusiness),
		Answer: []string{p.T("checklist.answer.same_business", "Audience", name(k.Audience.Business), "Promotes", name(promotes))},
		Refs:   ref("eprivacy-13-2", "pecr-22-3", "vn-pdpl")})
	if k.Audience.Business == "" {
		purpose.Items[len(purpose.Items)-1].State = Open
	}

	data := Group{Key: "data"}
	var extra []string
	if pur != nil {
		for _, d := range k.Data {
			if !slices.Contains(pur.Data, d) {
				extra = append(extra, dataName(p, c, d))
			}
		}
	}
	scope := Item{Key: "scope", State: yesNo(len(extra) == 0),
		Answer: []string{p.T("checklist.answer.scope", "Data", joinData(p, c, k.Data))}, Refs: ref("gdpr-5-1-c", "gdpr-5-1-c", "vn-pdpl")}
	if len(extra) > 0 {
		scope.Answer = append(scope.Answer, p.T("checklist.answer.scope_extra", "Data", join(p, extra)))
	}
	data.Items = append(data.Items, scope)
	access := Item{Key: "access", State: Open, Answer: []string{p.T("checklist.answer.access")}, Refs: ref("gdpr-28-3", "gdpr-28-3", "vn-pdpl")}
	if pur != nil && len(pur.Recipients) > 0 {
		var names []string
		for _, id := range pur.Recipients {
			if rc := c.RecipientByID(id); rc != nil {
				names = append(names, rc.Name)
			}
		}
		access.Answer = append(access.Answer, p.T("checklist.answer.access_recipients", "Recipients", join(p, names)))
	}
	data.Items = append(data.Items, access)

	soft := Group{Key: "softoptin"}
	if k.Kind == model.SimilarProducts || k.Kind == model.SatisfactionSurvey {
		var m *model.Marketing
		if pur != nil {
			m = pur.Marketing
		}
		similar := Open
		if k.Similar != nil {
			similar = yesNo(*k.Similar && sameBusiness)
		}
		if !sameBusiness {
			similar = No
		}
		soft.Items = []Item{
			{Key: "existing_customer", State: customerState(c, k.Audience.Who),
				Answer: []string{p.T("checklist.who." + string(k.Audience.Who))}, Refs: ref("eprivacy-13-2", "pecr-22-3", "vn-pdpl")},
			{Key: "own_similar", State: similar, Answer: []string{p.T("checklist.answer.same_business", "Audience", name(k.Audience.Business), "Promotes", name(promotes))},
				Refs: ref("uwg-7-3-2", "pecr-22-3", "vn-pdpl")},
			{Key: "objection_collection", State: yesNo(m != nil && m.ObjectionAtCollection),
				Answer: []string{p.T(boolKey("checklist.answer.objection_collection", m != nil && m.ObjectionAtCollection))}, Refs: ref("uwg-7-3", "pecr-22-3", "vn-pdpl")},
			{Key: "objection_every", State: yesNo(m != nil && m.UnsubscribeInEveryMessage),
				Answer: []string{p.T(boolKey("checklist.answer.objection_every", m != nil && m.UnsubscribeInEveryMessage))}, Refs: ref("eprivacy-13-2", "pecr-22-3", "vn-pdpl")},
			{Key: "in_notice", State: yesNo(m != nil),
				Answer: []string{p.T(boolKey("checklist.answer.in_notice", m != nil))}, Refs: ref("gdpr-21-4", "gdpr-21-4", "vn-pdpl")},
		}
	} else {
		soft.Items = []Item{{Key: "softoptin_na", State: NA, Answer: []string{p.T("checklist.answer.softoptin_na")}}}
	}

	consent := Group{Key: "consent"}
	needsConsent := pur != nil && pur.Basis == model.Consent
	for _, o := range outcomes {
		if o.Campaign == k.ID && o.Verdict == check.ConsentRequired {
			needsConsent = true
		}
	}
	if needsConsent {
		consent.Items = []Item{{Key: "consent_records", State: yesNo(k.ConsentRecords),
			Answer: []string{p.T(boolKey("checklist.answer.consent_records", k.ConsentRecords))}, Refs: ref("gdpr-7-1", "gdpr-7-1", "vn-pdpl-9")}}
	} else {
		consent.Items = []Item{{Key: "consent_records", State: NA, Answer: []string{p.T("checklist.answer.consent_na")}}}
	}

	doc := Group{Key: "document", Items: []Item{{Key: "documented_basis", State: Open, Answer: []string{p.T("checklist.answer.documented_basis")},
		Refs: ref("gdpr-5-1-b", "gdpr-5-1-b", "vn-pdpl")}}}

	rv.Groups = []Group{classify, purpose, data, soft, consent, doc}
	for _, g := range rv.Groups {
		for _, it := range g.Items {
			if it.State == Open {
				rv.Open++
			}
		}
	}
	for _, o := range outcomes {
		if o.Campaign != k.ID {
			continue
		}
		m := Market{Market: o.Market, Verdict: string(o.Verdict), Contested: o.Contested}
		if o.Basis != "" {
			m.Basis = p.T("basis."+string(o.Basis)) + " (" + p.T("cite."+regimeOfMarket(o.Market, reg)+"."+string(o.Basis)) + ")"
		}
		for _, x := range o.Conditions {
			m.Conditions = append(m.Conditions, message(p, c, x))
		}
		for _, x := range o.Reasons {
			m.Reasons = append(m.Reasons, message(p, c, x))
		}
		for _, id := range o.Refs {
			m.Refs = append(m.Refs, p.T("ref."+id))
		}
		rv.Markets = append(rv.Markets, m)
	}
	return rv
}

// regimeOfMarket names the law whose basis a verdict in market rests on.
func regimeOfMarket(market, fallback string) string {
	switch market {
	case "VN":
		return "pdpl"
	case "UK":
		return "ukgdpr"
	case "EU", "DE", "PL":
		return "gdpr"
	}
	return fallback
}

func boolKey(base string, b bool) string {
	if b {
		return base + ".yes"
	}
	return base + ".no"
}

// message prints a check message in the printer's language, naming the
// company's businesses, campaigns and purposes as the reader knows them
// rather than by their ids.
func message(p *locale.Printer, c *model.Company, m check.Message) string {
	kv := make([]any, 0, 2*len(m.Args))
	for _, k := range sortedKeys(m.Args) {
		v := m.Args[k]
		if id, ok := v.(string); ok {
			v = displayName(c, k, id, p.Lang())
		}
		kv = append(kv, k, v)
	}
	return p.T(m.ID, kv...)
}

// displayName returns the name in lang of the business, campaign or purpose
// id that a check message argument key refers to, or id itself.
func displayName(c *model.Company, key, id, lang string) string {
	var name model.Text
	switch key {
	case "Business", "Promotes", "Other", "Audience":
		if b := c.BusinessByID(id); b != nil {
			name = b.Name
		}
	case "Purpose":
		if pur := c.PurposeByID(id); pur != nil {
			name = pur.Name
		}
	case "Campaign":
		for i := range c.Campaigns {
			if c.Campaigns[i].ID == id {
				name = c.Campaigns[i].Name
			}
		}
	}
	if n := name.In(lang); n != "" {
		return n
	}
	return id
}

func dataName(p *locale.Printer, c *model.Company, id string) string {
	if dc := c.DataCategoryByID(id); dc != nil {
		return dc.Name.In(p.Lang())
	}
	return p.T("data." + id)
}

func joinData(p *locale.Printer, c *model.Company, ids []string) string {
	names := make([]string, len(ids))
	for i, id := range ids {
		names[i] = dataName(p, c, id)
	}
	return join(p, names)
}

func join(p *locale.Printer, xs []string) string {
	out := ""
	for i, x := range xs {
		if i > 0 {
			out += p.T("list.separator")
		}
		out += x
	}
	return out
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// promotionRef is the authority for "a message that also advertises is
// advertising" in the company's country: the German Federal Court of Justice
// for Germany, else the e-privacy rule on electronic mail for marketing.
func promotionRef(country string) string {
	if country == "DE" {
		return "bgh-vi-zr-134-15"
	}
	return "eprivacy-13-1"
}

// kindRefs cites what a kind of message rests on: the contract for
// transactional and after-sales messages, the rule on electronic marketing
// for the rest.
func kindRefs(k model.Kind, ref func(gdpr, uk, vn string) []string) []string {
	if k == model.Transactional || k == model.AfterSales {
		return ref("gdpr-6-1-b", "uk-gdpr-6-1-b", "vn-pdpl-19-1-d")
	}
	return ref("eprivacy-13-1", "pecr-22-2", "vn-pdpl-9")
}

// customerState answers "are the recipients existing customers?": people who
// asked about buying count only in the UK (negotiations for a sale), so for a
// company writing to the UK a person must confirm it market by market.
func customerState(c *model.Company, who model.Who) State {
	switch {
	case who == model.ExistingCustomers:
		return Yes
	case who == model.Inquirers && slices.Contains(c.Markets, "UK"):
		return Open
	}
	return No
}
