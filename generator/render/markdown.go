package render

import (
	"bytes"
	"html/template"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// newMarkdown returns a goldmark converter for company-written Markdown: raw
// HTML is dropped (goldmark's default), tables are allowed, and headings are
// moved down below the section heading they appear under.
func newMarkdown(shift int) goldmark.Markdown {
	return goldmark.New(
		goldmark.WithExtensions(extension.Table, extension.Strikethrough),
		goldmark.WithParserOptions(parser.WithASTTransformers(
			util.Prioritized(headingShift(shift), 100),
		)),
	)
}

// headingShift lowers every heading by a number of levels (at most h6).
type headingShift int

// Transform implements parser.ASTTransformer.
func (s headingShift) Transform(doc *ast.Document, _ text.Reader, _ parser.Context) {
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if h, ok := n.(*ast.Heading); ok && entering {
			h.Level = min(h.Level+int(s), 6)
		}
		return ast.WalkContinue, nil
	})
}

// markdown renders src to HTML that is safe to embed in a page.
func (r *Renderer) markdown(src string) (template.HTML, error) {
	var buf bytes.Buffer
	if err := r.md.Convert([]byte(src), &buf); err != nil {
		return "", err
	}
	return template.HTML(buf.String()), nil //nolint:gosec // goldmark escapes text and drops raw HTML
}
