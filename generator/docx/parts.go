package docx

import (
	"crypto/sha256"
	"fmt"
	"strings"
)

// Relationship types of the parts a document refers to.
const (
	relBase      = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
	relImage     = relBase + "image"
	relHyperlink = relBase + "hyperlink"
)

// maxLevel is the deepest list level Word numbers (0 to 8).
const maxLevel = 8

// parts collects what the document refers to besides its text: images,
// link addresses and list numberings.
type parts struct {
	rels     []relationship
	byTarget map[string]string // link address or image sum -> relationship id
	media    []media
	nums     []numbering
	drawings int
}

type relationship struct {
	id, typ, target string
	external        bool
}

type media struct {
	name string // under word/, e.g. media/image1.png
	data []byte
}

// numbering is one list: each list counts from its own start.
type numbering struct {
	ordered      bool
	level, start int
}

func newParts() *parts { return &parts{byTarget: map[string]string{}} }

// add returns the id of a new relationship; the fixed parts use rId1 to rId4.
func (p *parts) add(typ, target string, external bool) string {
	id := fmt.Sprintf("rId%d", len(p.rels)+10)
	p.rels = append(p.rels, relationship{id, typ, target, external})
	return id
}

// link returns the relationship id of a hyperlink to href.
func (p *parts) link(href string) string {
	key := "link:" + href
	if id, ok := p.byTarget[key]; ok {
		return id
	}
	id := p.add(relHyperlink, href, true)
	p.byTarget[key] = id
	return id
}

// image stores an image once however often it appears, and returns its
// relationship id and file name.
func (p *parts) image(data []byte, kind string) (id, name string) {
	key := fmt.Sprintf("image:%x", sha256.Sum256(data))
	if id, ok := p.byTarget[key]; ok {
		for _, r := range p.rels {
			if r.id == id {
				return id, strings.TrimPrefix(r.target, "media/")
			}
		}
	}
	ext := map[string]string{"jpeg": "jpeg", "png": "png", "gif": "gif"}[kind]
	name = fmt.Sprintf("image%d.%s", len(p.media)+1, ext)
	p.media = append(p.media, media{name: "media/" + name, data: data})
	id = p.add(relImage, "media/"+name, false)
	p.byTarget[key] = id
	return id, name
}

// drawing returns the next id of a picture.
func (p *parts) drawing() int {
	p.drawings++
	return p.drawings
}

// list returns the numId of a new list.
func (p *parts) list(ordered bool, level, start int) int {
	p.nums = append(p.nums, numbering{ordered, level, start})
	return len(p.nums)
}

// listIndent is the left indent of list level level, in twips.
func listIndent(level int) int { return 360 * (level + 1) }

// numberingXML returns word/numbering.xml: one bullet and one decimal
// definition, and one numbering per list.
func (p *parts) numberingXML() string {
	var b strings.Builder
	b.WriteString(xmlHeader + `<w:numbering xmlns:w="` + nsW + `">`)
	for id, ordered := range []bool{false, true} {
		fmt.Fprintf(&b, `<w:abstractNum w:abstractNumId="%d"><w:multiLevelType w:val="hybridMultilevel"/>`, id)
		for l := 0; l <= maxLevel; l++ {
			fmtVal, text := "bullet", []string{"•", "◦", "▪"}[l%3]
			if ordered {
				fmtVal, text = "decimal", fmt.Sprintf("%%%d.", l+1)
			}
			fmt.Fprintf(&b, `<w:lvl w:ilvl="%d"><w:start w:val="1"/><w:numFmt w:val="%s"/><w:lvlText w:val="%s"/><w:lvlJc w:val="left"/>`+
				`<w:pPr><w:ind w:left="%d" w:hanging="360"/></w:pPr></w:lvl>`, l, fmtVal, text, listIndent(l))
		}
		b.WriteString(`</w:abstractNum>`)
	}
	for i, n := range p.nums {
		abstract := 0
		if n.ordered {
			abstract = 1
		}
		fmt.Fprintf(&b, `<w:num w:numId="%d"><w:abstractNumId w:val="%d"/>`, i+1, abstract)
		if n.ordered {
			fmt.Fprintf(&b, `<w:lvlOverride w:ilvl="%d"><w:startOverride w:val="%d"/></w:lvlOverride>`, n.level, n.start)
		}
		b.WriteString(`</w:num>`)
	}
	b.WriteString(`</w:numbering>`)
	return b.String()
}

// relsXML returns word/_rels/document.xml.rels.
func (p *parts) relsXML() string {
	var b strings.Builder
	b.WriteString(xmlHeader + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`)
	for i, name := range []string{"styles", "settings", "numbering", "footer"} {
		target := name + ".xml"
		if name == "footer" {
			target = "footer1.xml"
		}
		fmt.Fprintf(&b, `<Relationship Id="rId%d" Type="%s%s" Target="%s"/>`, i+1, relBase, name, target)
	}
	for _, r := range p.rels {
		mode := ""
		if r.external {
			mode = ` TargetMode="External"`
		}
		fmt.Fprintf(&b, `<Relationship Id="%s" Type="%s" Target="%s"%s/>`, r.id, r.typ, escape(r.target), mode)
	}
	b.WriteString(`</Relationships>`)
	return b.String()
}

// contentTypes returns [Content_Types].xml.
func (p *parts) contentTypes() string {
	const wml = "application/vnd.openxmlformats-officedocument.wordprocessingml."
	var b strings.Builder
	b.WriteString(xmlHeader + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">`)
	b.WriteString(`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>`)
	b.WriteString(`<Default Extension="xml" ContentType="application/xml"/>`)
	for _, ext := range []string{"gif", "jpeg", "png"} {
		fmt.Fprintf(&b, `<Default Extension="%s" ContentType="image/%s"/>`, ext, ext)
	}
	for _, o := range [][2]string{
		{"/word/document.xml", wml + "document.main+xml"},
		{"/word/styles.xml", wml + "styles+xml"},
		{"/word/settings.xml", wml + "settings+xml"},
		{"/word/numbering.xml", wml + "numbering+xml"},
		{"/word/footer1.xml", wml + "footer+xml"},
		{"/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"},
		{"/docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml"},
	} {
		fmt.Fprintf(&b, `<Override PartName="%s" ContentType="%s"/>`, o[0], o[1])
	}
	b.WriteString(`</Types>`)
	return b.String()
}
