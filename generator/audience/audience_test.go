package audience

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/basis-privacy/basis/generator/check"
	"github.com/basis-privacy/basis/generator/internal/golden"
	"github.com/basis-privacy/basis/generator/load"
	"github.com/basis-privacy/basis/generator/locale"
	"github.com/basis-privacy/basis/locales"
)

// sending is the day of sending the tests split for.
var sending = time.Date(2026, 12, 15, 0, 0, 0, 0, time.UTC)

// shop returns the splitter of the test company's campaign.
func shop(t testing.TB, file string) *Splitter {
	t.Helper()
	c, err := load.File(filepath.Join("testdata", "shop", "company.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	cat, err := locale.Load(locales.FS)
	if err != nil {
		t.Fatal(err)
	}
	k := check.Company(c).Results[0].Campaign("autumn-tea")
	return &Splitter{File: file, Rules: k.Rules(), AsOf: sending, Printer: cat.For("en")}
}

func split(t *testing.T, s *Splitter, src []byte) ([]byte, Summary) {
	t.Helper()
	if err := s.Validate(bytes.NewReader(src)); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	sum, err := s.Split(bytes.NewReader(src), NewCSV(&out))
	if err != nil {
		t.Fatal(err)
	}
	return out.Bytes(), sum
}

// TestEdgeCases splits testdata/contacts.csv, one contact per edge case,
// as the law says: who may receive the autumn offer, and for everyone
// else the condition that fails, in the order the rule checks them.
func TestEdgeCases(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("testdata", "contacts.csv"))
	if err != nil {
		t.Fatal(err)
	}
	out, sum := split(t, shop(t, "contacts.csv"), src)
	golden.Check(t, filepath.Join("testdata", "contacts.split.csv"), out)
	want := map[string]string{
		"c01-de-customer":        "",
		"c02-wrong-market":       check.UnmetNoMarket,       // the company does not write to the US
		"c03-objected":           check.CondNotObjected,     // § 7(3) Nr. 3 UWG, Art. 21(3) GDPR
		"c04-old-purchase-ca":    check.CondPurchaseRecency, // CASL: two years after a purchase
		"c05-acquired-with-cafe": check.CondSource,          // taken over with a business: not the sender's own sale
		"c06-no-consent-vn":      check.CondConsent,         // Vietnam: consent, recorded
		"c07-bought-list-vn":     check.CondPurchaseBan,     // Art. 7 Law No. 91/2025/QH15
		"c08-vn-consent":         "",
		"c09-gb-customer":        "",
		"c10-ca-recent":          "",
		"c11-cafe-customer":      check.CondBusiness, // another business's customers
		"c12-ie-old-purchase":    check.CondNationalRecency + ".IE",
		"c13-pl-not-a-market":    check.UnmetNoMarket, // Poland is not one of the company's markets
		"c14-inquirer":           check.CondRelationship,
		"c15-business-contact":   check.CondType, // the verdict was given for consumers
		"c16-older-than-recency": check.CondCampaignRecency,
	}
	rows, err := csv.NewReader(bytes.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	for _, row := range rows[1:] {
		id, eligible, unmet, detail := row[0], row[4], row[5], row[6]
		w, ok := want[id]
		if !ok {
			t.Errorf("unexpected contact %s", id)
			continue
		}
		first, _, _ := strings.Cut(unmet, ";")
		if first != w || (eligible == "true") != (w == "") || (w != "" && !strings.HasPrefix(detail, "Not met: ")) {
			t.Errorf("%s: eligible %s, unmet %q (%s), want first unmet %q", id, eligible, unmet, detail, w)
		}
		delete(want, id)
	}
	if len(want) > 0 {
		t.Errorf("contacts not split: %v", want)
	}
	if sum.Contacts != 16 || sum.Eligible != 4 || sum.NotEligible != 12 {
		t.Errorf("summary %+v", sum)
	}
}

// TestMistakesArePositioned: every mistake in a contact file is reported at
// once, each at its line and column with what to write instead, and
// nothing is split.
func TestMistakesArePositioned(t *testing.T) {
	for _, tc := range []struct {
		name, src string
		want      []string
	}{
		{"values", "id,country,relationship,business,source,type,last_purchase,last_inquiry,consents,objected,opt_out_register\n" +
			"a,DE,custmer,shop,sale,,2026-13-01,,,maybe,\n" +
			"b,Germany,customer,shop,,,,,offers:2026-01-01;Offers,,\n" +
			",DE,customer,shop,sale,,,,,,\n",
			[]string{`f.csv:2:6: relationship "custmer" is not known; did you mean customer?`,
				`f.csv:2:25: last_purchase "2026-13-01" is not a date; write it as YYYY-MM-DD`,
				`f.csv:2:38: objected "maybe" is neither true nor false`,
				`f.csv:3:3: country "Germany" is not a country code; write the ISO 3166-1 code`,
				`f.csv:3:29: consent "Offers" does not name a purpose id`,
				`f.csv:4:1: the id is empty`}},
		{"header", "id,contry,relationship,objcted\n",
			[]string{`f.csv:1:4: unknown column "contry"; did you mean country?`,
				`f.csv:1:24: unknown column "objcted"; did you mean objected?`,
				`f.csv:1:1: the file has no column country`,
				`f.csv:1:1: the file has no column objected`}},
		{"not csv", "id,country,relationship,business,source,type,last_purchase,last_inquiry,consents,objected,opt_out_register\n\"a,DE\n",
			[]string{`f.csv:2:`, `not CSV`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := shop(t, "f.csv")
			err := s.Validate(strings.NewReader(tc.src))
			var errs *Errors
			if !errors.As(err, &errs) {
				t.Fatalf("got %v, want positioned errors", err)
			}
			for _, w := range tc.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("missing %q in\n%v", w, err)
				}
			}
			if _, err := s.Split(strings.NewReader(tc.src), NewCSV(&bytes.Buffer{})); err == nil {
				t.Error("Split judged a file with mistakes")
			}
		})
	}
}

// TestSemicolonsAndBOM: a spreadsheet's export with a byte order mark and
// ';' between columns reads like a plain CSV file.
func TestSemicolonsAndBOM(t *testing.T) {
	plain := "id,country,relationship,business,source,type,last_purchase,last_inquiry,consents,objected,opt_out_register\n" +
		"a,DE,customer,shop,sale,,2026-09-01,,,false,\n"
	excel := "\xEF\xBB\xBF" + strings.ReplaceAll(plain, ",", ";")
	a, _ := split(t, shop(t, "a.csv"), []byte(plain))
	b, _ := split(t, shop(t, "b.csv"), []byte(excel))
	if !bytes.Equal(a, b) || !bytes.Contains(a, []byte("a,2,DE,DE,true")) {
		t.Errorf("plain:\n%s\nspreadsheet:\n%s", a, b)
	}
}

// TestSplitJSON: the JSON split is one document, the contacts in the file's
// order between the rules and the summary.
func TestSplitJSON(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("testdata", "contacts.csv"))
	if err != nil {
		t.Fatal(err)
	}
	s := shop(t, "contacts.csv")
	var out bytes.Buffer
	c, _ := load.File(filepath.Join("testdata", "shop", "company.yaml"))
	a, err := check.WireAudience(s.Printer, "shop", check.Company(c).Results[0].Campaign("autumn-tea"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Split(bytes.NewReader(src), NewJSON(&out, a, sending)); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Rule     check.AudienceJSON
		AsOf     string `json:"as_of"`
		Contacts []Contact
		Summary  Summary
	}
	if err := jsonUnmarshal(out.Bytes(), &doc); err != nil {
		t.Fatalf("%v\n%s", err, out.Bytes())
	}
	ids := make([]string, len(doc.Contacts))
	for i, c := range doc.Contacts {
		ids[i] = c.ID
	}
	if len(doc.Contacts) != 16 || !slices.IsSorted(ids) || doc.Summary.Eligible != 4 || doc.AsOf != "2026-12-15" || len(doc.Rule.Markets) != 5 {
		t.Errorf("%d contacts %v, summary %+v, as of %s, %d markets", len(doc.Contacts), ids, doc.Summary, doc.AsOf, len(doc.Rule.Markets))
	}
}

func jsonUnmarshal(b []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	return dec.Decode(v)
}

// TestColumnPlaces: the parser's column places follow Columns.
func TestColumnPlaces(t *testing.T) {
	cols := Columns()
	if len(cols) != numColumns || cols[colID] != ColumnID || cols[colCountry] != "country" || cols[colConsents] != "consents" || cols[colOptOutRegister] != "opt_out_register" {
		t.Errorf("columns %v", cols)
	}
}
