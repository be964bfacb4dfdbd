package model

// BuiltinData lists the categories of personal data whose names Basis knows in
// every language; a company names others under data_categories.
var BuiltinData = []string{
	"name", "email", "phone", "postal_address", "delivery_address", "billing_address",
	"date_of_birth", "gender", "order_history", "payment_data", "bank_account",
	"tax_id", "company_name", "job_title", "customer_number", "contract_data",
	"correspondence", "survey_answers", "ip_address", "device_data", "usage_data",
	"cookie_id", "preferences", "loyalty_points", "national_id", "signature",
}

// EEA lists the member states of the European Economic Area (ISO 3166-1).
var EEA = map[string]bool{
	"AT": true, "BE": true, "BG": true, "HR": true, "CY": true, "CZ": true, "DK": true,
	"EE": true, "FI": true, "FR": true, "DE": true, "GR": true, "HU": true, "IE": true,
	"IT": true, "LV": true, "LT": true, "LU": true, "MT": true, "NL": true, "PL": true,
	"PT": true, "RO": true, "SK": true, "SI": true, "ES": true, "SE": true,
	"IS": true, "LI": true, "NO": true,
}

// InEEA reports whether country is in the EEA ("EU" counts as inside).
func InEEA(country string) bool { return country == "EU" || EEA[country] }
