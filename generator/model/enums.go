package model

import "github.com/basis-privacy/basis/generator/law"

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

// Campaign kinds: the kind says whether the message advertises. Advertising
// promotes the products of the business named in promotes (the audience's
// own business when none is named); whether they are similar to those bought
// follows from that business, so it is stated once, in businesses.
const (
	Transactional      Kind = "transactional"
	AfterSales         Kind = "after_sales"
	SatisfactionSurvey Kind = "satisfaction_survey"
	Advertising        Kind = "advertising"
	// SimilarProducts and NewProducts are the old spellings of advertising
	// (with similar: true, and with products not similar): they load with a
	// warning and keep their old verdicts.
	SimilarProducts Kind = "similar_products"
	NewProducts     Kind = "new_products"
)

// Kinds lists the campaign kinds, the current ones first.
var Kinds = []Kind{Transactional, AfterSales, SatisfactionSurvey, Advertising, SimilarProducts, NewProducts}

// CurrentKinds lists the kinds a new file should use.
var CurrentKinds = []Kind{Transactional, AfterSales, SatisfactionSurvey, Advertising}

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

// Whos lists the audiences; PurchasedList is the old spelling of
// prospects with source: bought_list, and loads as that with a warning.
var Whos = []Who{ExistingCustomers, Inquirers, Prospects, PurchasedList}

// RecipientType is who the recipients of a campaign are, as the rules on
// electronic marketing distinguish them.
type RecipientType string

// Recipient types.
const (
	// Consumers: private individuals (individual subscribers).
	Consumers RecipientType = "consumers"
	// BusinessContacts: people at the addresses of companies and other legal
	// persons (corporate subscribers).
	BusinessContacts RecipientType = "business"
	// SoleTraders: sole traders and partnerships of individuals, which some
	// laws treat as individual subscribers (PECR reg. 2) and others as
	// businesses (§ 7(2) Nr. 1 UWG "sonstige Marktteilnehmer").
	SoleTraders RecipientType = "sole_traders"
)

// RecipientTypes lists the recipient types, the default first.
var RecipientTypes = []RecipientType{Consumers, BusinessContacts, SoleTraders}

// Source is how the addresses of a campaign's recipients were obtained.
type Source string

// Sources of addresses.
const (
	FromSale        Source = "sale"              // the company sold to them
	FromInquiry     Source = "inquiry"           // they asked about buying, or negotiated a purchase
	FromSignup      Source = "signup"            // they gave it to receive messages (a newsletter sign-up)
	FromAcquisition Source = "acquired_business" // taken over with a business (asset deal, merger)
	FromBoughtList  Source = "bought_list"       // bought from someone else
	FromRentedList  Source = "rented_list"       // rented from someone else
	FromReferral    Source = "referral"          // named by someone else
	FromPublic      Source = "public_source"     // a publicly accessible source
)

// Sources lists the sources of addresses.
var Sources = []Source{FromSale, FromInquiry, FromSignup, FromAcquisition, FromBoughtList, FromRentedList, FromReferral, FromPublic}

// Own reports whether the company obtained the addresses from the
// recipients themselves: in a sale, an inquiry or a sign-up.
func (s Source) Own() bool { return s == FromSale || s == FromInquiry || s == FromSignup }

// Languages lists the languages Basis writes documents in.
var Languages = []string{"en", "de", "pl", "vi"}

// Markets lists the market codes a company file may write (package law
// knows their rules).
var Markets = law.MarketCodes()

// Channels lists the marketing channels Basis knows.
var Channels = []string{"email", "sms", "phone", "post"}

// Roles lists the roles a recipient can have.
var Roles = []string{"processor", "controller"}

// Safeguards lists the grounds for a transfer outside the EEA (Art. 45-49 GDPR).
var Safeguards = []string{"adequacy", "scc", "bcr", "derogation"}

// Requirements lists what Art. 13(2)(e) asks about giving data.
var Requirements = []string{"contract", "statutory", "voluntary"}

// Register is the form of address every document of a company uses: formal
// (German "Sie", Polish "Państwo", Vietnamese "Quý khách") unless the company
// chooses informal ("du", "Ty", "bạn") for a consumer brand. English has one
// form for both.
type Register string

// The registers a company may choose.
const (
	Formal   Register = "formal"
	Informal Register = "informal"
)

// Registers lists the registers, the default first.
var Registers = []string{string(Formal), string(Informal)}
