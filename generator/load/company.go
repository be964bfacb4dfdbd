package load

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/basis-privacy/basis/generator/law"
	"github.com/basis-privacy/basis/generator/model"
)

// ref is a reference to an id, resolved once the whole file is read.
type ref struct {
	pos   model.Pos
	kind  string // business, purpose, recipient, data
	id    string
	where string
}

// companyDecoder decodes one company file.
type companyDecoder struct {
	decoder
	c     *model.Company
	refs  []ref
	files *folder // the company folder, for logo and section files
}

func (d *companyDecoder) refer(dst *string, kind, where string) func(*yaml.Node) {
	return func(n *yaml.Node) {
		d.id(dst, where)(n)
		if *dst != "" {
			d.refs = append(d.refs, ref{pos: d.pos(n), kind: kind, id: *dst, where: where})
		}
	}
}

func (d *companyDecoder) referList(dst *[]string, kind, where string) func(*yaml.Node) {
	return d.list(where, func(n *yaml.Node) {
		var s string
		d.id(&s, where)(n)
		if s == "" {
			return
		}
		if slices.Contains(*dst, s) {
			d.fail(n, "remove the repeated entry", "%s lists %q twice", where, s)
			return
		}
		*dst = append(*dst, s)
		d.refs = append(d.refs, ref{pos: d.pos(n), kind: kind, id: s, where: where})
	})
}

// Parse decodes the company file at path from data. Problems in the input
// are returned together as Errors.
// Files it names (logo, section files) are read from the folder of path.
// Its own wording of shared messages is read from the locales folder next
// to it (see WithCatalog).
func Parse(path string, data []byte, opts ...Option) (*model.Company, error) {
	f := &folder{dir: filepath.Dir(path)}
	defer f.close()
	return parse(path, data, f, newOptions(opts))
}

func parse(path string, data []byte, files *folder, o options) (*model.Company, error) {
	d := &companyDecoder{decoder: decoder{file: path}, c: &model.Company{File: path, Dir: filepath.Dir(path)}, files: files}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		e := syntaxError(path, data, err)
		e.Syntax = true
		return nil, Errors{e}
	}
	if len(doc.Content) == 0 {
		return nil, Errors{{Pos: model.Pos{File: path, Line: 1, Column: 1}, Msg: "the company file is empty", Hint: "describe the company, starting with controller:, country: and languages:; " + starterHint}}
	}
	root := doc.Content[0]
	d.tags(root)
	d.controls(root, "the company file")
	d.languages(root)
	d.company(root)
	d.resolve()
	d.messages(o.cat)
	if len(d.errs) > 0 {
		return nil, d.errs
	}
	return d.c, nil
}

// starterHint says where someone who has only the binary finds how to write
// a company file.
const starterHint = "basis init --slug NAME writes a starter with every key and its choices in comments, " +
	"docs/company-file.md in the Basis source explains each key, and basis schema prints the JSON Schema for editors"

// languages reads the languages key first: Text values depend on it. When
// the key is missing or wrong (an unknown language, not a list, empty), that
// one mistake is reported where it is, and Text values are not checked
// against the list (see decoder.unsure): every text would otherwise be
// reported against an empty or wrong list.
func (d *companyDecoder) languages(root *yaml.Node) {
	d.unsure = true
	if root.Kind != yaml.MappingNode {
		return
	}
	for i := 0; i+1 < len(root.Content); i += 2 {
		if root.Content[i].Value == "languages" {
			before := len(d.errs)
			var langs []string
			d.enumList(&langs, "language", specAt("languages").Names())(root.Content[i+1])
			if len(langs) == 0 && root.Content[i+1].Kind == yaml.SequenceNode {
				d.fail(root.Content[i+1], "list at least one of en, de, pl, vi; the first is the default", "languages is empty")
			}
			d.c.Languages = langs
			d.langs = langs
			d.unsure = len(d.errs) > before || len(langs) == 0
			return
		}
	}
}

func (d *companyDecoder) company(root *yaml.Node) {
	c := d.c
	skip := func(*yaml.Node) {} // decoded by languages()
	register := string(model.Formal)
	c.At = d.mapping(root, "the company file", Company, decoders{
		"controller":             d.controller,
		"country":                d.country(&c.Country, "country"),
		"markets":                d.markets(&c.Markets),
		"languages":              skip,
		"effective":              d.date(&c.Effective, "effective"),
		"logo":                   d.str(&c.Logo, "logo"),
		"register":               d.enum(&register, "register", specAt("register").Names()),
		"representative":         d.contact(&c.Representative, "representative"),
		"uk_representative":      d.contact(&c.UKRepresentative, "uk_representative"),
		"authority":              d.authority,
		"automated_decisions":    d.markdown(&c.AutomatedDecisions, "automated_decisions"),
		"businesses":             d.list("businesses", d.business),
		"data_categories":        d.list("data_categories", d.dataCategory),
		"subject_categories":     d.list("subject_categories", d.subjectCategory),
		"purposes":               d.list("purposes", d.purpose),
		"recipients":             d.list("recipients", d.recipient),
		"joint_controllers":      d.list("joint_controllers", d.jointController),
		"security":               d.textList(&c.Security, "security measure"),
		"processing_for_clients": d.list("processing_for_clients", d.clientProcessing),
		"forms":                  d.list("forms", d.form),
		"fields":                 d.legacyFields,
		"campaigns":              d.list("campaigns", d.campaign),
		"sections":               d.list("sections", d.section),
		"accept":                 d.list("accept", d.acceptance),
	})
	c.Register = model.Register(register)
	if c.Logo != "" {
		d.logo(c.At.At("logo"), c.Logo)
	}
}

func (d *companyDecoder) controller(n *yaml.Node) {
	ct := &d.c.Controller
	ct.At = d.mapping(n, "controller", controllerSpec, decoders{
		"name":    d.str(&ct.Name, "controller name"),
		"address": d.str(&ct.Address, "controller address"),
		"email":   d.email(&ct.Email, "controller email"),
		"phone":   d.str(&ct.Phone, "controller phone"),
		"website": d.website(&ct.Website, "controller website"),
		"dpo":     d.contact(&ct.DPO, "dpo"),
		"enterprise": d.enum(&ct.Enterprise, "controller enterprise",
			controllerSpec.Key("enterprise").Names()),
	})
}

func (d *companyDecoder) contact(dst **model.Contact, what string) func(*yaml.Node) {
	return func(n *yaml.Node) {
		c := &model.Contact{}
		c.At = d.mapping(n, what, contactShape, decoders{
			"name":    d.str(&c.Name, what+" name"),
			"email":   d.email(&c.Email, what+" email"),
			"address": d.str(&c.Address, what+" address"),
			"phone":   d.str(&c.Phone, what+" phone"),
			"grammatical_gender": d.enum(&c.Gender, what+" grammatical_gender",
				contactShape.Key("grammatical_gender").Names()),
		})
		*dst = c
	}
}

func (d *companyDecoder) authority(n *yaml.Node) {
	a := &model.Authority{}
	a.At = d.mapping(n, "authority", authoritySpec, decoders{
		"name":    d.text(&a.Name, "authority name"),
		"address": d.str(&a.Address, "authority address"),
		"website": d.website(&a.Website, "authority website"),
	})
	d.c.Authority = a
}

func (d *companyDecoder) business(n *yaml.Node) {
	var b model.Business
	b.At = d.mapping(n, "a business", businessSpec, decoders{
		"id":     d.id(&b.ID, "business id"),
		"name":   d.text(&b.Name, "business name"),
		"offers": d.text(&b.Offers, "business offers"),
		"products": d.list("products", func(n *yaml.Node) {
			var s string
			d.str(&s, "product")(n)
			if s != "" {
				b.Products = append(b.Products, s)
			}
		}),
	})
	d.c.Businesses = append(d.c.Businesses, b)
}

func (d *companyDecoder) dataCategory(n *yaml.Node) {
	var dc model.DataCategory
	dc.At = d.mapping(n, "a data category", dataSpec, decoders{
		"id":   d.id(&dc.ID, "data category id"),
		"name": d.text(&dc.Name, "data category name"),
	})
	if slices.Contains(model.BuiltinData, dc.ID) {
		d.fail(n, "remove it: Basis already names it in every language", "data category %q is built in", dc.ID)
	}
	d.c.DataCategories = append(d.c.DataCategories, dc)
}

func (d *companyDecoder) purpose(n *yaml.Node) {
	var p model.Purpose
	var basis string
	p.At = d.mapping(n, "a purpose", purposeSpec, decoders{
		"id":            d.id(&p.ID, "purpose id"),
		"name":          d.text(&p.Name, "purpose name"),
		"description":   d.markdown(&p.Description, "purpose description"),
		"benefit":       d.text(&p.Benefit, "benefit"),
		"basis":         d.enum(&basis, "legal basis", purposeSpec.Key("basis").Names()),
		"interest":      d.text(&p.Interest, "legitimate interest"),
		"withdraw":      d.text(&p.Withdraw, "how to withdraw consent"),
		"data":          d.referList(&p.Data, "data", "data"),
		"retention":     d.text(&p.Retention, "retention"),
		"recipients":    d.referList(&p.Recipients, "recipient", "recipients"),
		"requirement":   d.enum(&p.Requirement, "requirement", purposeSpec.Key("requirement").Names()),
		"consequence":   d.text(&p.Consequence, "consequence of not giving the data"),
		"source":        d.text(&p.Source, "source"),
		"source_public": d.boolean(&p.SourcePublic, "source_public"),
		"marketing":     d.marketing(&p.Marketing),
		"children":      d.children(&p.Children, "purpose children"),
		"data_subjects": d.referList(&p.Subjects, "subject", "data_subjects"),
		"erasure":       d.list("erasure", d.erasure(&p.Erasure)),
		"assessment":    d.assessment(&p.Assessment),
	})
	p.Basis = model.Basis(basis)
	if p.SourcePublic && p.Source.IsZero() {
		d.errs = append(d.errs, &Error{Pos: p.At.At("source_public"), Msg: fmt.Sprintf("purpose %q says its source is public but names no source", p.ID),
			Hint: "add source: naming where the data come from (Art. 14(2)(f) GDPR), or remove source_public"})
	}
	if p.Requirement == "voluntary" {
		p.Requirement = ""
	}
	d.erasureData(&p)
	d.c.Purposes = append(d.c.Purposes, p)
}

func (d *companyDecoder) marketing(dst **model.Marketing) func(*yaml.Node) {
	return func(n *yaml.Node) {
		m := &model.Marketing{}
		m.At = d.mapping(n, "marketing", marketingSpec, decoders{
			"channel":                      d.enum(&m.Channel, "channel", marketingSpec.Key("channel").Names()),
			"business":                     d.refer(&m.Business, "business", "marketing business"),
			"objection_at_collection":      d.boolean(&m.ObjectionAtCollection, "objection_at_collection"),
			"unsubscribe_in_every_message": d.boolean(&m.UnsubscribeInEveryMessage, "unsubscribe_in_every_message"),
		})
		*dst = m
	}
}

func (d *companyDecoder) recipient(n *yaml.Node) {
	var r model.Recipient
	r.At = d.mapping(n, "a recipient", recipientSpec, decoders{
		"id":        d.id(&r.ID, "recipient id"),
		"name":      d.str(&r.Name, "recipient name"),
		"role":      d.enum(&r.Role, "role", recipientSpec.Key("role").Names()),
		"country":   d.country(&r.Country, "recipient country"),
		"contract":  d.boolean(&r.Contract, "contract"),
		"safeguard": d.enum(&r.Safeguard, "safeguard", recipientSpec.Key("safeguard").Names()),
		"purpose":   d.text(&r.Purpose, "recipient purpose"),
	})
	d.c.Recipients = append(d.c.Recipients, r)
}

// form decodes one entry of forms:.
func (d *companyDecoder) form(n *yaml.Node) {
	var f model.Form
	var kind string
	f.At = d.mapping(n, "a form", formSpec, decoders{
		"id":       d.id(&f.ID, "form id"),
		"kind":     d.enum(&kind, "form kind", formSpec.Key("kind").Names()),
		"name":     d.text(&f.Name, "form name"),
		"markets":  d.markets(&f.Markets),
		"fields":   d.list("fields", d.fieldOf(&f)),
		"children": d.children(&f.Children, "form children"),
	})
	f.Kind = model.FormKind(kind)
	d.c.Forms = append(d.c.Forms, f)
}

// legacyFields decodes the top-level fields: of an old file as the fields
// of one form whose kind is not stated; check warns naming what to add.
func (d *companyDecoder) legacyFields(n *yaml.Node) {
	f := model.Form{Legacy: true, At: model.Positions{"": d.pos(n)}}
	d.list("fields", d.fieldOf(&f))(n)
	d.c.Forms = append(d.c.Forms, f)
}

// fieldOf decodes one field into form f.
func (d *companyDecoder) fieldOf(form *model.Form) func(*yaml.Node) {
	return func(n *yaml.Node) {
		var f model.Field
		f.At = d.mapping(n, "a field", fieldSpec, decoders{
			"id":          d.id(&f.ID, "field id"),
			"label":       d.text(&f.Label, "field label"),
			"required":    d.boolean(&f.Required, "required"),
			"type":        d.enum(&f.Type, "field type", fieldSpec.Key("type").Names()),
			"purpose":     d.refer(&f.Purpose, "purpose", "field purpose"),
			"explanation": d.text(&f.Explanation, "field explanation"),
			"checked":     d.boolean(&f.Checked, "checked"),
			"consent":     d.text(&f.Consent, "field consent wording"),
		})
		if f.Type == "" {
			f.Type = "text"
		}
		if _, ok := f.At["checked"]; ok && f.Type != "checkbox" {
			d.errs = append(d.errs, &Error{Pos: f.At.At("checked"), Msg: fmt.Sprintf("field %q is not a checkbox, so it cannot be checked", f.ID),
				Hint: "remove checked:, or add type: checkbox"})
		}
		if !f.Consent.IsZero() && f.Type == "checkbox" {
			d.errs = append(d.errs, &Error{Pos: f.At.At("consent"), Msg: fmt.Sprintf("checkbox %q has consent: wording, but a checkbox's label is its wording", f.ID),
				Hint: "write the consent in label:, and remove consent:"})
		}
		form.Fields = append(form.Fields, f)
	}
}

func (d *companyDecoder) campaign(n *yaml.Node) {
	var c model.Campaign
	var kind string
	c.At = d.mapping(n, "a campaign", campaignSpec, decoders{
		"id":              d.id(&c.ID, "campaign id"),
		"name":            d.text(&c.Name, "campaign name"),
		"purpose":         d.refer(&c.Purpose, "purpose", "campaign purpose"),
		"kind":            d.kind(&kind),
		"channel":         d.enum(&c.Channel, "channel", campaignSpec.Key("channel").Names()),
		"audience":        d.audience(&c.Audience),
		"promotes":        d.refer(&c.Promotes, "business", "promotes"),
		"similar":         d.optBool(&c.Similar, "similar"),
		"similar_reason":  d.text(&c.SimilarReason, "similar_reason"),
		"data":            d.referList(&c.Data, "data", "campaign data"),
		"promotion":       d.boolean(&c.Promotion, "promotion"),
		"consents":        d.list("consents", func(n *yaml.Node) { d.consentSource(&c, n) }),
		"consent_records": d.boolean(&c.ConsentRecords, "consent_records"),
		"children":        d.children(&c.Children, "campaign children"),
		"used_by": d.list("used_by", func(n *yaml.Node) {
			var t model.Text
			d.text(&t, "used_by entry")(n)
			if !t.IsZero() {
				c.UsedBy = append(c.UsedBy, t)
			}
		}),
	})
	c.Kind = model.Kind(kind)
	d.renamed(&c)
	d.c.Campaigns = append(d.c.Campaigns, c)
}

// renamed records the old spellings of a campaign: they load with their
// old meaning, and check warns naming the new spelling (file.renamed).
func (d *companyDecoder) renamed(c *model.Campaign) {
	add := func(key, old, spelling string) {
		d.c.Renamed = append(d.c.Renamed, model.Renamed{Pos: c.At.At(key), Old: old, New: spelling})
	}
	switch c.Kind {
	case model.SimilarProducts:
		add("kind", "kind: similar_products", "kind: advertising")
	case model.NewProducts:
		add("kind", "kind: new_products", "kind: advertising")
	}
	if c.Audience.Who == model.PurchasedList {
		add("audience", "who: purchased_list", "who: prospects with source: bought_list")
		c.Audience.Who, c.Audience.Source = model.Prospects, model.FromBoughtList
	}
	if _, old := c.At["consent_records"]; old {
		if _, both := c.At["consents"]; both {
			d.errs = append(d.errs, &Error{Pos: c.At.At("consent_records"), Msg: fmt.Sprintf("campaign %q has both consents: and the old consent_records:", c.ID),
				Hint: "remove consent_records:; consents: says where the consents come from"})
		}
		add("consent_records", "consent_records", "consents: [{consent_id: ..., since: ...}]")
	}
	if len(c.Consents) > 0 {
		c.ConsentRecords = true
	}
}

// consentSource decodes one entry of a campaign's consents: a consent box
// of the forms or a described collection, and the time it covers.
func (d *companyDecoder) consentSource(c *model.Campaign, n *yaml.Node) {
	var s model.ConsentSource
	s.At = d.mapping(n, "a consent source", consentSpec, decoders{
		"consent_id": d.str(&s.ConsentID, "consent_id"),
		"source":     d.text(&s.Source, "consent source"),
		"since":      d.date(&s.Since, "since"),
		"until":      d.date(&s.Until, "until"),
	})
	_, byID := s.At["consent_id"]
	_, described := s.At["source"]
	if !byID && !described && n.Kind == yaml.MappingNode {
		d.fail(n, "add consent_id: naming the consent box of a form (see fields.json), or source: saying how the consents were given",
			"a consent source of campaign %q names neither a consent box nor a source", c.ID)
	}
	if !s.Until.IsZero() && !s.Since.IsZero() && s.Until.Before(s.Since) {
		d.errs = append(d.errs, &Error{Pos: s.At.At("until"), Msg: fmt.Sprintf("until: %s is before since: %s", s.Until.Format("2006-01-02"), s.Since.Format("2006-01-02")),
			Hint: "swap the dates, or correct one of them"})
	}
	c.Consents = append(c.Consents, s)
}

// acceptance decodes one accepted warning; check matches it with its
// finding.
func (d *companyDecoder) acceptance(n *yaml.Node) {
	var a model.Acceptance
	a.At = d.mapping(n, "an accepted warning", acceptSpec, decoders{
		"rule":   d.str(&a.Rule, "rule"),
		"at":     d.str(&a.Subject, "at"),
		"reason": d.text(&a.Reason, "reason"),
	})
	d.c.Accept = append(d.c.Accept, a)
}

// kind decodes a campaign kind: the current kinds, which a mistake's hint
// lists, and the old spellings, which still load (see renamed).
func (d *companyDecoder) kind(dst *string) func(*yaml.Node) {
	current := make([]string, len(model.CurrentKinds))
	for i, k := range model.CurrentKinds {
		current[i] = string(k)
	}
	return func(n *yaml.Node) {
		if n.Kind == yaml.ScalarNode && slices.Contains(model.Kinds, model.Kind(n.Value)) {
			*dst = n.Value
			return
		}
		d.enum(dst, "campaign kind", current)(n)
	}
}

func (d *companyDecoder) audience(a *model.Audience) func(*yaml.Node) {
	return func(n *yaml.Node) {
		var who, typ, source string
		a.At = d.mapping(n, "audience", audienceSpec, decoders{
			"business": d.refer(&a.Business, "business", "audience business"),
			"who":      d.enum(&who, "audience", audienceSpec.Key("who").Names()),
			"type":     d.enum(&typ, "audience type", audienceSpec.Key("type").Names()),
			"source":   d.enum(&source, "audience source", audienceSpec.Key("source").Names()),
			"recency":  d.number(&a.Recency, "audience recency", audienceSpec.Key("recency").Shape),
		})
		a.Who, a.Type, a.Source = model.Who(who), model.RecipientType(typ), model.Source(source)
		d.audienceSource(a)
	}
}

// audienceSource refuses a source that contradicts who the recipients are:
// existing customers bought from the company (or from a business it took
// over), inquirers asked it, prospects did neither.
func (d *companyDecoder) audienceSource(a *model.Audience) {
	s := a.Source
	if s == "" {
		return
	}
	var ok bool
	var fix string
	switch a.Who {
	case model.ExistingCustomers:
		ok, fix = s == model.FromSale || s == model.FromAcquisition, "existing customers bought from you (source: sale) or from a business you took over (source: acquired_business); for other addresses say who: prospects"
	case model.Inquirers:
		ok, fix = s == model.FromInquiry, "inquirers asked you about buying (source: inquiry); for other addresses say who: prospects"
	case model.Prospects:
		ok, fix = s != model.FromSale && s != model.FromInquiry, "people who bought from you are who: existing_customers; people who asked are who: inquirers"
	default:
		ok = true
	}
	if !ok {
		d.errs = append(d.errs, &Error{Pos: a.At.At("source"), Msg: fmt.Sprintf("audience source %q does not fit who: %s", s, a.Who), Hint: fix})
	}
}

func (d *companyDecoder) section(n *yaml.Node) {
	var s model.Section
	var file model.Text
	s.At = d.mapping(n, "a section", sectionSpec, decoders{
		"title": d.text(&s.Title, "section title"),
		"body":  d.markdown(&s.Body, "section body"),
		"file":  d.text(&file, "section file"),
		"after": d.enum(&s.After, "section after:", sectionSpec.Key("after").Names()),
	})
	if s.After == "" {
		s.After = model.DefaultAfter
	}
	switch {
	case s.Body.IsZero() && file.IsZero():
		d.fail(n, "add body: (Markdown) or file: (a Markdown file next to company.yaml)", "a section has neither body nor file")
	case !s.Body.IsZero() && !file.IsZero():
		d.fail(n, "keep one of them", "a section has both body and file")
	case !file.IsZero():
		s.Body = d.readText(s.At.At("file"), file)
	}
	d.c.Sections = append(d.c.Sections, s)
}

// resolve checks duplicate ids and that every reference points somewhere.
func (d *companyDecoder) resolve() {
	c := d.c
	ids := map[string][]string{}
	dup := func(kind string, id string, at model.Positions) {
		if id == "" {
			return
		}
		if slices.Contains(ids[kind], id) {
			d.errs = append(d.errs, &Error{Pos: at.At("id"), Msg: fmt.Sprintf("%s id %q is used twice", kind, id), Hint: "give each " + kind + " its own id"})
			return
		}
		ids[kind] = append(ids[kind], id)
	}
	for _, b := range c.Businesses {
		dup("business", b.ID, b.At)
	}
	for _, p := range c.Purposes {
		dup("purpose", p.ID, p.At)
	}
	for _, r := range c.Recipients {
		dup("recipient", r.ID, r.At)
	}
	d.forms()
	for _, x := range c.Campaigns {
		dup("campaign", x.ID, x.At)
	}
	for _, x := range c.DataCategories {
		dup("data", x.ID, x.At)
	}
	ids["data"] = append(ids["data"], model.BuiltinData...)
	for _, x := range c.SubjectCategories {
		dup("subject", x.ID, x.At)
	}
	ids["subject"] = append(ids["subject"], model.BuiltinSubjects...)
	for _, x := range c.ForClients {
		dup("processing", x.ID, x.At)
	}
	d.subprocessorRoles()
	for _, r := range d.refs {
		if slices.Contains(ids[r.kind], r.id) {
			continue
		}
		hint := d.refHint(r, ids[r.kind])
		d.errs = append(d.errs, &Error{Pos: r.pos, Msg: fmt.Sprintf("%s %q names no %s of this company", r.where, r.id, kindWord(r.kind)), Hint: hint})
	}
	slices.SortStableFunc(d.errs, func(a, b *Error) int {
		if a.Pos.Line != b.Pos.Line {
			return a.Pos.Line - b.Pos.Line
		}
		return a.Pos.Column - b.Pos.Column
	})
}

// forms checks that form ids are unique, field ids unique within their
// form, and a form's markets among the company's.
func (d *companyDecoder) forms() {
	c := d.c
	var ids []string
	for _, f := range c.Forms {
		switch {
		case f.ID == "":
		case slices.Contains(ids, f.ID):
			d.errs = append(d.errs, &Error{Pos: f.At.At("id"), Msg: fmt.Sprintf("form id %q is used twice", f.ID), Hint: "give each form its own id"})
		default:
			ids = append(ids, f.ID)
		}
		var fields []string
		for _, x := range f.Fields {
			if x.ID == "" {
				continue
			}
			if slices.Contains(fields, x.ID) {
				d.errs = append(d.errs, &Error{Pos: x.At.At("id"), Msg: fmt.Sprintf("field id %q is used twice in %s", x.ID, formWord(f)),
					Hint: "give each field of a form its own id; the same id may appear in another form"})
				continue
			}
			fields = append(fields, x.ID)
		}
		for _, m := range f.Markets {
			if !slices.Contains(c.Markets, m) && len(c.Markets) > 0 {
				d.errs = append(d.errs, &Error{Pos: f.At.At("markets"), Msg: fmt.Sprintf("form %q serves market %q, which is not one of the company's markets", f.ID, m),
					Hint: "list only markets the company names under markets: (" + strings.Join(marketCodes(c.Markets), ", ") + "), or add it there"})
			}
		}
	}
}

// formWord names a form in a message.
func formWord(f model.Form) string {
	if f.Legacy {
		return "the top-level fields:"
	}
	return fmt.Sprintf("form %q", f.ID)
}

func marketCodes(ms []law.Market) []string {
	out := make([]string, len(ms))
	for i, m := range ms {
		out[i] = string(m)
	}
	return out
}

func kindWord(kind string) string {
	switch kind {
	case "data":
		return "data category"
	case "subject":
		return "category of data subjects"
	}
	return kind
}

func (d *companyDecoder) refHint(r ref, known []string) string {
	if c := closest(r.id, known); c != "" {
		return fmt.Sprintf("did you mean %q?", c)
	}
	switch r.kind {
	case "data":
		return "use a built-in category (" + strings.Join(model.BuiltinData[:6], ", ") + ", ...) or define it under data_categories"
	case "subject":
		return "use a built-in category (" + strings.Join(model.BuiltinSubjects[:5], ", ") + ", ...) or define it under subject_categories"
	case "business":
		return "add it under businesses, or use one of: " + strings.Join(known, ", ")
	case "recipient":
		return "add it under recipients, or use one of: " + strings.Join(known, ", ")
	}
	return "use one of: " + strings.Join(known, ", ")
}

// children decodes the ages a purpose, form or campaign is aimed at.
func (d *companyDecoder) children(dst **model.Children, what string) func(*yaml.Node) {
	return func(n *yaml.Node) {
		ch := &model.Children{}
		spec := childrenShape
		ch.At = d.mapping(n, what, spec, decoders{
			"from": d.age(&ch.From, what+" from"),
			"to":   d.age(&ch.To, what+" to"),
		})
		if ch.From > ch.To {
			d.fail(n, "write the youngest age under from: and the oldest under to:", "%s runs from %d to %d", what, ch.From, ch.To)
		}
		*dst = ch
	}
}
