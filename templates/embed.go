// Package templates holds the HTML templates and static assets that Basis
// embeds in its binary. A content folder's own templates/ overrides them.
package templates

import "embed"

// FS is the embedded default template tree: *.html templates and assets/.
//
//go:embed *.html assets
var FS embed.FS
