package render

// Authority is the supervisory authority named in a notice (Art. 13(2)(d)).
type Authority struct {
	Name    string
	Address string
	Website string
}
