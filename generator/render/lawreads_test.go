package render

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// lawNames are the identifiers of package law that render may name: the
// types and constants it formats what check decided with, and the citation
// helpers. Nothing here tells render what a market's law is.
var lawNames = map[string]string{
	"Law":       "type of check.Result.Law, for the regime citations below",
	"Market":    "the market an Outcome names",
	"Regime":    "the regime check decided",
	"Authority": "the authorities check found",
	"GDPR":      "regime constant, compared with the regime check decided",
	"UKGDPR":    "regime constant, compared with the regime check decided",
	"PDPL":      "regime constant, compared with the regime check decided",
	"DE":        "market constant (the DSK's guidance for a German company or market)",
	"Cite":      "citation: a GDPR provision in the form of the regime check decided",
	"ScopeRef":  "citation: the territorial scope of the regime check decided",
	"Country":   "country code for its printed name (UK is GB)",
	// funcs.go's request periods; see the report of issue 26: the
	// periods of the regime check decided, printed with their provisions.
	"RequestsOf": "citation: the provisions and periods of the regime check decided",
}

// regimeCitations are the fields render may read from (*law.Law).Of(g), the
// provisions of a regime check decided, printed as citations.
var regimeCitations = map[string]bool{"ConsentProof": true, "LegitimateInterests": true}

// lawMethods are the methods of *law.Law that read what a market's law is;
// render calls none of them (check's Outcome carries what they decide).
var lawMethods = map[string]bool{"For": true, "ChildAgeOf": true, "HasException": true, "Applicable": true, "With": true}

// lawReads lists where f reads the law beyond citations.
func lawReads(fset *token.FileSet, f *ast.File) []string {
	var out []string
	bad := func(n ast.Node, what string) {
		out = append(out, fmt.Sprintf("%s: %s", fset.Position(n.Pos()), what))
	}
	ast.Inspect(f, func(n ast.Node) bool {
		switch x := n.(type) {
		case *ast.SelectorExpr:
			if id, ok := x.X.(*ast.Ident); ok && id.Name == "law" {
				if _, ok := lawNames[x.Sel.Name]; !ok {
					bad(x, "law."+x.Sel.Name+" (not a citation helper)")
				}
			}
			if call, ok := x.X.(*ast.CallExpr); ok {
				if fn, ok := call.Fun.(*ast.SelectorExpr); ok && fn.Sel.Name == "Of" && !regimeCitations[x.Sel.Name] {
					bad(x, "Of(...)."+x.Sel.Name+" (not a regime citation)")
				}
			}
		case *ast.CallExpr:
			fn, ok := x.Fun.(*ast.SelectorExpr)
			if !ok {
				return true
			}
			if lawMethods[fn.Sel.Name] {
				bad(x, "."+fn.Sel.Name+"(...) reads a market's law")
			}
			if fn.Sel.Name == "Of" && !isSelected(f, x) {
				bad(x, ".Of(...) used other than for a regime citation")
			}
		}
		return true
	})
	return out
}

// isSelected reports whether call is the X of a selector in f (Of(g).Field).
func isSelected(f *ast.File, call *ast.CallExpr) bool {
	found := false
	ast.Inspect(f, func(n ast.Node) bool {
		if s, ok := n.(*ast.SelectorExpr); ok && s.X == call {
			found = true
		}
		return !found
	})
	return found
}

// TestRenderDecidesNoLaw: check judges once, render only formats (issue
// 26). No non-test file of render reads a market's law: it calls none of
// (*law.Law).For, ChildAgeOf, HasException, Applicable, With, names no
// identifier of package law outside lawNames (the types and constants it
// formats with, and the citation helpers), and reads from (*law.Law).Of
// only the regime citations in regimeCitations. What the documents say of a
// market's law comes from check.Outcome (MarketRegime, Standing, Terms,
// Rule, ConsentRule, SurveyRefs, SenderDuties, RefusalRequired, Parental) and
// check.Result (Transfer).
func TestRenderDecidesNoLaw(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	n := 0
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		src, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		f, err := parser.ParseFile(fset, name, src, 0)
		if err != nil {
			t.Fatal(err)
		}
		n++
		for _, r := range lawReads(fset, f) {
			t.Errorf("render decides law: %s", r)
		}
	}
	if n < 10 {
		t.Fatalf("read %d files of render, want all of them", n)
	}
}

// TestLawReadsCatches: the guard finds each way render used to read the
// law (the reads issue 26 moved into check).
func TestLawReadsCatches(t *testing.T) {
	for _, src := range []string{
		`func f(rw *reviewer, o check.Outcome) bool { return rw.law.For(o.Market).Regime != "" }`,
		`func f(o check.Outcome) bool { return law.For(o.Market).Exception == nil }`,
		`func f(l *law.Rules) []string { return l.Identify }`,
		`func f(lw *law.Law, o check.Outcome) bool { _, ok := lw.ChildAgeOf(o.Market); return ok }`,
		`func f(c *model.Company, r *model.Recipient) bool { return law.Abroad(c.Country, r.Country) }`,
		`func f(lw *law.Law, g law.Regime) []string { return lw.Of(g).Transfer }`,
		`func f(lw *law.Law, g law.Regime) law.RegimeRules { return lw.Of(g) }`,
	} {
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, "x.go", "package render\n"+src, 0)
		if err != nil {
			t.Fatal(err)
		}
		if len(lawReads(fset, f)) == 0 {
			t.Errorf("not caught: %s", src)
		}
	}
	fset := token.NewFileSet()
	ok := `func f(lw *law.Law, o check.Outcome) string { return law.Cite(o.Regime, "gdpr-21-2") + lw.Of(o.Regime).ConsentProof }`
	f, err := parser.ParseFile(fset, "x.go", "package render\n"+ok, 0)
	if err != nil {
		t.Fatal(err)
	}
	if r := lawReads(fset, f); len(r) > 0 {
		t.Errorf("a citation is caught: %v", r)
	}
}
