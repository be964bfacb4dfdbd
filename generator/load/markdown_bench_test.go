package load

import (
	"strings"
	"testing"

	"github.com/basis-privacy/basis/generator/check"
	"github.com/basis-privacy/basis/generator/model"
	"github.com/basis-privacy/basis/generator/render"
	"github.com/basis-privacy/basis/templates"
)

// atLimits are section files that load, as slow to render as the limits
// of company Markdown allow (see MaxMarkdown): the pathological inputs of
// the review of December 2026 (4 MB of nested lists took 29 s, 400 KB of
// "[" 10 s) made as large as a text may be.
func atLimits() map[string]string {
	fill := func(s string) string { return strings.Repeat(s, MaxMarkdown/len(s)) }
	deepList := nested(MaxMarkdownDepth/2 - 1)
	return map[string]string{
		"brackets":     fill("["),
		"link-opens":   strings.Repeat("[](", MaxMarkdownLineLinks) + fill("a")[3*MaxMarkdownLineLinks:],
		"link-lines":   strings.Repeat("[](\n", MaxMarkdownLinks) + fill("a\n")[4*MaxMarkdownLinks:],
		"angle-dests":  strings.Repeat("[a](<\n", MaxMarkdownLinks) + fill("a\n")[6*MaxMarkdownLinks:],
		"emphasis":     fill("*_"),
		"strike":       fill("~~a"),
		"deep-quotes":  fill(strings.Repeat("> ", MaxMarkdownDepth/2) + "x\n"),
		"deep-lists":   fill(deepList)[:MaxMarkdown-len(deepList)],
		"references":   fill("[a]["),
		"plain-prose":  fill("Wir verarbeiten Ihre Daten nur, soweit es nötig ist. "),
		"cookie-table": "| Name | Zweck |\n|---|---|\n" + strings.Repeat("| _ga | [Statistik](https://example.com/datenschutz) |\n", MaxMarkdownLinks),
	}
}

// BenchmarkMarkdownAtLimits renders the privacy notice of a company whose
// one extra section is a text at the limits (see atLimits); each case is
// checked to load first. Compare with plain-prose, a text of the same size.
func BenchmarkMarkdownAtLimits(b *testing.B) {
	cat := sharedCatalog(b)
	r, err := render.New(render.WithTemplates(templates.FS), render.WithCatalog(cat))
	if err != nil {
		b.Fatal(err)
	}
	for name, md := range atLimits() {
		b.Run(name, func(b *testing.B) {
			c, err := Parse("company.yaml", []byte(valid))
			if err != nil {
				b.Fatal(err)
			}
			if ps := checkMarkdown(md, "section file"); len(ps) > 0 {
				b.Fatalf("%s does not load: %s", name, ps[0].msg)
			}
			c.Sections = append(c.Sections, sectionOf(md))
			checked := check.Company(c).Results[0]
			b.SetBytes(int64(len(md)))
			for b.Loop() {
				if _, err := r.Privacy(checked, "de"); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func sectionOf(md string) model.Section {
	return model.Section{Title: model.Plain("Cookies"), Body: model.Plain(md), After: model.DefaultAfter}
}
