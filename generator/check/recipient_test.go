package check

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/basis-privacy/basis/generator/load"
)

// TestRecipientNoPurposeNames: a recipient that no purpose lists is a
// warning at its id (the notice would name it without saying for which
// purpose data goes to it); once a purpose lists it, the warning is gone.
func TestRecipientNoPurposeNames(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("testdata", "bakery", "company.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	const extra = "  - id: accountant\n    name: Steuerkanzlei Berg\n    role: controller\n    country: DE\nfields:\n"
	withExtra := strings.Replace(string(src), "fields:\n", extra, 1)
	line := strings.Count(withExtra[:strings.Index(withExtra, "  - id: accountant")], "\n") + 1
	for _, tc := range []struct {
		name, src string
		want      []string
	}{
		{"example", string(src), nil},
		{"unused recipient", withExtra, []string{"company.yaml:" + strconv.Itoa(line) + ":9 accountant"}},
		{"listed by a purpose", strings.Replace(withExtra, "recipients: [courier", "recipients: [accountant, courier", 1), nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if tc.name == "listed by a purpose" && !strings.Contains(string(src), "recipients: [courier") {
				t.Fatal("the bakery no longer lists recipients: [courier")
			}
			c, err := load.Parse("company.yaml", []byte(tc.src))
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, f := range Company(c).Findings {
				if f.Rule == RuleRecipientNoPurpose {
					if f.Severity != Warning {
						t.Errorf("severity %s", f.Severity)
					}
					got = append(got, f.Pos.String()+" "+f.Msg.Args["Recipient"].(string))
				}
			}
			if strings.Join(got, "; ") != strings.Join(tc.want, "; ") {
				t.Errorf("warnings %q, want %q", got, tc.want)
			}
		})
	}
}
