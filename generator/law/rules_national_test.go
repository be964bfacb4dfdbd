package law

import (
	"reflect"
	"slices"
	"testing"
)

// TestEveryCountryIsAMarket: law.For answers for every country of the
// national table (UK and GB both the United Kingdom), in the order EU, the
// markets of table.go, then the others by code; the markets of table.go
// keep their rules.
func TestEveryCountryIsAMarket(t *testing.T) {
	if got := Markets[:6]; !slices.Equal(got, []Market{EU, DE, PL, UK, VN, CA}) {
		t.Errorf("first markets %v", got)
	}
	if len(Markets) != 36 {
		t.Errorf("%d markets, want 36 (EU and 35 countries)", len(Markets))
	}
	if !slices.IsSorted(Markets[6:]) {
		t.Errorf("markets after CA not sorted: %v", Markets[6:])
	}
	for _, n := range Nationals() {
		m, ok := ParseMarket(n.Country)
		if !ok {
			t.Errorf("%s is no market", n.Country)
			continue
		}
		if r := For(m); r.Market != m {
			t.Errorf("For(%s).Market = %s", m, r.Market)
		}
	}
	for m, r := range table {
		if Default().For(m) != r {
			t.Errorf("%s: the rules of table.go are not the ones applied", m)
		}
	}
	for _, bad := range []string{"JP", "XX", "", "uk", "at"} {
		if _, ok := ParseMarket(bad); ok {
			t.Errorf("ParseMarket(%q) accepted", bad)
		}
	}
}

// TestNationalRules: each country's rules follow its national entry: a
// verified rule is applied (never replaced by the baseline), an unverified
// one is the EU baseline's in an EEA state and named as such, every
// condition the national table records is worded, and a state whose rule
// on electronic mail is unverified gets the EU baseline's rules whole.
func TestNationalRules(t *testing.T) {
	eu := For(EU)
	for _, n := range Nationals() {
		m, _ := ParseMarket(n.Country)
		if table[m] != nil {
			continue
		}
		r, mk := For(m), n.Marketing
		if !mk.Verified {
			base := *eu
			base.Market, base.Baseline = m, []string{GroupMarketing}
			if !reflect.DeepEqual(*r, base) || !r.IsBaseline() {
				t.Errorf("%s: unverified rule on electronic mail, but not the EU baseline's rules", m)
			}
			continue
		}
		if r.IsBaseline() || !slices.Equal(r.Consent, mk.Consent) && !mk.OptOut {
			t.Errorf("%s: verified rule %v not applied (%v)", m, mk.Consent, r.Consent)
		}
		for _, g := range []struct {
			group    string
			verified bool
		}{{GroupB2B, mk.B2B.Verified}, {GroupPhone, mk.Phone.Verified}, {GroupPost, mk.Post.Verified}} {
			inBase, inUnverified := slices.Contains(r.Baseline, g.group), slices.Contains(r.Unverified, g.group)
			if g.group != GroupB2B && n.Regime == "" && !g.verified {
				ch := r.Phone
				if g.group == GroupPost {
					ch = r.Post
				}
				// No regime and no rule of its own: consent, the safe answer.
				inUnverified = inUnverified || ch.Contested && !ch.Allowed
			}
			switch {
			case g.verified && (inBase || inUnverified):
				t.Errorf("%s: %s is verified, but not applied as such (baseline %v, unverified %v)", m, g.group, r.Baseline, r.Unverified)
			case !g.verified && InEEA(n.Country) && !inBase:
				t.Errorf("%s: %s is unverified, but not the EU baseline's", m, g.group)
			case !g.verified && !InEEA(n.Country) && !inUnverified:
				t.Errorf("%s: %s is unverified, but not named so", m, g.group)
			}
		}
		if x := mk.Exception; x != nil {
			e := r.Exception
			if e == nil || e.ID != x.ID || slices.Contains(r.Unverified, GroupException) == x.Verified {
				t.Fatalf("%s: exception %+v, national %+v", m, e, x)
			}
			if (x.OptOutList != "" || x.WithinMonths > 0) && len(e.Conds) == 0 {
				t.Errorf("%s: the exception's own conditions are not worded", m)
			}
			if InEEA(n.Country) && !slices.Contains(e.Basis, "eprivacy-13-2") {
				t.Errorf("%s: the exception's basis does not name Art. 13(2) Directive 2002/58/EC it transposes", m)
			}
		}
		for _, ch := range []struct {
			group string
			rule  NationalChannel
			got   Channel
		}{{GroupPhone, mk.Phone, r.Phone}, {GroupPost, mk.Post, r.Post}} {
			if ch.rule.Verified && ch.rule.Register != "" && ch.got.ExtraCond == "" {
				t.Errorf("%s: %s register %q not worded as a condition", m, ch.group, ch.rule.Register)
			}
		}
	}
}

// TestNationalVerdictRules pins the rules the review names for the states of
// issue 21's company.
func TestNationalVerdictRules(t *testing.T) {
	at := For("AT")
	if at.Exception == nil || at.Exception.ID != "at-tkg-174-4" || at.Exception.Conds[0].ID != "check.cond.at-ecg-list" || at.Phone.Allowed {
		t.Errorf("AT: %+v", at)
	}
	ie := For("IE")
	if ie.Exception.Conds[0].ID != "check.cond.ie-sale-12-months" || ie.Business.Email != EmailNotCovered {
		t.Errorf("IE: %+v", ie)
	}
	if fr := For("FR"); fr.Consent[0] != "fr-cpce-l34-5" || fr.Business.Email != EmailNational {
		t.Errorf("FR: the CNIL's B2B rule is unverified; the baseline applies: %+v", fr.Business)
	}
	if it := For("IT"); !it.Phone.Allowed || it.Phone.ExtraCond != "check.cond.it-register" {
		t.Errorf("IT: calls allowed unless in the public register of objections: %+v", it.Phone)
	}
	ch := For("CH")
	if ch.Regime != "" || ch.Exception.ID != "ch-uwg-3-1-o" || !ch.Phone.Allowed || ch.Post.Allowed {
		t.Errorf("CH: %+v", ch)
	}
	us := For("US")
	if us.OptOut == nil || us.OptOut.ID != "us-can-spam" || !slices.Equal(us.OptOut.Channels, []string{"email"}) ||
		us.Consent[0] != "us-tcpa" || us.Exception != nil {
		t.Errorf("US: %+v", us)
	}
	if bg := For("BG"); !bg.IsBaseline() || bg.Exception.ID != "eprivacy-13-2" {
		t.Errorf("BG: %+v", bg)
	}
}

// TestRefMarket: a country's own provisions belong to its market.
func TestRefMarket(t *testing.T) {
	for ref, want := range map[string]Market{"at-tkg-174-3": "AT", "ie-si-336-2011-13-11": "IE", "us-can-spam": "US",
		"pecr-22-3": UK, "uwg-7-3": DE, "gdpr-6-1-f": "", "eprivacy-13-2": EU} {
		if got := RefMarket(ref); got != want {
			t.Errorf("RefMarket(%s) = %q, want %q", ref, got, want)
		}
	}
}
