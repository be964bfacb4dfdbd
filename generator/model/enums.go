package model

// Basis is a legal basis of Art. 6(1) GDPR.
type Basis string

// The legal bases of Art. 6(1)(a)-(f) GDPR.
const (
	Consent             Basis = "consent"
	Contract            Basis = "contract"
	LegalObligation     Basis = "legal_obligation"
	VitalInterests      Basis = "vital_interests"
	PublicTask          Basis = "public_task"
	LegitimateInterests Basis = "legitimate_interests"
)

// Bases lists the legal bases in the order of Art. 6(1).
var Bases = []Basis{Consent, Contract, LegalObligation, VitalInterests, PublicTask, LegitimateInterests}

// Letter returns the letter of Art. 6(1) GDPR that names the basis.
func (b Basis) Letter() string {
	for i, x := range Bases {
		if x == b {
			return string(rune('a' + i))
		}
	}
	return ""
}

// Kind classifies a campaign's message.
type Kind string

// Campaign kinds, from pure customer care to new products.
const (
	Transactional      Kind = "transactional"
	AfterSales         Kind = "after_sales"
	SatisfactionSurvey Kind = "satisfaction_survey"
	SimilarProducts    Kind = "similar_products"
	NewProducts        Kind = "new_products"
)

// Kinds lists the campaign kinds.
var Kinds = []Kind{Transactional, AfterSales, SatisfactionSurvey, SimilarProducts, NewProducts}

// Who is the audience of a campaign.
type Who string

// Audiences of a campaign.
const (
	ExistingCustomers Who = "existing_customers"
	// Inquirers asked about buying but have not bought: "negotiations for
	// a sale" in the UK (PECR reg. 22(3)), an inquiry under CASL s. 10(10).
	Inquirers     Who = "inquirers"
	Prospects     Who = "prospects"
	PurchasedList Who = "purchased_list"
)

// Whos lists the audiences.
var Whos = []Who{ExistingCustomers, Inquirers, Prospects, PurchasedList}

// Languages lists the languages Basis writes documents in.
var Languages = []string{"en", "de", "pl", "vi"}

// Markets lists the markets whose rules Basis knows: the EU baseline and
// the national rules of Germany, Poland, the United Kingdom and Vietnam.
var Markets = []string{"EU", "DE", "PL", "UK", "VN", "CA"}

// Channels lists the marketing channels Basis knows.
var Channels = []string{"email", "sms", "phone", "post"}

// Roles lists the roles a recipient can have.
var Roles = []string{"processor", "controller"}

// Safeguards lists the grounds for a transfer outside the EEA (Art. 45-49 GDPR).
var Safeguards = []string{"adequacy", "scc", "bcr", "derogation"}

// Requirements lists what Art. 13(2)(e) asks about giving data.
var Requirements = []string{"contract", "statutory", "voluntary"}
