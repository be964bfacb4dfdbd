package render

import (
	"golang.org/x/text/language"
	"golang.org/x/text/language/display"

	"github.com/basis-privacy/basis/generator/check"
	"github.com/basis-privacy/basis/generator/law"
	"github.com/basis-privacy/basis/generator/locale"
	"github.com/basis-privacy/basis/generator/model"
)

// Value is one item of an internal document: what the company file says,
// or, when it says nothing, an open item for the reviewer in its place.
// Basis never fills in what the file does not give.
type Value struct {
	Text string
	Open bool
}

// given is the Value of text from the file, or the open item open when
// text is empty.
func given(text, open string) Value {
	if text == "" {
		return Value{Text: open, Open: true}
	}
	return Value{Text: text}
}

// openItems counts the open items of vs.
func openItems(vs ...Value) int {
	n := 0
	for _, v := range vs {
		if v.Open {
			n++
		}
	}
	return n
}

// Record is the view of the record of processing activities (Art. 30
// GDPR): the controller's record, one Activity per purpose, and, for a
// company that processes data for its clients, its record as processor
// with the items of its processing agreements.
type Record struct {
	// Cite holds the citation of each item under the record's regime, by
	// ref id (gdpr-30-1-a, ...); "" under Law No. 91/2025/QH15, which
	// Basis could not verify asks for a record (see RULES.md).
	Cite map[string]string
	// Also are sentences naming the other regimes the record serves.
	Also       []string
	Joint      []JointLine
	Activities []Activity
	Transfers  []Value // every transfer, across the purposes
	Security   []string
	// SecurityMissing is the open item when the file describes no
	// measures.
	SecurityMissing Value
	Processor       []ClientActivity
	Open            int // open items in all
}

// JointLine is a joint controller with the purposes it determines jointly
// with the company.
type JointLine struct {
	*model.JointController
	Purposes    string
	Arrangement string
}

// Activity is the record's entry for one purpose.
type Activity struct {
	Purpose    *model.Purpose
	Name       string
	Basis      string
	Subjects   Value
	Data       string
	Recipients []*model.Recipient
	Transfers  []Value
	Retention  string
	Erasure    []string
	Joint      string // the joint controllers' names; "" for none
}

// ClientActivity is one processing the company carries out for its
// clients: its entry in the record as processor (Art. 30(2)) and the items
// of its processing agreements (Art. 28(3)).
type ClientActivity struct {
	*model.ClientProcessing
	Name, Nature, Duration string
	Data, Subjects         string
	Clients                []model.Contact
	ClientsOpen            Value // the open item when no client is named
	// Terms is the open item for the agreement's own terms (the
	// obligations and rights of the controller, Art. 28(3)), which the
	// file cannot show.
	Terms         Value
	Subprocessors []*model.Recipient
	Transfers     []Value
}

// recordRefs are the provisions the record cites, as GDPR ref ids.
var recordRefs = []string{"gdpr-30-1-a", "gdpr-30-1-b", "gdpr-30-1-c", "gdpr-30-1-d", "gdpr-30-1-e", "gdpr-30-1-f",
	"gdpr-30-1-g", "gdpr-30-2", "gdpr-26", "gdpr-28-3", "gdpr-28-4", "gdpr-32-1", "gdpr-6-1-f"}

// newRecord builds the record of the company of res in p's language.
func newRecord(p *locale.Printer, res *check.Result) *Record {
	c, g := res.Company, res.Regime()
	rec := &Record{Cite: map[string]string{}}
	for _, id := range recordRefs {
		if g != law.PDPL {
			rec.Cite[id] = p.T("ref." + law.Cite(g, id))
		}
	}
	for _, rg := range res.Regimes[1:] {
		rec.Also = append(rec.Also, p.T("record.also."+string(rg.Regime), "Markets", marketNames(p, rg.Markets), "Ref", p.T("ref."+rg.Reason)))
	}
	for i := range c.JointControllers {
		j := &c.JointControllers[i]
		rec.Joint = append(rec.Joint, JointLine{JointController: j, Purposes: purposeNames(p, c, j.Purposes), Arrangement: j.Arrangement.In(p.Lang())})
	}
	for i := range c.Purposes {
		a := activity(p, res, &c.Purposes[i])
		rec.Activities = append(rec.Activities, a)
		rec.Transfers = append(rec.Transfers, a.Transfers...)
		rec.Open += openItems(append(a.Transfers, a.Subjects)...)
	}
	for _, m := range c.Security {
		rec.Security = append(rec.Security, m.In(p.Lang()))
	}
	if len(rec.Security) == 0 {
		rec.SecurityMissing = Value{Text: p.T("record.open.security"), Open: true}
		rec.Open++
	}
	for i := range c.ForClients {
		ca := clientActivity(p, res, &c.ForClients[i])
		rec.Processor = append(rec.Processor, ca)
		rec.Open += openItems(append(ca.Transfers, ca.ClientsOpen, ca.Terms)...)
	}
	return rec
}

// activity is the record's entry for purpose pu.
func activity(p *locale.Printer, res *check.Result, pu *model.Purpose) Activity {
	c, lang := res.Company, p.Lang()
	a := Activity{Purpose: pu, Name: pu.Name.In(lang), Data: joinData(p, c, pu.Data), Retention: pu.Retention.In(lang),
		Basis:    p.T("basis."+string(pu.Basis)) + " (" + p.T("cite."+string(res.Regime())+"."+string(pu.Basis)) + ")",
		Subjects: given(joinSubjects(p, c, pu.Subjects), p.T("record.open.subjects"))}
	for _, id := range pu.Recipients {
		if r := c.RecipientByID(id); r != nil {
			a.Recipients = append(a.Recipients, r)
		}
	}
	a.Transfers = transfers(p, res, a.Recipients)
	for _, e := range pu.Erasure {
		a.Erasure = append(a.Erasure, p.T("record.erasure.item", "Data", joinData(p, c, e.Data), "Period", e.Period.In(lang)))
	}
	var joint []string
	for _, j := range c.JointFor(pu.ID) {
		joint = append(joint, j.Name)
	}
	a.Joint = join(p, joint)
	return a
}

// transfers states each recipient of rs outside the controller's
// regime's area with the ground of the transfer (Art. 30(1)(e), 46, 49
// GDPR), or an open item where the file gives none, or where a derogation
// asks for its safeguards to be documented.
func transfers(p *locale.Printer, res *check.Result, rs []*model.Recipient) []Value {
	g := string(res.Regime())
	var out []Value
	regions := countryNamer(p.Lang())
	for _, r := range rs {
		if !res.Transfer(r.Country) {
			continue
		}
		kv := []any{"Recipient", r.Name, "Country", countryName(p, regions, r.Country)}
		switch {
		case g == string(law.PDPL):
			out = append(out, Value{Text: p.T("record.transfer.pdpl", kv...)})
		case r.Safeguard == "":
			out = append(out, Value{Text: p.T("record.open.safeguard", kv...), Open: true})
		default:
			out = append(out, Value{Text: trIn(p, g, "record.transfer."+r.Safeguard, kv...)})
			if r.Safeguard == "derogation" {
				out = append(out, Value{Text: trIn(p, g, "record.open.derogation", kv...), Open: true})
			}
		}
	}
	return out
}

// clientActivity is the entry of one processing for clients.
func clientActivity(p *locale.Printer, res *check.Result, cp *model.ClientProcessing) ClientActivity {
	c, lang := res.Company, p.Lang()
	ca := ClientActivity{ClientProcessing: cp, Name: cp.Name.In(lang), Nature: cp.Nature.In(lang), Duration: cp.Duration.In(lang),
		Data: joinData(p, c, cp.Data), Subjects: joinSubjects(p, c, cp.Subjects), Clients: cp.Clients}
	if g := res.Regime(); g != law.PDPL {
		ca.Terms = Value{Text: p.T("record.open.terms", "Ref", p.T("ref."+law.Cite(g, "gdpr-28-3"))), Open: true}
	}
	if len(cp.Clients) == 0 {
		ca.ClientsOpen = Value{Text: p.T("record.open.clients"), Open: true}
	}
	for _, id := range cp.Subprocessors {
		if r := c.RecipientByID(id); r != nil {
			ca.Subprocessors = append(ca.Subprocessors, r)
		}
	}
	ca.Transfers = transfers(p, res, ca.Subprocessors)
	return ca
}

// subjectName names a category of data subjects in p's language.
func subjectName(p *locale.Printer, c *model.Company, id string) string {
	if sc := c.SubjectCategoryByID(id); sc != nil {
		return sc.Name.In(p.Lang())
	}
	return p.T("subject." + id)
}

func joinSubjects(p *locale.Printer, c *model.Company, ids []string) string {
	names := make([]string, len(ids))
	for i, id := range ids {
		names[i] = subjectName(p, c, id)
	}
	return join(p, names)
}

// purposeNames names the purposes ids as the notice does.
func purposeNames(p *locale.Printer, c *model.Company, ids []string) string {
	var names []string
	for _, id := range ids {
		if pu := c.PurposeByID(id); pu != nil {
			names = append(names, pu.Name.In(p.Lang()))
		}
	}
	return join(p, names)
}

// trIn is the template function tr for Go code: id.<regime> where the
// locales have it, else id.
func trIn(p *locale.Printer, regime, id string, kv ...any) string {
	if x := id + "." + regime; p.Has(x) {
		return p.T(x, kv...)
	}
	return p.T(id, kv...)
}

// Record renders the record of processing activities of the company of
// res in lang.
func (r *Renderer) Record(res *check.Result, lang string) ([]byte, error) {
	c := res.Company
	v, err := r.view(c, lang)
	if err != nil {
		return nil, err
	}
	q := v.p.Track()
	page := r.companyPage("record", c, lang, newRecord(q, res))
	page.Regime = string(res.Regime())
	if r.docHistory != nil {
		page.Versions = r.docHistory(c, lang, "record")
	}
	return v.executeWith(q, "record.html", page)
}

// countryNamer names countries in lang, from CLDR.
func countryNamer(lang string) display.Namer { return display.Regions(language.Make(lang)) }
