// Package locales holds the go-i18n message files (en, de, pl, vi) that Basis
// embeds in its binary. A content folder's own locales/ overrides them.
package locales

import "embed"

// FS is the embedded default set of message files, one per language.
//
//go:embed *.yaml
var FS embed.FS
