package law

// Abroad reports whether sending personal data from a controller
// established in controller to a recipient in recipient is a transfer abroad,
// judged from the controller's regime: under the GDPR, outside the EEA (Art.
// 44); under the UK GDPR, outside the United Kingdom (Art. 44 UK GDPR); under
// Law No. 91/2025/QH15, out of Vietnam (Art. 20). An unknown recipient
// country ("") is no transfer. check (transfer.no-safeguard) and the notice's
// transfer section both ask this function.
func Abroad(controller, recipient string) bool {
	if recipient == "" {
		return false
	}
	switch RegimeOf(controller) {
	case PDPL:
		return recipient != "VN"
	case UKGDPR:
		return !IsUK(recipient)
	}
	return !InEEA(recipient)
}

// adequateGDPR lists the countries besides the EEA with an EU adequacy
// decision under Art. 45 GDPR (the United Kingdom's renewed on 19 December
// 2025 until 27 December 2031). The United States is adequate only for
// organisations certified under the EU-US Data Privacy Framework.
var adequateGDPR = map[string]bool{
	"AD": true, "AR": true, "CA": true, "CH": true, "FO": true, "GB": true,
	"GG": true, "IL": true, "IM": true, "JP": true, "JE": true, "NZ": true, "KR": true,
	"UY": true,
}

// adequateUK lists the countries besides the EEA (and Gibraltar) covered by
// UK adequacy regulations (Art. 45 UK GDPR, s. 17A DPA 2018); the United
// States only for organisations certified under the UK extension to the Data
// Privacy Framework.
var adequateUK = map[string]bool{
	"AD": true, "AR": true, "CA": true, "CH": true, "FO": true, "GI": true,
	"GG": true, "IL": true, "IM": true, "JP": true, "JE": true, "NZ": true, "KR": true,
	"UY": true,
}

// Adequate reports whether recipient's country is covered by an adequacy
// decision (GDPR) or adequacy regulations (UK GDPR) for a controller in
// controller. Vietnam has no adequacy list: every transfer abroad follows Art.
// 20 Law No. 91/2025/QH15.
func Adequate(controller, recipient string) bool {
	switch RegimeOf(controller) {
	case GDPR:
		return adequateGDPR[Country(recipient)]
	case UKGDPR:
		return InEEA(recipient) || adequateUK[recipient]
	}
	return false
}
