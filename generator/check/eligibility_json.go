package check

import (
	"strings"

	"github.com/basis-privacy/basis/generator/locale"
)

// EligibilityJSON is the wire form of an Eligibility, the one shape of a
// rule in `basis check --format json` (each verdict's "eligibility"),
// checklist.json (each campaign's "eligibility") and `basis audience
// --format json` ("markets"). docs/eligibility.schema.json describes it;
// keys and values are stable, texts are in the output's language.
type EligibilityJSON struct {
	Market    string          `json:"market"`
	Countries []string        `json:"countries"`
	Channel   string          `json:"channel"`
	Verdict   Verdict         `json:"verdict"`
	Contested bool            `json:"contested"`
	Nobody    bool            `json:"nobody"`
	Select    []ConditionJSON `json:"select"`
	Attest    []ConditionJSON `json:"attest"`
	Reasons   []string        `json:"reasons"`
}

// ConditionJSON is the wire form of a Condition. field and op are set for
// a select condition, with values (in, not_in), months (within_months) or
// purpose (has_consent) as the op needs; countries only where the condition
// applies to some of the rule's countries.
type ConditionJSON struct {
	ID        string   `json:"id"`
	Kind      CondKind `json:"kind"`
	Field     string   `json:"field,omitempty"`
	Op        string   `json:"op,omitempty"`
	Values    []string `json:"values,omitempty"`
	Months    int      `json:"months,omitempty"`
	Purpose   string   `json:"purpose,omitempty"`
	Countries []string `json:"countries,omitempty"`
	Text      string   `json:"text"`
	Refs      []string `json:"refs"`
	Citations []string `json:"citations"`
	Verified  bool     `json:"verified"`
}

// AudienceJSON is a campaign's rules, one per market, with the markets
// where nobody may receive it: what `basis audience --format json` prints.
type AudienceJSON struct {
	Company  string            `json:"company"`
	Campaign string            `json:"campaign"`
	Purpose  string            `json:"purpose"`
	Channel  string            `json:"channel"`
	Markets  []EligibilityJSON `json:"markets"`
	Excluded []string          `json:"excluded"`
}

// WireEligibility returns the wire form of e with its texts in the
// language of p, or the error naming messages p lacks.
func WireEligibility(p *locale.Printer, e *Eligibility) (EligibilityJSON, error) {
	rd := newRenderer(p)
	out := rd.eligibility(e)
	return out, rd.err()
}

// WireAudience returns the wire form of campaign k's rules.
func WireAudience(p *locale.Printer, company string, k *Campaign) (AudienceJSON, error) {
	rd := newRenderer(p)
	out := rd.audience(company, k)
	return out, rd.err()
}

func (rd *renderer) audience(company string, k *Campaign) AudienceJSON {
	out := AudienceJSON{Company: company, Campaign: k.ID, Purpose: k.Campaign.Purpose, Channel: k.Channel,
		Markets: []EligibilityJSON{}, Excluded: []string{}}
	for _, e := range k.Rules() {
		out.Markets = append(out.Markets, rd.eligibility(e))
		if e.Nobody {
			out.Excluded = append(out.Excluded, string(e.Market))
		}
	}
	return out
}

func (rd *renderer) eligibility(e *Eligibility) EligibilityJSON {
	out := EligibilityJSON{Market: string(e.Market), Countries: nonNil(e.Countries), Channel: e.Channel,
		Verdict: e.Verdict, Contested: e.Contested, Nobody: e.Nobody,
		Select: []ConditionJSON{}, Attest: []ConditionJSON{}, Reasons: nonNil(rd.msgs(e.Reasons))}
	for i := range e.Select {
		out.Select = append(out.Select, rd.condition(&e.Select[i]))
	}
	for i := range e.Attest {
		out.Attest = append(out.Attest, rd.condition(&e.Attest[i]))
	}
	return out
}

func (rd *renderer) condition(c *Condition) ConditionJSON {
	refs := nonNil(c.Refs)
	out := ConditionJSON{ID: c.ID, Kind: c.Kind, Text: rd.conditionText(c), Refs: refs, Citations: nonNil(rd.refs(refs)),
		Verified: !c.Unverified, Countries: c.Countries}
	if c.Kind == Select {
		x := c.Expr
		out.Field, out.Op, out.Values, out.Months, out.Purpose = string(x.Field), string(x.Op), x.Values, x.Months, x.Purpose
		if x.Op == OpIn || x.Op == OpNotIn {
			out.Values = nonNil(x.Values)
		}
	}
	return out
}

// ConditionText is what a condition asks, in the language of p.
func ConditionText(p *locale.Printer, c *Condition) string {
	return newRenderer(p).conditionText(c)
}

func (rd *renderer) conditionText(c *Condition) string {
	if c.Kind == Attest {
		return rd.msg(c.Msg)
	}
	x := c.Expr
	kv := []any{"Values", strings.Join(x.Values, ", "), "Purpose", x.Purpose, "Field", string(x.Field),
		"Countries", strings.Join(c.Countries, ", ")}
	if x.Op != OpWithinMonths {
		return rd.t(c.Msg.ID, kv...)
	}
	if s := rd.p.N(c.Msg.ID, x.Months, kv...); s != "" {
		return s
	}
	return c.Msg.ID
}

// UnmetText says, in the language of p, why a contact may not receive a
// campaign: each unmet condition of its decision, with the rule it was
// judged by (nil for a contact no market covers).
func UnmetText(p *locale.Printer, e *Eligibility, d Decision) string {
	rd := newRenderer(p)
	var parts []string
	for _, id := range d.Unmet {
		switch id {
		case UnmetNoMarket:
			parts = append(parts, rd.t("check.unmet.no-market"))
		case UnmetNotAllowed:
			parts = append(parts, rd.t("check.unmet.not-allowed"))
		default:
			for i := range e.Select {
				if e.Select[i].ID == id {
					parts = append(parts, rd.conditionText(&e.Select[i]))
				}
			}
		}
	}
	if len(parts) == 0 {
		return ""
	}
	return rd.t("check.text.unmet") + ": " + strings.Join(parts, " ")
}

func nonNil(xs []string) []string {
	if xs == nil {
		return []string{}
	}
	return xs
}
