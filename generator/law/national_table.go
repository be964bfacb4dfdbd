package law

// The law of every country Basis knows as a market, one entry per country.
// Each fact group names what it was checked against in Sources (read on the
// date given through stored copies of the pages) and says whether it is
// verified; RULES.md carries this table (TestNationalTable). Re-check the
// unverified groups first when this table is reviewed.

// checked is the date the sources below were read.
const checked = "2026-12-05"

func src(facts, kind, url string) Source {
	return Source{Facts: facts, URL: url, Checked: checked, Kind: kind}
}

// earlier is a source the market table was checked against in November 2026
// (RULES.md, "Law per market"), reused for the same rule here.
func earlier(facts, kind, url string) Source {
	return Source{Facts: facts, URL: url, Checked: "2026-11", Kind: kind}
}

// ageTracker is the Commission's list of the Art. 8 GDPR ages (Staff
// Working Document accompanying the 2020 GDPR evaluation, p. 17) as a blog
// reproduces it: secondary, so the ages resting on it are unverified.
var ageTracker = src("age", "secondary", "https://blog.kuan0.com/2020/06/")

// baseline is the rule of an EEA state whose transposition of Art. 13
// Directive 2002/58/EC Basis has not checked: the directive's rule, marked
// unverified, for check to warn that the EU baseline was applied.
func baseline() Marketing {
	return Marketing{
		Consent:   []string{"eprivacy-13-1"},
		Exception: &NationalException{ID: "eprivacy-13-2"},
		B2B:       B2B{Rule: B2BUnknown},
		Phone:     NationalChannel{Rule: ChannelUnknown, Refs: []string{"eprivacy-13-3"}},
		Post:      NationalChannel{Rule: ChannelObjection, Refs: []string{"gdpr-21-2-3", "gdpr-recital-47"}, Verified: true, Note: "Art. 21(2)-(3) GDPR applies in every EEA state"},
		Note:      "national transposition not checked: the EU baseline (Art. 13 Directive 2002/58/EC) is applied",
	}
}

// gdprPost is the rule for marketing letters where no national rule adds to
// the GDPR: allowed on legitimate interests until the person objects.
var gdprPost = NationalChannel{Rule: ChannelObjection, Refs: []string{"gdpr-21-2-3", "gdpr-recital-47"}, Verified: true,
	Note: "legitimate interests (Recital 47 GDPR) with the right to object (Art. 21(2)-(3) GDPR)"}

var nationals = []National{
	{
		Country: "AT", Regime: GDPR, Authority: "AT", AuthorityVerified: true,
		Marketing: Marketing{
			Verified:  true,
			Consent:   []string{"at-tkg-174-3"},
			Exception: &NationalException{ID: "at-tkg-174-4", Verified: true, OptOutList: "at-ecg-7-2"},
			B2B: B2B{Rule: B2BSame, Refs: []string{"at-tkg-174-3"}, Verified: true,
				Note: "consent from every recipient, consumer or business, since 1 March 2006"},
			Phone: NationalChannel{Rule: ChannelConsent, Refs: []string{"at-tkg-174-1"}, Verified: true,
				Note: "calls for advertising purposes need prior consent; the exception does not cover calls"},
			Post: NationalChannel{Rule: ChannelObjection, Register: "Robinsonliste of the WKO", Refs: []string{"at-gewo-151-9", "gdpr-21-2-3"}, Verified: true,
				Note: "address publishers and direct marketers honour the Robinson list; a company mailing its own customers removes those who object"},
			Note: "e-mail and SMS need prior consent; the exception also requires that the customer has not refused such mail in advance, in particular by entry in the ECG list",
		},
		Age: ChildAge{Age: 14, Refs: []string{"at-dsg-4-4"}, Note: "§ 4(4) DSG per two secondary sources; the act's text was not read"},
		Sources: []Source{
			src("marketing", "reproduction", "https://recht.werbungwien.at/wir-wollen-eine-kampagne-mit-direkter-kundenansprache-durchfuhren-worauf-mussen-wir-im-zusammenhang-mit-dem-telekommunikationsgesetz-dabei-achten/"),
			src("marketing", "secondary", "https://maklerwiki.at/cold-calling"),
			src("b2b", "secondary", "https://360.lexisnexis.at/d/z_bbi_2005_12_2005_BBInfo_Heft_12_aktue_4ec8c29075"),
			src("phone", "secondary", "https://maklerwiki.at/cold-calling"),
			src("phone", "reproduction", "https://recht.werbungwien.at/wir-wollen-eine-kampagne-mit-direkter-kundenansprache-durchfuhren-worauf-mussen-wir-im-zusammenhang-mit-dem-telekommunikationsgesetz-dabei-achten/"),
			src("b2b", "reproduction", "https://recht.werbungwien.at/wir-wollen-eine-kampagne-mit-direkter-kundenansprache-durchfuhren-worauf-mussen-wir-im-zusammenhang-mit-dem-telekommunikationsgesetz-dabei-achten/"),
			src("post", "official", "https://www.wko.at/branchen/w/information-consulting/werbung-marktkommunikation/robinsonliste.html"),
			src("authority", "authority", "https://www.dsb.gv.at/ueber-die-website/datenschutzerklaerung.html"),
			src("age", "secondary", "https://platform.dataguidance.com/opinion/eu-age-consent-children"),
			src("age", "secondary", "https://www.twobirds.com/en/capabilities/practices/privacy-and-data-protection/general-data-protection-regulation/gdpr-tracker/children"),
		},
	},
	{
		Country: "BE", Regime: GDPR, Authority: "BE", AuthorityVerified: true,
		Marketing: Marketing{
			Verified:  true,
			Consent:   []string{"be-cde-xii-13"},
			Exception: &NationalException{ID: "be-ar-2003-1", Verified: true, LegalPersons: true},
			B2B: B2B{Rule: B2BSame, Refs: []string{"be-ar-2003-1"}, Verified: true,
				Note: "consent as for consumers, but impersonal electronic addresses of legal persons need none (art. 1, 2°)"},
			Phone: NationalChannel{Rule: ChannelRegister, Register: "Ne m'appelez plus / Bel me niet meer", Refs: []string{"be-cde-vi-111"}, Verified: false,
				Note: "calls allowed unless the number is on the Do Not Call Me list (press reports quoting the list's operator)"},
			Post: NationalChannel{Rule: ChannelObjection, Refs: []string{"be-cde-vi-110", "gdpr-21-2-3"}, Verified: false,
				Note: "consumers and businesses may object to addressed advertising (art. VI.110 CDE as amended in 2015, per a law firm's note)"},
			Note: "advertising by e-mail needs prior, free, specific and informed consent; the royal decree of 4 April 2003 exempts customers (address obtained directly in a sale, own analogous products, objection offered at collection) and impersonal addresses of legal persons",
		},
		Age: ChildAge{Age: 13, Refs: []string{"be-loi-2018-7"}, Note: "art. 7 of the Act of 30 July 2018 per secondary sources"},
		Sources: []Source{
			src("marketing", "reproduction", "http://www.etaamb.be/fr/arrete-royal-du-04-avril-2003_n2003011238.html"),
			src("b2b", "reproduction", "http://www.etaamb.be/fr/arrete-royal-du-04-avril-2003_n2003011238.html"),
			src("marketing", "secondary", "https://actualitesdroitbelge.be/droit-des-affaires/droit-commercial/le-cadre-juridique-des-services-de-l-information-en-ligne/l-interdiction-de-principe-du-spamming"),
			src("phone", "secondary", "https://www.lavenir.net/cnt/dmf20211130_01641304/tuto-comment-ne-plus-etre-appele-par-des-demarcheurs-en-belgique"),
			src("post", "secondary", "http://www.racinebrussels.eu/documents/news-items/kl1928473-il-est-a-nouveau-possible-de-s-opposer-a-une-publicite-non-sollicitee-art-12-et-50-dd-cde-.xml?lang=fr"),
			src("authority", "authority", "https://www.dataprotectionauthority.be/privacy-statement"),
			src("age", "secondary", "https://platform.dataguidance.com/opinion/eu-age-consent-children"),
		},
	},
	{
		Country: "CA", Authority: "CA", AuthorityVerified: true,
		Marketing: Marketing{
			Consent: []string{"casl-6-1", "casl-10-9"},
			B2B: B2B{Rule: B2BSame, Refs: []string{"casl-6-1"},
				Note: "CASL covers commercial electronic messages to any electronic address"},
			Phone: NationalChannel{Rule: ChannelRegister, Register: "National Do Not Call List", Refs: []string{"ca-crtc-utr"},
				Note: "telemarketing calls subject to the CRTC Unsolicited Telecommunications Rules"},
			Post: NationalChannel{Rule: ChannelUnknown,
				Note: "not covered by CASL; PIPEDA not applied by Basis"},
			Note: "express or implied consent (existing business relationship: purchase within 2 years, inquiry within 6 months), sender identification and unsubscribe in every message; not re-checked for this table",
		},
		Age: ChildAge{Age: 13, Refs: []string{"ca-opc-consent"},
			Note: "no statutory age: the OPC's consent guidelines ask for a parent's consent under 13, as the author recalls them (no source read)"},
		Sources: []Source{
			src("authority", "authority", "https://www.priv.gc.ca/au-ans/atip-aiprp/index_e.asp"),
			src("authority", "authority", "https://www.priv.gc.ca/complaint-plainte/pa_e.asp"),
		},
	},
	{
		Country: "CH", Authority: "CH",
		Marketing: Marketing{
			Verified:  true,
			Consent:   []string{"ch-uwg-3-1-o"},
			Exception: &NationalException{ID: "ch-uwg-3-1-o", Verified: true},
			B2B: B2B{Rule: B2BSame, Refs: []string{"ch-uwg-3-1-o"},
				Note: "the UWG protects every customer; no B2B distinction found"},
			Phone: NationalChannel{Rule: ChannelRegister, Register: "Sterneintrag, the directory asterisk", Refs: []string{"ch-uwg-3-1-u"}, Verified: true,
				Note: "calls by a person allowed unless the directory entry carries the asterisk; automated calls are mass advertising under lit. o"},
			Post: NationalChannel{Rule: ChannelObjection,
				Note: "no specific rule found; the asterisk does not block addressed mail (Swiss Fairness Commission)"},
			Note: "mass advertising by telecommunication needs prior consent, the correct sender and an easy free refusal; a seller that obtained a customer's contact details in a sale, with the refusal offered, may advertise its own similar goods without consent",
		},
		Age: ChildAge{Refs: []string{"ch-zgb-16"},
			Note: "no fixed age: a child consents alone where capable of judgement (art. 16 ZGB); not checked against a source"},
		Sources: []Source{
			src("marketing", "official", "https://www.bakom.admin.ch/bakom/fr/home/telekommunikation/nuetzliche-infos/spam-spamming-spammer/wann-ist-der-massenversand-erlaubt.html"),
			src("phone", "official", "https://www.bakom.admin.ch/bakom/fr/page-daccueil/l-ofcom/informations-de-l-ofcom/ofcom-infomailing/ofcom-infomailing-30/publicite-par-telephone-non-souhaitee-nouvelle-disposition.html"),
			src("post", "secondary", "https://www.faire-werbung.ch/fr/la-csl-interprete-les-nouvelles-regles-du-telemarketing/"),
			src("authority", "official", "https://entscheide.weblaw.ch/cache.php?link=04-03-2009-A-5287-2008&q=&sel_lang=fr"),
		},
	},
	{
		Country: "DE", Regime: GDPR,
		Marketing: Marketing{
			Verified:  true,
			Consent:   []string{"uwg-7-2-2"},
			Exception: &NationalException{ID: "uwg-7-3", Verified: true},
			B2B: B2B{Rule: B2BSame, Refs: []string{"uwg-7-2-2"}, Verified: true,
				Note: "e-mail needs the addressee's prior express consent, business or consumer"},
			Phone: NationalChannel{Rule: ChannelConsent, Refs: []string{"uwg-7-2-1"}, Verified: true,
				Note: "consumers: prior express consent; other market participants: at least presumed consent"},
			Post: NationalChannel{Rule: ChannelObjection, Refs: []string{"uwg-7-1", "gdpr-21-2-3"}, Verified: true,
				Note: "letters allowed unless the recipient recognisably does not want them"},
			Note: "§ 7 UWG as in the market table (DE)",
		},
		Age: ChildAge{Age: 16, Refs: []string{"gdpr-8-1"},
			Note: "no national derogation (BDSG); per secondary sources"},
		Sources: []Source{
			earlier("marketing", "reproduction", "https://lxgesetze.de/uwg/7"),
			earlier("b2b", "reproduction", "https://lxgesetze.de/uwg/7"),
			earlier("phone", "reproduction", "https://lxgesetze.de/uwg/7"),
			earlier("post", "reproduction", "https://lxgesetze.de/uwg/7"),
			src("phone", "secondary", "https://boehmanwaltskanzlei.de/wirtschaftsrecht/wettbewerbsrecht/wettbewerbsschutz/belaestigung"),
			src("post", "secondary", "http://www.jura-basic.de/aufruf.php?file=1&art=6&find=UWG_Newsletter__Irref%EF%BF%BD%EF%BF%BDhrung"),
			src("age", "secondary", "https://www.twobirds.com/en/capabilities/practices/privacy-and-data-protection/general-data-protection-regulation/gdpr-tracker/children"),
		},
	},
	{
		Country: "ES", Regime: GDPR, Authority: "ES",
		Marketing: Marketing{
			Verified:  true,
			Consent:   []string{"es-lssi-21-1"},
			Exception: &NationalException{ID: "es-lssi-21-2", Verified: true},
			B2B: B2B{Rule: B2BSame, Refs: []string{"es-lssi-21-1"},
				Note: "art. 21 LSSI protects every recipient, natural or legal person (practitioners)"},
			Phone: NationalChannel{Rule: ChannelConsent, Refs: []string{"es-lgtel-66-1-b"}, Verified: true,
				Note: "since 29 June 2023 a right not to receive unwanted commercial calls without prior consent or another Art. 6(1) GDPR basis (AEPD Circular 1/2023)"},
			Post: NationalChannel{Rule: ChannelRegister, Register: "Lista Robinson", Refs: []string{"es-lopdgdd-23", "gdpr-21-2-3"},
				Note: "advertising exclusion systems to be consulted before a campaign to people who are not customers; as the author recalls art. 23 LOPDGDD"},
			Note: "commercial e-mail needs prior request or express authorisation; exception for a prior contract where the contact details were lawfully obtained and the products are the company's own and similar to those contracted",
		},
		Age: ChildAge{Age: 14, Refs: []string{"es-lopdgdd-7"}, Verified: true,
			Note: "art. 7(1) LOPDGDD: over fourteen the minor consents alone (text read in a reproduction); a 2024 draft law on minors in digital environments would raise it to 16: re-check"},
		Sources: []Source{
			src("marketing", "reproduction", "https://anisalegal.com/sanciones-de-la-aepd-por-envio-de-publicidad/"),
			src("marketing", "secondary", "https://privtools.eu/informes/2018-0164"),
			src("phone", "reproduction", "https://conecta.unive.es/derecho-a-no-recibir-llamadas-con-fines-comerciales/"),
			src("phone", "secondary", "https://privtools.eu/informes/2023-0052"),
			src("age", "reproduction", "https://www.sepin.es/cronus-juridico/documento/VerDoc.asp?dist=47&referencia=SP%2FDOCT%2F82661"),
			src("age", "secondary", "https://gdprhub.eu/index.php?title=AEPD_(Spain)_-_EXP202211618"),
		},
	},
	{
		Country: "FR", Regime: GDPR, Authority: "FR",
		Marketing: Marketing{
			Verified:  true,
			Consent:   []string{"fr-cpce-l34-5"},
			Exception: &NationalException{ID: "fr-cpce-l34-5", Verified: true},
			B2B: B2B{Rule: B2BProfession, Refs: []string{"fr-cnil-b2b"},
				Note: "professionals may be prospected at their nominative work address without prior consent, informed and able to object, where the message relates to their profession; generic addresses of legal persons are outside the rule (CNIL, 17 February 2005, as two secondary sources report it; the CNIL's page was not reached)"},
			Phone: NationalChannel{Rule: ChannelConsent, Refs: []string{"fr-cconso-l223-1"}, Verified: true,
				Note: "since 11 August 2026 consumers may be called only with prior consent, except about a contract in progress (loi n° 2025-594, art. 13); Bloctel ends"},
			Post: gdprPost,
			Note: "prospecting by e-mail of a natural person needs prior consent; exception where the details were collected from the person in a sale, for analogous products of the same person, with a free objection at collection and in every message",
		},
		Age: ChildAge{Age: 15, Refs: []string{"fr-lil-45"}, Verified: true,
			Note: "under 15 the child and a holder of parental authority consent jointly"},
		Sources: []Source{
			src("marketing", "reproduction", "https://www.doctrine.fr/l/texts/codes/LEGITEXT000006070987/articles/LEGIARTI000006465785?version=LEGIARTI000032235707"),
			src("b2b", "secondary", "https://www.emballagesmagazine.com/actualites/le-demarchage-professionnel.6857"),
			src("b2b", "secondary", "https://modeles.biz/blogs/infos/comment-prospecter-par-mail-en-toute-legalite-en-btb"),
			src("phone", "reproduction", "https://www.aguera-avocats.fr/articles/sans-consentement-prealable-plus-demarchage-telephonique-376.htm"),
			src("phone", "secondary", "https://cms.law/fr/fra/news-information/interdiction-prochaine-du-demarchage-telephonique-sans-consentement-prealable-du-consommateur"),
			src("authority", "secondary", "https://www.dpo-partage.fr/comment-joindre-la-cnil/?amp=1"),
			src("age", "authority", "https://cnil.fr./fr/recommandation-4-rechercher-le-consentement-dun-parent-pour-les-mineurs-de-moins-de-15-ans"),
		},
	},
	{
		Country: "GB", Regime: UKGDPR, Authority: "GB", AuthorityVerified: true,
		Marketing: Marketing{
			Verified:  true,
			Consent:   []string{"pecr-22-2"},
			Exception: &NationalException{ID: "pecr-22-3", Verified: true, Negotiations: true},
			B2B: B2B{Rule: B2BIndividualsOnly, Refs: []string{"pecr-22-2"}, Verified: true,
				Note: "reg. 22 protects individual subscribers (including sole traders and non-Scottish partnerships) only; corporate subscribers: UK GDPR legitimate interests and the right to object"},
			Phone: NationalChannel{Rule: ChannelRegister, Register: "Telephone Preference Service (TPS)", Refs: []string{"pecr-21"}, Verified: true,
				Note: "live calls allowed unless the number is on the TPS or the person objected"},
			Post: NationalChannel{Rule: ChannelObjection, Refs: []string{"uk-gdpr-21-2-3"}, Verified: true,
				Note: "UK GDPR legitimate interests with the right to object"},
			Note: "PECR as in the market table (UK)",
		},
		Age: ChildAge{Age: 13, Refs: []string{"uk-dpa-2018-9"},
			Note: "13 since the Data Protection Act 2018 (the bill's clause 8 as notified to the Commission); the Children's Wellbeing and Schools Act 2026, s. 72, lets the Secretary of State change it by regulations within 13 to 16: re-check before relying on it"},
		Sources: []Source{
			earlier("marketing", "authority", "https://ico.org.uk/for-organisations/direct-marketing-and-privacy-and-electronic-communications/"),
			earlier("b2b", "authority", "https://ico.org.uk/for-organisations/direct-marketing-and-privacy-and-electronic-communications/"),
			earlier("phone", "authority", "https://ico.org.uk/for-organisations/direct-marketing-and-privacy-and-electronic-communications/"),
			earlier("post", "authority", "https://ico.org.uk/for-organisations/direct-marketing-and-privacy-and-electronic-communications/"),
			src("age", "official", "http://www.switec.info/en/notifications/detail/?nr=2017/0508/UK&id=51445"),
			src("age", "official", "https://www.legislation.gov.uk/ukpga/2026/21/section/72/enacted/data.htm"),
			earlier("authority", "authority", "https://ico.org.uk/make-a-complaint/foi-and-eir-complaints/official-information-complaint/thank-you/"),
		},
	},
	{
		Country: "IE", Regime: GDPR, Authority: "IE", AuthorityVerified: true,
		Marketing: Marketing{
			Verified:  true,
			Consent:   []string{"ie-si-336-2011-13"},
			Exception: &NationalException{ID: "ie-si-336-2011-13-11", WithinMonths: 12},
			B2B: B2B{Rule: B2BBusinessAddress, Refs: []string{"ie-si-336-2011-13"}, Verified: true,
				Note: "e-mail to an address that reasonably appears to be used mainly for commercial or official activity, about that activity only, is not marketing to a natural person under reg. 13"},
			Phone: NationalChannel{Rule: ChannelRegister, Register: "National Directory Database opt-out", Refs: []string{"ie-si-336-2011-13"},
				Note: "landline calls unless the subscriber opted out in the NDD or objected; mobiles with consent (as the author recalls reg. 13)"},
			Post: gdprPost,
			Note: "e-mail and SMS to a natural person need prior consent (reg. 13(1)); the customer exception of reg. 13(11) adds that the sale took place in the 12 months before (not read in the text: unverified)",
		},
		Age: ChildAge{Age: 16, Refs: []string{"ie-dpa-2018-31"}, Verified: true,
			Note: "s. 31(1) Data Protection Act 2018, as the Minister stated it to the Dáil on 5 July 2018 (the act's text itself not read)"},
		Sources: []Source{
			src("marketing", "authority", "https://www.dataprotection.ie/docs/DIRECT-MARKETING-A-GENERAL-GUIDE-FOR-DATA-CONTROLLERS/905.htm"),
			src("marketing", "reproduction", "https://mcmahonsolicitors.ie/spam-cookies/"),
			src("b2b", "reproduction", "https://brexitlegal.ie/e-privacy/"),
			src("authority", "authority", "https://dataprotection.ie/en/about-our-site/data-protection-statement"),
			src("age", "official", "https://www.oireachtas.ie/en/debates/question/2018-07-05/19/"),
			src("age", "secondary", "https://www.twobirds.com/en/capabilities/practices/privacy-and-data-protection/general-data-protection-regulation/gdpr-tracker/children"),
		},
	},
	{
		Country: "IT", Regime: GDPR, Authority: "IT", AuthorityVerified: true,
		Marketing: Marketing{
			Verified:  true,
			Consent:   []string{"it-privacy-130-2"},
			Exception: &NationalException{ID: "it-privacy-130-4", Verified: true},
			B2B: B2B{Rule: B2BSame, Refs: []string{"it-privacy-130-2"},
				Note: "art. 130 protects the contraente or utente, legal persons included (as the author reads the text)"},
			Phone: NationalChannel{Rule: ChannelRegister, Register: "Registro pubblico delle opposizioni", Refs: []string{"it-privacy-130-3-bis"}, Verified: true,
				Note: "calls by an operator allowed towards those who have not objected through the public register"},
			Post: NationalChannel{Rule: ChannelRegister, Register: "Registro pubblico delle opposizioni", Refs: []string{"it-privacy-130-3-bis"}, Verified: true,
				Note: "paper mail to directory addresses likewise, unless registered in the public register of objections"},
			Note: "e-mail, SMS and automated calls need consent; the seller may use e-mail details given in the context of a sale for its own analogous services, the person informed at collection and in every message and free to refuse",
		},
		Age: ChildAge{Age: 14, Refs: []string{"it-privacy-2-quinquies"}, Note: "art. 2-quinquies per two commentaries that paraphrase it; the text was not read"},
		Sources: []Source{
			src("marketing", "official", "https://www.gazzettaufficiale.it/atto/serie_generale/caricaArticolo?art.progressivo=0&art.idArticolo=130&art.versione=1&art.codiceRedazionale=003G0218&art.dataPubblicazioneGazzetta=2003-07-29&art.idGruppo=40&art.idSottoArticolo1=10&art.idSottoArticolo=1&art.flagTipoArticolo=0"),
			src("marketing", "reproduction", "https://www8.brocardi.it/codice-della-privacy/parte-ii/titolo-x/capo-i/art130.html"),
			src("phone", "reproduction", "https://www8.brocardi.it/codice-della-privacy/parte-ii/titolo-x/capo-i/art130.html"),
			src("post", "reproduction", "https://www8.brocardi.it/codice-della-privacy/parte-ii/titolo-x/capo-i/art130.html"),
			src("authority", "authority", "https://g7privacy2024.gpdp.it/privacy-policy/?lang=en"),
			src("age", "secondary", "https://ius-giuffrefl-it.proxysbauniss.idm.oclc.org/dettaglio/10401323/il-consenso-al-trattamento-dei-dati-del-minore-per-i-servizi-online"),
			src("age", "secondary", "https://privacy.it/2018/09/19/lo-sapevi-che-8/"),
		},
	},
	{
		Country: "NL", Regime: GDPR, Authority: "NL", AuthorityVerified: true,
		Marketing: Marketing{
			Verified:  true,
			Consent:   []string{"nl-tw-11-7-1"},
			Exception: &NationalException{ID: "nl-tw-11-7-3"},
			B2B: B2B{Rule: B2BSame, Refs: []string{"nl-tw-11-7-1"}, Verified: true,
				Note: "since 1 July 2009 the consent rule covers legal persons too"},
			Phone: NationalChannel{Rule: ChannelConsent, Refs: []string{"nl-tw-11-7-1"}, Verified: true,
				Note: "since 1 July 2021 telemarketing to natural persons needs consent (opt-in), customers excepted (the exception's terms not read)"},
			Post: gdprPost,
			Note: "unsolicited electronic messages need prior consent of natural and legal persons; the customer exception of art. 11.7(3) Tw was not read in the text (unverified)",
		},
		Age: ChildAge{Age: 16, Refs: []string{"nl-uavg-5"}, Note: "art. 5 UAVG; the legislator saw no reason to lower the age (consultation on the bill); the text was not read"},
		Sources: []Source{
			src("marketing", "official", "https://zoek.officielebekendmakingen.nl/kst-30661-8.html"),
			src("b2b", "official", "https://zoek.officielebekendmakingen.nl/kst-30661-8.html"),
			src("b2b", "secondary", "https://www.cordemeyerslager.nl/nieuwsbrief-telecomsector-uitbreiding-spamverbod-per-1-juli-2009/"),
			src("phone", "official", "https://zoek.officielebekendmakingen.nl/kst-35421-3.html"),
			src("authority", "authority", "https://avgtekst.nl/document/20-boete-datalek-pvv-overijssel"),
			src("age", "official", "https://www.internetconsultatie.nl/uitvoeringswetavg/reactie/821d7a14-9365-4b98-8e63-6e40f4fcf888"),
		},
	},
	{
		Country: "PL", Regime: GDPR, Authority: "PL", AuthorityVerified: true,
		Marketing: Marketing{
			Verified: true,
			Consent:  []string{"pke-398-1"},
			B2B: B2B{Rule: B2BSame, Refs: []string{"pke-398-1"}, Verified: true,
				Note: "art. 398 PKE covers every end user, business addresses included"},
			Phone: NationalChannel{Rule: ChannelConsent, Refs: []string{"pke-398-1"}, Verified: true,
				Note: "prior consent for direct marketing by calls too"},
			Post: gdprPost,
			Note: "prior consent for direct marketing by electronic means; no existing-customer exception (in force 10 November 2024)",
		},
		Age: ChildAge{Age: 16, Refs: []string{"gdpr-8-1"}, Note: "no national derogation, per secondary sources"},
		Sources: []Source{
			earlier("marketing", "reproduction", "https://radcaprawny.kirp.pl"),
			earlier("b2b", "reproduction", "https://radcaprawny.kirp.pl"),
			earlier("phone", "reproduction", "https://radcaprawny.kirp.pl"),
			earlier("authority", "official", "https://www.biznes.gov.pl/en/opisy-procedur/-/proc/877"),
			src("age", "secondary", "https://www.twobirds.com/en/capabilities/practices/privacy-and-data-protection/general-data-protection-regulation/gdpr-tracker/children"),
		},
	},
	{
		Country: "SE", Regime: GDPR, Authority: "SE", AuthorityVerified: true,
		Marketing: Marketing{
			Verified:  true,
			Consent:   []string{"se-mfl-19"},
			Exception: &NationalException{ID: "se-mfl-19", Verified: true},
			B2B: B2B{Rule: B2BIndividualsOnly, Refs: []string{"se-mfl-19", "se-mfl-20"}, Verified: true,
				Note: "consent protects natural persons (sole traders included); legal persons need none, but every message gives a valid address to stop it"},
			Phone: NationalChannel{Rule: ChannelObjection, Register: "NIX-Telefon", Refs: []string{"gdpr-21-2-3"},
				Note: "calls by a person allowed until the person objects; the NIX register is the industry's (not checked)"},
			Post: gdprPost,
			Note: "e-mail and SMS to natural persons need prior consent; the established-customer exception covers the trader's own similar products, objection offered at collection and in every message (read in the 2004 text of the former act, 13 b §, which 19 § of the 2008 act continues, as the Consumer Agency states)",
		},
		Age: ChildAge{Age: 13, Refs: []string{"se-dsl-2-4"}, Verified: true},
		Sources: []Source{
			src("marketing", "secondary", "https://iabsverige.se/fraga-advokaten/manadens-fraga-november-2020-nar-far-reklam-skickas-via-e-post-eller-sms/"),
			src("marketing", "reproduction", "https://www.lagboken.se/Lagboken/start/marknads--och-immaterialratt/marknadsforingslag-2008486/d_39850-sfs-2004_103-lag-om-andring-i-marknadsforingslagen-1995_450"),
			src("b2b", "reproduction", "https://www.lagboken.se/Lagboken/start/marknads--och-immaterialratt/marknadsforingslag-2008486/d_39850-sfs-2004_103-lag-om-andring-i-marknadsforingslagen-1995_450"),
			src("b2b", "official", "http://www.mynewsdesk.com/se/pressreleases/proposition-om-skydd-mot-ooenskad-e-postreklam-34739"),
			src("b2b", "secondary", "http://www.par.se/lasvart/artikel/e-postlagen/"),
			src("b2b", "secondary", "https://www.expowera.se/marknadsforing/reklam-via-e-post"),
			src("authority", "authority", "https://www.imy.se/en/about-us/temporary-problems-with-our-e-services/"),
			src("age", "reproduction", "https://www.svt.se/nyheter/inrikes/tiktok-granskas-i-danmark-vill-anstalla-evangelist-i-sverige"),
		},
	},
	{
		Country: "US", Authority: "US",
		Marketing: Marketing{
			Verified: true,
			Consent:  []string{"us-can-spam"},
			OptOut:   true,
			B2B: B2B{Rule: B2BSame, Refs: []string{"us-can-spam"},
				Note: "CAN-SPAM covers all commercial e-mail, business recipients included"},
			Phone: NationalChannel{Rule: ChannelConsent, Register: "National Do Not Call Registry", Refs: []string{"us-tcpa"},
				Note: "autodialled or prerecorded telemarketing calls and texts need prior express written consent; live calls respect the Do Not Call Registry"},
			Post: NationalChannel{Rule: ChannelObjection, Note: "no federal consent rule for addressed mail"},
			Note: "commercial e-mail allowed without consent if not deceptive, identified as advertising, with a postal address and a working opt-out honoured within 10 business days; an opt-out request may not be made to cost more than a reply e-mail or a visit to one web page (16 C.F.R. § 316.5)",
		},
		Age: ChildAge{Age: 13, Refs: []string{"us-coppa"}, Verified: true,
			Note: "COPPA: verifiable parental consent under 13"},
		Sources: []Source{
			src("marketing", "reproduction", "https://law.lawstack.com/cfr/16/316.5/"),
			src("marketing", "secondary", "https://www.lexisnexis.com/lexis-practical-guidance/the-journal/b/pa/posts/complying-with-the-can-spam-act"),
			src("age", "reproduction", "http://www.gamutonline.net/district/escondidohigh/displayPolicy/437671/"),
		},
	},
	{
		Country: "VN", Regime: PDPL, Authority: "VN",
		Marketing: Marketing{
			Verified: true,
			Consent:  []string{"vn-pdpl-9", "vn-decree-91-2020"},
			B2B: B2B{Rule: B2BSame, Refs: []string{"vn-decree-91-2020"},
				Note: "no B2B distinction found"},
			Phone: NationalChannel{Rule: ChannelConsent, Refs: []string{"vn-decree-91-2020"},
				Note: "advertising calls with the recipient's prior consent (Decree 91/2020, article not verified)"},
			Post: NationalChannel{Rule: ChannelConsent, Refs: []string{"vn-pdpl-9"}, Verified: true,
				Note: "no legitimate-interests basis: consent"},
			Note: "consent (Law 91/2025/QH15 Art. 9) and Decree 91/2020/ND-CP on spam; no existing-customer exception",
		},
		Age: ChildAge{Age: 16, Refs: []string{"vn-pdpl-24"}, Verified: true,
			Note: "under 16 (a child, Law on Children 2016) the legal representative exercises the child's rights; from 7 the child's own consent is needed too for publishing information about the child's private life"},
		Sources: []Source{
			earlier("marketing", "reproduction", "https://news.thuvienphapluat.vn"),
			earlier("post", "reproduction", "https://news.thuvienphapluat.vn"),
			// The agency (A05) and the website: the national portal's own
			// page; the address: a law firm's page only (authority.go).
			src("authority", "authority", "https://baovedlcn.gov.vn/thu-tuc-hanh-chinh/ho-so-danh-gia-tac-dong-xu-ly-du-lieu"),
			src("authority", "secondary", "https://tracuuquyhoach.com/tin-tuc/moi-bo-cong-an-se-co-co-quan-chuyen-trach-bao-ve-du-lieu-ca-nhan-52734892"),
			earlier("authority", "secondary", "https://luatvietan.vn/cong-thong-tin-quoc-gia-bao-ve-du-lieu-ca-nhan-theo-nghi-dinh-13-2023-nd-cp.html"),
			src("age", "reproduction", "https://suckhoetreem.vn/van-de-quan-tam/quy-dinh-bao-ve-du-lieu-ca-nhan-cua-tre-em-nguoi-bi-mat-hoac-han-che-nang-luc-hanh-vi-dan-su-128338.html"),
			src("age", "secondary", "https://plo.vn/cong-bo-du-lieu-ca-nhan-cua-tre-tu-7-tuoi-phai-duoc-tre-va-nguoi-dai-dien-dong-y-post888944.html"),
			src("age", "secondary", "https://baovedlcn.vn/quy-dinh-ve-bao-ve-du-lieu-ca-nhan-cua-tre-em"),
		},
	},
	{
		Country: "BG", Regime: GDPR, Authority: "BG", AuthorityVerified: true,
		Marketing: baseline(),
		Age:       ChildAge{Age: 14, Refs: []string{"gdpr-8-1"}, Note: "§ 25c of the Personal Data Protection Act (ZZLD) per secondary sources; the national provision was not read"},
		Sources:   []Source{src("authority", "authority", "https://cpdp.bg/en/?p=pages&aid=51"), ageTracker},
	},
	{
		Country: "CY", Regime: GDPR, Authority: "CY",
		Marketing: baseline(),
		Age:       ChildAge{Age: 14, Refs: []string{"gdpr-8-1"}, Note: "art. 8 of Law 125(I)/2018 per secondary sources; the national provision was not read"},
		Sources:   []Source{ageTracker},
	},
	{
		Country: "CZ", Regime: GDPR, Authority: "CZ", AuthorityVerified: true,
		Marketing: baseline(),
		Age:       ChildAge{Age: 15, Refs: []string{"gdpr-8-1"}, Note: "§ 7 of Act No. 110/2019 per secondary sources; the national provision was not read"},
		Sources:   []Source{src("authority", "authority", "https://uoou.gov.cz/informace-ochrana-soukromi"), ageTracker},
	},
	{
		Country: "DK", Regime: GDPR, Authority: "DK", AuthorityVerified: true,
		Marketing: baseline(),
		Age: ChildAge{Age: 15, Refs: []string{"gdpr-8-1"}, Verified: true,
			Note: "§ 6(2) of the Data Protection Act (databeskyttelsesloven), raised from 13 to 15 by bill L 79 (2023-24), in force 1 January 2024 (bill § 3; consents given before then keep the old rule); the bill read in Folketinget's text, its adoption per a secondary source"},
		Sources: []Source{
			src("authority", "authority", "https://admin.datatilsynet.dk/kontakt/skriv-til-os/naar-du-skriver-til-os"),
			src("age", "official", "https://www.ft.dk/samling/20231/lovforslag/l79/20231_l79_som_fremsat.htm"),
			src("age", "secondary", "https://gapsolutions.dk/artikel_aendringer_databeskyttelsesloven/"),
		},
	},
	{
		Country: "EE", Regime: GDPR, Authority: "EE", AuthorityVerified: true,
		Marketing: baseline(),
		Age:       ChildAge{Age: 13, Refs: []string{"gdpr-8-1"}, Note: "§ 8 of the Personal Data Protection Act per secondary sources; the national provision was not read"},
		Sources:   []Source{src("authority", "authority", "https://www.aki.ee/en/privacy-policy"), ageTracker},
	},
	{
		Country: "FI", Regime: GDPR, Authority: "FI", AuthorityVerified: true,
		Marketing: baseline(),
		Age:       ChildAge{Age: 13, Refs: []string{"gdpr-8-1"}, Note: "section 5 of the Data Protection Act (1050/2018) per secondary sources; the national provision was not read"},
		Sources:   []Source{src("authority", "authority", "https://tietosuoja.fi/yhteystiedot"), ageTracker},
	},
	{
		Country: "GR", Regime: GDPR, Authority: "GR",
		Marketing: baseline(),
		Age:       ChildAge{Age: 15, Refs: []string{"gdpr-8-1"}, Note: "art. 21 of Law 4624/2019 per secondary sources; the national provision was not read"},
		Sources:   []Source{ageTracker},
	},
	{
		Country: "HR", Regime: GDPR, Authority: "HR", AuthorityVerified: true,
		Marketing: baseline(),
		Age:       ChildAge{Age: 16, Refs: []string{"gdpr-8-1"}, Note: "art. 19 of the GDPR Implementation Act per secondary sources; the national provision was not read"},
		Sources:   []Source{src("authority", "authority", "https://azop.hr/zahtjev-za-utvrdivanje-povrede-prava/"), ageTracker},
	},
	{
		Country: "HU", Regime: GDPR, Authority: "HU",
		Marketing: baseline(),
		Age:       ChildAge{Age: 16, Refs: []string{"gdpr-8-1"}, Note: "no national derogation per secondary sources: Art. 8(1) GDPR; the national provision was not read"},
		Sources:   []Source{ageTracker},
	},
	{
		Country: "IS", Regime: GDPR, Authority: "IS", AuthorityVerified: true,
		Marketing: baseline(),
		Age:       ChildAge{Age: 13, Refs: []string{"gdpr-8-1"}, Note: "Act No. 90/2018, as the author recalls it (no source read); the national provision was not read"},
		Sources:   []Source{src("authority", "authority", "https://island.is/en/data-protection-laws-and-your-rights/who-can-work-with-personal-data")},
	},
	{
		Country: "LI", Regime: GDPR, Authority: "LI", AuthorityVerified: true,
		Marketing: baseline(),
		Age:       ChildAge{Age: 16, Refs: []string{"gdpr-8-1"}, Note: "no national derogation known (no source read): Art. 8(1) GDPR; the national provision was not read"},
		Sources:   []Source{src("authority", "authority", "https://datenschutzstelle.li/index.php?cID=370")},
	},
	{
		Country: "LT", Regime: GDPR, Authority: "LT", AuthorityVerified: true,
		Marketing: baseline(),
		Age:       ChildAge{Age: 14, Refs: []string{"gdpr-8-1"}, Note: "art. 6 of the Law on Legal Protection of Personal Data per secondary sources; the national provision was not read"},
		Sources:   []Source{src("authority", "authority", "https://vdai.lrv.lt/privatumo-politika"), ageTracker},
	},
	{
		Country: "LU", Regime: GDPR, Authority: "LU", AuthorityVerified: true,
		Marketing: baseline(),
		Age:       ChildAge{Age: 16, Refs: []string{"gdpr-8-1"}, Note: "no national derogation per secondary sources: Art. 8(1) GDPR; the national provision was not read"},
		Sources:   []Source{src("authority", "authority", "https://cnpd.public.lu/en/support/protection-des-donnees.html"), ageTracker},
	},
	{
		Country: "LV", Regime: GDPR, Authority: "LV", AuthorityVerified: true,
		Marketing: baseline(),
		Age:       ChildAge{Age: 13, Refs: []string{"gdpr-8-1"}, Note: "section 33 of the Personal Data Processing Law per secondary sources; the national provision was not read"},
		Sources:   []Source{src("authority", "authority", "https://www.dvi.gov.lv/lv/viegli-lasit-0"), ageTracker},
	},
	{
		Country: "MT", Regime: GDPR, Authority: "MT", AuthorityVerified: true,
		Marketing: baseline(),
		Age:       ChildAge{Age: 13, Refs: []string{"gdpr-8-1"}, Note: "the Data Protection Act (Cap. 586) per secondary sources; the national provision was not read"},
		Sources:   []Source{src("authority", "authority", "https://idpc.org.mt/data-protection-notice"), ageTracker},
	},
	{
		Country: "NO", Regime: GDPR, Authority: "NO", AuthorityVerified: true,
		Marketing: baseline(),
		Age:       ChildAge{Age: 13, Refs: []string{"gdpr-8-1"}, Note: "section 5 of the Personal Data Act, as the author recalls it (no source read); the national provision was not read"},
		Sources:   []Source{src("authority", "authority", "https://www.datatilsynet.no/en/about-us/contact-us/how-to-complain-to-the-norwegian-dpa/")},
	},
	{
		Country: "PT", Regime: GDPR, Authority: "PT",
		Marketing: baseline(),
		Age:       ChildAge{Age: 13, Refs: []string{"gdpr-8-1"}, Note: "art. 16 of Law 58/2019 per secondary sources; a 2026 bill (Projeto de Lei 398/XVII) would raise the digital age to 16: re-check; the national provision was not read"},
		Sources:   []Source{ageTracker},
	},
	{
		Country: "RO", Regime: GDPR, Authority: "RO", AuthorityVerified: true,
		Marketing: baseline(),
		Age:       ChildAge{Age: 16, Refs: []string{"gdpr-8-1"}, Note: "no national derogation per secondary sources: Art. 8(1) GDPR; the national provision was not read"},
		Sources:   []Source{src("authority", "authority", "https://dataprotection.ro/index.jsp?lang=en&page=Informare_protectia_datelor_conf_GDPR"), ageTracker},
	},
	{
		Country: "SI", Regime: GDPR, Authority: "SI", AuthorityVerified: true,
		Marketing: baseline(),
		Age:       ChildAge{Age: 15, Refs: []string{"gdpr-8-1"}, Note: "art. 8 of ZVOP-2 per secondary sources; the national provision was not read"},
		Sources:   []Source{src("authority", "authority", "https://www.ip-rs.si/en/about/public-information/about-the-site"), ageTracker},
	},
	{
		Country: "SK", Regime: GDPR, Authority: "SK", AuthorityVerified: true,
		Marketing: baseline(),
		Age:       ChildAge{Age: 16, Refs: []string{"gdpr-8-1"}, Note: "§ 15 of Act No. 18/2018 per secondary sources; the national provision was not read"},
		Sources:   []Source{src("authority", "authority", "https://dataprotection.gov.sk/en/privacy-notice"), ageTracker},
	},
}
