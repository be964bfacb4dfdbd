package audience

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/basis-privacy/basis/generator/check"
)

// ContactColumns are the columns of the split as CSV.
var ContactColumns = []string{"id", "line", "country", "market", "eligible", "unmet", "detail"}

// csvWriter writes the split as CSV: one row per contact, unmet ids
// separated by ';'.
type csvWriter struct {
	bw  *bufio.Writer
	w   *csv.Writer
	row []string
}

// NewCSV returns a Writer of the split as CSV on w.
func NewCSV(w io.Writer) Writer {
	bw := bufio.NewWriterSize(w, 1<<16)
	cw := &csvWriter{bw: bw, w: csv.NewWriter(bw), row: make([]string, len(ContactColumns))}
	_ = cw.w.Write(ContactColumns) // the error, if any, returns with the first flush
	return cw
}

func (cw *csvWriter) Contact(c *Contact) error {
	cw.row[0], cw.row[1], cw.row[2], cw.row[3] = c.ID, strconv.Itoa(c.Line), c.Country, c.Market
	cw.row[4], cw.row[5], cw.row[6] = strconv.FormatBool(c.Eligible), strings.Join(c.Unmet, ";"), c.Detail
	return cw.w.Write(cw.row)
}

func (cw *csvWriter) Close(Summary) error {
	cw.w.Flush()
	if err := cw.w.Error(); err != nil {
		return err
	}
	return cw.bw.Flush()
}

// jsonWriter writes the split as one JSON document (the schema's split),
// streaming: {"rule": ..., "as_of": ..., "contacts": [...], "summary": ...}.
type jsonWriter struct {
	bw    *bufio.Writer
	enc   *json.Encoder
	first bool
	err   error
}

// NewJSON returns a Writer of the split as JSON on w, headed by the rules
// the contacts are judged by.
func NewJSON(w io.Writer, rule check.AudienceJSON, asOf time.Time) Writer {
	bw := bufio.NewWriterSize(w, 1<<16)
	jw := &jsonWriter{bw: bw, enc: json.NewEncoder(bw), first: true}
	jw.enc.SetEscapeHTML(false)
	b, err := marshal(rule)
	if err != nil {
		jw.err = err
		return jw
	}
	fmt.Fprintf(bw, "{\"rule\":%s,\n\"as_of\":%q,\n\"contacts\":[\n", b, asOf.Format(time.DateOnly))
	return jw
}

func marshal(v any) ([]byte, error) {
	var b strings.Builder
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return []byte(strings.TrimSuffix(b.String(), "\n")), nil
}

func (jw *jsonWriter) Contact(c *Contact) error {
	if jw.err != nil {
		return jw.err
	}
	if !jw.first {
		jw.bw.WriteByte(',')
	}
	jw.first = false
	return jw.enc.Encode(c) // ends in a newline
}

func (jw *jsonWriter) Close(s Summary) error {
	if jw.err != nil {
		return jw.err
	}
	b, err := marshal(s)
	if err != nil {
		return err
	}
	fmt.Fprintf(jw.bw, "],\n\"summary\":%s}\n", b)
	return jw.bw.Flush()
}

// RuleColumns are the columns of the rules as CSV: one row per condition.
var RuleColumns = []string{"market", "verdict", "contested", "nobody", "kind", "id", "field", "op", "values", "months",
	"purpose", "countries", "verified", "text", "refs"}

// WriteRuleCSV writes a campaign's rules as CSV, one row per condition of
// each market (values, countries and refs separated by ';'); a market
// where nobody may receive the campaign has its country row only.
func WriteRuleCSV(w io.Writer, a check.AudienceJSON) error {
	cw := csv.NewWriter(w)
	_ = cw.Write(RuleColumns)
	for _, e := range a.Markets {
		for _, c := range append(append([]check.ConditionJSON{}, e.Select...), e.Attest...) {
			countries := c.Countries
			if c.ID == check.CondCountry {
				countries = nil
			}
			months := ""
			if c.Months > 0 {
				months = strconv.Itoa(c.Months)
			}
			_ = cw.Write([]string{e.Market, string(e.Verdict), strconv.FormatBool(e.Contested), strconv.FormatBool(e.Nobody),
				string(c.Kind), c.ID, c.Field, c.Op, strings.Join(c.Values, ";"), months, c.Purpose,
				strings.Join(countries, ";"), strconv.FormatBool(c.Verified), c.Text, strings.Join(c.Refs, ";")})
		}
	}
	cw.Flush()
	return cw.Error()
}
