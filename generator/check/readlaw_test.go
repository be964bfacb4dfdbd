package check

import (
	"slices"
	"strings"
	"testing"

	"github.com/basis-privacy/basis/generator/law"
	"github.com/basis-privacy/basis/generator/model"
)

// TestVerdictsFollowTheReadText pins the verdicts that the December 2026
// reading of the acts' own text changed (RULES.md, national table):
//   - the Netherlands: the existing-customer exception is art. 11.7(4) Tw,
//     not (3); art. 11.7(3) lets mail go to legal persons and to people
//     acting in their profession or business without consent at contact
//     details they designated and published for receiving such messages;
//   - Canada: s. 10(12) CASL carries the seller's existing business
//     relationship over to the buyer of the business;
//   - the United States: autodialled marketing texts need prior express
//     WRITTEN consent (47 C.F.R. § 64.1200(a)(2)), and the verdict cites it.
func TestVerdictsFollowTheReadText(t *testing.T) {
	for _, tc := range []struct {
		name    string
		market  law.Market
		change  func(*model.Campaign)
		verdict Verdict
		ref     string // the verdict cites it
		cond    string // a condition of the verdict; "" for none
	}{
		{"NL existing customers", "NL", func(*model.Campaign) {}, Allowed, "nl-tw-11-7-4", ""},
		{"NL business customers under the exception", "NL", func(c *model.Campaign) {
			c.Audience.Type = model.BusinessContacts
		}, Allowed, "nl-tw-11-7-4", ""},
		{"NL business contacts at a designated address", "NL", func(c *model.Campaign) {
			c.Audience.Who, c.Audience.Type, c.Audience.Source = model.Prospects, model.BusinessContacts, model.FromPublic
		}, Allowed, "nl-tw-11-7-3", "check.cond.nl-designated-address"},
		{"CA customers of an acquired business", "CA", func(c *model.Campaign) {
			c.Audience.Source = model.FromAcquisition
		}, Allowed, "casl-10-12", "check.cond.ca-acquired"},
		{"US text messages", "US", func(c *model.Campaign) {
			c.Channel = "sms"
		}, ConsentRequired, "us-cfr-47-64-1200-a-2", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := shop("AT", []law.Market{tc.market}, model.LegitimateInterests)
			if tc.market == "CA" || tc.market == "US" {
				c.Country = string(tc.market)
			}
			c.Purposes[0].Marketing.Channel = "email"
			tc.change(&c.Campaigns[0])
			if c.Campaigns[0].Channel == "sms" {
				c.Purposes[0].Marketing.Channel = "sms"
				c.Purposes[0].Data = []string{"name", "phone"}
				c.Campaigns[0].Data = []string{"name", "phone"}
			}
			o := outcome(t, Company(c), "sale", string(tc.market))
			if o.Verdict != tc.verdict {
				t.Errorf("verdict %s, want %s (reasons %v)", o.Verdict, tc.verdict, ids(o.Reasons))
			}
			if !slices.Contains(o.Refs, tc.ref) {
				t.Errorf("refs %v, want %s", o.Refs, tc.ref)
			}
			if tc.cond != "" && !hasMsg(o.Conditions, tc.cond) {
				t.Errorf("conditions %v, want %s", ids(o.Conditions), tc.cond)
			}
		})
	}
}

// TestUSTextsNeedWrittenConsent: the reason for text messages to the United
// States says the consent is written, in every language (47 C.F.R. §
// 64.1200(a)(2) and (f)(9): "prior express written consent").
func TestUSTextsNeedWrittenConsent(t *testing.T) {
	cat := catalog(t)
	for lang, word := range map[string]string{"en": "written", "de": "schriftlich", "pl": "pisemn", "vi": "bằng văn bản"} {
		if got := cat.For(lang).T("check.reason.us-sms"); !strings.Contains(got, word) {
			t.Errorf("%s: check.reason.us-sms does not say %q: %s", lang, word, got)
		}
	}
}
