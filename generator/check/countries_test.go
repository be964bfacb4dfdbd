package check

import (
	"bytes"
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/basis-privacy/basis/generator/law"
	"github.com/basis-privacy/basis/generator/load"
	"github.com/basis-privacy/basis/generator/model"
)

// eightCountries is the Austrian shop writing to AT, FR, IT, ES, NL, IE, CH
// and US (issue 21's "done when").
const eightCountries = "../render/testdata/cases/eight-countries/company.yaml"

func markets(r *Report, campaign string) []string {
	var out []string
	for _, o := range r.Campaigns {
		if o.Campaign == campaign {
			out = append(out, string(o.Market))
		}
	}
	return out
}

func hasMsg(ms []Message, id string) bool {
	return slices.ContainsFunc(ms, func(m Message) bool { return m.ID == id })
}

// TestEURowOnlyWhereUsed: the EU baseline's row appears only for markets
// that use it, and says why (newcomer review D12): a German shop writing to
// Germany and Poland gets no EU row, though it is established in the EEA; a
// file that lists EU gets one with the reason; a state whose own rules
// Basis has not verified is judged in it, named in its reason and in a
// warning, and gets no row of its own.
func TestEURowOnlyWhereUsed(t *testing.T) {
	r := Company(shop("DE", []law.Market{law.DE, law.PL}, model.LegitimateInterests))
	if got := markets(r, "sale"); !slices.Equal(got, []string{"DE", "PL"}) {
		t.Errorf("DE, PL: rows %v, want DE, PL only", got)
	}
	r = Company(shop("DE", []law.Market{law.DE, law.EU}, model.LegitimateInterests))
	if o := outcome(t, r, "sale", "EU"); o.Reasons[0].ID != "check.reason.eu-listed" {
		t.Errorf("EU listed: reasons %v", ids(o.Reasons))
	}
	r = Company(shop("AT", []law.Market{"AT", "BG", "CZ"}, model.LegitimateInterests))
	if got := markets(r, "sale"); !slices.Equal(got, []string{"EU", "AT"}) {
		t.Errorf("AT, BG, CZ: rows %v, want EU (for BG and CZ) and AT", got)
	}
	o := outcome(t, r, "sale", "EU")
	if o.Reasons[0].ID != "check.reason.eu-baseline" || o.Reasons[0].Args["Markets"] != "BG, CZ" || o.Exception != "eprivacy-13-2" {
		t.Errorf("EU row for BG, CZ: %+v", o)
	}
	var warned []string
	for _, f := range findings(r, RuleMarketBaseline) {
		warned = append(warned, f.Msg.Args["Market"].(string))
		if f.Severity != Warning {
			t.Errorf("%+v", f)
		}
	}
	if !slices.Equal(warned, []string{"BG", "CZ"}) {
		t.Errorf("market.eu-baseline warned for %v, want BG, CZ", warned)
	}
	// The notice speaks to each state's customers, under the baseline's rule.
	var notice []string
	for _, o := range r.Results[0].Purposes["news"].Marketing {
		notice = append(notice, string(o.Market))
	}
	if !slices.Equal(notice, []string{"AT", "BG", "CZ"}) {
		t.Errorf("notice markets %v", notice)
	}
}

// TestEightCountries: a company writing to AT, FR, IT, ES, NL, IE, CH and US
// gets each market's own verdict, resting on the national provision, with
// the conditions the national rule adds; what Basis has not verified, and
// the data-protection law it does not apply, are warnings.
func TestEightCountries(t *testing.T) {
	c, err := load.File(eightCountries)
	if err != nil {
		t.Fatal(err)
	}
	r := Company(c)
	if got := markets(r, "spring-glasses"); !slices.Equal(got, []string{"AT", "CH", "ES", "FR", "IE", "IT", "NL", "US"}) {
		t.Fatalf("rows %v", got)
	}
	for m, x := range map[string]string{"AT": "at-tkg-174-4", "CH": "ch-uwg-3-1-o", "ES": "es-lssi-21-2", "FR": "fr-cpce-l34-5",
		"IE": "ie-si-336-2011-13-11", "IT": "it-privacy-130-4", "NL": "nl-tw-11-7-4"} {
		if o := outcome(t, r, "spring-glasses", m); o.Verdict != Allowed || o.Exception != x {
			t.Errorf("spring-glasses %s: %s on %q, want allowed on %s", m, o.Verdict, o.Exception, x)
		}
	}
	us := outcome(t, r, "spring-glasses", "US")
	if us.Verdict != Allowed || us.OptOutRef() != "us-can-spam" || !hasMsg(us.Conditions, "check.cond.us-opt-out") {
		t.Errorf("US: %+v", us)
	}
	if !hasMsg(outcome(t, r, "spring-glasses", "AT").Conditions, "check.cond.at-ecg-list") {
		t.Error("AT: the ECG list is not a condition (§ 174 Abs. 4 Z 4 TKG 2021)")
	}
	// § 174 Abs. 4 Z 3 TKG 2021 words the refusal at collection "kostenfrei
	// und problemlos", not as § 7(3) Nr. 4 UWG ("other than the transmission
	// costs at basic rates"); the other states keep the shared wording.
	if at := outcome(t, r, "spring-glasses", "AT"); !hasMsg(at.Conditions, "check.cond.at-objection-at-collection") || hasMsg(at.Conditions, "check.cond.objection-at-collection") {
		t.Errorf("AT: the condition at collection is not worded as § 174 Abs. 4 Z 3 TKG 2021: %+v", at.Conditions)
	}
	if fr := outcome(t, r, "spring-glasses", "FR"); !hasMsg(fr.Conditions, "check.cond.objection-at-collection") {
		t.Errorf("FR: the shared condition at collection is missing: %+v", fr.Conditions)
	}
	ie := outcome(t, r, "spring-glasses", "IE")
	if !hasMsg(ie.Conditions, "check.cond.ie-sale-12-months") || !hasMsg(ie.Reasons, "check.reason.unverified-part") {
		t.Errorf("IE: the 12-month condition, marked unverified: %+v", ie)
	}
	// Letters: legitimate interests in the EEA, Italy's register; consent,
	// the safe answer, where Basis knows no rule and applies no law: a
	// question Basis has not verified, not a contested one.
	if o := outcome(t, r, "catalogue-2027", "IT"); o.Verdict != Allowed || !hasMsg(o.Conditions, "check.cond.it-register-post") {
		t.Errorf("IT letters: %+v", o)
	}
	for _, m := range []string{"CH", "US"} {
		if o := outcome(t, r, "catalogue-2027", m); o.Verdict != ConsentRequired || o.Contested || !slices.Contains(o.Unverified, "post") {
			t.Errorf("%s letters: %+v", m, o)
		}
	}
	unverified := map[string]string{}
	for _, f := range findings(r, RuleMarketUnverified) {
		unverified[f.Msg.Args["Campaign"].(string)] = f.Msg.Args["Markets"].(string)
	}
	if unverified["spring-glasses"] != "IE" || unverified["catalogue-2027"] != "CH, ES, US" {
		t.Errorf("market.unverified: %v", unverified)
	}
	var noRegime []string
	for _, f := range findings(r, RuleMarketNoRegime) {
		noRegime = append(noRegime, f.Msg.Args["Market"].(string))
	}
	if !slices.Equal(noRegime, []string{"CH", "US"}) {
		t.Errorf("market.no-regime: %v", noRegime)
	}
	if r.Errors() != 0 {
		t.Errorf("%d errors: %+v", r.Errors(), r.Findings)
	}
	// The notice names the authority of each customer's state (Art. 77
	// GDPR), and of the countries whose law Basis does not apply.
	g := r.Results[0].Regimes[0]
	var residence, abroad []string
	for _, a := range g.Residence {
		residence = append(residence, a.Key)
	}
	for _, a := range g.Abroad {
		abroad = append(abroad, a.Key)
	}
	if g.Authorities[0].Key != "AT" || !slices.Equal(residence, []string{"FR", "IT", "ES", "NL", "IE"}) || !slices.Equal(abroad, []string{"CH", "US"}) {
		t.Errorf("authorities %v, residence %v, abroad %v", g.Authorities, residence, abroad)
	}
}

// TestNationalVerdicts: one cell per rule of the national mapping whose
// verdict differs from the EU baseline's, each with the provision it rests
// on (the decision tables under testdata/_decisions set out every cell).
func TestNationalVerdicts(t *testing.T) {
	A := func(b model.Basis, ref string) want { return want{Allowed, b, ref, false} }
	C := func(ref string) want { return want{ConsentRequired, model.Consent, ref, false} }
	CC := func(ref string) want { return want{ConsentRequired, model.Consent, ref, true} }
	X := func(ref string) want { return want{Allowed, "", ref, false} }
	li := model.LegitimateInterests
	for _, tc := range []struct {
		name    string
		market  string
		channel string
		who     model.Who
		typ     model.RecipientType
		want    want
		reason  string // a reason the verdict gives
	}{
		{"Austria: the exception under § 174 Abs. 4 TKG 2021", "AT", "email", model.ExistingCustomers, model.Consumers, X("at-tkg-174-4"), "check.reason.soft-opt-in"},
		{"Austria: calls need consent (§ 174 Abs. 1 TKG 2021)", "AT", "phone", model.ExistingCustomers, model.Consumers, C("at-tkg-174-1"), "check.reason.phone-consent"},
		{"Austria: business recipients need consent as consumers do", "AT", "email", model.Prospects, model.BusinessContacts, C("at-tkg-174-3"), "check.reason.prospects"},
		{"Sweden: e-mail to a legal person needs no consent (19 § MFL)", "SE", "email", model.Prospects, model.BusinessContacts, A(li, "se-mfl-20"), "check.reason.b2b-individuals"},
		{"Sweden: sole traders are natural persons", "SE", "email", model.Prospects, model.SoleTraders, C("se-mfl-19"), "check.reason.prospects"},
		{"Sweden: calls, the rule unverified: the EU baseline's consent", "SE", "phone", model.Prospects, model.Consumers, C("eprivacy-13-3"), "check.reason.baseline-part"},
		{"Ireland: a business address about that business", "IE", "email", model.Prospects, model.BusinessContacts, A(li, "ie-si-336-2011-13"), "check.reason.b2b-business-address"},
		{"France: the CNIL's B2B rule unverified: the EU baseline", "FR", "email", model.Prospects, model.BusinessContacts, CC("eprivacy-13-5"), "check.reason.baseline-part"},
		{"France: calls need consent since 11 August 2026", "FR", "phone", model.Prospects, model.Consumers, C("fr-cconso-l223-1"), "check.reason.phone-consent"},
		{"Italy: calls unless in the public register", "IT", "phone", model.Prospects, model.Consumers, A(li, "it-privacy-130-3-bis"), "check.reason.phone-register"},
		{"Spain: calls need consent (art. 66.1.b LGTel)", "ES", "phone", model.ExistingCustomers, model.Consumers, C("es-lgtel-66-1-b"), "check.reason.phone-consent"},
		{"Netherlands: prospects need consent (art. 11.7(1) Tw)", "NL", "email", model.Prospects, model.Consumers, C("nl-tw-11-7-1"), "check.reason.prospects"},
		{"Netherlands: business contacts at addresses designated for such messages", "NL", "email", model.Prospects, model.BusinessContacts, A(li, "nl-tw-11-7-3"), "check.reason.b2b-designated"},
		{"Switzerland: customers under art. 3 para. 1 lit. o UWG", "CH", "sms", model.ExistingCustomers, model.Consumers, X("ch-uwg-3-1-o"), "check.reason.soft-opt-in"},
		{"Switzerland: prospects need consent", "CH", "email", model.Prospects, model.Consumers, C("ch-uwg-3-1-o"), "check.reason.prospects"},
		{"Switzerland: calls unless the directory asterisk", "CH", "phone", model.Prospects, model.Consumers, X("ch-uwg-3-1-u"), "check.reason.phone-register"},
		{"United States: e-mail to prospects on CAN-SPAM's opt-out", "US", "email", model.Prospects, model.Consumers, X("us-can-spam"), "check.reason.us-can-spam"},
		{"United States: texts need consent under the TCPA", "US", "sms", model.ExistingCustomers, model.Consumers, C("us-cfr-47-64-1200-a-2"), "check.reason.us-sms"},
		{"United States: calls need consent under the TCPA", "US", "phone", model.ExistingCustomers, model.Consumers, C("us-tcpa"), "check.reason.unverified-part"},
		{"United States: letters, no rule verified: consent, unverified", "US", "post", model.ExistingCustomers, model.Consumers, C(""), "check.reason.channel-unverified"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := cell(model.Advertising, tc.who, tc.market)
			s.Channel, s.Type = tc.channel, tc.typ
			o := judge(law.Default(), s)
			expect(t, o, tc.want)
			if !hasMsg(o.Reasons, tc.reason) {
				t.Errorf("reasons %v lack %s", ids(o.Reasons), tc.reason)
			}
		})
	}
}

// TestChildAgeOfEachState: a state judged in the EU baseline's row keeps
// its own Art. 8 GDPR age for children's consent (Bulgaria: 14, not the
// baseline's 16).
func TestChildAgeOfEachState(t *testing.T) {
	c := shop("AT", []law.Market{"AT", "BG"}, model.Consent)
	c.Purposes[0].Children = &model.Children{From: 10, To: 17}
	f := findings(Company(c), RuleChildrenConsent)
	if len(f) != 1 || f[0].Msg.Args["Ages"] != "AT 14 (unverified), BG 14 (unverified)" {
		t.Errorf("children.consent: %+v", f)
	}
}

// TestHomeRegimeGovernsAbroad: in a market whose data-protection law Basis
// does not apply, the market's rule says whether the message may go out,
// and the controller's home regime gives its processing a basis: legitimate
// interests under the GDPR (an Austrian shop writing to Switzerland and the
// United States), consent under Vietnamese law, which has none (a
// Vietnamese shop writing to the United States and Canada); a Swiss shop,
// under no regime Basis applies, rests on the market's rule alone.
func TestHomeRegimeGovernsAbroad(t *testing.T) {
	for _, tc := range []struct {
		country string
		market  law.Market
		verdict Verdict
		basis   model.Basis
		regime  law.Regime
		reason  string
	}{
		{"AT", "CH", Allowed, model.LegitimateInterests, law.GDPR, "check.reason.home-li"},
		{"AT", "US", Allowed, model.LegitimateInterests, law.GDPR, "check.reason.home-li"},
		{"GB", "US", Allowed, model.LegitimateInterests, law.UKGDPR, "check.reason.home-li"},
		{"VN", "US", ConsentRequired, model.Consent, law.PDPL, "check.reason.home-consent"},
		{"VN", "CA", ConsentRequired, model.Consent, law.PDPL, "check.reason.home-consent"},
		{"CH", "CH", Allowed, "", "", ""},
	} {
		r := Company(shop(tc.country, []law.Market{tc.market}, model.LegitimateInterests))
		o := outcome(t, r, "sale", string(tc.market))
		if o.Verdict != tc.verdict || o.Basis != tc.basis || o.Regime != tc.regime {
			t.Errorf("%s to %s: %s on %q under %q, want %s on %q under %q", tc.country, tc.market, o.Verdict, o.Basis, o.Regime, tc.verdict, tc.basis, tc.regime)
		}
		if tc.reason != "" && !hasMsg(o.Reasons, tc.reason) {
			t.Errorf("%s to %s: reasons %v lack %s", tc.country, tc.market, ids(o.Reasons), tc.reason)
		}
		if tc.verdict == ConsentRequired && (o.Exception != "" || o.OptOut() || o.Implied()) {
			t.Errorf("%s to %s: consent required, but the verdict still rests on the market's rule: %+v", tc.country, tc.market, o)
		}
		if tc.verdict == ConsentRequired && !hasMsg(o.Conditions, "check.cond.consent-recorded") {
			t.Errorf("%s to %s: conditions %v lack the consent record", tc.country, tc.market, ids(o.Conditions))
		}
	}
}

// TestHomeRegimeInJSON: check --format json names the regime an outcome's
// basis is cited under, so a reader of the JSON can tell Art. 6(1)(f) GDPR
// beside the Swiss rule from a basis under no data-protection law.
func TestHomeRegimeInJSON(t *testing.T) {
	r := Company(shop("AT", []law.Market{"AT", "CH"}, model.LegitimateInterests))
	var js bytes.Buffer
	if err := WriteJSON(&js, r, catalog(t).For("en")); err != nil {
		t.Fatal(err)
	}
	var got struct {
		Campaigns []struct{ Market, Basis, Regime, Exception string }
	}
	if err := json.Unmarshal(js.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	for _, o := range got.Campaigns {
		if o.Market == "CH" && (o.Regime != "gdpr" || o.Basis != "legitimate_interests" || o.Exception == "") {
			t.Errorf("CH in JSON: %+v, want legitimate_interests under gdpr beside the exception", o)
		}
		if o.Market == "AT" && (o.Regime != "gdpr" || o.Basis != "") {
			t.Errorf("AT in JSON: %+v, want the exception as the basis (Art. 95 GDPR), regime gdpr", o)
		}
	}
}

// TestObjectionFixFitsAustria: the fix for an objection not offered at
// collection asks for an objection "free of charge and easily", which §
// 174(4) Z 3 TKG 2021 requires ("kostenfrei und problemlos") and which
// meets § 7(3) Nr. 4 UWG and PECR too; before, it offered the UWG's
// "basic transmission rates" to an Austrian shop as well.
func TestObjectionFixFitsAustria(t *testing.T) {
	c := shop("AT", []law.Market{"AT"}, model.LegitimateInterests)
	c.Purposes[0].Marketing.ObjectionAtCollection = false
	r := Company(c)
	f := findings(r, RuleSoftOptInObjection)
	if len(f) != 1 {
		t.Fatalf("findings %+v, want one %s", f, RuleSoftOptInObjection)
	}
	cat := catalog(t)
	for lang, want := range map[string]string{"en": "easily and free of charge", "de": "problemlos und kostenfrei"} {
		var b bytes.Buffer
		if err := WriteText(&b, r, cat.For(lang)); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(b.String(), want) {
			t.Errorf("%s: the fix does not ask for an objection %q:\n%s", lang, want, b.String())
		}
	}
}
