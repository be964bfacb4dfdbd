package model

import (
	"slices"
	"time"

	"github.com/basis-privacy/basis/generator/law"
)

// Company is one company file: content/<slug>/company.yaml.
type Company struct {
	Slug string // folder name: lower-case letters, digits, hyphens
	File string // path of company.yaml as given to the loader
	Dir  string // folder holding company.yaml (for logo and section files)

	Controller Controller
	Country    string       // where the controller is established: DE, PL, VN, ...
	Markets    []law.Market // markets whose customers it writes to
	Languages  []string     // published languages; the first is the default
	Effective  time.Time    // date the notice takes effect
	Logo       string       // optional image path relative to Dir
	// Register is the form of address of every document: Formal unless
	// the file says register: informal.
	Register Register
	// Representative is the EU representative (Art. 27 GDPR) of a controller
	// established outside the EU, if any.
	Representative *Contact
	// UKRepresentative is the UK representative (Art. 27 UK GDPR) of a
	// controller established outside the United Kingdom, if any.
	UKRepresentative *Contact
	// Authority overrides the supervisory authority named in the notice.
	Authority *Authority
	// AutomatedDecisions describes automated decision-making (Art. 22 GDPR);
	// empty means the company makes none.
	AutomatedDecisions Text

	Businesses     []Business
	DataCategories []DataCategory // company-specific data categories
	// SubjectCategories are company-specific categories of data subjects,
	// for people the built-in list (BuiltinSubjects) does not name.
	SubjectCategories []SubjectCategory
	Purposes          []Purpose
	Recipients        []Recipient
	// JointControllers are the controllers that determine the purposes and
	// means of some of the company's processing jointly with it (Art. 26
	// GDPR).
	JointControllers []JointController
	// Security is the general description of the technical and
	// organisational measures (Art. 30(1)(g), 32(1) GDPR), one measure an
	// entry; empty when the file does not describe them.
	Security []Text
	// ForClients is the processing the company carries out on behalf of
	// its clients as their processor (Art. 28 GDPR), one entry for each
	// kind of processing agreement.
	ForClients []ClientProcessing
	// Forms are the company's forms; fields written at the top level of an
	// old file are the one form whose kind is not stated (Legacy).
	Forms     []Form
	Campaigns []Campaign
	Sections  []Section // extra Markdown sections for the notice
	// Messages are the company's own wording of shared messages, from
	// content/<slug>/locales/<area>.<lang>.yaml, in file and line order.
	Messages []Message
	// Accept are the warnings a reviewer accepted as not applying, each
	// with the reason.
	Accept []Acceptance

	// Renamed lists old spellings the file uses, for a warning each.
	Renamed []Renamed

	At Positions // where each top-level key was written
}

// Renamed is an old spelling in a company file and the spelling that
// replaced it; the file still loads and keeps its old meaning.
type Renamed struct {
	Pos      Pos
	Old, New string
}

// Controller identifies the controller (Art. 13(1)(a) GDPR).
type Controller struct {
	Name    string
	Address string
	Email   string
	Phone   string
	Website string
	DPO     *Contact
	// Enterprise is the kind of business that, under Law No. 91/2025/QH15
	// Art. 38(2)-(3), exempts the controller from designating a personal
	// data protection unit: household_business, micro_enterprise,
	// small_enterprise, startup; "" when the file claims none.
	Enterprise string
	At         Positions
}

// Contact is a person or office with a way to reach it.
type Contact struct {
	Name    string
	Email   string
	Address string
	Phone   string
	// Gender is the grammatical gender German sentences use for the
	// person named ("feminine", "masculine"), or "" for a form that fits
	// either.
	Gender string
	At     Positions
}

// Authority is a supervisory authority a data subject may complain to.
type Authority struct {
	Name    Text
	Address string
	Website string
	At      Positions
}

// Business is one line of business of the controller; the soft opt-in covers
// only the products of the business the customer bought from.
type Business struct {
	ID       string
	Name     Text
	Products []string
	// Offers says what the business offers, as a consent text names what
	// is advertised ("meat and sausages from Schmidt butcher's shop");
	// empty when the file does not say.
	Offers Text
	At     Positions
}

// DataCategory is a company-specific category of personal data, for data the
// built-in list does not name.
type DataCategory struct {
	ID   string
	Name Text
	At   Positions
}

// Purpose is one purpose of processing with its legal basis (Art. 6 GDPR).
type Purpose struct {
	ID          string
	Name        Text
	Description Text // optional Markdown
	// Benefit completes "providing it allows us to ..." for the form fields
	// that serve the purpose, e.g. "send you a card on your birthday".
	Benefit    Text
	Basis      Basis
	Interest   Text // legitimate interest pursued (Art. 13(1)(d)); for legitimate_interests
	Withdraw   Text // how consent is withdrawn; for consent
	Data       []string
	Retention  Text
	Recipients []string
	// Requirement says whether giving the data is a statutory or contractual
	// requirement (Art. 13(2)(e)): "contract", "statutory", or "" (voluntary).
	Requirement string
	Consequence Text // what happens if the data is not given
	// Source says where data not obtained from the person come from (Art.
	// 14(2)(f) GDPR), e.g. the employer that named a contact person; empty
	// when the person gave the data.
	Source Text
	// SourcePublic says that Source is publicly accessible (Art. 14(2)(f)).
	SourcePublic bool
	// Children: the purpose is aimed at children of these ages; nil when not.
	Children  *Children
	Marketing *Marketing
	// Subjects are the categories of data subjects whose data the purpose
	// processes (Art. 30(1)(c) GDPR): built-in ids (BuiltinSubjects) or
	// ids under subject_categories; empty when the file does not say.
	Subjects []string
	// Erasure are the time limits for erasure of some of the purpose's data
	// categories where they differ from Retention (Art. 30(1)(f) GDPR).
	Erasure []Erasure
	// Assessment is what the reviewer states in the purpose's
	// legitimate-interests assessment; nil when the file states nothing.
	Assessment *Assessment
	At         Positions
}

// Erasure is the time limit for erasure of some data categories of a
// purpose.
type Erasure struct {
	Data   []string // data category ids, each one the purpose lists
	Period Text
	At     Positions
}

// Assessment is what a reviewer states in the legitimate-interests
// assessment of a purpose on Art. 6(1)(f) GDPR; what the file can tell
// itself (the data, the people, the source, the recipients, the objection
// offered) is not repeated here. An empty Text is a question the reviewer
// has not answered.
type Assessment struct {
	// Necessity says why the data and the processing are needed for the
	// interest (the necessity test).
	Necessity Text
	// Alternatives says which less intrusive means were considered and
	// why they do not achieve the interest as well.
	Alternatives Text
	// Expectations says what the people can reasonably expect, from their
	// relationship with the company and how the data were collected.
	Expectations Text
	// Balancing is the reviewer's conclusion of the balancing test: why
	// the people's interests, rights and freedoms do not override the
	// interest.
	Balancing Text
	// Safeguards are the measures taken to lessen the impact on the
	// people, beyond those the file shows.
	Safeguards []Text
	At         Positions
}

// SubjectCategory is a company-specific category of data subjects.
type SubjectCategory struct {
	ID   string
	Name Text
	At   Positions
}

// JointController is a controller with which the company jointly
// determines the purposes and means of some processing (Art. 26 GDPR).
type JointController struct {
	Name    string
	Address string
	Email   string
	Phone   string
	// Purposes are the ids of the purposes determined jointly.
	Purposes []string
	// Arrangement is the essence of the arrangement between the joint
	// controllers (Art. 26(1) and (2) GDPR).
	Arrangement Text
	At          Positions
}

// ClientProcessing is one kind of processing the company carries out on
// behalf of its clients as their processor: the items of Art. 28(3) GDPR
// its processing agreements set out, and the entries of its record as
// processor (Art. 30(2)).
type ClientProcessing struct {
	ID string
	// Name is the subject matter of the processing (the service).
	Name Text
	// Nature is the nature and purpose of the processing.
	Nature Text
	// Duration is the duration of the processing.
	Duration Text
	Data     []string // data category ids
	Subjects []string // data subject category ids
	// Subprocessors are the ids of the recipients the company engages as
	// sub-processors for this processing (Art. 28(2) and (4)).
	Subprocessors []string
	// Clients are the controllers on whose behalf the company processes,
	// with their contact details (Art. 30(2)(a)); empty when the file
	// does not name them.
	Clients []Contact
	At      Positions
}

// Children says that a purpose, form or campaign is aimed at children, and
// at which ages (both inclusive).
type Children struct {
	From, To int
	At       Positions
}

// Marketing describes direct marketing done under a purpose.
type Marketing struct {
	Channel                   string // email, sms, phone, post
	Business                  string // business id whose products are marketed
	ObjectionAtCollection     bool   // objection offered when the address was collected
	UnsubscribeInEveryMessage bool   // objection offered in every message
	At                        Positions
}

// Recipient is a recipient or category of recipients (Art. 13(1)(e)).
type Recipient struct {
	ID        string
	Name      string
	Role      string // processor | controller
	Country   string
	Contract  bool   // Art. 28 agreement in place (processors)
	Safeguard string // for transfers outside the EEA: adequacy | scc | bcr | derogation
	Purpose   Text   // what they do, optional
	At        Positions
}

// Form is one form of the company: a checkout, an account, a contact form,
// a newsletter sign-up or another form it names. The text beside each field
// follows the form's kind and the markets it serves.
type Form struct {
	// ID is unique among the forms; "" for the legacy form.
	ID   string
	Kind FormKind // "" for the legacy form: the file does not say
	Name Text     // optional
	// Markets are the markets the form serves, a subset of the company's;
	// empty means all of them (see Company.FormMarkets).
	Markets []law.Market
	Fields  []Field
	// Children: the form is aimed at children of these ages; nil when not.
	Children *Children
	// Legacy: the fields were written at the top level (fields:), before
	// forms existed.
	Legacy bool
	At     Positions
}

// FormKind is what a form is for.
type FormKind string

// Form kinds. Checkout and account forms collect an address in the context
// of a sale (CJEU C-654/23: a free account counts); a contact form collects
// it to answer an enquiry.
const (
	CheckoutForm   FormKind = "checkout"
	AccountForm    FormKind = "account"
	ContactForm    FormKind = "contact"
	NewsletterForm FormKind = "newsletter"
	OtherForm      FormKind = "other"
)

// FormKinds lists the kinds of form.
var FormKinds = []FormKind{CheckoutForm, AccountForm, ContactForm, NewsletterForm, OtherForm}

// Sale reports whether a form of kind k collects an address in the context
// of a sale (a checkout, or an account: CJEU C-654/23).
func (k FormKind) Sale() bool { return k == CheckoutForm || k == AccountForm }

// Field is a field of one of the company's forms. Its id names what it
// collects: the field "email" (or "phone") is where the address a marketing
// channel uses is given. Ids are unique within a form.
type Field struct {
	ID       string
	Label    Text
	Required bool
	// Type is "text" (an input the person fills in) or "checkbox" (a box
	// the person ticks, whose label is a sentence such as a consent).
	Type        string
	Purpose     string // purpose id
	Explanation Text   // overrides the generated sentence; the notices the law requires are still added
	// Checked: the checkbox is ticked when the form opens.
	Checked bool
	// Consent is the company's wording of the consent box a text field on
	// a consent purpose gets, in the first person; empty: Basis writes it.
	Consent Text
	At      Positions
}

// FieldTypes lists the kinds of form field.
var FieldTypes = []string{"text", "checkbox"}

// Campaign is a planned message to existing customers or others.
type Campaign struct {
	ID       string
	Name     Text
	Purpose  string
	Kind     Kind
	Channel  string
	Audience Audience
	Promotes string // business id whose products the message promotes
	// Similar says whether what the campaign promotes is similar to what
	// its recipients bought (the same or a closely related need:
	// accessories, refills, successor models); nil means not stated. The
	// business line alone does not make products similar.
	Similar *bool
	// SimilarReason says why, in the company's languages; the checklist
	// prints it for a reviewer to confirm. Without it the existing-customer
	// exception is not relied on.
	SimilarReason Text
	Data          []string
	Promotion     bool // a transactional or after-sales message that also carries advertising
	// ConsentRecords: the consent of each recipient is recorded (Art. 7(1)
	// GDPR): the campaign names where its consents come from (Consents),
	// or an old file says consent_records: true.
	ConsentRecords bool
	// Consents say where the recorded consents come from and since when;
	// empty when the file does not say.
	Consents []ConsentSource
	// Children: the campaign is aimed at children of these ages; nil when
	// not.
	Children *Children
	// UsedBy names the teams and people who use the campaign's list, in
	// the company's languages; empty when the file does not say.
	UsedBy []Text
	At     Positions
}

// ConsentSource is where some of a campaign's recorded consents come
// from: a consent box of one of the company's forms (ConsentID), or a
// collection the file describes (Source), and the time they were given in.
type ConsentSource struct {
	// ConsentID is the id of a consent box of the company's forms (as
	// fields.json names it: <form>.<field>, ...); "" when the consents were
	// not given through a form of the file.
	ConsentID string
	// Source says how and where the consents were given, in the company's
	// languages (a paper form in the shop, an earlier website); may be
	// given with ConsentID too.
	Source Text
	// Since is the first day consents were collected this way; Until the
	// last, zero while still collecting.
	Since, Until time.Time
	At           Positions
}

// Acceptance is a warning a reviewer accepted as not applying to the
// company: check then shows it as accepted and does not count it.
type Acceptance struct {
	Rule string // the warning's rule id
	// Subject is the id of what the warning is about (a campaign,
	// purpose, recipient, form field as <form>.<field>, message); ""
	// for a warning about the company as a whole.
	Subject string
	Reason  Text // why it does not apply
	At      Positions
}

// Audience is who a campaign is sent to.
type Audience struct {
	Business string // business id whose customers are addressed
	Who      Who    // the recipients' relation to the company
	// Type says whether the recipients are consumers, contacts at business
	// addresses, or sole traders; Consumers when the file does not say.
	Type RecipientType
	// Source says how the recipients' addresses were obtained; "" when the
	// file does not say (see Origin).
	Source Source
	// Recency limits the audience to those whose last purchase (inquirers:
	// whose inquiry) was within this many months before the sending; 0
	// when the file sets no limit of its own.
	Recency int
	At      Positions
}

// Origin is how the recipients' addresses were obtained: the audience's
// source:, or what its who: implies (existing customers from a sale,
// inquirers from their inquiry); "" when neither tells.
func (a Audience) Origin() Source {
	switch {
	case a.Source != "":
		return a.Source
	case a.Who == ExistingCustomers:
		return FromSale
	case a.Who == Inquirers:
		return FromInquiry
	case a.Who == PurchasedList:
		return FromBoughtList
	}
	return ""
}

// Kind is the audience's recipient type, Consumers when not stated.
func (a Audience) Kind() RecipientType {
	if a.Type == "" {
		return Consumers
	}
	return a.Type
}

// Section is an extra Markdown section of the privacy notice, placed after
// a standard section (After, one of NoticeSections; by default
// "automated", the last before "changes").
type Section struct {
	Title Text
	Body  Text // Markdown
	After string
	At    Positions
}

// NoticeSections lists the ids of the standard sections of the privacy
// notice in their order; an extra section may follow any of them. A section
// the company does not need (marketing, consent) keeps its place in the
// order: what follows it follows the section before it.
var NoticeSections = []string{"controller", "purposes", "marketing", "recipients", "transfers", "retention",
	"rights", "objection", "consent", "complaint", "requirement", "automated", "changes"}

// DefaultAfter is the standard section extra sections follow by default.
const DefaultAfter = "automated"

// Message is the company's own wording of one shared message (a message id
// in locales/) in one language: one Text, or the plural Forms (one, few,
// many, other, ...) of a message with a count.
type Message struct {
	Lang  string
	ID    string
	Text  string
	Forms map[string]string
	Pos   Pos // where the id is written
	Value Pos // where the text is written
}

// PurposeByID returns the purpose with id, or nil.
func (c *Company) PurposeByID(id string) *Purpose {
	for i := range c.Purposes {
		if c.Purposes[i].ID == id {
			return &c.Purposes[i]
		}
	}
	return nil
}

// BusinessByID returns the business with id, or nil.
func (c *Company) BusinessByID(id string) *Business {
	for i := range c.Businesses {
		if c.Businesses[i].ID == id {
			return &c.Businesses[i]
		}
	}
	return nil
}

// RecipientByID returns the recipient with id, or nil.
func (c *Company) RecipientByID(id string) *Recipient {
	for i := range c.Recipients {
		if c.Recipients[i].ID == id {
			return &c.Recipients[i]
		}
	}
	return nil
}

// FormMarkets returns the markets form f serves: its markets:, or every
// market of the company.
func (c *Company) FormMarkets(f *Form) []law.Market {
	if len(f.Markets) > 0 {
		return f.Markets
	}
	return c.Markets
}

// SubjectCategoryByID returns the company-specific category of data
// subjects with id, or nil.
func (c *Company) SubjectCategoryByID(id string) *SubjectCategory {
	for i := range c.SubjectCategories {
		if c.SubjectCategories[i].ID == id {
			return &c.SubjectCategories[i]
		}
	}
	return nil
}

// JointFor returns the joint controllers of the purpose with id.
func (c *Company) JointFor(id string) []*JointController {
	var out []*JointController
	for i := range c.JointControllers {
		if slices.Contains(c.JointControllers[i].Purposes, id) {
			out = append(out, &c.JointControllers[i])
		}
	}
	return out
}

// DataCategoryByID returns the company-specific data category with id, or nil.
func (c *Company) DataCategoryByID(id string) *DataCategory {
	for i := range c.DataCategories {
		if c.DataCategories[i].ID == id {
			return &c.DataCategories[i]
		}
	}
	return nil
}
