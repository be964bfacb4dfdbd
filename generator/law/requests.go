package law

// RequestPeriods are the time limits, in days, within which a controller
// answers and carries out a data subject's request under one regime.
type RequestPeriods struct {
	// ReplyWorkingDays: the controller replies, telling the person how the
	// request will be dealt with, within this many working days of
	// receiving it.
	ReplyWorkingDays int
	// Stop is the period for a request to withdraw consent, restrict
	// processing or object to it; Access for a request to view, correct
	// or obtain the data; Erase for a request to delete it. Via is the
	// longer period where a processor or third party must act too;
	// Extension the most the period may be extended by, once, for a
	// complex request whose reasons are told to the person.
	Stop, StopVia, StopExtension       int
	Access, AccessVia, AccessExtension int
	Erase, EraseVia, EraseExtension    int
	// Refs cite the provisions (ref ids).
	Refs []string
	// Verified: the periods were read in the act's text or a reproduction
	// quoting it. Until then the notice says, beside its citation, that
	// they were not checked against an official source (notice.unverified).
	Verified bool
	// Sources are what the periods rest on.
	Sources []Source
}

// pdplRequests are the periods of Decree No. 356/2025/ND-CP Art. 5(2)-(4),
// which details Art. 4(5) of Law No. 91/2025/QH15 (the controller carries
// out a request "within the time limit the law provides"): reply within 2
// working days; withdrawal, restriction, objection 15 days (20 where a
// processor or third party must stop processing), extension once by up to
// 15; viewing, correcting, providing 10 days (15 where a processor or third
// party must correct), extension by up to 10; deleting 20 days (30 where a
// processor or third party must act), extension by up to 20.
//
// unverified: the decree's text of Art. 5 was not read (the stored copy of
// wincolaw.com.vn's reproduction reaches Art. 1 only). The figures agree in
// four secondary sources, two of which name the clauses: Frasers Vietnam's
// table (clause 2 read in full), CDLAF (clause 2), and two documents in
// public source code that cite Art. 5(2)-(5) from the official gazette
// (Công báo No. 18 of 18 Jan 2026). One of them notes that clause 3 gives
// the 15-day period where a processor must correct, and clause 4 the 30
// days where it must provide, delete or restrict: the notice says
// "correct" and "delete" accordingly. Read Art. 5 before setting Verified.
var pdplRequests = RequestPeriods{
	ReplyWorkingDays: 2,
	Stop:             15, StopVia: 20, StopExtension: 15,
	Access: 10, AccessVia: 15, AccessExtension: 10,
	Erase: 20, EraseVia: 30, EraseExtension: 20,
	Refs: []string{"vn-decree-356-2025-5"},
	Sources: []Source{
		{Facts: "requests", URL: "https://www.frasersvn.com/legal-updates-and-publications/the-next-chapter-in-data-protection-new-decree-guiding-the-personal-data-protection-law", Checked: "2026-12-05", Kind: "secondary"},
		{Facts: "requests", URL: "https://cdlaf.vn/en/rights-of-personal-data-subjects-and-methods-of-obtaining-consent-under-decree-no-356-2025-nd-cp/", Checked: "2026-12-05", Kind: "secondary"},
	},
}

// RequestsOf returns the periods Basis states for requests under regime g,
// and whether it states any: only Vietnam's are encoded here (the GDPR's
// month of Art. 12(3) is worded in the notice's messages).
func RequestsOf(g Regime) (RequestPeriods, bool) {
	if g == PDPL {
		return pdplRequests, true
	}
	return RequestPeriods{}, false
}
