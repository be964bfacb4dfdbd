package check

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/basis-privacy/basis/generator/law"
	"github.com/basis-privacy/basis/generator/model"
)

func yes() *bool { b := true; return &b }
func no() *bool  { b := false; return &b }

// cell is a situation with the defaults of the matrix: email, the sender's
// own similar products, objection offered at collection and in every message.
func cell(kind model.Kind, who model.Who, market string) situation {
	basis := model.LegitimateInterests
	if kind == model.Transactional {
		basis = model.Contract
	}
	origin := model.Audience{Who: who}.Origin()
	if who == model.PurchasedList {
		who, origin = model.Prospects, model.FromBoughtList
	}
	return situation{
		Market: law.Market(market), Kind: kind, Who: who, Channel: "email", OwnBusiness: true, Similar: yes(),
		SimilarReasoned: true, Type: model.Consumers, Origin: origin,
		ObjectionAtCollection: true, UnsubscribeInEvery: true, PurposeBasis: basis,
		Campaign: "c", Business: "shop", Promotes: "shop",
	}
}

type want struct {
	verdict   Verdict
	basis     model.Basis
	ref       string // a reference the outcome must cite
	contested bool
}

// TestMatrix covers every campaign kind x audience x market cell (email).
func TestMatrix(t *testing.T) {
	A := func(b model.Basis, ref string) want { return want{Allowed, b, ref, false} }
	C := func(ref string) want { return want{ConsentRequired, model.Consent, ref, false} }
	CC := func(ref string) want { return want{ConsentRequired, model.Consent, ref, true} }
	N := func(ref string) want { return want{NotAllowed, "", ref, false} }
	// X: allowed on the existing-customer exception, which is the basis
	// (no Art. 6(1) basis in addition: Art. 95 GDPR, CJEU C-654/23).
	X := func(ref string) want { return want{Allowed, "", ref, false} }
	XC := func(ref string) want { return want{Allowed, "", ref, true} }
	li, ct, cs := model.LegitimateInterests, model.Contract, model.Consent
	ec, iq, pr, pl := model.ExistingCustomers, model.Inquirers, model.Prospects, model.PurchasedList
	markets := []string{"EU", "DE", "PL", "UK", "VN", "CA"}
	table := []struct {
		kind model.Kind
		who  model.Who
		want []want // in the order of markets
	}{
		{model.Transactional, ec, []want{A(ct, "gdpr-6-1-b"), A(ct, "bgh-vi-zr-134-15"), A(ct, "gdpr-6-1-b"), A(ct, "uk-gdpr-6-1-b"), A(ct, "vn-pdpl-19-1-d"), A(ct, "casl-6-6")}},
		{model.AfterSales, ec, []want{A(li, "gdpr-6-1-f"), A(li, "gdpr-6-1-f"), A(li, "gdpr-6-1-f"), A(li, "ico-dm"), A(ct, "vn-pdpl-19-1-d"), A(ct, "casl-6-6")}},
		{model.SatisfactionSurvey, ec, []want{XC("eprivacy-13-2"), X("bgh-vi-zr-225-17"), CC("pke-398-1"), A(li, "ico-dm"), C("vn-pdpl-9"), A(cs, "casl-10-9")}},
		{model.SimilarProducts, ec, []want{X("eprivacy-13-2"), X("uwg-7-3"), C("pke-398-1"), X("pecr-22-3"), C("vn-pdpl-9"), A(cs, "casl-10-9")}},
		{model.Advertising, ec, []want{X("eprivacy-13-2"), X("uwg-7-3"), C("pke-398-1"), X("pecr-22-3"), C("vn-pdpl-9"), A(cs, "casl-10-9")}},
		{model.NewProducts, ec, []want{C("eprivacy-13-1"), C("uwg-7-2-2"), C("pke-398-1"), C("pecr-22-2"), C("vn-pdpl-9"), A(cs, "casl-10-9")}},
		// People who asked about buying: the UK exception covers negotiations
		// for a sale, CASL implies consent from an inquiry; elsewhere consent.
		{model.Transactional, iq, []want{C("eprivacy-13-1"), C("uwg-7-2-2"), C("pke-398-1"), C("pecr-22-2"), C("vn-pdpl-9"), A(cs, "casl-10-9")}},
		{model.AfterSales, iq, []want{C("eprivacy-13-1"), C("uwg-7-2-2"), C("pke-398-1"), C("pecr-22-2"), C("vn-pdpl-9"), A(cs, "casl-10-9")}},
		{model.SatisfactionSurvey, iq, []want{C("eprivacy-13-1"), C("uwg-7-2-2"), C("pke-398-1"), A(li, "ico-dm"), C("vn-pdpl-9"), A(cs, "casl-10-9")}},
		{model.SimilarProducts, iq, []want{C("eprivacy-13-1"), C("uwg-7-2-2"), C("pke-398-1"), X("pecr-22-3"), C("vn-pdpl-9"), A(cs, "casl-10-9")}},
		{model.Advertising, iq, []want{C("eprivacy-13-1"), C("uwg-7-2-2"), C("pke-398-1"), X("pecr-22-3"), C("vn-pdpl-9"), A(cs, "casl-10-9")}},
		{model.NewProducts, iq, []want{C("eprivacy-13-1"), C("uwg-7-2-2"), C("pke-398-1"), C("pecr-22-2"), C("vn-pdpl-9"), A(cs, "casl-10-9")}},
		{model.Transactional, pr, []want{C("eprivacy-13-1"), C("uwg-7-2-2"), C("pke-398-1"), C("pecr-22-2"), C("vn-pdpl-9"), C("casl-6-1")}},
		{model.AfterSales, pr, []want{C("eprivacy-13-1"), C("uwg-7-2-2"), C("pke-398-1"), C("pecr-22-2"), C("vn-pdpl-9"), C("casl-6-1")}},
		{model.SatisfactionSurvey, pr, []want{C("eprivacy-13-1"), C("uwg-7-2-2"), C("pke-398-1"), C("pecr-22-3"), C("vn-decree-91-2020"), C("casl-10-9")}},
		{model.SimilarProducts, pr, []want{C("eprivacy-13-1"), C("uwg-7-2-2"), C("pke-398-1"), C("pecr-22-2"), C("vn-pdpl-9"), C("casl-10-9")}},
		{model.Advertising, pr, []want{C("eprivacy-13-1"), C("uwg-7-2-2"), C("pke-398-1"), C("pecr-22-2"), C("vn-pdpl-9"), C("casl-10-9")}},
		{model.NewProducts, pr, []want{C("eprivacy-13-1"), C("uwg-7-2-2"), C("pke-398-1"), C("pecr-22-2"), C("vn-pdpl-9"), C("casl-6-1")}},
		{model.Transactional, pl, []want{C("eprivacy-13-1"), C("uwg-7-2-2"), C("pke-398-1"), C("pecr-22-2"), N("vn-pdpl-7"), C("casl-6-1")}},
		{model.AfterSales, pl, []want{C("eprivacy-13-1"), C("uwg-7-2-2"), C("pke-398-1"), C("pecr-22-2"), N("vn-pdpl-7"), C("casl-6-1")}},
		{model.SatisfactionSurvey, pl, []want{C("eprivacy-13-1"), C("uwg-7-2-2"), C("pke-398-1"), C("pecr-22-2"), N("vn-pdpl-7"), C("casl-6-1")}},
		{model.SimilarProducts, pl, []want{C("eprivacy-13-1"), C("uwg-7-2-2"), C("pke-398-1"), C("pecr-22-2"), N("vn-pdpl-7"), C("casl-6-1")}},
		{model.Advertising, pl, []want{C("eprivacy-13-1"), C("uwg-7-2-2"), C("pke-398-1"), C("pecr-22-2"), N("vn-pdpl-7"), C("casl-6-1")}},
		{model.NewProducts, pl, []want{C("eprivacy-13-1"), C("uwg-7-2-2"), C("pke-398-1"), C("pecr-22-2"), N("vn-pdpl-7"), C("casl-6-1")}},
	}
	seen := map[string]bool{}
	for _, row := range table {
		for i, m := range markets {
			name := fmt.Sprintf("%s/%s/%s", row.kind, row.who, m)
			seen[name] = true
			t.Run(name, func(t *testing.T) {
				expect(t, judge(law.Default(), cell(row.kind, row.who, m)), row.want[i])
			})
		}
	}
	// The markets of table.go have their columns here; every other market
	// has its decision table under testdata/_decisions (TestDecisionTables),
	// or is judged in the EU baseline's row.
	for _, k := range model.Kinds {
		for _, w := range model.Whos {
			for _, m := range markets {
				if !seen[fmt.Sprintf("%s/%s/%s", k, w, m)] {
					t.Errorf("matrix misses %s x %s x %s", k, w, m)
				}
			}
		}
	}
	for _, m := range law.Markets {
		if _, err := os.Stat(filepath.Join("testdata", "_decisions", string(m)+".md")); err != nil && decided(m) {
			t.Errorf("market %s has no decision table: %v", m, err)
		}
	}
}

func expect(t *testing.T, o Outcome, w want) {
	t.Helper()
	if o.Verdict != w.verdict || o.Basis != w.basis || o.Contested != w.contested {
		t.Errorf("got %s (%s, contested %v), want %s (%s, contested %v); reasons %v", o.Verdict, o.Basis, o.Contested, w.verdict, w.basis, w.contested, ids(o.Reasons))
	}
	if w.ref != "" && !slices.Contains(o.Refs, w.ref) {
		t.Errorf("refs %v lack %s", o.Refs, w.ref)
	}
	if len(o.Reasons) == 0 {
		t.Error("no reason given")
	}
	if (o.Verdict == Allowed && o.Basis == "") != (o.Exception != "" || o.OptOut()) {
		t.Errorf("basis %q with exception %q: an allowed verdict without a basis rests on an exception or an opt-out rule", o.Basis, o.Exception)
	}
	if o.Verdict == ConsentRequired && !slices.ContainsFunc(o.Conditions, func(m Message) bool { return m.ID == "check.cond.consent-recorded" }) {
		t.Error("consent required without the consent-recorded condition")
	}
}

func ids(ms []Message) []string {
	var out []string
	for _, m := range ms {
		out = append(out, m.ID)
	}
	return out
}

// TestVariations covers what changes a cell: promotion, another business,
// unstated or denied similarity, missing objection notices, and the
// channels other than email.
func TestVariations(t *testing.T) {
	ec := model.ExistingCustomers
	mod := func(s situation, f func(*situation)) situation { f(&s); return s }
	tests := []struct {
		name string
		s    situation
		want want
	}{
		{"promotion in confirmation DE", mod(cell(model.Transactional, ec, "DE"), func(s *situation) { s.Promotion = true }), want{Allowed, "", "bgh-vi-zr-134-15", false}},
		{"promotion in confirmation PL", mod(cell(model.Transactional, ec, "PL"), func(s *situation) { s.Promotion = true }), want{ConsentRequired, model.Consent, "pke-398-1", false}},
		{"promotion, similarity unstated", mod(cell(model.AfterSales, ec, "EU"), func(s *situation) { s.Promotion, s.Similar = true, nil }), want{ConsentRequired, model.Consent, "eprivacy-13-1", false}},
		{"other business EU", mod(cell(model.SimilarProducts, ec, "EU"), func(s *situation) { s.OwnBusiness = false }), want{ConsentRequired, model.Consent, "eprivacy-13-2", false}},
		{"other business DE", mod(cell(model.SimilarProducts, ec, "DE"), func(s *situation) { s.OwnBusiness = false }), want{ConsentRequired, model.Consent, "uwg-7-3-2", false}},
		{"other business UK", mod(cell(model.NewProducts, ec, "UK"), func(s *situation) { s.OwnBusiness = false }), want{ConsentRequired, model.Consent, "pecr-22-3", false}},
		{"other business CA", mod(cell(model.NewProducts, ec, "CA"), func(s *situation) { s.OwnBusiness = false }), want{Allowed, model.Consent, "casl-10-9", false}},
		{"not similar", mod(cell(model.SimilarProducts, ec, "UK"), func(s *situation) { s.Similar = no() }), want{ConsentRequired, model.Consent, "pecr-22-2", false}},
		{"no objection at collection", mod(cell(model.SimilarProducts, ec, "DE"), func(s *situation) { s.ObjectionAtCollection = false }), want{ConsentRequired, model.Consent, "uwg-7-2-2", false}},
		{"no unsubscribe", mod(cell(model.SimilarProducts, ec, "EU"), func(s *situation) { s.UnsubscribeInEvery = false }), want{ConsentRequired, model.Consent, "eprivacy-13-1", false}},
		{"survey without notices DE", mod(cell(model.SatisfactionSurvey, ec, "DE"), func(s *situation) { s.ObjectionAtCollection = false }), want{ConsentRequired, model.Consent, "bgh-vi-zr-225-17", false}},
		{"survey without notices EU", mod(cell(model.SatisfactionSurvey, ec, "EU"), func(s *situation) { s.UnsubscribeInEvery = false }), want{ConsentRequired, model.Consent, "eprivacy-13-1", true}},
		{"sms is electronic mail", mod(cell(model.SimilarProducts, ec, "UK"), func(s *situation) { s.Channel = "sms" }), want{Allowed, "", "pecr-22-3", false}},
		{"post is not the email exception", mod(cell(model.NewProducts, ec, "EU"), func(s *situation) { s.Channel = "post" }), want{Allowed, model.LegitimateInterests, "gdpr-21-2-3", false}},
		{"post DE", mod(cell(model.SimilarProducts, ec, "DE"), func(s *situation) { s.Channel = "post" }), want{Allowed, model.LegitimateInterests, "uwg-7-1", false}},
		{"post PL", mod(cell(model.NewProducts, ec, "PL"), func(s *situation) { s.Channel = "post" }), want{Allowed, model.LegitimateInterests, "gdpr-recital-47", false}},
		{"post VN", mod(cell(model.SimilarProducts, ec, "VN"), func(s *situation) { s.Channel = "post" }), want{ConsentRequired, model.Consent, "vn-pdpl-9", false}},
		{"post CA", mod(cell(model.SimilarProducts, ec, "CA"), func(s *situation) { s.Channel = "post" }), want{ConsentRequired, model.Consent, "", false}},
		{"post to prospects", mod(cell(model.NewProducts, model.Prospects, "DE"), func(s *situation) { s.Channel = "post" }), want{Allowed, model.LegitimateInterests, "gdpr-14-2-f", false}},
		{"post purchased list VN", mod(cell(model.NewProducts, model.PurchasedList, "VN"), func(s *situation) { s.Channel = "post" }), want{NotAllowed, "", "vn-pdpl-7", false}},
		{"phone EU", mod(cell(model.SimilarProducts, ec, "EU"), func(s *situation) { s.Channel = "phone" }), want{ConsentRequired, model.Consent, "eprivacy-13-3", false}},
		{"phone DE", mod(cell(model.SimilarProducts, ec, "DE"), func(s *situation) { s.Channel = "phone" }), want{ConsentRequired, model.Consent, "uwg-7-2-1", false}},
		{"phone PL", mod(cell(model.NewProducts, ec, "PL"), func(s *situation) { s.Channel = "phone" }), want{ConsentRequired, model.Consent, "pke-398-1", false}},
		{"phone UK", mod(cell(model.NewProducts, model.Prospects, "UK"), func(s *situation) { s.Channel = "phone" }), want{Allowed, model.LegitimateInterests, "pecr-21", false}},
		{"phone survey DE", mod(cell(model.SatisfactionSurvey, ec, "DE"), func(s *situation) { s.Channel = "phone" }), want{ConsentRequired, model.Consent, "uwg-7-2-1", false}},
		{"phone survey UK", mod(cell(model.SatisfactionSurvey, ec, "UK"), func(s *situation) { s.Channel = "phone" }), want{Allowed, model.LegitimateInterests, "ico-dm", false}},
		{"phone service", mod(cell(model.Transactional, ec, "DE"), func(s *situation) { s.Channel = "phone" }), want{Allowed, model.Contract, "gdpr-6-1-b", false}},
		{"after-sales on contract", mod(cell(model.AfterSales, ec, "EU"), func(s *situation) { s.PurposeBasis = model.Contract }), want{Allowed, model.Contract, "gdpr-6-1-b", false}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { expect(t, judge(law.Default(), tc.s), tc.want) })
	}
}

// finding returns the findings of rule.
func findings(r *Report, rule string) []Finding {
	var out []Finding
	for _, f := range r.Findings {
		if f.Rule == rule {
			out = append(out, f)
		}
	}
	return out
}

func outcome(t *testing.T, r *Report, campaign, market string) Outcome {
	t.Helper()
	for _, o := range r.Campaigns {
		if o.Campaign == campaign && string(o.Market) == market {
			return o
		}
	}
	t.Fatalf("no verdict on %s in %s", campaign, market)
	return Outcome{}
}

// TestSeedBakery: bakery vs butcher (seed 001).
func TestSeedBakery(t *testing.T) {
	r := Company(company(t, "bakery"))
	fs := findings(r, RuleSoftOptInOtherBusiness)
	if len(fs) != 1 || fs[0].Severity != Error || fs[0].Msg.Args["Campaign"] != "butcher-opening" {
		t.Fatalf("soft-opt-in.other-business: %+v", fs)
	}
	if p := fs[0].Pos; p.File != filepath.Join("testdata", "bakery", "company.yaml") || p.Line == 0 {
		t.Errorf("position %v", p)
	}
	// The file names DE and PL, no EU row: the German provision only.
	if !slices.Equal(fs[0].Refs, []string{"uwg-7-3-2"}) {
		t.Errorf("refs %v, want the German provision only", fs[0].Refs)
	}
	for _, m := range []string{"DE", "PL"} {
		if o := outcome(t, r, "butcher-opening", m); o.Verdict != ConsentRequired {
			t.Errorf("butcher-opening %s: %s", m, o.Verdict)
		}
		if o := outcome(t, r, "order-confirmation", m); o.Verdict != Allowed || o.Basis != model.Contract {
			t.Errorf("order-confirmation %s: %s %s", m, o.Verdict, o.Basis)
		}
	}
	for m, v := range map[string]Verdict{"DE": Allowed, "PL": ConsentRequired} {
		if o := outcome(t, r, "christmas-stollen", m); o.Verdict != v {
			t.Errorf("christmas-stollen %s: %s, want %s", m, o.Verdict, v)
		}
	}
	nr := findings(r, RuleConsentNotRecorded)
	if len(nr) != 1 || nr[0].Msg.Args["Markets"] != "PL" || nr[0].Severity != Warning || !slices.Contains(nr[0].Refs, "pke-398-1") {
		t.Errorf("consent.not-recorded: %+v", nr)
	}
	// A German company writing to Poland: its newsletter relies on § 7(3)
	// UWG, which Poland does not have (art. 398 ust. 1 PKE).
	if f := findings(r, RuleMarketingNoException); len(f) != 1 || f[0].Severity != Warning || f[0].Msg.Args["Markets"] != "PL" {
		t.Errorf("marketing.no-exception: %+v", f)
	}
	// The fields are listed at the top level (an old file): one warning.
	if f := findings(r, RuleFormLegacy); len(f) != 1 || f[0].Pos.Line == 0 {
		t.Errorf("form.legacy-fields: %+v", f)
	}
	// The seed's file names no data subjects and no security measures, and
	// its newsletter has no assessment: five warnings for the record and
	// the assessment (record.*, legitimate-interests.assessment-open).
	if r.Errors() != 1 || r.Warnings() != 5+5 || r.ErrorsIn(filepath.Join("testdata", "bakery", "company.yaml")) != 1 || r.ErrorsIn("other.yaml") != 0 {
		t.Errorf("errors: %d", r.Errors())
	}
}

// TestSeedGermanNewProducts: a German shop emails customers about new
// products without consent (seed 003), advertises in the confirmation
// (BGH VI ZR 134/15) and asks for ratings (BGH VI ZR 225/17).
func TestSeedGermanNewProducts(t *testing.T) {
	r := Company(company(t, "de-new-products"))
	o := outcome(t, r, "new-seeds", "DE")
	if o.Verdict != ConsentRequired || !slices.Contains(o.Refs, "uwg-7-2-2") {
		t.Errorf("new-seeds DE: %s %v", o.Verdict, o.Refs)
	}
	if f := findings(r, RuleConsentNotRecorded); len(f) != 1 || f[0].Msg.Args["Campaign"] != "new-seeds" || f[0].Severity != Error {
		t.Errorf("consent.not-recorded: %+v", f)
	}
	o = outcome(t, r, "confirmation-voucher", "DE")
	if o.Verdict != ConsentRequired || !slices.Contains(o.Refs, "bgh-vi-zr-134-15") {
		t.Errorf("confirmation-voucher DE: %s %v", o.Verdict, o.Refs)
	}
	o = outcome(t, r, "rating-request", "DE")
	if o.Verdict != ConsentRequired || !slices.Contains(o.Refs, "bgh-vi-zr-225-17") {
		t.Errorf("rating-request DE: %s %v", o.Verdict, o.Refs)
	}
	for _, rule := range []string{RuleMinRequiredField, RuleMinOptionalNoPurpose, RuleProcessorContract, RuleTransferDPF,
		RuleLIInterest, RuleNoticeRequirement, RuleCampaignNotMarketing, RuleSoftOptInSimilarUnset, RulePurposeDataUncollected} {
		if len(findings(r, rule)) == 0 {
			t.Errorf("no %s finding", rule)
		}
	}
}

// TestSeedPolishFollowUp: free follow-up material and updates are allowed on
// legitimate interests; the satisfaction survey is contested, consent is the
// safe answer (seed 004; the Warsaw court judgment once cited for it could
// not be verified and is no longer cited).
func TestSeedPolishFollowUp(t *testing.T) {
	r := Company(company(t, "pl-follow-up"))
	for _, c := range []string{"breach-guide", "package-update"} {
		o := outcome(t, r, c, "PL")
		if o.Verdict != Allowed || o.Basis != model.LegitimateInterests {
			t.Errorf("%s PL: %s %s", c, o.Verdict, o.Basis)
		}
		if !slices.ContainsFunc(o.Conditions, func(m Message) bool { return m.ID == "check.cond.objection-offered" }) {
			t.Errorf("%s: no objection condition", c)
		}
	}
	o := outcome(t, r, "satisfaction", "PL")
	if o.Verdict != ConsentRequired || !o.Contested || !slices.Contains(o.Refs, "pke-398-1") {
		t.Errorf("satisfaction PL: %+v", o)
	}
	// The survey needs consent in Poland, the safe answer to a contested
	// question: a warning, as no consent is recorded.
	if f := findings(r, RuleConsentNotRecorded); len(f) != 1 || f[0].Severity != Warning || f[0].Msg.Args["Markets"] != "PL" {
		t.Errorf("consent.not-recorded: %+v", f)
	}
}

// TestSeedVietnam: legitimate interests is an error that says what to use;
// similar-products SMS needs consent; a purchased list is not allowed.
func TestSeedVietnam(t *testing.T) {
	r := Company(company(t, "vn-shop"))
	f := findings(r, RuleVNLegitimateInterests)
	if len(f) != 1 || f[0].Msg.Args["Purpose"] != "promotions" || f[0].Fix.ID != "check.vn.legitimate-interests.fix" {
		t.Fatalf("vn.legitimate-interests: %+v", f)
	}
	if len(findings(r, RuleVNPurchasedData)) != 1 {
		t.Error("no vn.purchased-data finding")
	}
	if len(findings(r, RuleLIInterest)) != 0 || len(findings(r, RuleTransferSafeguard)) != 0 {
		t.Error("GDPR rules applied to a Vietnam-only company")
	}
	if o := outcome(t, r, "tet-tea", "VN"); o.Verdict != ConsentRequired {
		t.Errorf("tet-tea: %s", o.Verdict)
	}
	if o := outcome(t, r, "bought-list", "VN"); o.Verdict != NotAllowed || o.Basis != "" {
		t.Errorf("bought-list: %s %s", o.Verdict, o.Basis)
	}
	if o := outcome(t, r, "delivery-notice", "VN"); o.Verdict != Allowed || o.Basis != model.Contract {
		t.Errorf("delivery-notice: %s", o.Verdict)
	}
	if len(r.Campaigns) != 3 {
		t.Errorf("%d verdicts: a Vietnam-only company gets no EU row", len(r.Campaigns))
	}
}

// TestFileRules exercises the rules on the rest of the file.
func TestFileRules(t *testing.T) {
	c := &model.Company{
		File: "x.yaml", Country: "DE", Markets: []law.Market{law.EU, law.UK, law.CA},
		Purposes: []model.Purpose{
			{ID: "orders", Basis: model.Contract, Data: []string{"name", "email"}, Requirement: "contract"},
			{ID: "news", Basis: model.Consent, Data: []string{"email"}},
			{ID: "stats", Basis: model.LegitimateInterests, Interest: model.Plain("statistics"), Data: []string{"usage_data"}},
		},
		Recipients: []model.Recipient{
			{ID: "host", Role: "processor", Country: "IN", Contract: true},
			{ID: "crm", Role: "processor", Country: "CH", Contract: true, Safeguard: "adequacy"},
			{ID: "dev", Role: "processor", Country: "IN", Contract: true, Safeguard: "adequacy"},
		},
		Forms: []model.Form{{ID: "order", Kind: model.CheckoutForm, Fields: []model.Field{
			{ID: "name", Required: true},
			{ID: "phone", Required: true, Purpose: "news"},
			{ID: "shoe_size", Required: true},
		}}},
		Campaigns: []model.Campaign{
			{ID: "usage-mail", Purpose: "orders", Kind: model.AfterSales, Channel: "email", Audience: model.Audience{Who: model.ExistingCustomers}, Data: []string{"usage_data", "date_of_birth"}},
			{ID: "reuse", Purpose: "stats", Kind: model.AfterSales, Channel: "email", Audience: model.Audience{Who: model.ExistingCustomers}, Data: []string{"email"}},
			{ID: "cold", Purpose: "news", Kind: model.NewProducts, Channel: "email", Audience: model.Audience{Who: model.PurchasedList}, Data: []string{"email"}},
		},
	}
	r := Company(c)
	for rule, n := range map[string]int{
		RuleNoticeConsequence: 1, RuleConsentWithdraw: 1, RuleTransferSafeguard: 1, RuleTransferAdequacy: 1,
		RuleMinRequiredField: 1, RuleConsentRequiredField: 1, RulePurposeFurtherUse: 2, RulePurposeDataUncollected: 1, RulePurposeConsentData: 0,
		RuleNoticeSource: 1, RuleConsentNotRecorded: 1, RuleCampaignAudience: 0, RuleNoticeRepresentative: 1,
	} {
		if got := len(findings(r, rule)); got != n {
			t.Errorf("%s: %d findings, want %d", rule, got, n)
		}
	}
	// Data collected only on consent cannot be reused without it.
	c.Campaigns[1].Purpose, c.Purposes[1].Data = "orders", []string{"date_of_birth"}
	c.Campaigns[1].Data = []string{"date_of_birth"}
	if got := len(findings(Company(c), RulePurposeConsentData)); got != 2 {
		t.Errorf("purpose.consent-data: %d", got)
	}
	// A German controller writing to the UK needs a UK representative (Art.
	// 27 UK GDPR); one outside the EU and the UK needs both.
	if f := findings(r, RuleNoticeRepresentative); len(f) != 1 || f[0].Msg.Args["Area"] != "UK" {
		t.Errorf("DE writing to the UK: %+v", f)
	}
	c.Country = "VN"
	r = Company(c)
	if f := findings(r, RuleNoticeRepresentative); len(f) != 2 {
		t.Errorf("VN writing to the EU and the UK: %+v", f)
	}
	if r.Campaigns[0].Market != "EU" || r.Campaigns[1].Market != "UK" || r.Campaigns[2].Market != "CA" {
		t.Errorf("markets out of order: %v %v %v", r.Campaigns[0].Market, r.Campaigns[1].Market, r.Campaigns[2].Market)
	}
}

// TestVNDataProtectionUnit: a company Vietnamese law reaches names its
// personal data protection unit (Art. 33(2) Law No. 91/2025/QH15) or the
// kind of business that exempts it (Art. 38(2)-(3)); December 2026 legal
// review, row 38.
func TestVNDataProtectionUnit(t *testing.T) {
	dpo := &model.Contact{Name: "Bộ phận bảo vệ dữ liệu cá nhân", Email: "dlcn@x.example"}
	for _, tc := range []struct {
		name       string
		country    string
		markets    []law.Market
		dpo        *model.Contact
		enterprise string
		want       int
	}{
		{"Vietnamese, neither", "VN", []law.Market{law.VN}, nil, "", 1},
		{"Vietnamese, unit named", "VN", []law.Market{law.VN}, dpo, "", 0},
		{"Vietnamese, micro-enterprise", "VN", []law.Market{law.VN}, nil, "micro_enterprise", 0},
		{"Vietnamese, start-up", "VN", []law.Market{law.VN}, nil, "startup", 0},
		{"German writing to Vietnam", "DE", []law.Market{"DE", law.VN}, nil, "", 1},
		{"German, no Vietnam", "DE", []law.Market{"DE"}, nil, "", 0},
	} {
		c := &model.Company{File: "x.yaml", Country: tc.country, Markets: tc.markets,
			Controller: model.Controller{DPO: tc.dpo, Enterprise: tc.enterprise, At: model.Positions{"": {File: "x.yaml", Line: 1, Column: 1}}},
			Purposes:   []model.Purpose{{ID: "orders", Basis: model.Contract, Data: []string{"name"}, Requirement: "contract"}}}
		f := findings(Company(c), RuleVNDataProtectionUnit)
		if len(f) != tc.want {
			t.Errorf("%s: %d findings, want %d", tc.name, len(f), tc.want)
			continue
		}
		if len(f) == 1 && (f[0].Pos.Line != 1 || f[0].Fix.ID != "check.vn.data-protection-unit.fix") {
			t.Errorf("%s: %+v", tc.name, f[0])
		}
	}
}

// TestDeterministic: the same file gives the same report, and Merge keeps
// companies apart.
func TestDeterministic(t *testing.T) {
	a, b := Company(company(t, "bakery")), Company(company(t, "bakery"))
	if fmt.Sprint(a.Findings, a.Campaigns, a.Notes) != fmt.Sprint(b.Findings, b.Campaigns, b.Notes) {
		t.Error("two runs differ")
	}
	m := &Report{}
	m.Merge(a)
	m.Merge(Company(company(t, "vn-shop")))
	m.Merge(nil)
	if m.Errors() != a.Errors()+Company(company(t, "vn-shop")).Errors() {
		t.Error("Merge lost findings")
	}
	if m.ErrorsIn(filepath.Join("testdata", "vn-shop", "company.yaml")) == 0 {
		t.Error("ErrorsIn")
	}
	if Company(nil).Errors() != 0 {
		t.Error("nil company")
	}
}

// noLaw are the rules about the file itself, which cite no law.
var noLaw = []string{RuleRenamed, RuleWordingRegister, RuleReleaseDrift, RuleRecipientNoPurpose, RuleAcceptInvalid, RuleAcceptUnmatched}

// TestRules: every rule has a summary and references that exist, every rule
// used in the code is listed, and RULES.md names every rule.
func TestRules(t *testing.T) {
	doc, err := os.ReadFile("RULES.md")
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, r := range Rules {
		if seen[r.ID] {
			t.Errorf("rule %s twice", r.ID)
		}
		seen[r.ID] = true
		if r.Summary == "" || (len(r.Refs) == 0 && !slices.Contains(noLaw, r.ID)) || (r.Severity != Error && r.Severity != Warning) {
			t.Errorf("rule %s incomplete", r.ID)
		}
		for _, ref := range r.Refs {
			if !slices.Contains(RefIDs, ref) {
				t.Errorf("rule %s cites unknown ref %s", r.ID, ref)
			}
		}
		if !strings.Contains(string(doc), "`"+r.ID+"`") {
			t.Errorf("RULES.md does not list %s", r.ID)
		}
	}
	for _, ref := range RefIDs {
		if !strings.Contains(string(doc), "`"+ref+"`") {
			t.Errorf("RULES.md does not give the source of ref %s", ref)
		}
	}
}

// literals returns the string literals of the package's non-test files.
func literals(t *testing.T) []string {
	t.Helper()
	// The message ids of the verdicts live in the law's table.
	files, _ := filepath.Glob("*.go")
	law, _ := filepath.Glob(filepath.Join("..", "law", "*.go"))
	files = append(files, law...)
	var out []string
	fset := token.NewFileSet()
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			if lit, ok := n.(*ast.BasicLit); ok && lit.Kind == token.STRING {
				if s, err := strconv.Unquote(lit.Value); err == nil {
					out = append(out, s)
				}
			}
			return true
		})
	}
	return out
}

var messageID = regexp.MustCompile(`^check\.[a-z0-9_.-]*[a-z0-9_]$`)

// TestLocales: every message id the code uses and every ref id exists in the
// English, German, Polish and Vietnamese files, and the translations are not
// left in English.
func TestLocales(t *testing.T) {
	cat := catalog(t)
	want := map[string]bool{}
	for _, s := range literals(t) {
		if messageID.MatchString(s) {
			want[s] = true
		}
	}
	for _, r := range Rules {
		want["check."+r.ID], want["check."+r.ID+".fix"] = true, true
	}
	for _, v := range Verdicts {
		want["check.verdict."+string(v)] = true
	}
	for _, b := range model.Bases {
		want["check.basis."+string(b)] = true
	}
	for _, ref := range RefIDs {
		want["ref."+ref] = true
	}
	for _, lang := range model.Languages {
		for id := range want {
			if !cat.Has(lang, id) {
				t.Errorf("%s: %s missing in locales/*.%s.yaml", lang, id, lang)
			}
		}
		// Every id of the check and refs files is used.
		for _, id := range cat.IDs(lang) {
			if (strings.HasPrefix(id, "check.") || strings.HasPrefix(id, "ref.")) && !want[id] {
				t.Errorf("%s: %s is not used", lang, id)
			}
		}
	}
	// The plural messages have every form each language needs.
	for _, lang := range model.Languages {
		pr := cat.For(lang)
		for _, id := range []string{"check.text.errors", "check.text.warnings"} {
			for _, n := range []int{0, 1, 2, 3, 5, 11, 22, 101} {
				if pr.N(id, n) == "" {
					t.Errorf("%s: %s has no form for %d", lang, id, n)
				}
			}
		}
	}
	en, p := cat.For("en"), map[string]string{}
	for id := range want {
		if !strings.HasPrefix(id, "ref.") {
			p[id] = en.T(id)
		}
	}
	for _, lang := range []string{"de", "pl", "vi"} {
		pr := cat.For(lang)
		for id, s := range p {
			if len(s) > 30 && pr.T(id) == s {
				t.Errorf("%s: %s is the English text", lang, id)
			}
		}
	}
}

// TestInquirers: people who asked about buying. In the UK the existing-
// customer exception covers negotiations for a sale, so its conditions are
// checked; in Germany it does not, so consent is needed and must be recorded.
func TestInquirers(t *testing.T) {
	mk := func(objection bool) *model.Company {
		return &model.Company{
			File: "x.yaml", Slug: "x", Country: "DE", Markets: []law.Market{law.DE, law.UK},
			Businesses: []model.Business{{ID: "shop"}},
			Purposes: []model.Purpose{{ID: "news", Basis: model.LegitimateInterests, Interest: model.Plain("direct marketing"),
				Data: []string{"name", "email"}, Marketing: &model.Marketing{Channel: "email", Business: "shop",
					ObjectionAtCollection: objection, UnsubscribeInEveryMessage: true}}},
			Campaigns: []model.Campaign{{ID: "offer", Purpose: "news", Kind: model.SimilarProducts, Channel: "email", Similar: yes(), SimilarReason: model.Plain("accessories for what they asked about"),
				Audience: model.Audience{Business: "shop", Who: model.Inquirers}, Promotes: "shop", Data: []string{"name", "email"}}},
		}
	}
	has := func(ms []Message, id string) bool {
		return slices.ContainsFunc(ms, func(m Message) bool { return m.ID == id })
	}

	r := Company(mk(true))
	if o := outcome(t, r, "offer", "UK"); o.Verdict != Allowed || !slices.Contains(o.Refs, "pecr-22-3") || !has(o.Reasons, "check.reason.uk-negotiations") {
		t.Errorf("UK: %+v", o)
	}
	if o := outcome(t, r, "offer", "DE"); o.Verdict != ConsentRequired || !has(o.Reasons, "check.reason.inquirers") {
		t.Errorf("DE: %+v", o)
	}
	if f := findings(r, RuleConsentNotRecorded); len(f) != 1 || f[0].Severity != Warning || f[0].Msg.Args["Markets"] != "DE" {
		t.Errorf("consent.not-recorded: %+v", f)
	}

	r = Company(mk(false))
	if o := outcome(t, r, "offer", "UK"); o.Verdict != ConsentRequired || !has(o.Reasons, "check.reason.no-objection-at-collection") {
		t.Errorf("UK without objection at collection: %+v", o)
	}
	if len(findings(r, RuleSoftOptInObjection)) != 1 {
		t.Error("the UK exception is relied on without objection at collection, but no finding")
	}
}
