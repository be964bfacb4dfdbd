package schema

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/basis-privacy/basis/content"
	"github.com/basis-privacy/basis/generator/check"
	"github.com/basis-privacy/basis/generator/load"
	"github.com/basis-privacy/basis/generator/locale"
	"github.com/basis-privacy/basis/generator/render"
	"github.com/basis-privacy/basis/locales"
	"github.com/basis-privacy/basis/templates"
)

const eligibilityID = "eligibility.schema.json"

func TestEligibilitySchemaFile(t *testing.T) {
	goldenFile(t, filepath.Join("..", "..", "docs", "eligibility.schema.json"), EligibilityJSON())
}

// compileEligibility compiles the schema's root, or one of its $defs.
func compileEligibility(t *testing.T, def string) *jsonschema.Schema {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(EligibilityJSON()))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	if err := c.AddResource(eligibilityID, doc); err != nil {
		t.Fatal(err)
	}
	loc := eligibilityID
	if def != "" {
		loc += "#/$defs/" + def
	}
	s, err := c.Compile(loc)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func validJSON(t *testing.T, s *jsonschema.Schema, what string, v any) {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Validate(inst); err != nil {
		t.Errorf("%s: %v\n%s", what, err, b)
	}
}

// TestEligibilitySchemaNamesEveryKey: the schema's objects have exactly the
// keys of the wire types Basis writes (and refuse others), so neither can
// gain a key the other lacks.
func TestEligibilitySchemaNamesEveryKey(t *testing.T) {
	var root map[string]any
	if err := json.Unmarshal(EligibilityJSON(), &root); err != nil {
		t.Fatal(err)
	}
	defs := root["$defs"].(map[string]any)
	for _, tc := range []struct {
		schema map[string]any
		typ    any
	}{
		{root, check.AudienceJSON{}},
		{defs["eligibility"].(map[string]any), check.EligibilityJSON{}},
		{defs["condition"].(map[string]any), check.ConditionJSON{}},
	} {
		var props []string
		for k := range tc.schema["properties"].(map[string]any) {
			props = append(props, k)
		}
		slices.Sort(props)
		var keys []string
		rt := reflect.TypeOf(tc.typ)
		for i := range rt.NumField() {
			name, _, _ := strings.Cut(rt.Field(i).Tag.Get("json"), ",")
			keys = append(keys, name)
		}
		slices.Sort(keys)
		if !slices.Equal(props, keys) {
			t.Errorf("%s: schema %v, Go %v", rt.Name(), props, keys)
		}
		if tc.schema["additionalProperties"] != false {
			t.Errorf("%s: the schema allows other keys", rt.Name())
		}
	}
}

// TestEmittedEligibilityValidates: the rules in `basis check --format json`
// (each verdict's eligibility), in checklist.json (each campaign's, in every
// language) and in the audience form are valid by the schema, for every
// example and every test company of check and render.
func TestEmittedEligibilityValidates(t *testing.T) {
	dir, err := content.CopyTo(filepath.Join(t.TempDir(), "content"))
	if err != nil {
		t.Fatal(err)
	}
	cat, err := locale.Load(locales.FS)
	if err != nil {
		t.Fatal(err)
	}
	r, err := render.New(render.WithTemplates(templates.FS), render.WithCatalog(cat), render.WithVersion("test"))
	if err != nil {
		t.Fatal(err)
	}
	rule, audience := compileEligibility(t, "eligibility"), compileEligibility(t, "")
	n := 0
	for _, d := range []string{dir, "../check/testdata", "../render/testdata/cases"} {
		cs, err := load.Dir(d)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range cs {
			rep := check.Company(c)
			var buf bytes.Buffer
			if err := check.WriteJSON(&buf, rep, cat.For("en")); err != nil {
				t.Fatal(err)
			}
			var out struct{ Campaigns []struct{ Eligibility any } }
			if err := json.Unmarshal(buf.Bytes(), &out); err != nil {
				t.Fatal(err)
			}
			for _, o := range out.Campaigns {
				validJSON(t, rule, c.Slug+" check", o.Eligibility)
				n++
			}
			res := rep.Results[0]
			for _, lang := range c.Languages {
				b, err := r.ChecklistJSON(res, lang)
				if err != nil {
					t.Fatal(err)
				}
				var doc struct{ Campaigns []struct{ Eligibility []any } }
				if err := json.Unmarshal(b, &doc); err != nil {
					t.Fatal(err)
				}
				for _, k := range doc.Campaigns {
					for _, e := range k.Eligibility {
						validJSON(t, rule, c.Slug+" checklist.json "+lang, e)
					}
				}
			}
			for _, k := range res.Campaigns {
				a, err := check.WireAudience(cat.For(c.Languages[0]), c.Slug, k)
				if err != nil {
					t.Fatal(err)
				}
				validJSON(t, audience, c.Slug+" audience "+k.ID, a)
			}
		}
	}
	if n == 0 {
		t.Fatal("no rule validated")
	}
	t.Logf("%d rules validated", n)
}

// TestEligibilitySchemaRefuses: the schema is not vacuous: an unknown key,
// a select condition without its predicate and an unknown predicate are
// invalid.
func TestEligibilitySchemaRefuses(t *testing.T) {
	s := compileEligibility(t, "condition")
	good := map[string]any{"id": "consent", "kind": "select", "field": "consents", "op": "has_consent", "purpose": "news",
		"text": "x", "refs": []string{}, "citations": []string{}, "verified": true}
	validJSON(t, s, "a consent condition", good)
	for name, edit := range map[string]func(map[string]any){
		"an unknown key":        func(m map[string]any) { m["colour"] = "blue" },
		"no purpose":            func(m map[string]any) { delete(m, "purpose") },
		"an unknown predicate":  func(m map[string]any) { m["op"] = "sometimes" },
		"an unknown field":      func(m map[string]any) { m["field"] = "shoe_size" },
		"an attest with an op":  func(m map[string]any) { m["kind"] = "attest" },
		"an unknown select id":  func(m map[string]any) { m["id"] = "vibes" },
		"no verified":           func(m map[string]any) { delete(m, "verified") },
		"months for a purchase": func(m map[string]any) { m["op"] = "within_months" },
	} {
		m := map[string]any{}
		for k, v := range good {
			m[k] = v
		}
		edit(m)
		b, _ := json.Marshal(m)
		inst, _ := jsonschema.UnmarshalJSON(bytes.NewReader(b))
		if s.Validate(inst) == nil {
			t.Errorf("%s: valid", name)
		}
	}
}
