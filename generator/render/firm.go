package render

import (
	"strings"

	"github.com/basis-privacy/basis/generator/model"
)

// Firm is the firm that prepares a project's internal documents for its
// clients (load.Firm).
type Firm struct {
	Name string
	// SignOff is its sign-off block, lines separated by newlines, in
	// one text or one per language.
	SignOff model.Text
	// Disclaimer keeps Basis's notice that it gives no legal advice on
	// the firm's documents.
	Disclaimer bool
}

// FirmLine is the firm as a page in one language shows it.
type FirmLine struct {
	Name       string
	SignOff    []string // the sign-off block's lines in the page's language; none when it has none there
	Disclaimer bool
}

// firmOn returns the firm a page of doc in lang carries, or nil: only the
// firm's internal documents carry it.
func (r *Renderer) firmOn(doc, lang string) *FirmLine {
	if r.site.internal == nil || !r.site.internal(doc) {
		return nil
	}
	return firmLine(r.site.firm, lang)
}

// firmLine is f as a page in lang shows it, or nil when there is no firm.
func firmLine(f Firm, lang string) *FirmLine {
	if f.Name == "" {
		return nil
	}
	fl := &FirmLine{Name: f.Name, Disclaimer: f.Disclaimer}
	for _, line := range strings.Split(f.SignOff.In(lang), "\n") {
		if line = strings.TrimSpace(line); line != "" {
			fl.SignOff = append(fl.SignOff, line)
		}
	}
	return fl
}
