package load

import (
	"errors"
	"os"
	"strings"
	"testing"
)

// FuzzParse feeds the loader arbitrary YAML: it must never panic, and it must
// return either a company or positioned Errors, never both or neither.
func FuzzParse(f *testing.F) {
	f.Add([]byte(valid))
	for _, p := range []string{"../../content/baeckerei-schmidt/company.yaml", "../../content/sen-vang/company.yaml"} {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b)
		}
	}
	f.Add([]byte("controller: [\n"))
	f.Add([]byte("languages: [en, en]\npurposes: {}\n"))
	for _, e := range inputSeeds {
		f.Add([]byte(strings.Replace(valid, e[0], e[1], 1)))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := Parse("company.yaml", data)
		if (c == nil) == (err == nil) {
			t.Fatalf("want exactly one of company and error; got %v, %v", c, err)
		}
		if err == nil {
			return
		}
		var es Errors
		if !errors.As(err, &es) || len(es) == 0 {
			t.Fatalf("want Errors, got %T %v", err, err)
		}
		for _, e := range es {
			if e.Pos.File != "company.yaml" || e.Pos.Line < 1 || e.Msg == "" {
				t.Fatalf("error without position or message: %#v", e)
			}
		}
	})
}

// inputSeeds edit the valid file into the hostile and mistaken inputs the
// loader must report: tags, a year-0 date, syntax errors whose line yaml.v3
// misreports, a comma splitting a sentence, files that leave the folder or
// are not regular files.
var inputSeeds = [][2]string{
	{"country: DE", "country: !!binary REU="},
	{"    name: Paket GmbH", "    name: !!python/object/apply:os.system [ls]"},
	{"  - id: shop", "  - id: !foo shop"},
	{"effective: 2026-11-01", "effective: 0000-01-01"},
	{"name: {de: Laden, en: Shop}", "name: {de: Laden: mehr, en: Shop}"},
	{"    basis: contract", "      basis: contract"},
	{"    data: [name, email]", "    data: [name, email"},
	{`retention: {de: "10 Jahre", en: "10 years"}`, `retention: {de: "10 Jahre, en: 10 years}`},
	{`retention: {de: "10 Jahre", en: "10 years"}`, `retention: {de: "10 Jahre", en: 10 years, then, deleted}`},
	{"country: DE", "country: DE\nlogo: ../../../etc/passwd"},
	{"country: DE", "country: DE\nlogo: /dev/zero"},
	{"country: DE", "country: DE\nlogo: testdata"},
	{"country: DE", "country: DE\nsections:\n  - title: X\n    file: {de: /etc/shadow, en: ../load}"},
	{"country: DE", "country: DE\n\x00"},
}
