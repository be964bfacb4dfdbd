package check

import "github.com/basis-privacy/basis/generator/law"

// Rule describes one rule that can produce findings.
type Rule struct {
	ID       string
	Severity Severity
	Summary  string   // English, one line, for docs
	Refs     []string // ref ids
}

// Rule ids.
const (
	RuleSoftOptInOtherBusiness = "soft-opt-in.other-business"
	RuleSoftOptInSimilarUnset  = "soft-opt-in.similar-unstated"
	RuleSoftOptInNotSimilar    = "soft-opt-in.not-similar"
	RuleSoftOptInSimilarReason = "soft-opt-in.similar-reason-missing"
	RuleSoftOptInObjection     = "soft-opt-in.objection-at-collection"
	RuleSoftOptInUnsubscribe   = "soft-opt-in.unsubscribe"
	RuleSoftOptInNotInNotice   = "soft-opt-in.not-in-notice"
	RuleConsentNotRecorded     = "consent.not-recorded"
	RuleConsentWithdraw        = "consent.withdraw-missing"
	RuleLIInterest             = "legitimate-interests.interest-missing"
	RuleVNLegitimateInterests  = "vn.legitimate-interests"
	RuleVNPurchasedData        = "vn.purchased-data"
	RuleVNDataProtectionUnit   = "vn.data-protection-unit"
	RulePurposeDataUncollected = "purpose.data-not-collected"
	RulePurposeConsentData     = "purpose.consent-data"
	RulePurposeFurtherUse      = "purpose.further-use"
	RulePurposeOtherBusiness   = "purpose.other-business"
	RuleMinRequiredField       = "minimisation.required-field"
	RuleMinOptionalNoPurpose   = "minimisation.optional-no-purpose"
	RuleProcessorContract      = "processor.no-contract"
	RuleTransferSafeguard      = "transfer.no-safeguard"
	RuleTransferAdequacy       = "transfer.adequacy-unknown"
	RuleTransferDPF            = "transfer.adequacy-dpf"
	RuleNoticeNoPurposes       = "notice.no-purposes"
	RuleNoticeRequirement      = "notice.requirement-missing"
	RuleNoticeConsequence      = "notice.consequence-missing"
	RuleNoticeRepresentative   = "notice.representative-missing"
	RuleNoticeAuthority        = "notice.authority-unknown"
	RuleNoticeSource           = "notice.source-missing"
	RuleCampaignBasis          = "campaign.basis-mismatch"
	RuleCampaignAudience       = "campaign.audience-mismatch"
	RuleCampaignConsentBasis   = "campaign.consent-basis"
	RuleCampaignNotMarketing   = "campaign.purpose-not-marketing"
	RuleChildrenConsent        = "children.parental-consent"
	RuleChildrenProfiling      = "children.profiling"
	RuleMarketingNoException   = "marketing.no-exception"
	RuleRenamed                = "file.renamed"
	RuleFormLegacy             = "form.legacy-fields"
	RuleConsentPreTicked       = "consent.pre-ticked"
	RuleConsentRequiredField   = "consent.required-field"
	RuleConsentNotCollected    = "consent.not-collected"
	RuleMinContractData        = "minimisation.contract-data"
	RuleMarketBaseline         = "market.eu-baseline"
	RuleMarketUnverified       = "market.unverified"
	RuleMarketNoRegime         = "market.no-regime"
	RuleWordingRegister        = "wording.other-register"
	RuleReleaseDrift           = "release.drift"
	RuleRecipientNoPurpose     = "recipient.no-purpose"
	RuleConsentSourceUnknown   = "consent.source-unknown"
	RuleConsentSourcePurpose   = "consent.source-purpose"
	RuleAcceptInvalid          = "accept.invalid"
	RuleAcceptUnmatched        = "accept.unmatched"
	RuleRecordSubjects         = "record.data-subjects-missing"
	RuleRecordSecurity         = "record.security-missing"
	RuleLIAssessment           = "legitimate-interests.assessment-open"
)

// Rules lists every rule, in the order of RULES.md.
var Rules = []Rule{
	{RuleSoftOptInOtherBusiness, Error, "Electronic marketing promotes another business of the owner to the customers of the business that collected the address; the existing-customer exception covers only the sender's own similar products.", []string{"eprivacy-13-2", "uwg-7-3-2", "pecr-22-3"}},
	{RuleSoftOptInSimilarUnset, Warning, "An advertising campaign to customers does not state whether what it promotes is similar to what they bought (similar: with similar_reason:); the exception is not relied on until it does. Similarity is never inferred from the business line.", []string{"eprivacy-13-2", "uwg-7-3-2", "pecr-22-3"}},
	{RuleSoftOptInSimilarReason, Warning, "A campaign says what it promotes is similar to what its recipients bought but not why (similar_reason:); the exception is not relied on until a reviewer can confirm the reason.", []string{"eprivacy-13-2", "uwg-7-3-2", "pecr-22-3"}},
	{RuleSoftOptInNotSimilar, Error, "A campaign that would rely on the existing-customer exception states similar: false and has no recorded consent.", []string{"eprivacy-13-2", "uwg-7-3-2"}},
	{RuleSoftOptInObjection, Error, "A campaign relies on the existing-customer exception but objection was not offered when the address was collected.", []string{"eprivacy-13-2", "uwg-7-3", "pecr-22-3"}},
	{RuleSoftOptInUnsubscribe, Error, "A campaign relies on the existing-customer exception but does not offer objection in every message.", []string{"eprivacy-13-2", "uwg-7-3", "pecr-22-3"}},
	{RuleSoftOptInNotInNotice, Error, "A campaign relies on the existing-customer exception but its purpose has no matching marketing entry, so the privacy notice would not mention it.", []string{"gdpr-13-1-c", "gdpr-21-4"}},
	{RuleConsentNotRecorded, Error, "Consent is required in a market, but the campaign has no recorded consents: an error when every market requires it, a warning when only some do or every such verdict is contested.", []string{"gdpr-7-1"}},
	{RuleConsentWithdraw, Error, "A purpose rests on consent but does not say how to withdraw it.", []string{"gdpr-7-3", "gdpr-13-2-c"}},
	{RuleLIInterest, Error, "A purpose rests on legitimate interests but does not state the interest pursued (not asked for marketing the existing-customer exception carries, unless the purpose also evaluates other data, such as the order history, to choose its offers).", []string{"gdpr-13-1-d"}},
	{RuleLIAssessment, Warning, "A purpose rests on legitimate interests, but its assessment (assessment:) leaves the necessity test (necessity:, alternatives:) or the balancing test (balancing:) unanswered; the assessment prints each as an open item.", []string{"gdpr-6-1-f", "gdpr-5-2"}},
	{RuleVNLegitimateInterests, Error, "A purpose of a company in or writing to Vietnam rests on legitimate interests, which Vietnamese law does not provide; use consent or contract.", []string{"vn-pdpl", "vn-pdpl-9"}},
	{RuleVNPurchasedData, Error, "A campaign to Vietnam uses a purchased list; buying and selling personal data is prohibited.", []string{"vn-pdpl-7"}},
	{RuleVNDataProtectionUnit, Warning, "A company in or writing to Vietnam names no personal data protection unit or personnel (dpo:) and claims no exemption (controller enterprise:): household businesses and micro-enterprises need not designate one, small enterprises and start-ups may choose not to for five years from 1 January 2026, unless they provide personal data processing services, directly process sensitive personal data or process the data of a large number of people.", []string{"vn-pdpl-33-2", "vn-pdpl-38-2-3", "vn-decree-356-2025-41"}},
	{RulePurposeDataUncollected, Error, "A campaign uses data that no purpose of the company collects.", []string{"gdpr-5-1-b"}},
	{RulePurposeConsentData, Error, "A campaign uses data collected on consent for another purpose; that consent does not cover the new use.", []string{"gdpr-5-1-b", "gdpr-6-4"}},
	{RulePurposeFurtherUse, Warning, "A campaign uses data collected for another purpose; its compatibility must be assessed by the Art. 6(4) factors.", []string{"gdpr-5-1-b", "gdpr-6-4"}},
	{RulePurposeOtherBusiness, Warning, "A campaign uses the data that customers gave one business for another business (purpose limitation).", []string{"gdpr-5-1-b", "gdpr-6-4"}},
	{RuleMinRequiredField, Error, "A form field is required, but neither its purpose nor any purpose listing its data rests on a basis other than consent (contract, legal obligation, legitimate interests, ...).", []string{"gdpr-5-1-c", "gdpr-13-2-e"}},
	{RuleMinContractData, Warning, "A required field collects data a contract rarely needs (gender, date of birth) for a contract or legitimate-interests purpose: the contract or the interest must need them.", []string{"gdpr-5-1-c", "gdpr-6-1-b"}},
	{RuleConsentRequiredField, Error, "A form field whose purpose rests on consent is required: consent cannot be made a condition of the form.", []string{"gdpr-4-11", "gdpr-7-4", "vn-pdpl-9"}},
	{RuleConsentPreTicked, Error, "A consent checkbox is ticked when the form opens (checked: true); a pre-ticked box is no consent.", []string{"gdpr-4-11", "cjeu-c-673-17", "vn-pdpl-9", "vn-decree-356-2025"}},
	{RuleConsentSourceUnknown, Error, "A campaign says its consents come from a consent box (consents: with consent_id:) that no form of the file has.", []string{"gdpr-7-1"}},
	{RuleConsentSourcePurpose, Error, "A campaign says its consents come from a consent box of a form that asks consent for another purpose: consent covers only the purposes it was given for.", []string{"gdpr-4-11", "gdpr-6-1-a", "gdpr-7-1"}},
	{RuleConsentNotCollected, Warning, "A purpose rests on consent, but no form has a consent box for it and no campaign under it has recorded consent, so the file cannot show where consent is given.", []string{"gdpr-7-1", "vn-pdpl-9"}},
	{RuleMinOptionalNoPurpose, Warning, "An optional form field has no purpose, so no explanation can be written next to it.", []string{"gdpr-5-1-c", "gdpr-13-1-c"}},
	{RuleProcessorContract, Error, "A processor has no Art. 28 contract.", []string{"gdpr-28-3"}},
	{RuleTransferSafeguard, Error, "A recipient outside the EEA has neither adequacy nor a safeguard.", []string{"gdpr-44-46", "gdpr-13-1-f"}},
	{RuleTransferAdequacy, Warning, "A recipient is marked adequacy in a country without a known EU adequacy decision.", []string{"gdpr-45"}},
	{RuleTransferDPF, Warning, "A recipient in the United States is marked adequacy, which covers only organisations certified under the EU-US Data Privacy Framework.", []string{"gdpr-45"}},
	{RuleNoticeNoPurposes, Error, "The file names no purpose, so the notice cannot give purposes and legal bases.", []string{"gdpr-13-1-c"}},
	{RuleNoticeRequirement, Warning, "A contract or legal-obligation purpose does not say whether giving the data is a statutory or contractual requirement.", []string{"gdpr-13-2-e"}},
	{RuleNoticeConsequence, Warning, "A purpose is a requirement but does not say what happens if the data is not given.", []string{"gdpr-13-2-e"}},
	{RuleNoticeAuthority, Warning, "The notice cannot name the supervisory authority competent for the controller: the file gives none and Basis cannot tell it from the address.", []string{"gdpr-13-2-d"}},
	{RuleNoticeRepresentative, Warning, "A controller outside the EU writes to EU markets and names no EU representative.", []string{"gdpr-27"}},
	{RuleNoticeSource, Warning, "A campaign writes to people whose addresses the company did not obtain from them (taken over with a business, bought, rented, referred, public), but its purpose does not name the source of the data.", []string{"gdpr-14-2-f", "gdpr-14-3"}},
	{RuleCampaignBasis, Warning, "A transactional campaign's purpose does not rest on the contract.", []string{"gdpr-6-1-b"}},
	{RuleCampaignAudience, Warning, "A transactional or after-sales campaign goes to people who are not customers; it is judged as marketing.", []string{"gdpr-6-1-b"}},
	{RuleCampaignNotMarketing, Error, "An advertising campaign runs under a purpose that neither rests on consent nor describes marketing: the notice tells no one of it and there is nothing to withdraw or object to.", []string{"gdpr-13-1-c", "gdpr-21-4"}},
	{RuleCampaignConsentBasis, Warning, "A campaign's purpose rests on consent (and the notice says so), but its verdict in a market would send it without consent (existing-customer exception or legitimate interests).", []string{"gdpr-13-1-c"}},
	{RuleMarketingNoException, Error, "A purpose sends electronic marketing without consent to a market that has no existing-customer exception (Poland): an error when the controller's own market or every market lacks it, a warning when other markets have it.", []string{"pke-398-1"}},
	{RuleMarketBaseline, Warning, "A market is a state whose own rules on electronic marketing Basis has not verified: its customers are judged under the EU baseline (Directive 2002/58/EC), in the EU row.", []string{"eprivacy-13-1", "eprivacy-13-2"}},
	{RuleMarketUnverified, Warning, "A campaign's verdict in a market rests on a part of the national rules Basis has not verified: the EU baseline's rule applied in place of the state's own, or the national rule as secondary sources give it.", []string{"eprivacy-13-1"}},
	{RuleMarketNoRegime, Warning, "A market is a country whose data-protection law Basis does not apply (Switzerland, the United States, Canada): its marketing rules are judged, but the documents do not cover that law.", []string{"ch-uwg-3-1-o", "us-can-spam", "casl-6-1"}},
	{RuleChildrenConsent, Warning, "A purpose on consent is aimed at children younger than the age from which a market's law lets them consent alone: the holder of parental responsibility gives or authorises the consent, with reasonable efforts to verify it.", []string{"gdpr-8-1", "gdpr-8-2", "vn-pdpl-24"}},
	{RuleChildrenProfiling, Error, "A purpose or campaign aimed at children chooses its marketing from data beyond the address (profiling): Basis refuses marketing to children based on profiling.", []string{"gdpr-recital-38", "gdpr-recital-71", "dsa-28-2"}},
	{RuleAcceptInvalid, Error, "An accepted warning (accept:) names no rule, an error, or a warning that cannot be accepted (file.renamed, release.drift): errors are corrected, never accepted.", nil},
	{RuleAcceptUnmatched, Warning, "An accepted warning (accept:) matches no warning of the file: the rule does not warn about what at: names (or no longer warns at all).", nil},
	{RuleRenamed, Warning, "The file uses an old spelling; it keeps its old meaning, and the warning names the new spelling.", nil},
	{RuleFormLegacy, Warning, "The file lists fields: at the top level, as one form whose kind is not stated; the field texts then guess from each field's purpose whether the address was obtained in a sale.", []string{"eprivacy-13-2", "cjeu-c-654-23"}},
	{RuleRecordSubjects, Warning, "A purpose does not name the categories of data subjects whose data it processes (data_subjects:), which the record of processing activities must describe; the record prints it as an open item.", []string{"gdpr-30-1-c"}},
	{RuleRecordSecurity, Warning, "The file gives no general description of the technical and organisational measures (security:), which the record of processing activities states where possible; the record prints it as an open item.", []string{"gdpr-30-1-g", "gdpr-32-1"}},
	{RuleRecipientNoPurpose, Warning, "A recipient is listed, but no purpose names it: the notice would name it among the recipients without saying for which purpose, and of what data, it receives any.", nil},
	{RuleReleaseDrift, Warning, "The privacy notice in a language differs from its latest release, whose effective date the file still gives: the notice changed without a new version (reported by basis check and basis build, which compare the notice with releases/).", nil},
	{RuleWordingRegister, Warning, "A message the company words itself (content/<slug>/locales/) addresses the reader in the other register than the company's documents (register:): a pronoun or verb form of formal address in an informal company, or the other way round.", nil},
}

func ruleByID(id string) Rule {
	for _, r := range Rules {
		if r.ID == id {
			return r
		}
	}
	panic("check: unknown rule " + id)
}

// RefIDs lists every reference id (law.Refs); its citation is ref.<id> in
// locales/refs.*.yaml.
var RefIDs = law.Refs
