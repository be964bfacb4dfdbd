package load

import (
	"fmt"
	"slices"

	"gopkg.in/yaml.v3"

	"github.com/basis-privacy/basis/generator/model"
)

// This file decodes what the record of processing activities and the
// legitimate-interests assessment need and a notice does not: the
// categories of data subjects, erasure limits per data category, the
// reviewer's assessment, joint controllers, the security measures and the
// processing the company carries out for its clients.

// textList decodes a list of texts into dst.
func (d *companyDecoder) textList(dst *[]model.Text, what string) func(*yaml.Node) {
	return d.list(what, func(n *yaml.Node) {
		var t model.Text
		d.text(&t, what)(n)
		if !t.IsZero() {
			*dst = append(*dst, t)
		}
	})
}

func (d *companyDecoder) subjectCategory(n *yaml.Node) {
	var sc model.SubjectCategory
	sc.At = d.mapping(n, "a category of data subjects", subjectSpec, decoders{
		"id":   d.id(&sc.ID, "subject category id"),
		"name": d.text(&sc.Name, "subject category name"),
	})
	if slices.Contains(model.BuiltinSubjects, sc.ID) {
		d.fail(n, "remove it: Basis already names it in every language", "category of data subjects %q is built in", sc.ID)
	}
	d.c.SubjectCategories = append(d.c.SubjectCategories, sc)
}

// erasure decodes one erasure limit of a purpose into dst.
func (d *companyDecoder) erasure(dst *[]model.Erasure) func(*yaml.Node) {
	return func(n *yaml.Node) {
		var e model.Erasure
		e.At = d.mapping(n, "an erasure limit", erasureSpec, decoders{
			"data":   d.referList(&e.Data, "data", "erasure data"),
			"period": d.text(&e.Period, "erasure period"),
		})
		*dst = append(*dst, e)
	}
}

// erasureData refuses an erasure limit for a data category its purpose
// does not list, and a category given two limits.
func (d *companyDecoder) erasureData(p *model.Purpose) {
	var seen []string
	for _, e := range p.Erasure {
		for _, id := range e.Data {
			switch {
			case !slices.Contains(p.Data, id):
				d.errs = append(d.errs, &Error{Pos: e.At.At("data"),
					Msg:  fmt.Sprintf("erasure names %q, which purpose %q does not list under data", id, p.ID),
					Hint: "add it to the purpose's data:, or remove it from erasure:"})
			case slices.Contains(seen, id):
				d.errs = append(d.errs, &Error{Pos: e.At.At("data"),
					Msg:  fmt.Sprintf("erasure gives %q two time limits in purpose %q", id, p.ID),
					Hint: "give each data category one time limit"})
			default:
				seen = append(seen, id)
			}
		}
	}
}

// assessment decodes the reviewer's legitimate-interests assessment of a
// purpose into dst.
func (d *companyDecoder) assessment(dst **model.Assessment) func(*yaml.Node) {
	return func(n *yaml.Node) {
		a := &model.Assessment{}
		a.At = d.mapping(n, "assessment", assessmentSpec, decoders{
			"necessity":    d.text(&a.Necessity, "assessment necessity"),
			"alternatives": d.text(&a.Alternatives, "assessment alternatives"),
			"expectations": d.text(&a.Expectations, "assessment expectations"),
			"balancing":    d.text(&a.Balancing, "assessment balancing"),
			"safeguards":   d.textList(&a.Safeguards, "safeguard"),
		})
		*dst = a
	}
}

func (d *companyDecoder) jointController(n *yaml.Node) {
	var j model.JointController
	j.At = d.mapping(n, "a joint controller", jointSpec, decoders{
		"name":        d.str(&j.Name, "joint controller name"),
		"email":       d.email(&j.Email, "joint controller email"),
		"address":     d.str(&j.Address, "joint controller address"),
		"phone":       d.str(&j.Phone, "joint controller phone"),
		"purposes":    d.referList(&j.Purposes, "purpose", "joint controller purposes"),
		"arrangement": d.text(&j.Arrangement, "joint controller arrangement"),
	})
	d.c.JointControllers = append(d.c.JointControllers, j)
}

func (d *companyDecoder) clientProcessing(n *yaml.Node) {
	var cp model.ClientProcessing
	cp.At = d.mapping(n, "a processing for clients", clientsSpec, decoders{
		"id":            d.id(&cp.ID, "processing id"),
		"name":          d.text(&cp.Name, "processing name"),
		"nature":        d.text(&cp.Nature, "processing nature"),
		"duration":      d.text(&cp.Duration, "processing duration"),
		"data":          d.referList(&cp.Data, "data", "processing data"),
		"data_subjects": d.referList(&cp.Subjects, "subject", "processing data_subjects"),
		"subprocessors": d.referList(&cp.Subprocessors, "recipient", "subprocessors"),
		"clients": d.list("clients", func(n *yaml.Node) {
			var c model.Contact
			c.At = d.mapping(n, "a client", clientSpec, decoders{
				"name":    d.str(&c.Name, "client name"),
				"email":   d.email(&c.Email, "client email"),
				"address": d.str(&c.Address, "client address"),
				"phone":   d.str(&c.Phone, "client phone"),
			})
			cp.Clients = append(cp.Clients, c)
		}),
	})
	d.c.ForClients = append(d.c.ForClients, cp)
}

// subprocessorRoles refuses a sub-processor that is not a processor: a
// recipient that decides on its own is not engaged under Art. 28(4).
func (d *companyDecoder) subprocessorRoles() {
	for _, cp := range d.c.ForClients {
		for _, id := range cp.Subprocessors {
			if r := d.c.RecipientByID(id); r != nil && r.Role != "" && r.Role != "processor" {
				d.errs = append(d.errs, &Error{Pos: cp.At.At("subprocessors"),
					Msg:  fmt.Sprintf("sub-processor %q of processing %q is a %s, not a processor", id, cp.ID, r.Role),
					Hint: "list only recipients with role: processor under subprocessors (Art. 28(2) and (4) GDPR)"})
			}
		}
	}
}
