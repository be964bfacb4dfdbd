package schema

import (
	"bytes"
	"encoding/json"

	"github.com/basis-privacy/basis/generator/check"
	"github.com/basis-privacy/basis/generator/load"
	"github.com/basis-privacy/basis/generator/model"
)

// EligibilityJSON returns the JSON Schema (draft 2020-12) of a campaign's
// eligibility rules as `basis audience --format json` prints them
// (check.AudienceJSON), indented, ending in a newline. Its $defs describe
// the parts other outputs carry: eligibility (one market's rule, each
// verdict's "eligibility" in `basis check --format json` and each item of a
// campaign's "eligibility" in checklist.json), condition, and split with
// contact (what `basis audience --contacts --format json` prints). The
// vocabulary (fields, predicates, condition ids, verdicts) comes from
// package check, so the schema cannot drift from what Basis writes.
//
//	os.WriteFile("docs/eligibility.schema.json", schema.EligibilityJSON(), 0o644)
func EligibilityJSON() []byte {
	root := obj{
		{"$schema", "https://json-schema.org/draft/2020-12/schema"},
		{"title", "Basis eligibility rules of a campaign"},
		{"description", "Who may receive one campaign, market by market: every select condition must hold of a contact's record; the attestations are what a person confirms before sending. Basis produces documents, not legal advice."},
	}
	root = append(root, audienceDef()[1:]...) // its description is the title's
	root = append(root, kv{"$defs", obj{
		{"eligibility", eligibilityDef()},
		{"condition", conditionDef()},
		{"split", splitDef()},
		{"contact", contactDef()},
	}})
	flat, err := marshal(root)
	if err != nil {
		panic(err) // only strings, bools, numbers and lists of them
	}
	var out bytes.Buffer
	if err := json.Indent(&out, flat, "", "  "); err != nil {
		panic(err)
	}
	out.WriteByte('\n')
	return out.Bytes()
}

// object is a closed object with the properties props, all required.
func jObject(doc string, props obj) obj {
	required := make([]string, len(props))
	for i, p := range props {
		required[i] = p.k
	}
	return obj{{"description", doc}, {"type", "object"}, {"properties", props}, {"required", required},
		{"additionalProperties", false}}
}

func jStr(doc string) obj  { return obj{{"description", doc}, {"type", "string"}} }
func jBool(doc string) obj { return obj{{"description", doc}, {"type", "boolean"}} }
func jStrs(doc string) obj {
	return obj{{"description", doc}, {"type", "array"}, {"items", obj{{"type", "string"}}}}
}
func jPattern(doc, p string) obj {
	return obj{{"description", doc}, {"type", "string"}, {"pattern", p}}
}
func jEnum[T ~string](doc string, vs []T) obj {
	names := make([]string, len(vs))
	for i, v := range vs {
		names[i] = string(v)
	}
	return obj{{"description", doc}, {"enum", names}}
}
func jRef(def string) obj { return obj{{"$ref", "#/$defs/" + def}} }
func jList(doc string, item obj) obj {
	return obj{{"description", doc}, {"type", "array"}, {"items", item}}
}

// countries is a list of country codes.
func jCountries(doc string) obj {
	return jList(doc, obj{{"type", "string"}, {"pattern", load.CountryPattern}})
}

func audienceDef() obj {
	return jObject("A campaign's rules, one per market the company is judged in.", obj{
		{"company", jStr("the company's slug (its folder name)")},
		{"campaign", jPattern("the campaign's id", load.IDPattern)},
		{"purpose", jStr("the id of the purpose it runs under; a consent condition names it")},
		{"channel", jEnum("how it is sent", model.Channels)},
		{"markets", jList("one rule per market, in the order of the verdicts", jRef("eligibility"))},
		{"excluded", jList("the markets where nobody may receive it (verdict not_allowed)", obj{{"type", "string"}})},
	})
}

func eligibilityDef() obj {
	return jObject("Who may receive the campaign in one market.", obj{
		{"market", jStr("the market: EU (the EU baseline), DE, PL, UK, VN, CA")},
		{"countries", jCountries("the contacts' countries the rule covers (ISO 3166-1, GB for the United Kingdom); a contact in no rule's countries may not receive the campaign")},
		{"channel", jEnum("how the campaign is sent", model.Channels)},
		{"verdict", jEnum("the verdict the rule is made from", check.Verdicts)},
		{"contested", jBool("the verdict is the safe answer to an unsettled question")},
		{"nobody", jBool("the verdict is not_allowed: no contact in the market may receive it")},
		{"select", jList("conditions every contact's record must meet", jRef("condition"))},
		{"attest", jList("conditions a person confirms before sending; no record shows them", jRef("condition"))},
		{"reasons", jStrs("why nobody may receive it, where nobody may")},
	})
}

func conditionDef() obj {
	o := jObject("One condition of a rule.", obj{
		{"id", jPattern("a stable key: for select, one of the select ids (national-recency.<country>, national-register.<country> for a national rule); for attest, the verdict condition it attests", `^[a-z0-9]+(-[a-z0-9]+)*(\.[A-Z]{2})?$`)},
		{"kind", jEnum("select: checked on the record; attest: confirmed by a person", []check.CondKind{check.Select, check.Attest})},
		{"field", jEnum("the record field a select condition reads (the contact file's column)", check.RecordFields)},
		{"op", jEnum("the predicate: in, not_in (values), within_months (months before the day of sending), has_consent (a dated consent to purpose on or before the day of sending), is_false", check.Ops)},
		{"values", jStrs("the values of in and not_in")},
		{"months", obj{{"description", "the period of within_months"}, {"type", "integer"}, {"minimum", 1}}},
		{"purpose", jPattern("the purpose id of has_consent", load.IDPattern)},
		{"countries", jCountries("the countries a national condition applies to; absent: all of the rule's")},
		{"text", jStr("what the condition asks, in the output's language")},
		{"refs", jStrs("reference ids of the provisions (ref.<id> in locales/refs.*.yaml)")},
		{"citations", jStrs("the provisions as cited in the output's language")},
		{"verified", jBool("false where the condition rests on national law data Basis has not verified against the act's text")},
	})
	required := []string{"id", "kind", "text", "refs", "citations", "verified"}
	o[3] = kv{"required", required}
	selectIDs := append([]string{}, check.SelectIDs...)
	on := func(op ...check.Op) obj {
		return obj{{"properties", obj{{"op", jEnum("", op)}}}, {"required", []string{"op"}}}
	}
	return append(o, kv{"allOf", []any{
		obj{{"if", obj{{"properties", obj{{"kind", obj{{"const", check.Select}}}}}}},
			{"then", obj{{"required", []string{"field", "op"}}, {"properties", obj{{"id", obj{{"anyOf", []any{
				obj{{"enum", selectIDs}}, obj{{"pattern", `^national-(recency|register)\.[A-Z]{2}$`}}}}}}}}}},
			{"else", obj{{"not", obj{{"anyOf", []any{obj{{"required", []string{"field"}}}, obj{{"required", []string{"op"}}}}}}}}}},
		obj{{"if", on(check.OpIn, check.OpNotIn)}, {"then", obj{{"required", []string{"values"}}}}},
		obj{{"if", on(check.OpWithinMonths)}, {"then", obj{{"required", []string{"months"}}}}},
		obj{{"if", on(check.OpConsent)}, {"then", obj{{"required", []string{"purpose"}}}}},
	}})
}

func splitDef() obj {
	return jObject("A contact file split into who may receive the campaign and who may not.", obj{
		{"rule", obj{{"description", "the campaign's rules the contacts were judged by"}, {"$ref", "#"}}},
		{"as_of", obj{{"description", "the day of sending the periods are counted back from"}, {"type", "string"}, {"format", "date"}}},
		{"contacts", jList("one per contact, in the file's order", jRef("contact"))},
		{"summary", jObject("the counts", obj{
			{"contacts", obj{{"type", "integer"}, {"minimum", 0}}},
			{"eligible", obj{{"type", "integer"}, {"minimum", 0}}},
			{"not_eligible", obj{{"type", "integer"}, {"minimum", 0}}},
			{"unmet", obj{{"description", "how many contacts failed each condition"}, {"type", "object"},
				{"additionalProperties", obj{{"type", "integer"}, {"minimum", 1}}}}},
		})},
	})
}

func contactDef() obj {
	return jObject("What the rules say of one contact.", obj{
		{"id", jStr("the contact's id from the file")},
		{"line", obj{{"description", "the line of the contact file it was read from"}, {"type", "integer"}, {"minimum", 2}}},
		{"country", jStr("the contact's country as the file gives it")},
		{"market", jStr("the market whose rule covers the contact; empty for none")},
		{"eligible", jBool("the contact may receive the campaign, once the attestations hold")},
		{"unmet", jStrs("the ids of the conditions the contact does not meet (no-market: no rule covers its country; not-allowed: nobody in its market may receive it)")},
		{"detail", jStr("the unmet conditions, in the output's language")},
	})
}
