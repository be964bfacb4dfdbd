package render

import (
	"slices"

	"github.com/basis-privacy/basis/generator/check"
	"github.com/basis-privacy/basis/generator/law"
	"github.com/basis-privacy/basis/generator/locale"
	"github.com/basis-privacy/basis/generator/model"
)

// State is the answer to one checklist item.
type State string

// Answers: met, not met, a point a human must still confirm, not
// applicable, and established: a fact the file states (what kind of message
// it is, what the data were collected for), which is not a condition that
// could be met.
const (
	Yes   State = "yes"
	No    State = "no"
	Open  State = "open"
	NA    State = "na"
	Noted State = "noted"
)

// Item is one question of the review checklist with its answer for a campaign.
type Item struct {
	Key    string     // checklist.item.<Key>
	Market law.Market // the market the item concerns; "" for all
	State  State      // empty in the blank checklist
	Answer []string   // what the company file says, in the page language
	Refs   []string   // citations, in the page language
	Help   string     // the blank checklist's guidance, in the page language
	// Question is the question where the regime of the checklist (blank)
	// or of every market the campaign is judged in (pre-filled) words it
	// otherwise (checklist.item.<Key>.<regime>); "" for checklist.item.<Key>.
	Question string
	Free     bool // the blank checklist asks for a written answer, not a tick
}

// question is the item's question in p's language.
func (it Item) question(p *locale.Printer) string {
	if it.Question != "" {
		return it.Question
	}
	return p.T("checklist.item." + it.Key)
}

// ID is the item's stable id: its key, and its market where it concerns one.
func (it Item) ID() string {
	if it.Market == "" {
		return it.Key
	}
	return it.Key + "." + string(it.Market)
}

// Group is a titled group of checklist items.
type Group struct {
	Key   string // checklist.group.<Key>
	Items []Item
}

// Market is the verdict on a campaign in one market, ready to print.
type Market struct {
	Market     law.Market
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

// Details are the reasons and conditions of the campaign's verdicts, one
// entry for all markets that give the same verdict for the same reasons on
// the same conditions, so the page says it once.
func (rv Review) Details() []Detail {
	var out []Detail
	for _, m := range rv.Markets {
		i := slices.IndexFunc(out, func(d Detail) bool { return d.sameAs(m) })
		if i < 0 {
			out = append(out, Detail{Verdict: m.Verdict, Contested: m.Contested, Reasons: m.Reasons, Conditions: m.Conditions})
			i = len(out) - 1
		}
		d := &out[i]
		d.Markets = append(d.Markets, m.Market)
		for _, r := range m.Refs {
			if !slices.Contains(d.Refs, r) {
				d.Refs = append(d.Refs, r)
			}
		}
	}
	return out
}

// Detail is what Details prints for one or more markets.
type Detail struct {
	Markets    []law.Market
	Verdict    string
	Contested  bool
	Reasons    []string
	Conditions []string
	Refs       []string // of every market, each once, in order
}

func (d Detail) sameAs(m Market) bool {
	return d.Verdict == m.Verdict && d.Contested == m.Contested &&
		slices.Equal(d.Reasons, m.Reasons) && slices.Equal(d.Conditions, m.Conditions)
}

// blankGroups is the checklist's structure: group, then items.
var blankGroups = []struct {
	key   string
	items []string
}{
	{"classify", []string{"kind", "promotion"}},
	{"purpose", []string{"original_purpose", "expectations", "same_business"}},
	{"data", []string{"scope", "access"}},
	{"softoptin", []string{"existing_customer", "own_similar", "objection_collection", "objection_every", "not_objected", "in_notice"}},
	{"consent", []string{"consent_records", "children"}},
	{"sending", []string{"sender_identified"}},
	{"document", []string{"documented_basis"}},
}

// blankPDPL is the blank checklist's structure under Law No. 91/2025/QH15:
// there is no existing-customer exception, and Decree No. 91/2020/ND-CP asks
// every advertising e-mail for a refusal function and a stop on refusal.
var blankPDPL = []struct {
	key   string
	items []string
}{
	{"classify", []string{"kind", "promotion"}},
	{"purpose", []string{"original_purpose", "expectations", "same_business"}},
	{"data", []string{"scope", "access"}},
	{"softoptin", []string{"existing_customer"}},
	{"consent", []string{"consent_records", "children"}},
	{"sending", []string{"sender_identified", "refusal_function", "stop_on_refusal"}},
	{"document", []string{"documented_basis"}},
}

// freeText lists the items whose answer is written, not ticked: they ask
// "what" or "who", not "is it".
var freeText = map[string]bool{"kind": true, "original_purpose": true, "access": true}

// BlankChecklist renders the company-free checklist in lang.
func (r *Renderer) BlankChecklist(lang string) ([]byte, error) {
	// The blank checklist follows the law of its reader: Law No.
	// 91/2025/QH15 and Decree No. 356/2025/ND-CP in Vietnamese, the GDPR
	// in the other languages.
	p := r.printer(nil, lang)
	regime := law.GDPR
	if lang == "vi" {
		regime = law.PDPL
	}
	var groups []Group
	structure := blankGroups
	if regime == law.PDPL {
		structure = blankPDPL
	}
	for _, g := range structure {
		grp := Group{Key: g.key}
		for _, it := range g.items {
			help := "checklist.help." + it
			if p.Has(help + "." + string(regime)) {
				help += "." + string(regime)
			}
			item := Item{Key: it, Help: p.T(help), Free: freeText[it]}
			if q := "checklist.item." + it + "." + string(regime); p.Has(q) {
				item.Question = p.T(q)
			}
			grp.Items = append(grp.Items, item)
		}
		groups = append(groups, grp)
	}
	page := &Page{Doc: "blank-checklist", Lang: lang, Regime: string(regime), Root: "../", Generator: r.generator(), Data: groups,
		Home: "../" + IndexFile(lang), PDF: r.pdfOf(lang), Canonical: r.address("blank-checklist", "checklist/"+lang+".html"),
		Firm: r.firmOn("blank-checklist", lang)}
	for _, l := range r.siteLangs() {
		page.Langs = append(page.Langs, Link{Href: l + ".html", Lang: l, Here: l == lang})
		if page.Canonical != "" {
			page.Alternates = append(page.Alternates, Link{Href: r.site.base + "checklist/" + l + ".html", Lang: l})
		}
	}
	v, err := r.viewFor(lang, page)
	if err != nil {
		return nil, err
	}
	return v.executeWith(p, "checklist.html", page)
}

// Checklist renders the checklist of the company of res pre-filled for each
// campaign in lang, with the verdicts of the check per market.
func (r *Renderer) Checklist(res *check.Result, lang string) ([]byte, error) {
	c := res.Company
	v, err := r.view(c, lang)
	if err != nil {
		return nil, err
	}
	q := v.p.Track()
	var reviews []Review
	for _, k := range res.Campaigns {
		reviews = append(reviews, review(q, res, k))
	}
	page := r.companyPage("checklist", c, lang, reviews)
	page.Regime = string(res.Regime())
	return v.executeWith(q, "checklist.html", page)
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

// displayName returns the name in lang of the business, campaign, purpose
// or recipient id that a check message argument key refers to, or id
// itself.
func displayName(c *model.Company, key, id, lang string) string {
	var name model.Text
	switch key {
	case "Recipient":
		if rc := c.RecipientByID(id); rc != nil && rc.Name != "" {
			return rc.Name
		}
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
