package model

import "github.com/basis-privacy/basis/generator/law"

// BuiltinData lists the categories of personal data whose names Basis knows in
// every language; a company names others under data_categories.
var BuiltinData = []string{
	"name", "email", "phone", "postal_address", "delivery_address", "billing_address",
	"date_of_birth", "gender", "order_history", "payment_data", "bank_account",
	"tax_id", "company_name", "job_title", "customer_number", "contract_data",
	"correspondence", "survey_answers", "ip_address", "device_data", "usage_data",
	"cookie_id", "preferences", "loyalty_points", "national_id", "signature",
}

// BuiltinSubjects lists the categories of data subjects whose names Basis
// knows in every language; a company names others under
// subject_categories.
var BuiltinSubjects = []string{
	"customers", "prospects", "enquirers", "subscribers", "clients", "contact_persons",
	"website_visitors", "employees", "applicants", "suppliers", "business_partners",
}

// EEA lists the member states of the European Economic Area (ISO 3166-1).
var EEA = law.EEA

// InEEA reports whether country is in the EEA ("EU" counts as inside).
func InEEA(country string) bool { return law.InEEA(country) }
