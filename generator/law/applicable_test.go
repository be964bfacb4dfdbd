package law

import (
	"reflect"
	"testing"
)

// TestApplicable: every regime that applies, with the customers it covers
// and why (issue 18, "Every regime that applies").
func TestApplicable(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name       string
		controller string
		markets    []Market
		want       []Applied
	}{
		{"German shop at home", "DE", []Market{DE}, []Applied{{Regime: GDPR, Home: true, Reason: "gdpr-3-1"}}},
		{"German shop writing to the UK", "DE", []Market{DE, UK}, []Applied{
			{Regime: GDPR, Home: true, Reason: "gdpr-3-1"},
			{Regime: UKGDPR, Markets: []Market{UK}, Reason: "uk-gdpr-3-2-a"}}},
		{"Hanoi exporter writing to Poland", "VN", []Market{VN, PL}, []Applied{
			{Regime: PDPL, Home: true, Reason: "vn-pdpl-1-2-a"},
			{Regime: GDPR, Markets: []Market{PL}, Reason: "gdpr-3-2-a"}}},
		{"Polish firm writing to Vietnam", "PL", []Market{PL, VN}, []Applied{
			{Regime: GDPR, Home: true, Reason: "gdpr-3-1"},
			{Regime: PDPL, Markets: []Market{VN}, Reason: "vn-pdpl-1-2-c"}}},
		{"US shop writing to the EU and the UK", "US", []Market{DE, PL, UK}, []Applied{
			{Regime: GDPR, Markets: []Market{DE, PL}, Reason: "gdpr-3-2-a"},
			{Regime: UKGDPR, Markets: []Market{UK}, Reason: "uk-gdpr-3-2-a"}}},
		{"UK firm writing to Canada", "GB", []Market{UK, CA}, []Applied{{Regime: UKGDPR, Home: true, Reason: "uk-gdpr-3-1"}}},
		{"Canadian firm writing to Canada", "CA", []Market{CA}, []Applied{{Regime: GDPR, Reason: "gdpr-3-2-a"}}},
	} {
		if got := Applicable(tc.controller, tc.markets); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s: got %+v, want %+v", tc.name, got, tc.want)
		}
	}
}
