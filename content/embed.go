// Package content holds the example companies, embedded so that tests and
// `basis init --example` use these fixed copies whatever else a user keeps
// in this folder. Only the examples named here are embedded; a company of
// one's own added beside them is read from disk by `basis build` as usual,
// and never by the tests.
//
//	err := os.CopyFS(dir, content.FS) // dir/<slug>/company.yaml for each example
package content

import (
	"embed"
	"io/fs"
	"os"
	"path/filepath"
)

// FS holds the example companies, one folder per slug.
//
//go:embed baeckerei-schmidt nowak-doradztwo sen-vang
var FS embed.FS

// Examples lists the slugs of the example companies, sorted.
var Examples = []string{"baeckerei-schmidt", "nowak-doradztwo", "sen-vang"}

// Nicknames name the examples by what they are: bakery (a German bakery
// with a butcher's shop), consultancy (a Polish consultancy), retailer (a
// Vietnamese retailer).
var Nicknames = map[string]string{"bakery": "baeckerei-schmidt", "consultancy": "nowak-doradztwo", "retailer": "sen-vang"}

// CopyTo writes the examples into dir (dir/<slug>/...), which must not
// hold them yet, and returns dir.
func CopyTo(dir string) (string, error) {
	return dir, os.CopyFS(dir, FS)
}

// Example returns the folder of one example, as a file system.
func Example(slug string) (fs.FS, error) {
	return fs.Sub(FS, filepath.ToSlash(slug))
}
