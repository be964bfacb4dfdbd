package load

import "github.com/basis-privacy/basis/generator/law"

// Kind is the type of a value in a company file.
type Kind int

// The kinds of value a company file holds.
const (
	String  Kind = iota + 1 // one line of text, the same in every language
	Text                    // text a reader sees: one string, or one per published language
	ID                      // an id: lower-case letters, digits, '_' and '-'
	Ref                     // the id of another entry of the file (Shape.RefTo)
	Bool                    // true or false
	Enum                    // one of Shape.Values
	Date                    // YYYY-MM-DD
	Country                 // an ISO 3166-1 two-letter code in capitals
	Email                   // a plain email address
	URL                     // an http or https address
	Age                     // an age in whole years, 0 to 17
	List                    // a list of Shape.Items
	Map                     // a mapping with the keys Shape.Keys
	Number                  // a whole number from Shape.Min to Shape.Max
)

// IDPattern is the form of every id, and of every reference to one.
const IDPattern = `^[a-z0-9]+([_-][a-z0-9]+)*$`

// CountryPattern is the form of a country code.
const CountryPattern = `^[A-Z]{2}$`

// Value is one allowed value of an enum, with what it means.
type Value struct {
	Name, Doc string
}

// Shape describes a value: its kind and, by kind, its allowed values, its
// items or its keys.
type Shape struct {
	Kind     Kind
	Values   []Value // Enum
	Items    *Shape  // List
	Unique   bool    // List: no entry twice
	NonEmpty bool    // List: at least one entry
	Keys     []Key   // Map
	RefTo    string  // Ref: business, purpose, recipient, data or subject
	Min, Max int     // Number: the smallest and largest value allowed
	Unit     string  // Number: what it counts, e.g. "months"
	// Short: a Map may be written as one string instead, which stands
	// for its first key.
	Short bool
}

// Key describes one key of a mapping: the loader reads by it, and the JSON
// Schema and the reference page are made from it.
type Key struct {
	Name     string
	Required bool
	Doc      string
	Example  string // YAML showing the key in use, for the reference page
	Shape
}

// Names lists the allowed values of an enum.
func (s Shape) Names() []string {
	out := make([]string, len(s.Values))
	for i, v := range s.Values {
		out[i] = v.Name
	}
	return out
}

// Key returns the key called name of a mapping, or nil.
func (s Shape) Key(name string) *Key {
	for i := range s.Keys {
		if s.Keys[i].Name == name {
			return &s.Keys[i]
		}
	}
	return nil
}

func mapOf(keys ...Key) Shape      { return Shape{Kind: Map, Keys: keys} }
func listOf(item Shape) Shape      { return Shape{Kind: List, Items: &item} }
func setOf(item Shape) Shape       { return Shape{Kind: List, Items: &item, Unique: true} }
func enumOf(values ...Value) Shape { return Shape{Kind: Enum, Values: values} }
func refTo(kind string) Shape      { return Shape{Kind: Ref, RefTo: kind} }

func req(name, doc string, s Shape) Key { return Key{Name: name, Required: true, Doc: doc, Shape: s} }
func opt(name, doc string, s Shape) Key { return Key{Name: name, Doc: doc, Shape: s} }

// with adds an example to a key.
func (k Key) with(example string) Key { k.Example = example; return k }

var (
	str     = Shape{Kind: String}
	text    = Shape{Kind: Text}
	id      = Shape{Kind: ID}
	boolean = Shape{Kind: Bool}
	email   = Shape{Kind: Email}
	website = Shape{Kind: URL}
	country = Shape{Kind: Country}
	months  = Shape{Kind: Number, Min: 1, Max: 120, Unit: "months"}
)

// The enums of a company file.
var (
	languageEnum = enumOf(
		Value{"en", "English"},
		Value{"de", "German (Deutsch): the notice uses the terms of the DSGVO"},
		Value{"pl", "Polish (polski): the notice uses the terms of the RODO"},
		Value{"vi", "Vietnamese (tiếng Việt): the notice uses the terms of Law No. 91/2025/QH15"},
	)
	marketEnum = enumOf(marketValues()...)
	basisEnum  = enumOf(
		Value{"consent", "Art. 6(1)(a) GDPR: the person consented; add withdraw: saying how consent is withdrawn"},
		Value{"contract", "Art. 6(1)(b) GDPR: needed for a contract with the person, or to take steps they asked for before one"},
		Value{"legal_obligation", "Art. 6(1)(c) GDPR: needed to meet a legal obligation of the company, e.g. keeping invoices"},
		Value{"vital_interests", "Art. 6(1)(d) GDPR: needed to protect someone's life"},
		Value{"public_task", "Art. 6(1)(e) GDPR: a task in the public interest or in official authority"},
		Value{"legitimate_interests", "Art. 6(1)(f) GDPR: the company's legitimate interests; add interest: naming them"},
	)
	requirementEnum = enumOf(
		Value{"contract", "giving the data is needed to enter into or perform a contract (Art. 13(2)(e) GDPR)"},
		Value{"statutory", "the law requires the data (Art. 13(2)(e) GDPR)"},
		Value{"voluntary", "giving the data is up to the person (the same as leaving requirement out)"},
	)
	channelEnum = enumOf(
		Value{"email", "email, including messages in a customer account"},
		Value{"sms", "text messages (SMS, MMS, messengers)"},
		Value{"phone", "telephone calls"},
		Value{"post", "letters and leaflets by post"},
	)
	roleEnum = enumOf(
		Value{"processor", "processes the data on the company's behalf (Art. 28 GDPR); say contract: true when the agreement is in place"},
		Value{"controller", "decides on its own what it does with the data, e.g. a tax adviser or an authority"},
	)
	safeguardEnum = enumOf(
		Value{"adequacy", "the recipient's country has an adequacy decision (Art. 45 GDPR)"},
		Value{"scc", "standard contractual clauses (Art. 46(2)(c) GDPR)"},
		Value{"bcr", "binding corporate rules (Art. 47 GDPR)"},
		Value{"derogation", "a derogation for specific situations (Art. 49 GDPR)"},
	)
	enterpriseEnum = enumOf(
		Value{"household_business", "a household business (hộ kinh doanh): need not designate a personal data protection unit (Law No. 91/2025/QH15 Art. 38(3))"},
		Value{"micro_enterprise", "a micro-enterprise (doanh nghiệp siêu nhỏ): need not designate one (Art. 38(3))"},
		Value{"small_enterprise", "a small enterprise (doanh nghiệp nhỏ): may choose not to designate one for five years from 1 January 2026 (Art. 38(2))"},
		Value{"startup", "a start-up (doanh nghiệp khởi nghiệp): may choose not to designate one for five years from 1 January 2026 (Art. 38(2))"},
	)
	formKindEnum = enumOf(
		Value{"checkout", "an order form: the address is obtained in the context of a sale"},
		Value{"account", "a customer account, free or paid: the context of a sale too (CJEU C-654/23)"},
		Value{"contact", "a contact or enquiry form: the address is given to get an answer, not in a sale"},
		Value{"newsletter", "a newsletter sign-up"},
		Value{"other", "any other form; say what it is in name:"},
	)
	fieldTypeEnum = enumOf(
		Value{"text", "an input the person fills in (the default)"},
		Value{"checkbox", "a box the person ticks, whose label is a sentence such as \"I agree to ...\""},
	)
	kindEnum = enumOf(
		Value{"transactional", "a message about an order or contract (confirmation, delivery, invoice); promotes nothing unless promotion: true"},
		Value{"after_sales", "service after a purchase (care instructions, warranty); promotes nothing unless promotion: true"},
		Value{"satisfaction_survey", "asks for feedback; judged market by market (advertising in Germany, BGH VI ZR 225/17)"},
		Value{"advertising", "advertises the products of the business in promotes: (the audience's own business when none is named)"},
		Value{"similar_products", "old spelling of advertising with the audience's own business; loads with a warning"},
		Value{"new_products", "old spelling of advertising with products not similar; loads with a warning"},
	)
	registerEnum = enumOf(
		Value{"formal", "the formal address: Sie, Państwo, Quý khách (the default)"},
		Value{"informal", "the informal address of a consumer brand: du, Ty, bạn"},
	)
	afterEnum = enumOf(
		Value{"controller", "who is responsible for the data"},
		Value{"purposes", "the purposes and legal bases"},
		Value{"marketing", "direct marketing (where the company does it)"},
		Value{"recipients", "who receives the data"},
		Value{"transfers", "transfers abroad"},
		Value{"retention", "how long the data is kept"},
		Value{"rights", "the data subject's rights"},
		Value{"objection", "the right to object"},
		Value{"consent", "withdrawing consent (where the company asks for it)"},
		Value{"complaint", "the right to complain to a supervisory authority"},
		Value{"requirement", "whether the data must be given"},
		Value{"automated", "automated decisions (the default place)"},
		Value{"changes", "changes to the notice"},
	)
	whoEnum = enumOf(
		Value{"existing_customers", "people who bought from the business named in audience"},
		Value{"inquirers", "people who asked about buying but have not bought"},
		Value{"prospects", "people the company has had no dealings with"},
		Value{"purchased_list", "old spelling of prospects with source: bought_list; loads with a warning"},
	)
	recipientTypeEnum = enumOf(
		Value{"consumers", "private individuals (the default)"},
		Value{"business", "people at the addresses of companies and other legal persons (corporate subscribers)"},
		Value{"sole_traders", "sole traders and partnerships of individuals"},
	)
	sourceEnum = enumOf(
		Value{"sale", "the company sold to them (the default for existing_customers)"},
		Value{"inquiry", "they asked about buying or negotiated a purchase (the default for inquirers)"},
		Value{"signup", "they gave it themselves to receive messages, e.g. a newsletter sign-up"},
		Value{"acquired_business", "taken over with a business the company bought (asset deal, merger)"},
		Value{"bought_list", "bought from someone else"},
		Value{"rented_list", "rented from someone else"},
		Value{"referral", "named by someone else"},
		Value{"public_source", "a publicly accessible source, such as a company's website"},
	)
)

// Company describes company.yaml: every key the loader reads.
var Company = mapOf(
	req("controller", "who is responsible for the data (Art. 13(1)(a) GDPR)", mapOf(
		req("name", "the company's legal name", str),
		req("address", "postal address on one line", str),
		req("email", "address for privacy questions", email),
		opt("phone", "telephone number; quote it: \"+49 30 1234567\"", str),
		opt("website", "the company's web address", website),
		opt("dpo", "data protection officer (Art. 37 GDPR), if the company has one; under Law No. 91/2025/QH15 the personal data protection unit or personnel designated, or the service provider hired (Art. 33(2))", contactShape),
		opt("enterprise", "under Law No. 91/2025/QH15, the kind of business that exempts the company from designating a personal data protection unit, unless it provides personal data processing services, directly processes sensitive personal data or processes the data of a large number of people, 100,000 or more by Decree No. 356/2025/ND-CP Art. 41 (Art. 38(2)-(3); without it or dpo:, check warns for Vietnam)", enterpriseEnum),
	)),
	req("country", "where the controller is established: an ISO 3166-1 code such as DE, PL, VN", country),
	req("markets", "the countries whose customers the company writes to (ISO 3166-1 codes of the countries Basis knows the law of), or EU for every EEA state the file does not name; each has its own marketing rules", setOf(marketEnum)),
	req("languages", "the languages of the documents; the first is the default", Shape{Kind: List, Items: &languageEnum, Unique: true, NonEmpty: true}),
	req("effective", "the date the notice takes effect, YYYY-MM-DD", Shape{Kind: Date}),
	opt("logo", "an image file beside company.yaml (PNG, JPEG, WebP or SVG without script), shown on every page", str).with("logo: logo.svg   # beside company.yaml"),
	opt("register", "how the documents address the reader in German, Polish and Vietnamese", registerEnum),
	opt("representative", "the EU representative (Art. 27 GDPR) of a company established outside the EU", contactShape).with("representative:\n  name: EU-Rep GmbH\n  email: rep@example.eu\n  address: Unter den Linden 1, 10117 Berlin   # optional\n  phone: \"+49 30 555\"                     # optional"),
	opt("uk_representative", "the UK representative (Art. 27 UK GDPR) of a company established outside the United Kingdom that writes to customers there", contactShape),
	opt("authority", "the supervisory authority the notice names, when Basis should not choose it from country", mapOf(
		req("name", "the authority's name", text),
		opt("address", "its postal address", str),
		opt("website", "its web address", website),
	)).with("authority:\n  name: {de: Berliner Beauftragte für Datenschutz und Informationsfreiheit, en: Berlin Commissioner for Data Protection}\n  address: Alt-Moabit 59-61, 10555 Berlin     # optional\n  website: https://www.datenschutz-berlin.de   # optional"),
	opt("automated_decisions", "automated decisions, including profiling (Art. 22 GDPR): what is decided and how; leave out when there are none", text),
	req("businesses", "the company's lines of business; the existing-customer exception covers only the products of the business a customer bought from", listOf(mapOf(
		req("id", "an id the purposes and campaigns use", id),
		req("name", "the name customers know it by", text),
		opt("products", "what it sells, one entry each", listOf(str)),
		opt("offers", "what it offers, as a consent box names what is advertised: a phrase that names the business, not \"our\" (\"meat and sausages from Schmidt butcher's shop\")", text),
	))),
	opt("data_categories", "data categories besides the built-in ones, each with its name in every language", listOf(mapOf(
		req("id", "the id purposes and campaigns list under data", id),
		req("name", "what the notice calls it", text),
	))).with("data_categories:\n  - id: shoe_size\n    name: {en: shoe size, de: Schuhgröße}\npurposes:\n  - id: fitting\n    data: [name, shoe_size]   # built-in and own categories together"),
	opt("subject_categories", "categories of data subjects besides the built-in ones (customers, prospects, enquirers, subscribers, clients, contact_persons, website_visitors, employees, applicants, suppliers, business_partners), each with its name in every language", listOf(mapOf(
		req("id", "the id purposes list under data_subjects", id),
		req("name", "what the record of processing activities calls them", text),
	))).with("subject_categories:\n  - id: members\n    name: {en: club members, de: Vereinsmitglieder}\npurposes:\n  - id: membership\n    data_subjects: [members]   # built-in and own categories together"),
	req("purposes", "the purposes of processing, each with its legal basis", listOf(mapOf(
		req("id", "an id fields and campaigns refer to", id),
		req("name", "the purpose as the notice names it", text),
		opt("description", "more about the purpose (Markdown)", text),
		opt("benefit", "completes \"providing it allows us to ...\" in the text beside a form field", text),
		req("basis", "the legal basis (Art. 6(1) GDPR)", basisEnum),
		opt("interest", "the legitimate interests pursued (Art. 13(1)(d) GDPR); needed with basis: legitimate_interests", text),
		opt("assessment", "what the reviewer states in the legitimate-interests assessment of a purpose on legitimate_interests; the assessment takes the data, the people, the source, the forms, the recipients and the objection offered from the rest of the file", mapOf(
			opt("necessity", "why the data and the processing are needed for the interest (the necessity test)", text),
			opt("alternatives", "the less intrusive means considered, and why they do not achieve the interest as well", text),
			opt("expectations", "what the people can reasonably expect, from their relationship with the company and how the data were collected", text),
			opt("balancing", "the reviewer's conclusion: why the people's interests, rights and freedoms do not override the interest", text),
			opt("safeguards", "measures that lessen the impact on the people, one an entry", listOf(text)),
		)).with("assessment:\n  necessity: {en: \"We choose the offers from the order history so that customers get fewer, relevant emails\"}\n  alternatives: {en: \"Sending every offer to everyone: more emails to each customer\"}\n  expectations: {en: \"Customers were told at checkout and can object there and in every email\"}\n  balancing: {en: \"Own similar products, no data beyond the order history, objection at any time\"}\n  safeguards: [{en: \"The order history is used for 2 years after the last order at most\"}]"),
		opt("withdraw", "how consent is withdrawn, e.g. \"the link in every newsletter\" (Art. 7(3) GDPR); needed with basis: consent", text).with("withdraw: {en: \"the unsubscribe link in every newsletter, or an email to privacy@example.com\", de: \"den Abmeldelink in jedem Newsletter oder eine E-Mail an privacy@example.com\"}"),
		req("data", "the data categories processed: built-in ones or ids under data_categories", setOf(refTo("data"))),
		opt("data_subjects", "the categories of people whose data the purpose processes (Art. 30(1)(c) GDPR): built-in ones or ids under subject_categories", setOf(refTo("subject"))).with("data_subjects: [customers, subscribers]"),
		req("retention", "how long the data are kept, or the criteria (Art. 13(2)(a) GDPR)", text),
		opt("erasure", "time limits for erasure of some of the purpose's data categories where they differ from retention (Art. 30(1)(f) GDPR)", listOf(mapOf(
			req("data", "the data categories the limit applies to, each one the purpose lists", setOf(refTo("data"))),
			req("period", "when they are erased", text),
		))).with("erasure:\n  - data: [payment_data]\n    period: {en: \"8 years from the end of the calendar year of the invoice\"}"),
		opt("recipients", "ids of the recipients the data go to", setOf(refTo("recipient"))),
		opt("requirement", "whether giving the data is required (Art. 13(2)(e) GDPR); leave out when voluntary", requirementEnum),
		opt("consequence", "what happens when the person does not give the data", text),
		opt("source", "where the data come from when the person did not give them (Art. 14(2)(f) GDPR)", text).with("source: {en: \"your employer, who named you as contact person\", de: \"Ihr Arbeitgeber, der Sie als Ansprechpartner benannt hat\"}\nsource_public: false   # true when that source is publicly accessible"),
		opt("source_public", "that source is publicly accessible", boolean),
		opt("children", "the purpose is aimed at children: the ages (Art. 8 GDPR, Law No. 91/2025/QH15 Art. 24 then apply)", childrenShape).with("children: {from: 7, to: 15}   # the purpose is aimed at children of these ages"),
		opt("marketing", "direct marketing done under this purpose", mapOf(
			req("channel", "the channel the messages use", channelEnum),
			req("business", "the id of the business whose products are marketed", refTo("business")),
			opt("objection_at_collection", "the person could object when the address was collected", boolean),
			opt("unsubscribe_in_every_message", "every message offers a way to object", boolean),
		)),
	))),
	opt("recipients", "who receives the data (Art. 13(1)(e) GDPR)", listOf(mapOf(
		req("id", "an id purposes list under recipients", id),
		req("name", "the recipient or its category", str),
		req("role", "processor or controller", roleEnum),
		req("country", "where it processes the data: an ISO 3166-1 code", country),
		opt("contract", "a processing agreement (Art. 28 GDPR) is in place", boolean),
		opt("safeguard", "the ground for a transfer outside the EEA", safeguardEnum),
		opt("purpose", "what the recipient does with the data", text),
	))),
	opt("joint_controllers", "controllers that determine the purposes and means of some of the company's processing together with it (Art. 26 GDPR)", listOf(mapOf(
		req("name", "the joint controller's name", str),
		req("email", "its address for privacy questions", email),
		opt("address", "its postal address", str),
		opt("phone", "its telephone number", str),
		req("purposes", "the ids of the purposes determined jointly", Shape{Kind: List, Items: &Shape{Kind: Ref, RefTo: "purpose"}, Unique: true, NonEmpty: true}),
		req("arrangement", "the essence of the arrangement between you: who does what, in particular who answers the people's requests and gives them the notice (Art. 26(1) and (2) GDPR); the notice states it", text),
	))).with("joint_controllers:\n  - name: Partner Shop GmbH\n    email: privacy@partner.example\n    purposes: [loyalty]\n    arrangement: {en: \"We run the loyalty programme together; requests go to us\"}"),
	opt("security", "a general description of the technical and organisational measures that protect the data (Art. 30(1)(g), Art. 32(1) GDPR), one measure an entry", listOf(text)).with("security:\n  - {en: \"Access to customer data only for staff who need it, with personal accounts\"}\n  - {en: \"Encrypted backups every day, restore tested every quarter\"}"),
	opt("processing_for_clients", "processing the company carries out on behalf of its clients as their processor (Art. 28 GDPR): its record as processor (Art. 30(2)) and the items of its processing agreements (Art. 28(3))", listOf(mapOf(
		req("id", "an id for the processing", id),
		req("name", "the subject matter: the service the processing is part of", text),
		req("nature", "the nature and purpose of the processing", text),
		req("duration", "the duration of the processing", text),
		req("data", "the data categories processed", setOf(refTo("data"))),
		req("data_subjects", "the categories of people whose data are processed", Shape{Kind: List, Items: &Shape{Kind: Ref, RefTo: "subject"}, Unique: true, NonEmpty: true}),
		opt("subprocessors", "ids of the recipients engaged as sub-processors (each a processor under its own contract)", setOf(refTo("recipient"))),
		opt("clients", "the clients on whose behalf the company processes, with their contact details (Art. 30(2)(a) GDPR); the record names them as an open item when left out", listOf(mapOf(
			req("name", "the client's name", str),
			req("email", "its email address", email),
			opt("address", "its postal address", str),
			opt("phone", "its telephone number", str),
		))),
	))).with("processing_for_clients:\n  - id: payroll\n    name: {en: Payroll for client companies}\n    nature: {en: \"Calculating salaries and filing the returns on the client's instructions\"}\n    duration: {en: \"For the term of the service agreement\"}\n    data: [name, bank_account, tax_id]\n    data_subjects: [employees]\n    subprocessors: [hosting]"),
	opt("forms", "the company's forms; the text beside each field follows the form's kind and the markets it serves", listOf(mapOf(
		req("id", "an id for the form; field texts, help ids and consent ids name it", id),
		req("kind", "what the form is for", formKindEnum),
		opt("name", "the form's name on the fields page", text),
		opt("markets", "the markets whose customers use the form, some of the company's markets (default: all of them)", setOf(marketEnum)),
		opt("children", "the form is aimed at children: the ages", childrenShape),
		req("fields", "the form's fields; each gets a sentence saying why it is asked", listOf(fieldShape)),
	))).with("forms:\n  - id: checkout\n    kind: checkout        # checkout | account | contact | newsletter | other\n    name: {en: Order form, de: Bestellformular}   # optional\n    markets: [DE]         # optional: the markets it serves (default: all)\n    fields:\n      - id: email\n        label: {en: Email address, de: E-Mail-Adresse}\n        required: true\n        purpose: orders"),
	opt("fields", "old: the fields of one form whose kind is not stated; loads with a warning: move them under forms: with kind:", listOf(fieldShape)),
	opt("campaigns", "planned messages; check gives a verdict on each in each market", listOf(mapOf(
		req("id", "an id for the checklist and check --campaign", id),
		opt("name", "the campaign's name on the checklist", text),
		req("purpose", "the id of the purpose it runs under", refTo("purpose")),
		req("kind", "what the message is", kindEnum),
		req("channel", "how it is sent", channelEnum),
		req("audience", "who receives it", mapOf(
			opt("business", "the id of the business whose customers or inquirers are addressed", refTo("business")),
			req("who", "which people", whoEnum),
			opt("type", "whether the recipients are consumers, contacts at business addresses or sole traders", recipientTypeEnum),
			opt("source", "how their addresses were obtained", sourceEnum),
			opt("recency", "only those whose last purchase (inquirers: whose inquiry) was within this many months before the sending; the eligibility rule applies it, and the stricter limit a market's law sets where it sets one", months),
		)).with("audience:\n  business: shop\n  who: existing_customers\n  type: consumers          # consumers | business | sole_traders\n  source: acquired_business  # customers taken over with a shop the company bought\n  recency: 24                # only those who bought in the last 24 months"),
		opt("promotes", "the id of the business whose products it advertises (default: the audience's)", refTo("business")),
		opt("similar", "whether what it promotes is similar to what the recipients bought: the same or a closely related need (accessories, refills, a successor model), not merely the same line of business; say why in similar_reason:", boolean).with("similar: true\nsimilar_reason: {en: \"Christmas stollen are baked goods like the bread and cakes our customers buy\", de: \"Weihnachtsstollen sind Backwaren wie das Brot und der Kuchen, die unsere Kunden kaufen\"}"),
		opt("similar_reason", "why what it promotes is similar to what the recipients bought; the checklist prints it for a reviewer to confirm", text),
		req("data", "the data categories the campaign uses", setOf(refTo("data"))),
		opt("promotion", "a transactional or after-sales message also advertises", boolean),
		opt("consents", "where the recipients' recorded consents come from and since when (Art. 7(1) GDPR): a consent box of the forms, or another collection the entry describes", listOf(consentSourceShape)).with(consentsExample),
		opt("consent_records", "old: each recipient's consent is recorded; loads with a warning: write consents: naming where they come from and since when", boolean),
		opt("children", "the campaign is aimed at children: the ages", childrenShape),
		opt("used_by", "the teams and people who use the campaign's list; the checklist names them under access", listOf(text)).with("used_by: [{en: Marketing team, de: Marketing-Team}, {en: Shop staff, de: Ladenpersonal}]"),
	))),
	opt("sections", "extra sections at the end of the notice, e.g. on cookies", listOf(mapOf(
		req("title", "the section's heading", text),
		opt("body", "the text, in Markdown; or file:", text),
		opt("file", "a Markdown file beside company.yaml (one per language: {en: cookies.en.md, de: cookies.de.md}); or body:", text),
		opt("after", "the standard section this one follows (by default automated, near the end)", afterEnum),
	))).with("sections:\n  - title: {en: Cookies, de: Cookies}\n    file: {en: cookies.en.md, de: cookies.de.md}   # Markdown files beside company.yaml\n  - title: {en: Video surveillance, de: Videoüberwachung}\n    body: {en: \"Our shop is filmed ...\", de: \"Unser Laden wird ...\"}   # or the Markdown itself"),
	opt("accept", "warnings a reviewer checked and accepted as not applying, each with the reason: check shows them as accepted and does not count them, and the client report lists them; errors cannot be accepted", listOf(mapOf(
		req("rule", "the warning's rule id, as basis check prints it (basis explain RULE says what it checks)", str),
		opt("at", "the id of what the warning is about: the campaign, purpose, recipient, form field (<form>.<field>) or message it names; leave out for a warning about the company as a whole", str),
		req("reason", "why the warning does not apply, as the client report states it", text),
	))).with(acceptExample),
)

// consentSourceShape is where some of a campaign's consents come from.
var consentSourceShape = mapOf(
	opt("consent_id", "the id of a consent box of the forms, as fields.json and the consent record specification name it (<form>.<field>, <form>.<field>.consent, <form>.marketing.<purpose>); or source:", str),
	opt("source", "how and where the consents were given when not through a box of the forms, e.g. a paper form in the shop; or consent_id:", text),
	req("since", "the first day consents were collected this way, YYYY-MM-DD", Shape{Kind: Date}),
	opt("until", "the last day, when they are no longer collected this way", Shape{Kind: Date}),
)

const (
	consentsExample = "consents:\n  - consent_id: checkout.newsletter_optin   # a consent box of the forms\n    since: 2025-03-01\n  - source: {en: \"paper sign-up sheet in the shop\", de: \"Anmeldeliste aus Papier im Laden\"}\n    since: 2023-05-01\n    until: 2025-02-28"
	acceptExample   = "accept:\n  - rule: transfer.adequacy-dpf\n    at: booking      # the recipient the warning names\n    reason: {en: \"Certified under the EU-US Data Privacy Framework (list checked 2026-11-20)\", de: \"...\"}"
)

// fieldShape is a field of a form.
var fieldShape = mapOf(
	req("id", "what the field collects; the field email (or phone) gives the address a marketing channel uses; unique within its form", id),
	req("label", "the field's label on the form", text),
	req("required", "whether the form requires it", boolean),
	opt("type", "text (the default) or checkbox", fieldTypeEnum),
	opt("purpose", "the id of the purpose the field serves", refTo("purpose")),
	opt("explanation", "replaces the generated sentence; the notices the law requires are still added", text),
	opt("checked", "the checkbox is ticked when the form opens; never for a consent (an error: CJEU C-673/17 Planet49)", boolean),
	opt("consent", "the wording of the consent box a text field on a consent purpose gets, in the first person (\"I agree that ...\"); Basis writes one when left out", text),
)

// childrenShape says that a purpose, form or campaign is aimed at
// children, and at which ages.
var childrenShape = mapOf(
	req("from", "the youngest age it is aimed at, in years", Shape{Kind: Age}),
	req("to", "the oldest age it is aimed at, in years (under 18)", Shape{Kind: Age}),
)

// contactShape is a person or office with a way to reach it.
var contactShape = mapOf(
	req("name", "name of the person or office", str),
	req("email", "email address", email),
	opt("address", "postal address", str),
	opt("phone", "telephone number", str),
	opt("grammatical_gender", "how German sentences refer to the person named (\"Unsere Datenschutzbeauftragte\" or \"Unseren Datenschutzbeauftragten\"); without it they use a form that fits either", enumOf(
		Value{"feminine", "die Datenschutzbeauftragte"},
		Value{"masculine", "der Datenschutzbeauftragte"},
	)),
)

func (s Shape) keyNames() []string {
	out := make([]string, len(s.Keys))
	for i, k := range s.Keys {
		out[i] = k.Name
	}
	return out
}

// specAt returns the shape at a path of keys from the top of the company
// file, looking through lists to their items.
func specAt(path ...string) Shape {
	s := Company
	for _, name := range path {
		for s.Kind == List {
			s = *s.Items
		}
		k := s.Key(name)
		if k == nil {
			panic("load: the description has no key " + name)
		}
		s = k.Shape
	}
	for s.Kind == List {
		s = *s.Items
	}
	return s
}

// The descriptions of the mappings and enums the decoder reads.
var (
	controllerSpec = specAt("controller")
	authoritySpec  = specAt("authority")
	businessSpec   = specAt("businesses")
	dataSpec       = specAt("data_categories")
	purposeSpec    = specAt("purposes")
	subjectSpec    = specAt("subject_categories")
	erasureSpec    = specAt("purposes", "erasure")
	assessmentSpec = specAt("purposes", "assessment")
	jointSpec      = specAt("joint_controllers")
	clientsSpec    = specAt("processing_for_clients")
	clientSpec     = specAt("processing_for_clients", "clients")
	marketingSpec  = specAt("purposes", "marketing")
	recipientSpec  = specAt("recipients")
	formSpec       = specAt("forms")
	fieldSpec      = specAt("forms", "fields")
	campaignSpec   = specAt("campaigns")
	audienceSpec   = specAt("campaigns", "audience")
	sectionSpec    = specAt("sections")
	consentSpec    = specAt("campaigns", "consents")
	acceptSpec     = specAt("accept")
)

// marketDocs say what the markets of law's own table apply; the other
// countries' are said from the national table (marketValues).
var marketDocs = map[string]string{
	"EU": "every EEA state the file does not name: the EU baseline, Directive 2002/58/EC and the GDPR",
	"DE": "Germany: § 7 UWG and the GDPR",
	"PL": "Poland: Polish electronic communications law and the GDPR",
	"UK": "the United Kingdom: PECR and the UK GDPR",
	"GB": "the United Kingdom, as ISO 3166-1 writes it (the same as UK)",
	"VN": "Vietnam: Law No. 91/2025/QH15 on personal data protection",
	"CA": "Canada: CASL; Basis applies no Canadian data-protection law, and the basis of the processing comes from the controller's own (the GDPR, the UK GDPR or Vietnamese law)",
}

// marketValues are the markets a company file may name, in the order of
// law.Markets: a country (ISO 3166-1) whose law Basis knows, or EU.
func marketValues() []Value {
	var out []Value
	for _, code := range law.MarketCodes() {
		doc, ok := marketDocs[code]
		if !ok {
			doc = marketDoc(code)
		}
		out = append(out, Value{code, doc})
	}
	return out
}

// marketDoc says what Basis applies to customers in a country of the
// national table.
func marketDoc(code string) string {
	r, name := law.For(law.Market(code)), countryName(code)
	switch {
	case r.IsBaseline():
		return name + ": the EU baseline and the GDPR (its own rules on electronic marketing are not verified)"
	case r.Regime == "":
		return name + ": its rules on advertising messages; Basis applies no data-protection law of it, and the basis of the processing comes from the controller's own (the GDPR, the UK GDPR or Vietnamese law)"
	}
	return name + ": its own rules on electronic marketing and the GDPR"
}
