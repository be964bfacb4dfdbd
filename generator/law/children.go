package law

// ChildAgeOf is the age below which a child's consent is given or authorised
// by the holder of parental responsibility for customers of market m (Art.
// 8(1) GDPR and its national forms; Art. 8(1) UK GDPR; Law No. 91/2025/QH15 Art.
// 24 for Vietnam, where a child is under 16), with the provisions and
// whether Basis verified the national age. The EU baseline is the GDPR's
// own 16. It reports false where no age applies (Canada, Switzerland).
func (l *Law) ChildAgeOf(m Market) (ChildAge, bool) {
	if m == EU {
		return ChildAge{Age: 16, Refs: []string{"gdpr-8-1"}, Verified: true}, true
	}
	n, ok := NationalOf(string(m))
	if !ok || n.Age.Age == 0 || n.Regime == "" {
		return ChildAge{}, false
	}
	return n.Age, true
}
