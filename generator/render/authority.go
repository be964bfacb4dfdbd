package render

// Authority is the supervisory authority named in a notice (Art. 13(2)(d)).
type Authority struct {
	Name    string
	Address string
	Website string
	// Unverified: Basis could not check the entry against the authority's
	// own page (law.Authority.Verified); the notice says so beside it.
	Unverified bool
}
