package load

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strings"
	"unicode"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	gmtext "github.com/yuin/goldmark/text"
	"gopkg.in/yaml.v3"

	"github.com/basis-privacy/basis/generator/model"
)

// Limits of company Markdown (section bodies and files, purpose
// descriptions, automated decisions). goldmark takes time that grows with
// the square of some inputs: lists or quotes nested thousands deep, many
// link destinations in one paragraph. Within these limits the largest
// text renders in about a second (BenchmarkMarkdownAtLimits); a text
// beyond them is refused where it goes beyond.
const (
	// MaxMarkdown is the most bytes one text may hold: some 40,000 words,
	// far more than a section of a notice needs.
	MaxMarkdown = 256 << 10
	// MaxMarkdownDepth is how many columns deep a line may start in lists,
	// quotes and indentation: some 16 levels of lists indented by four.
	MaxMarkdownDepth = 64
	// MaxMarkdownLinks is the most links and images ("](") one text may
	// hold, and MaxMarkdownLineLinks the most on one line.
	MaxMarkdownLinks     = 2000
	MaxMarkdownLineLinks = 64
)

// markdownParser reads Markdown as render does (goldmark with tables and
// strikethrough, see render.newMarkdown), to find what it would publish.
var markdownParser = goldmark.New(goldmark.WithExtensions(extension.Table, extension.Strikethrough)).Parser()

// mdProblem is something company Markdown must not hold, at a byte offset.
type mdProblem struct {
	off       int
	msg, hint string
}

// checkMarkdown returns what is wrong with company Markdown src, which
// what names ("section body"): more than the limits above (then nothing is
// parsed), or an image from another site, which every reader's browser
// would load from there (a tracker in a privacy notice); PDF and Word
// leave such an image out, the page would show it.
func checkMarkdown(src, what string) []mdProblem {
	if len(src) > MaxMarkdown {
		return []mdProblem{{0, fmt.Sprintf("%s holds %d KiB of Markdown, more than the %d KiB one text may hold", what, (len(src)+1023)>>10, MaxMarkdown>>10),
			"split it into several sections"}}
	}
	if p, ok := eachLine(src, what); ok {
		return []mdProblem{p}
	}
	if i := nthIndex(src, "](", MaxMarkdownLinks+1); i >= 0 {
		return []mdProblem{{i, fmt.Sprintf("%s holds more than %d links and images", what, MaxMarkdownLinks), "split it into several sections"}}
	}
	return foreignImages([]byte(src), what)
}

// eachLine finds the first line that starts more than MaxMarkdownDepth
// columns deep in lists, quotes and indentation, or holds more than
// MaxMarkdownLineLinks links and images.
func eachLine(src, what string) (mdProblem, bool) {
	for at := 0; at < len(src); {
		line := src[at:]
		if i := strings.IndexByte(line, '\n'); i >= 0 {
			line = line[:i+1]
		}
		if w := prefixWidth(line); w > MaxMarkdownDepth {
			return mdProblem{at, fmt.Sprintf("%s nests lists or quotes %d columns deep here, deeper than the %d a text may", what, w, MaxMarkdownDepth),
				"nest lists and quotes less deep (a notice needs a few levels at most)"}, true
		}
		if i := nthIndex(line, "](", MaxMarkdownLineLinks+1); i >= 0 {
			return mdProblem{at + i, fmt.Sprintf("%s holds more than %d links and images on one line", what, MaxMarkdownLineLinks),
				"put them on several lines, e.g. one list item each"}, true
		}
		at += len(line)
	}
	return mdProblem{}, false
}

// prefixWidth returns how many columns the markers of lists and quotes and
// the indentation at the start of line take.
func prefixWidth(line string) int {
	w := 0
	for i := 0; i < len(line); {
		switch c := line[i]; {
		case c == ' ' || c == '>':
			w++
			i++
		case c == '\t':
			w += 4 - w%4
			i++
		default:
			n := listMarker(line[i:])
			if n == 0 {
				return w
			}
			w += n
			i += n
		}
	}
	return w
}

// listMarker returns the length of the list marker ("- ", "* ", "+ ",
// "12. ", "3) ") that s starts with, or 0.
func listMarker(s string) int {
	n := 0
	for n < len(s) && n < 9 && s[n] >= '0' && s[n] <= '9' {
		n++
	}
	switch {
	case n > 0 && n < len(s) && (s[n] == '.' || s[n] == ')'):
		n++
	case n == 0 && len(s) > 0 && (s[0] == '-' || s[0] == '*' || s[0] == '+'):
		n = 1
	default:
		return 0
	}
	if n < len(s) && (s[n] == ' ' || s[n] == '\t') {
		return n + 1
	}
	return 0
}

// nthIndex returns the offset of the n-th sep in s, or -1.
func nthIndex(s, sep string, n int) int {
	at := 0
	for ; n > 0; n-- {
		i := strings.Index(s[at:], sep)
		if i < 0 {
			return -1
		}
		at += i
		if n > 1 {
			at += len(sep)
		}
	}
	return at
}

// foreignImages returns each image of src whose address is on another
// site, at the address.
func foreignImages(src []byte, what string) []mdProblem {
	var out []mdProblem
	doc := markdownParser.Parse(gmtext.NewReader(src))
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		img, ok := n.(*ast.Image)
		if !entering || !ok || !foreign(string(img.Destination)) {
			return ast.WalkContinue, nil
		}
		dest := string(img.Destination)
		out = append(out, mdProblem{offsetIn(src, img.Destination, blockStart(n)),
			fmt.Sprintf("%s shows an image from another site (%s): a published notice loads nothing from other sites", what, shorten(dest, 80)),
			fmt.Sprintf("remove the image, or link to it instead: [a description](%s)", shorten(dest, 80))})
		return ast.WalkContinue, nil
	})
	return out
}

// foreign reports whether an image's address is on another site: it has a
// scheme (https:, http:, ...) other than data:, which holds the image
// itself, or starts with "//".
func foreign(dest string) bool {
	dest = strings.TrimSpace(dest)
	if strings.HasPrefix(dest, "//") || strings.HasPrefix(dest, `\\`) {
		return true
	}
	i := strings.IndexAny(dest, ":/?#")
	return i > 0 && dest[i] == ':' && !strings.EqualFold(dest[:i], "data")
}

// blockStart returns the offset in the source of the block that holds n.
func blockStart(n ast.Node) int {
	for ; n != nil; n = n.Parent() {
		if n.Type() == ast.TypeBlock && n.Lines().Len() > 0 {
			return n.Lines().At(0).Start
		}
	}
	return 0
}

// offsetIn returns the offset of part in src at or after from, else
// anywhere, else from.
func offsetIn(src, part []byte, from int) int {
	if i := bytes.Index(src[from:], part); i >= 0 {
		return from + i
	}
	if i := bytes.Index(src, part); i >= 0 {
		return i
	}
	return from
}

// shorten cuts s to n characters.
func shorten(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

// markdown decodes reader-visible Markdown as text does, and checks it
// (see checkMarkdown) where it is written.
func (d *decoder) markdown(dst *model.Text, what string) func(*yaml.Node) {
	decode := d.text(dst, what)
	return func(n *yaml.Node) {
		decode(n)
		if n.Kind == yaml.ScalarNode {
			d.checkMarkdownAt(n, what, dst.Same)
			return
		}
		for i := 0; n.Kind == yaml.MappingNode && i+1 < len(n.Content); i += 2 {
			if s, ok := dst.ByLang[n.Content[i].Value]; ok && n.Content[i+1].Kind == yaml.ScalarNode {
				d.checkMarkdownAt(n.Content[i+1], what, s)
			}
		}
	}
}

// checkMarkdownAt reports the problems of the Markdown s at the text n.
func (d *decoder) checkMarkdownAt(n *yaml.Node, what, s string) {
	for _, p := range checkMarkdown(s, what) {
		d.fail(n, p.hint, "%s", p.msg)
	}
}

// checkMarkdownFile reports the problems of the Markdown file name (read
// from the company folder as data) where they are in it: a character no
// document can show (see notText), and those of checkMarkdown.
func (d *companyDecoder) checkMarkdownFile(name string, data []byte) {
	file := filepath.Join(d.c.Dir, filepath.FromSlash(name))
	what := fmt.Sprintf("section file %q", name)
	if i, r := notText(string(data)); i >= 0 {
		d.errs = append(d.errs, &Error{Pos: posOf(file, data, i), Msg: what + " " + notTextMessage(r), Hint: controlHint})
		return
	}
	lead := len(data) - len(bytes.TrimLeftFunc(data, unicode.IsSpace))
	for _, p := range checkMarkdown(string(bytes.TrimSpace(data)), what) {
		d.errs = append(d.errs, &Error{Pos: posOf(file, data, lead+p.off), Msg: p.msg, Hint: p.hint})
	}
}
