package audience

import (
	"io"
	"slices"
	"strings"
	"time"

	"github.com/basis-privacy/basis/generator/check"
	"github.com/basis-privacy/basis/generator/law"
	"github.com/basis-privacy/basis/generator/locale"
)

// Splitter applies one campaign's rules to contact files.
type Splitter struct {
	// File names the contact file in error messages.
	File string
	// Rules are the campaign's rules, one per market (check.Campaign.Rules).
	Rules []*check.Eligibility
	// AsOf is the day of sending the periods are counted back from.
	AsOf time.Time
	// Printer writes the reasons, in its language.
	Printer *locale.Printer
	// texts caches the reasons of each market and set of unmet conditions.
	texts map[string]string
}

// Contact is what the rules say of one contact.
type Contact struct {
	ID       string   `json:"id"`
	Line     int      `json:"line"`
	Country  string   `json:"country"`
	Market   string   `json:"market"`
	Eligible bool     `json:"eligible"`
	Unmet    []string `json:"unmet"`
	Detail   string   `json:"detail"`
}

// Summary counts the contacts of a split.
type Summary struct {
	Contacts    int            `json:"contacts"`
	Eligible    int            `json:"eligible"`
	NotEligible int            `json:"not_eligible"`
	Unmet       map[string]int `json:"unmet"`
}

// Writer writes a split as it is made.
type Writer interface {
	Contact(*Contact) error
	// Close writes what follows the last contact.
	Close(Summary) error
}

// needs lists the record fields the rules' select conditions read.
func (s *Splitter) needs() []check.RecordField {
	var out []check.RecordField
	for _, e := range s.Rules {
		for _, c := range e.Select {
			if !slices.Contains(out, c.Expr.Field) {
				out = append(out, c.Expr.Field)
			}
		}
	}
	return out
}

// Validate reads the whole contact file and returns its mistakes (*Errors),
// or nil when every row can be judged.
func (s *Splitter) Validate(r io.Reader) error {
	rd, err := newReader(s.File, r, s.needs())
	if err != nil {
		return err
	}
	errs := &Errors{}
	var rec check.Recipient
	for {
		if _, err := rd.next(&rec, errs); err == io.EOF {
			break
		} else if err != nil {
			return err
		}
	}
	if len(errs.List) > 0 {
		return errs
	}
	return nil
}

// Split judges every contact of the file and writes each to w, in the
// file's order. Run Validate first: a row with mistakes is an error here.
func (s *Splitter) Split(r io.Reader, w Writer) (Summary, error) {
	sum := Summary{Unmet: map[string]int{}}
	rd, err := newReader(s.File, r, s.needs())
	if err != nil {
		return sum, err
	}
	errs := &Errors{}
	var rec check.Recipient
	var c Contact
	for {
		line, err := rd.next(&rec, errs)
		if err == io.EOF {
			break
		}
		if err != nil {
			return sum, err
		}
		if len(errs.List) > 0 {
			return sum, errs
		}
		d := check.Decide(s.Rules, &rec, s.AsOf)
		c = Contact{ID: rec.ID, Line: line, Country: rec.Country, Market: string(d.Market), Eligible: d.Eligible(),
			Unmet: d.Unmet, Detail: s.detail(d)}
		if c.Unmet == nil {
			c.Unmet = []string{}
		}
		sum.Contacts++
		if c.Eligible {
			sum.Eligible++
		} else {
			sum.NotEligible++
		}
		for _, id := range d.Unmet {
			sum.Unmet[id]++
		}
		if err := w.Contact(&c); err != nil {
			return sum, err
		}
	}
	return sum, w.Close(sum)
}

// detail is the reason text of a decision, made once per market and set of
// unmet conditions.
func (s *Splitter) detail(d check.Decision) string {
	if d.Eligible() {
		return ""
	}
	key := string(d.Market) + "|" + strings.Join(d.Unmet, "|")
	if t, ok := s.texts[key]; ok {
		return t
	}
	if s.texts == nil {
		s.texts = map[string]string{}
	}
	t := check.UnmetText(s.Printer, s.rule(d.Market), d)
	s.texts[key] = t
	return t
}

func (s *Splitter) rule(m law.Market) *check.Eligibility {
	for _, e := range s.Rules {
		if e.Market == m {
			return e
		}
	}
	return &check.Eligibility{}
}
