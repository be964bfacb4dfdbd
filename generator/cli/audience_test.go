package cli

import (
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// shopContent is the audience package's test company, in a content folder
// of its own, and its contact file.
func shopContent(t *testing.T) (dir, contacts string) {
	t.Helper()
	dir = t.TempDir()
	b, err := os.ReadFile(filepath.Join("..", "audience", "testdata", "shop", "company.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(dir, "shop"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "shop", "company.yaml"), b, 0o644); err != nil {
		t.Fatal(err)
	}
	return dir, filepath.Join("..", "audience", "testdata", "contacts.csv")
}

// eligibilitySchema compiles docs/eligibility.schema.json, or one of its
// $defs.
func eligibilitySchema(t *testing.T, def string) *jsonschema.Schema {
	t.Helper()
	f, err := os.Open(filepath.Join("..", "..", "docs", "eligibility.schema.json"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	if err := c.AddResource("eligibility.schema.json", doc); err != nil {
		t.Fatal(err)
	}
	loc := "eligibility.schema.json"
	if def != "" {
		loc += "#/$defs/" + def
	}
	s, err := c.Compile(loc)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func validates(t *testing.T, s *jsonschema.Schema, out string) {
	t.Helper()
	inst, err := jsonschema.UnmarshalJSON(strings.NewReader(out))
	if err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	if err := s.Validate(inst); err != nil {
		t.Errorf("invalid by the schema: %v", err)
	}
}

// TestAudienceRule: without contacts, audience prints the campaign's rules,
// as JSON valid by docs/eligibility.schema.json, or as CSV with one row per
// condition; the markets where nobody may receive it are named.
func TestAudienceRule(t *testing.T) {
	dir := content(t, []string{"sen-vang"}, func(_, s string) string {
		return strings.Replace(s, "channel: email\n    audience: {business: store, who: existing_customers}\n    promotes: store",
			"channel: email\n    audience: {who: prospects, source: bought_list}", 1)
	})
	code, out, errs := run(t, "audience", "--content", dir, "--format", "json", "tet-sale")
	var doc struct {
		Markets []struct {
			Market string
			Nobody bool
		}
		Excluded []string
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("exit %d: %v\n%s%s", code, err, out, errs)
	}
	validates(t, eligibilitySchema(t, ""), out)
	if len(doc.Markets) != 1 || !doc.Markets[0].Nobody || !slices.Equal(doc.Excluded, []string{"VN"}) {
		t.Errorf("a bought list in Vietnam: %+v", doc)
	}
	// The company now has an error (a bought list in Vietnam): exit 1, the rule printed all the same.
	code, out, errs = run(t, "audience", "--content", dir, "--lang", "vi", "delivery-notice")
	if code != ExitError || !strings.HasPrefix(out, "market,verdict,contested,nobody,kind,id,") || !strings.Contains(out, "VN,allowed,false,false,attest,contract-link") {
		t.Errorf("CSV rule: exit %d\n%s%s", code, out, errs)
	}
}

// TestAudienceSplit: audience splits the edge-case contact file as the law
// says, as CSV and as JSON valid by the schema, and sums it up on stderr.
func TestAudienceSplit(t *testing.T) {
	dir, contacts := shopContent(t)
	code, out, errs := run(t, "audience", "--content", dir, "--contacts", contacts, "--date", "2026-12-15", "autumn-tea")
	if code != ExitOK || !strings.Contains(errs, "16 contacts: 4 may receive autumn-tea, 12 may not") {
		t.Fatalf("exit %d\n%s", code, errs)
	}
	want, err := os.ReadFile(filepath.Join("..", "audience", "testdata", "contacts.split.csv"))
	if err != nil {
		t.Fatal(err)
	}
	if out != string(want) {
		t.Errorf("the split differs from the audience package's golden file:\n%s", out)
	}
	code, out, errs = run(t, "audience", "--content", dir, "--contacts", contacts, "--date", "2026-12-15", "--format", "json", "--lang", "de", "autumn-tea")
	if code != ExitOK {
		t.Fatalf("exit %d\n%s", code, errs)
	}
	validates(t, eligibilitySchema(t, "split"), out)
	if !strings.Contains(out, "Nicht erfüllt: ") {
		t.Error("the German split gives no German reasons")
	}
}

// TestAudienceMistakes: a contact file with mistakes is refused, each at
// its line:column, and nothing is printed; a wrong campaign, date or file
// says what to write instead.
func TestAudienceMistakes(t *testing.T) {
	dir, _ := shopContent(t)
	bad := filepath.Join(t.TempDir(), "bad.csv")
	src := "id,country,relationship,business,source,type,last_purchase,last_inquiry,consents,objected,opt_out_register\n" +
		"a,DE,customers,shop,sale,,2026-02-30,,,,\n"
	if err := os.WriteFile(bad, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		args []string
		code int
		want []string
	}{
		{[]string{"--contacts", bad, "autumn-tea"}, ExitError, []string{bad + `:2:6: relationship "customers" is not known; did you mean customer?`,
			bad + `:2:27: last_purchase "2026-02-30" is not a date`, "2 mistake(s) in the contact file; nothing was split"}},
		{[]string{"autum-tea"}, ExitInput, []string{`no campaign "autum-tea" (did you mean "autumn-tea"?)`}},
		{[]string{"--date", "15.12.2026", "autumn-tea"}, ExitInput, []string{`--date "15.12.2026" is not a date: write YYYY-MM-DD`}},
		{[]string{"--contacts", dir, "autumn-tea"}, ExitInput, []string{"is not a regular file"}},
		{[]string{"--format", "xlsx", "autumn-tea"}, ExitInput, []string{"--format must be csv or json"}},
		{nil, ExitInput, []string{"name the campaign"}},
	} {
		code, out, errs := run(t, append([]string{"audience", "--content", dir}, tc.args...)...)
		if code != tc.code || out != "" {
			t.Errorf("%v: exit %d, want %d; stdout %q", tc.args, code, tc.code, out)
		}
		for _, w := range tc.want {
			if !strings.Contains(errs, w) {
				t.Errorf("%v: stderr lacks %q:\n%s", tc.args, w, errs)
			}
		}
	}
}

// TestAudienceWritesNothing: audience reads the company and the contact
// file and writes only to standard output and standard error: no file in
// the working folder, the content folder or beside the contact file is
// made or changed.
func TestAudienceWritesNothing(t *testing.T) {
	dir, contacts := shopContent(t)
	work := t.TempDir()
	own := filepath.Join(work, "contacts.csv")
	b, err := os.ReadFile(contacts)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(own, b, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Chdir(work)
	before := tree(t, work) + tree(t, dir)
	for _, format := range []string{"csv", "json"} {
		if code, _, errs := run(t, "audience", "--content", dir, "--contacts", own, "--format", format, "autumn-tea"); code != ExitOK {
			t.Fatalf("exit %d\n%s", code, errs)
		}
	}
	if after := tree(t, work) + tree(t, dir); after != before {
		t.Errorf("files changed:\nbefore\n%s\nafter\n%s", before, after)
	}
}

// tree lists every file under dir with its hash and mode.
func tree(t *testing.T, dir string) string {
	t.Helper()
	var b strings.Builder
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		sum := ""
		if d.Type().IsRegular() {
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			sum = fmt.Sprintf("%x", sha256.Sum256(data))
		}
		fmt.Fprintf(&b, "%s %s %s %s\n", p, info.Mode(), info.ModTime(), sum)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return b.String()
}
