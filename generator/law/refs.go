package law

import "strings"

// refPrefixes maps the prefix of a reference id to the market whose law it
// belongs to; references not listed (the GDPR) belong to every market.
var refPrefixes = []struct {
	prefix string
	market Market
}{
	{"eprivacy-", EU}, {"cjeu-", EU}, {"uwg-", DE}, {"bgh-", DE},
	{"pke-", PL}, {"wsa-", PL}, {"uk-gdpr-", UK}, {"pecr-", UK}, {"ico-", UK},
	{"vn-", VN}, {"casl-", CA},
}

// RefMarket names the market whose law a reference id belongs to, or "" for
// one that belongs to every market (the GDPR).
func RefMarket(ref string) Market {
	for _, p := range refPrefixes {
		if strings.HasPrefix(ref, p.prefix) {
			return p.market
		}
	}
	return ""
}
