package load

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/basis-privacy/basis/generator/law"
	"github.com/basis-privacy/basis/generator/locale"
	"github.com/basis-privacy/basis/generator/model"
)

// MessagesDir is the folder inside a company folder that holds the
// company's own wording of shared messages, one file per area and language
// as in the shared locales/ folder: locales/notice.de.yaml.
const MessagesDir = "locales"

// Option configures loading.
type Option func(*options)

type options struct {
	cat *locale.Catalog
}

// WithCatalog checks each message a company words itself against the shared
// message of the same id in cat: the id exists (else the closest id is
// suggested), the plural forms and the placeholders are the same. Without
// it, the files are read and their syntax checked only.
func WithCatalog(cat *locale.Catalog) Option { return func(o *options) { o.cat = cat } }

func newOptions(opts []Option) options {
	var o options
	for _, f := range opts {
		f(&o)
	}
	return o
}

var messageFile = regexp.MustCompile(`^([a-z][a-z0-9_-]*)\.([a-z]+)\.yaml$`)

// messages reads the company's locales folder, if it has one.
func (d *companyDecoder) messages(cat *locale.Catalog) {
	entries, err := d.files.list(MessagesDir)
	if errors.Is(err, fs.ErrNotExist) {
		return
	}
	dirPos := model.Pos{File: filepath.Join(d.c.Dir, MessagesDir), Line: 1, Column: 1}
	if err != nil {
		d.errs = append(d.errs, &Error{Pos: dirPos, Msg: "the folder " + MessagesDir + " cannot be read: " + err.Error(),
			Hint: "make it a folder of message files inside the company folder"})
		return
	}
	seen := map[string]model.Pos{} // lang/id -> first position
	for _, e := range entries {
		name := e.Name()
		if strings.HasPrefix(name, ".") {
			continue
		}
		file := filepath.Join(d.c.Dir, MessagesDir, name)
		m := messageFile.FindStringSubmatch(name)
		if m == nil {
			d.errs = append(d.errs, &Error{Pos: model.Pos{File: file, Line: 1, Column: 1}, Msg: fmt.Sprintf("%s is not a message file", name),
				Hint: "name message files <area>.<lang>.yaml as in the shared locales folder, e.g. notice.de.yaml, or move the file out of " + MessagesDir})
			continue
		}
		lang := m[2]
		if !slices.Contains(d.c.Languages, lang) && !d.unsure {
			d.errs = append(d.errs, &Error{Pos: model.Pos{File: file, Line: 1, Column: 1}, Msg: fmt.Sprintf("%s words messages in %q, which the company does not publish", name, lang),
				Hint: "the company publishes " + strings.Join(d.c.Languages, ", ") + ": add the language to languages, or remove the file"})
			continue
		}
		data, ok := d.file(model.Pos{File: file, Line: 1, Column: 1}, path.Join(MessagesDir, name), "message file")
		if !ok {
			continue
		}
		d.messageFile(messageSource{file: file, area: m[1], lang: lang, data: data}, cat, seen)
	}
}

// messageSource is a message file: its path, the area and language its
// name gives (notice.de.yaml: notice, de) and its content.
type messageSource struct {
	file, area, lang string
	data             []byte
}

// messageFile decodes one message file: message ids, each with one text or
// plural forms, as go-i18n reads the shared files.
func (d *companyDecoder) messageFile(src messageSource, cat *locale.Catalog, seen map[string]model.Pos) {
	file, lang := src.file, src.lang
	var doc yaml.Node
	if err := yaml.Unmarshal(src.data, &doc); err != nil {
		d.errs = append(d.errs, syntaxError(file, src.data, err))
		return
	}
	if len(doc.Content) == 0 {
		return
	}
	md := &decoder{file: file, langs: d.langs}
	root := doc.Content[0]
	md.tags(root)
	md.controls(root, "the message file")
	if root.Kind != yaml.MappingNode {
		md.fail(root, `write one message per line: "notice.rights.free: Your own wording"`, "a message file must map message ids to texts, found %s", kindName(root))
	}
	for i := 0; root.Kind == yaml.MappingNode && i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		msg := model.Message{Lang: lang, ID: k.Value, Pos: md.pos(k), Value: md.pos(v)}
		if first, dup := seen[lang+"/"+msg.ID]; dup {
			md.fail(k, "keep one of them", "message %s is worded twice in %q (first at %s)", msg.ID, lang, first)
			continue
		}
		seen[lang+"/"+msg.ID] = msg.Pos
		if !md.messageText(&msg, v) {
			continue
		}
		if cat != nil && (!md.inArea(cat, src, msg, k) || !md.verify(cat, src.data, msg, k, v) || !md.used(cat, msg, k, string(law.RegimeOf(d.c.Country)))) {
			continue
		}
		d.c.Messages = append(d.c.Messages, msg)
	}
	d.errs = append(d.errs, md.errs...)
}

// messageText reads one text or a mapping of plural forms into msg.
func (d *decoder) messageText(msg *model.Message, v *yaml.Node) bool {
	text := func(n *yaml.Node) (string, bool) {
		if n.Kind != yaml.ScalarNode || n.Tag == "!!null" || strings.TrimSpace(n.Value) == "" {
			d.fail(n, "write the text, or remove the line to keep the shared wording", "message %s must be non-empty text, found %s", msg.ID, kindName(n))
			return "", false
		}
		return n.Value, true
	}
	if v.Kind != yaml.MappingNode {
		s, ok := text(v)
		msg.Text = s
		return ok
	}
	msg.Forms = map[string]string{}
	ok := true
	for i := 0; i+1 < len(v.Content); i += 2 {
		f := v.Content[i]
		if !slices.Contains([]string{"zero", "one", "two", "few", "many", "other"}, f.Value) {
			d.fail(f, oneOf(f.Value, []string{"zero", "one", "two", "few", "many", "other"}), "%q is not a plural form", f.Value)
			ok = false
			continue
		}
		s, good := text(v.Content[i+1])
		msg.Forms[f.Value] = s
		ok = ok && good
	}
	return ok
}

// used refuses a message the company's documents do not use because they
// use its variant for the company's law (id.<regime>, e.g.
// notice.rights.free.pdpl for a company in Vietnam): its wording would
// change nothing.
func (d *decoder) used(cat *locale.Catalog, msg model.Message, k *yaml.Node, regime string) bool {
	variant := msg.ID + "." + regime
	if !cat.Has(msg.Lang, variant) {
		return true
	}
	d.fail(k, fmt.Sprintf("word %s instead", variant), "message %s is not used in this company's documents: under its law (%s) they use %s", msg.ID, regime, variant)
	return false
}

// inArea refuses a message worded in the file of another area than the
// shared file that holds it: ui.en.yaml holding notice.toc.
func (d *decoder) inArea(cat *locale.Catalog, src messageSource, msg model.Message, k *yaml.Node) bool {
	area := cat.Area(msg.Lang, msg.ID)
	if area == "" || area == src.area {
		return true // an unknown id is verify's to report
	}
	want := area + "." + src.lang + ".yaml"
	d.fail(k, "move it to "+MessagesDir+"/"+want, "message %s is a message of %s, not of %s.%s.yaml", msg.ID, want, src.area, src.lang)
	return false
}

// verify checks msg against the shared message of its id; a problem in
// its text is reported where it is in the file data.
func (d *decoder) verify(cat *locale.Catalog, data []byte, msg model.Message, k, v *yaml.Node) bool {
	err := cat.Verify(msg.Lang, locale.Message{ID: msg.ID, Text: msg.Text, Forms: msg.Forms})
	var oe *locale.OverrideError
	if err == nil {
		return true
	}
	if !errors.As(err, &oe) {
		d.fail(k, "report this as a bug", "message %s: %v", msg.ID, err)
		return false
	}
	hint := oe.Hint()
	if oe.Problem == locale.Unknown {
		if c := closest(msg.ID, cat.IDs(msg.Lang)); c != "" {
			hint = fmt.Sprintf("did you mean %q?", c)
		}
		d.fail(k, hint, "message %s %s", msg.ID, oe.Message())
		return false
	}
	at, text := v, msg.Text
	if oe.Form != "" {
		at, text = formNode(v, oe.Form), msg.Forms[oe.Form]
	}
	pos := d.pos(at)
	if oe.Problem == locale.Added || oe.Problem == locale.Action {
		pos = d.placeholderPos(data, at, text, oe.Offset)
	}
	d.errs = append(d.errs, &Error{Pos: pos, Msg: fmt.Sprintf("message %s %s", msg.ID, oe.Message()), Hint: hint})
	return false
}

// formNode returns the text of the plural form f in the mapping v of
// forms, or v.
func formNode(v *yaml.Node, f string) *yaml.Node {
	for i := 0; v.Kind == yaml.MappingNode && i+1 < len(v.Content); i += 2 {
		if v.Content[i].Value == f {
			return v.Content[i+1]
		}
	}
	return v
}
