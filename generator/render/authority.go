package render

// Authority is the supervisory authority named in a notice (Art. 13(2)(d)).
type Authority struct {
	// Country names the country whose customers it is for, where the
	// notice names authorities of several (the customers' own, Art. 77
	// GDPR); "" for the controller's own.
	Country string
	Name    string
	Address string
	Website string
	// Unverified: Basis could not check the entry against the authority's
	// own page (law.Authority.Verified); the notice says so beside it.
	Unverified bool
}
