package render

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/basis-privacy/basis/generator/check"
	"github.com/basis-privacy/basis/generator/law"
	"github.com/basis-privacy/basis/generator/locale"
	"github.com/basis-privacy/basis/generator/model"
	"github.com/basis-privacy/basis/templates"
)

// A dynamic message id is built in a template with printf from a format
// and values the data decide: a regime, a right, a role. A page asks only
// for the ids its own data make, so rendering the examples finds a
// missing one only for the values they happen to use. TestDynamicMessageIDs
// enumerates every value each argument can take instead, and so finds the
// message a regime, a channel or a checklist item lacks before a company
// with that value does.

// printfCall matches a message lookup with a built id in a template: the
// function (t, or tr with its regime argument), the format and the
// arguments.
var printfCall = regexp.MustCompile(`\{\{-?\s*(?:[^{}]*?\s)?(t|tr \S+) \(printf "([^"]+)"((?:\s+(?:[^()\s]+|\([^()]*\)))*)\)`)

// anyPrintf finds every printf in a template, to catch one printfCall does
// not understand.
var anyPrintf = regexp.MustCompile(`printf "([^"]+)"`)

// templateList matches a literal list a template ranges over.
var templateList = regexp.MustCompile(`range (?:\$\w+ := )?\(list((?: "[^"]+")+)\)`)

// domains gives, for each format built in a template, every tuple of
// values its arguments can take.
func domains(t *testing.T) map[string][][]string {
	regimes := strs(law.Regimes...)
	rights := []string{"access", "rectification", "erasure", "restriction", "portability", "objection"}
	verdicts := strs(check.Allowed, check.ConsentRequired, check.NotAllowed)
	states := strs(Yes, No, Open, NA, Noted)
	kinds := strs(model.CurrentKinds...)
	groups, items := checklistKeys(t)
	docs := append(slices.Clone(Documents), "index", "blank-checklist", "changes", "internal-index")
	return map[string][][]string{
		"doc.%s.title":                  one(docs),
		"doc.%s.short":                  one(Documents),
		"notice.lead.%s":                one(regimes),
		"record.lead.%s":                one(regimes),
		"record.transfers.none.%s":      one(regimes),
		"assessment.lead.%s":            one(regimes),
		"notice.transfers.title.%s":     one(regimes),
		"notice.transfers.none.%s":      one(regimes),
		"notice.transfers.item.%s":      one(append(slices.Clone(model.Safeguards), "none")),
		"notice.regime.title.%s":        one(regimes),
		"notice.regime.applies.%s":      one(regimes),
		"notice.controller.text.%s":     one(regimes),
		"notice.representative.text.%s": one(strs(law.GDPR, law.UKGDPR)),
		"notice.objection.general.%s":   one(strs(law.GDPR, law.UKGDPR)),
		"notice.objection.marketing.%s": one(regimes),
		"notice.objection.none.%s":      one(strs(law.PDPL)),
		"notice.consent.text.%s":        one(regimes),
		"notice.complaint.text.%s":      one(regimes),
		"notice.complaint.authority.%s": one(regimes),
		"notice.automated.none.%s":      one(regimes),
		"notice.requirement.%s":         one(model.Requirements),
		"notice.marketing.channel.%s":   one(model.Channels),
		"role.%s":                       one(model.Roles),
		"right.%s":                      one(rights),
		"notice.right.%s":               one(rights),
		"cite.%s.right.%s":              cross(regimes, rights),
		"checklist.verdict.%s":          one(verdicts),
		"checklist.state.%s":            one(states),
		"checklist.group.%s":            one(groups),
		"checklist.item.%s":             one(items),
		"checklist.kind.%s":             one(kinds),
		"checklist.kindhelp.%s":         one(kinds),
	}
}

func TestDynamicMessageIDs(t *testing.T) {
	t.Parallel()
	cat, err := sharedCatalog()
	if err != nil {
		t.Fatal(err)
	}
	dom := domains(t)
	seen := map[string]bool{}
	err = fs.WalkDir(templates.FS, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(templates.FS, name)
		if err != nil {
			return err
		}
		src := string(b)
		checkTemplateLists(t, name, src)
		understood := 0
		for _, m := range printfCall.FindAllStringSubmatch(src, -1) {
			understood++
			fn, format := m[1], m[2]
			seen[format] = true
			tuples, ok := dom[format]
			if !ok {
				t.Errorf("%s: printf %q builds message ids from values this test does not know: add its domain", name, format)
				continue
			}
			for _, lang := range model.Languages {
				for _, tuple := range tuples {
					checkID(t, cat, lang, name, fn, format, tuple)
				}
			}
		}
		if all := len(anyPrintf.FindAllString(src, -1)); all != understood {
			t.Errorf("%s: %d printf calls, %d of them read as a message lookup: the test's pattern misses one", name, all, understood)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for format := range dom {
		if !seen[format] {
			t.Errorf("domain of %q: no template builds it any more; remove it", format)
		}
	}
}

// checkID checks that the id format makes of tuple exists in lang; a
// message asked for with tr may also exist for every regime instead.
func checkID(t *testing.T, cat *locale.Catalog, lang, name, fn, format string, tuple []string) {
	args := make([]any, len(tuple))
	for i, v := range tuple {
		args[i] = v
	}
	id := sprintf(format, args...)
	if cat.Has(lang, id) {
		return
	}
	if strings.HasPrefix(fn, "tr ") {
		var lacking []string
		for _, g := range strs(law.Regimes...) {
			if !cat.Has(lang, id+"."+g) {
				lacking = append(lacking, g)
			}
		}
		if len(lacking) == 0 {
			return
		}
		t.Errorf("%s: %s lacks %s (used with tr) and %s.<regime> for %s", name, lang, id, id, strings.Join(lacking, ", "))
		return
	}
	t.Errorf("%s: %s lacks %s (printf %q of %q)", name, lang, id, format, tuple)
}

// checkTemplateLists checks that a list a template ranges over names the
// values the test enumerates: the rights and the current campaign kinds.
func checkTemplateLists(t *testing.T, name, src string) {
	known := [][]string{
		{"access", "rectification", "erasure", "restriction", "portability", "objection"},
		strs(model.CurrentKinds...),
	}
	for _, m := range templateList.FindAllStringSubmatch(src, -1) {
		if strings.Contains(m[1], ".") {
			continue // message ids themselves, not values of one
		}
		var vals []string
		for _, q := range strings.Fields(m[1]) {
			v, err := strconv.Unquote(q)
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			vals = append(vals, v)
		}
		if !slices.ContainsFunc(known, func(k []string) bool { return slices.Equal(k, vals) }) {
			t.Errorf("%s ranges over %q, which this test does not enumerate: add it to the domains", name, vals)
		}
	}
}

// checklistKeys returns the checklist's group keys and item keys: those of
// the blank checklists and every Key a review of this package writes.
func checklistKeys(t *testing.T) (groups, items []string) {
	for _, s := range [][]struct {
		key   string
		items []string
	}{blankGroups, blankPDPL} {
		for _, g := range s {
			groups = append(groups, g.key)
			items = append(items, g.items...)
		}
	}
	items = append(items, keyLiterals(t, "Item")...)
	groups = append(groups, keyLiterals(t, "Group")...)
	slices.Sort(groups)
	slices.Sort(items)
	return slices.Compact(groups), slices.Compact(items)
}

// keyLiterals returns the string literals given as Key in composite
// literals of type typ in this package's source.
func keyLiterals(t *testing.T, typ string) []string {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	fset := token.NewFileSet()
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		file, err := parser.ParseFile(fset, f, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(file, func(n ast.Node) bool {
			lit, ok := n.(*ast.CompositeLit)
			if !ok {
				return true
			}
			if id, ok := lit.Type.(*ast.Ident); !ok || id.Name != typ {
				return true
			}
			for _, e := range lit.Elts {
				kv, ok := e.(*ast.KeyValueExpr)
				if !ok || kv.Key.(*ast.Ident).Name != "Key" {
					continue
				}
				if s, ok := kv.Value.(*ast.BasicLit); ok && s.Kind == token.STRING {
					v, _ := strconv.Unquote(s.Value)
					out = append(out, v)
				}
			}
			return true
		})
	}
	if typ == "Item" && len(out) == 0 {
		t.Fatal("no Item{Key: ...} literal found: the checklist items moved; update keyLiterals")
	}
	return out
}

func one(vals []string) [][]string {
	out := make([][]string, len(vals))
	for i, v := range vals {
		out[i] = []string{v}
	}
	return out
}

func cross(a, b []string) [][]string {
	var out [][]string
	for _, x := range a {
		for _, y := range b {
			out = append(out, []string{x, y})
		}
	}
	return out
}

func strs[S ~string](xs ...S) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = string(x)
	}
	return out
}

// sprintf fills the %s verbs of format with args.
func sprintf(format string, args ...any) string {
	for _, a := range args {
		format = strings.Replace(format, "%s", a.(string), 1)
	}
	return format
}
