// Package audience applies a campaign's eligibility rules (package check) to
// a contact file exported from a CRM or an e-mail service: each contact is
// found eligible or not, with the conditions it does not meet. It reads the
// file and writes the split; it never sends anything, and never writes a
// file of its own.
//
// The contact file is CSV with a header line naming its columns (Columns);
// other columns are ignored. It is read twice, streaming: first every row is
// checked, and a file with mistakes is refused with each mistake at its
// line and column; then the split is written. Memory stays the same for a
// thousand contacts or a million.
//
//	s := &audience.Splitter{File: "contacts.csv", Rules: k.Rules(), AsOf: today, Printer: p}
//	if err := s.Validate(open()); err != nil { ... } // *audience.Errors
//	sum, err := s.Split(open(), audience.NewCSV(os.Stdout))
package audience

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/basis-privacy/basis/generator/check"
	"github.com/basis-privacy/basis/generator/internal/suggest"
	"github.com/basis-privacy/basis/generator/model"
)

// Column is a column of the contact file: "id" and the recipient record's
// fields.
type Column string

// ColumnID is the contact's id, which the split repeats.
const ColumnID Column = "id"

// Columns lists the columns Basis reads, in the order the README gives
// them.
func Columns() []Column {
	out := []Column{ColumnID}
	for _, f := range check.RecordFields {
		out = append(out, Column(f))
	}
	return out
}

// Error is one mistake in the contact file.
type Error struct {
	File         string
	Line, Column int
	Msg, Hint    string
}

func (e *Error) Error() string {
	s := fmt.Sprintf("%s:%d:%d: %s", e.File, e.Line, e.Column, e.Msg)
	if e.Hint != "" {
		s += "; " + e.Hint
	}
	return s
}

// Errors are the mistakes of a contact file, the first MaxErrors of them;
// More counts the others.
type Errors struct {
	List []*Error
	More int
}

// MaxErrors is how many mistakes Errors lists.
const MaxErrors = 50

func (e *Errors) Error() string {
	var b strings.Builder
	for i, x := range e.List {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(x.Error())
	}
	if e.More > 0 {
		fmt.Fprintf(&b, "\n... and %d more", e.More)
	}
	return b.String()
}

func (e *Errors) add(x *Error) {
	if len(e.List) < MaxErrors {
		e.List = append(e.List, x)
	} else {
		e.More++
	}
}

// Syntax reports whether the file could not be read as CSV at all.
func (e *Errors) Syntax() bool {
	return len(e.List) > 0 && strings.HasPrefix(e.List[0].Msg, "not CSV")
}

// The columns by their place in Columns.
const (
	colID = iota
	colCountry
	colRelationship
	colBusiness
	colSource
	colType
	colLastPurchase
	colLastInquiry
	colConsents
	colObjected
	colOptOutRegister
	numColumns
)

// reader reads contact rows from a CSV stream.
type reader struct {
	file string
	csv  *csv.Reader
	col  map[Column]int  // column index by name
	at   [numColumns]int // column index by place in Columns; -1: absent
}

// bom is the byte order mark some spreadsheets write first.
var bom = []byte{0xEF, 0xBB, 0xBF}

// newReader reads the header of the contact file and checks that it names
// id, country and every column a condition of the rules reads (need). A
// column whose name is close to one Basis reads is taken for a typo: a
// misspelt "objected" must not pass as absent.
func newReader(file string, r io.Reader, need []check.RecordField) (*reader, error) {
	br := bufio.NewReaderSize(r, 1<<16)
	if head, err := br.Peek(3); err == nil && bytes.Equal(head, bom) {
		_, _ = br.Discard(3)
	}
	cr := csv.NewReader(br)
	cr.ReuseRecord = true
	cr.FieldsPerRecord = -1
	// A spreadsheet set to a German or Polish locale separates by ';'.
	line, _ := br.Peek(br.Size())
	if first, _, _ := bytes.Cut(line, []byte("\n")); !bytes.ContainsRune(first, ',') && bytes.ContainsRune(first, ';') {
		cr.Comma = ';'
	}
	rd := &reader{file: file, csv: cr, col: map[Column]int{}}
	header, err := cr.Read()
	if err != nil {
		return nil, rd.syntax(err)
	}
	errs := &Errors{}
	known := Columns()
	names := make([]string, len(known))
	for i, c := range known {
		names[i] = string(c)
	}
	for i, h := range header {
		name := Column(strings.ToLower(strings.TrimSpace(h)))
		line, col := cr.FieldPos(i)
		switch {
		case slices.Contains(known, name):
			if _, dup := rd.col[name]; dup {
				errs.add(&Error{file, line, col, fmt.Sprintf("the column %s is named twice", name), "remove one of them"})
			}
			rd.col[name] = i
		case suggest.Closest(string(name), names) != "":
			c := suggest.Closest(string(name), names)
			errs.add(&Error{file, line, col, fmt.Sprintf("unknown column %q", h),
				fmt.Sprintf("did you mean %s? Rename it (Basis reads %s), or rename it to something else if it is another column", c, strings.Join(names, ", "))})
		}
	}
	wanted := []Column{ColumnID, Column(check.FieldCountry)}
	for _, f := range need {
		if !slices.Contains(wanted, Column(f)) {
			wanted = append(wanted, Column(f))
		}
	}
	for _, c := range wanted {
		if _, ok := rd.col[c]; !ok {
			line, _ := cr.FieldPos(0)
			errs.add(&Error{file, line, 1, fmt.Sprintf("the file has no column %s, which the campaign's rules read", c),
				"add it to the header line (" + hint(c) + ")"})
		}
	}
	if len(errs.List) > 0 {
		return nil, errs
	}
	for j, c := range known {
		rd.at[j] = -1
		if i, ok := rd.col[c]; ok {
			rd.at[j] = i
		}
	}
	return rd, nil
}

// hint says what a column holds.
func hint(c Column) string {
	switch c {
	case ColumnID:
		return "the contact's id in your system"
	case Column(check.FieldCountry):
		return "the contact's country, e.g. DE"
	case Column(check.FieldRelationship):
		return "customer, inquirer or prospect"
	case Column(check.FieldBusiness):
		return "the id of the business the contact bought from or asked, as the company file names it"
	case Column(check.FieldSource):
		return "how the address was obtained: " + strings.Join(sourceNames(), ", ")
	case Column(check.FieldType):
		return "consumer, business or sole_trader; blank reads as consumer"
	case Column(check.FieldLastPurchase), Column(check.FieldLastInquiry):
		return "a date, YYYY-MM-DD, or blank for none"
	case Column(check.FieldConsents):
		return "purpose:YYYY-MM-DD for each consent, separated by ; or spaces"
	}
	return "true or false; blank reads as false"
}

// sources are the values of the source column.
var sources = sourceNames()

func sourceNames() []string {
	out := make([]string, len(model.Sources))
	for i, s := range model.Sources {
		out[i] = string(s)
	}
	return out
}

// syntax is the error for a file that is not CSV.
func (rd *reader) syntax(err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return &Errors{List: []*Error{{rd.file, pe.Line, pe.Column, "not CSV: " + pe.Err.Error(),
			"save it as CSV (comma-separated, with a header line), with quotes around values that hold commas or quotes"}}}
	}
	if err == io.EOF {
		return &Errors{List: []*Error{{rd.file, 1, 1, "not CSV: the file is empty", "export the contacts with a header line naming the columns"}}}
	}
	return fmt.Errorf("%s: %w", rd.file, err)
}

// next reads the next row into r, reporting its mistakes to errs; it
// returns io.EOF after the last row.
func (rd *reader) next(r *check.Recipient, errs *Errors) (line int, err error) {
	rec, err := rd.csv.Read()
	if err != nil {
		if err == io.EOF {
			return 0, err
		}
		return 0, rd.syntax(err)
	}
	line, _ = rd.csv.FieldPos(0)
	*r = check.Recipient{Consents: r.Consents[:0]}
	p := &rowParser{rd: rd, rec: rec, errs: errs}
	r.ID = p.text(colID, true)
	r.Country = p.country()
	r.Relationship = p.oneOf(colRelationship, check.Relationships)
	r.Business = p.text(colBusiness, false)
	r.Source = model.Source(p.oneOf(colSource, sources))
	r.Type = p.oneOf(colType, check.ContactTypes)
	r.LastPurchase = p.date(colLastPurchase, p.value(colLastPurchase))
	r.LastInquiry = p.date(colLastInquiry, p.value(colLastInquiry))
	r.Consents = p.consents(r.Consents)
	r.Objected = p.boolean(colObjected)
	r.OptOutRegister = p.boolean(colOptOutRegister)
	return line, nil
}

// rowParser reads the values of one row.
type rowParser struct {
	rd   *reader
	rec  []string
	errs *Errors
}

// value is the row's value in the column at place j of Columns, trimmed;
// "" when the file has no such column or the row is short.
func (p *rowParser) value(j int) string {
	i := p.rd.at[j]
	if i < 0 || i >= len(p.rec) {
		return ""
	}
	return strings.TrimSpace(p.rec[i])
}

// fail reports a mistake in the value of the column at place j.
func (p *rowParser) fail(j int, msg, hint string) {
	line, col := p.rd.csv.FieldPos(max(0, min(p.rd.at[j], len(p.rec)-1)))
	p.errs.add(&Error{p.rd.file, line, col, msg, hint})
}

// columns are the columns by place.
var columns = Columns()

// name is the name of the column at place j.
func name(j int) Column { return columns[j] }

func (p *rowParser) text(j int, required bool) string {
	v := p.value(j)
	if v == "" && required {
		p.fail(j, fmt.Sprintf("the %s is empty", name(j)), "write the contact's "+string(name(j))+", or remove the row")
	}
	return v
}

func (p *rowParser) country() string {
	v := strings.ToUpper(p.value(colCountry))
	if len(v) != 2 || v[0] < 'A' || v[0] > 'Z' || v[1] < 'A' || v[1] > 'Z' {
		p.fail(colCountry, fmt.Sprintf("country %q is not a country code", p.value(colCountry)), "write the ISO 3166-1 code of two letters, e.g. DE, PL, GB")
		return ""
	}
	return v
}

func (p *rowParser) oneOf(j int, allowed []string) string {
	v := p.value(j)
	if v == "" || slices.Contains(allowed, v) {
		return v
	}
	if l := strings.ToLower(v); slices.Contains(allowed, l) {
		return l
	}
	c := name(j)
	hint := "write one of: " + strings.Join(allowed, ", ") + ", or leave it blank"
	if s := suggest.Closest(v, allowed); s != "" {
		hint = fmt.Sprintf("did you mean %s? (one of: %s, or blank)", s, strings.Join(allowed, ", "))
	}
	p.fail(j, fmt.Sprintf("%s %q is not known", c, p.value(j)), hint)
	return ""
}

func (p *rowParser) date(j int, v string) time.Time {
	if v == "" {
		return time.Time{}
	}
	t, err := time.Parse(time.DateOnly, v)
	if err != nil {
		p.fail(j, fmt.Sprintf("%s %q is not a date", name(j), v), "write it as YYYY-MM-DD, e.g. 2026-03-31, or leave it blank")
	}
	return t
}

func (p *rowParser) boolean(j int) bool {
	switch v := p.value(j); v {
	case "", "false", "no", "0", "FALSE", "False", "NO", "No":
		return false
	case "true", "yes", "1", "TRUE", "True", "YES", "Yes":
		return true
	}
	p.fail(j, fmt.Sprintf("%s %q is neither true nor false", name(j), p.value(j)), "write true or false (yes, no, 1, 0), or leave it blank for false")
	return false
}

// consents reads "purpose:YYYY-MM-DD" entries separated by ; or spaces; a
// purpose without a date is a consent whose day is not recorded.
func (p *rowParser) consents(dst []check.ConsentRecord) []check.ConsentRecord {
	c := colConsents
	for _, e := range strings.FieldsFunc(p.value(c), func(r rune) bool { return r == ';' || r == ' ' }) {
		purpose, day, _ := strings.Cut(e, ":")
		if !validID(purpose) {
			p.fail(c, fmt.Sprintf("consent %q does not name a purpose id", e), "write purpose:YYYY-MM-DD with the purpose's id from the company file, e.g. newsletter:2025-03-01")
			continue
		}
		dst = append(dst, check.ConsentRecord{Purpose: purpose, Since: p.date(c, day)})
	}
	return dst
}

// validID reports whether s is an id as the company file writes them.
func validID(s string) bool {
	if s == "" {
		return false
	}
	for i, r := range s {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
		case (r == '_' || r == '-') && i > 0 && i < len(s)-1:
		default:
			return false
		}
	}
	return true
}
