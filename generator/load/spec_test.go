package load

import (
	"slices"
	"testing"

	"github.com/basis-privacy/basis/generator/model"
)

// TestSpecEnumsMatchModel: the enums the loader reads by are the values the
// model knows, in the same order.
func TestSpecEnumsMatchModel(t *testing.T) {
	for _, tc := range []struct {
		path []string
		want []string
	}{
		{[]string{"languages"}, model.Languages},
		{[]string{"markets"}, model.Markets},
		{[]string{"purposes", "basis"}, strs(model.Bases)},
		{[]string{"purposes", "requirement"}, model.Requirements},
		{[]string{"purposes", "marketing", "channel"}, model.Channels},
		{[]string{"campaigns", "channel"}, model.Channels},
		{[]string{"campaigns", "kind"}, strs(model.Kinds)},
		{[]string{"campaigns", "audience", "who"}, strs(model.Whos)},
		{[]string{"recipients", "role"}, model.Roles},
		{[]string{"recipients", "safeguard"}, model.Safeguards},
		{[]string{"fields", "type"}, model.FieldTypes},
		{[]string{"forms", "fields", "type"}, model.FieldTypes},
		{[]string{"forms", "kind"}, strs(model.FormKinds)},
		{[]string{"forms", "markets"}, model.Markets},
	} {
		if got := specAt(tc.path...).Names(); !slices.Equal(got, tc.want) {
			t.Errorf("%v: the description lists %v, the model %v", tc.path, got, tc.want)
		}
	}
}

// TestSpecDocumented: every key and every enum value says what it means.
func TestSpecDocumented(t *testing.T) {
	var walk func(where string, s Shape)
	walk = func(where string, s Shape) {
		for _, v := range s.Values {
			if v.Doc == "" {
				t.Errorf("%s: value %q has no description", where, v.Name)
			}
		}
		if s.Items != nil {
			walk(where, *s.Items)
		}
		for _, k := range s.Keys {
			if k.Doc == "" {
				t.Errorf("%s.%s has no description", where, k.Name)
			}
			walk(where+"."+k.Name, k.Shape)
		}
	}
	walk("company", Company)
}

func strs[T ~string](xs []T) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = string(x)
	}
	return out
}
