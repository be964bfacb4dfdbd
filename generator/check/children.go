package check

import (
	"slices"
	"strconv"
	"strings"

	"github.com/basis-privacy/basis/generator/model"
)

// children applies the rules on data of children to the purposes, forms
// and campaigns aimed at them: a child below the age of a market's law
// consents only with the holder of parental responsibility (Art. 8 GDPR;
// Law No. 91/2025/QH15 Art. 24), and children are not marketed to on the
// basis of profiling (Recitals 38 and 71 GDPR; Art. 28(2) Regulation (EU)
// 2022/2065 for online platforms).
func (ck *checker) children() {
	c := ck.c
	for i := range c.Purposes {
		p := &c.Purposes[i]
		if p.Children == nil {
			continue
		}
		if p.Basis == model.Consent {
			ck.childConsent(p.Children, ck.pos(p.At, "children"), "Purpose", p.ID)
		}
		if len(ck.res.Purposes[p.ID].Selection) > 0 {
			ck.add(ck.pos(p.At, "children"), RuleChildrenProfiling, "What", p.ID,
				"Data", strings.Join(ck.res.Purposes[p.ID].Selection, ", "))
		}
	}
	for i := range c.Forms {
		f := &c.Forms[i]
		if f.Children != nil && slices.ContainsFunc(f.Fields, func(fd model.Field) bool {
			p := c.PurposeByID(fd.Purpose)
			return p != nil && p.Basis == model.Consent && p.Children == nil
		}) {
			ck.childConsent(f.Children, ck.pos(f.At, "children"), "Form", f.ID)
		}
	}
	for _, cp := range ck.res.Campaigns {
		ch := campaignChildren(cp)
		if ch == nil {
			continue
		}
		if extra := profilingData(cp.Data); len(extra) > 0 && advertised(cp.Outcomes) {
			ck.add(ck.pos(cp.At, "children", "data"), RuleChildrenProfiling, "What", cp.ID, "Data", strings.Join(extra, ", "))
		}
	}
}

// campaignChildren is the ages a campaign is aimed at: its own, or its
// purpose's.
func campaignChildren(cp *Campaign) *model.Children {
	if cp.Children != nil {
		return cp.Children
	}
	if cp.Purpose != nil {
		return cp.Purpose.Children
	}
	return nil
}

// profilingData lists the data beyond what sending needs.
func profilingData(data []string) []string {
	var out []string
	for _, d := range data {
		if !strings.Contains(" "+strings.Join(sendingData, " ")+" ", " "+d+" ") {
			out = append(out, d)
		}
	}
	return out
}

func advertised(outs []Outcome) bool {
	for _, o := range outs {
		if o.Advertising {
			return true
		}
	}
	return false
}

// childConsent warns that the consent of children below the age of a
// market's law is given or authorised by the holder of parental
// responsibility, naming each market and its age (marked where Basis has
// not verified the national provision).
func (ck *checker) childConsent(ch *model.Children, pos model.Pos, key, id string) {
	// Ages ("AT 14 (unverified)") stays in the finding for JSON readers;
	// the messages mark an unverified age in their own language from
	// AgeList and Unverified, so no English word reaches a de, pl or vi
	// report.
	var where, list, unverified []string
	var refs []string
	// Each country the file names, with its own age, also where its
	// marketing is judged in the EU baseline's row.
	for _, m := range noticeMarkets(ck.c) {
		age, ok := ck.law.ChildAgeOf(m)
		if !ok || ch.From >= age.Age {
			continue
		}
		s := string(m) + " " + strconv.Itoa(age.Age)
		list = append(list, s)
		if !age.Verified {
			s += " (unverified)"
			unverified = append(unverified, string(m))
		}
		where = append(where, s)
		for _, r := range age.Refs {
			refs = appendNew(refs, r)
		}
	}
	if len(where) == 0 {
		return
	}
	ck.addRefs(pos, RuleChildrenConsent, refs, key, id, "From", strconv.Itoa(ch.From), "Ages", strings.Join(where, ", "),
		"AgeList", strings.Join(list, ", "), "Unverified", strings.Join(unverified, ", "))
}
