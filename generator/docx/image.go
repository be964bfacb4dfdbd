package docx

import (
	"bytes"
	"fmt"
	"image"
	_ "image/gif"  // GIF logos
	_ "image/jpeg" // JPEG logos
	_ "image/png"  // PNG logos
)

// Sizes in EMU (English Metric Units): 914,400 to the inch.
const (
	emuPerPixel = 9525           // at 96 pixels to the inch, as browsers lay out
	emuPerTwip  = 635            // a twentieth of a point
	logoHeight  = 466725         // 3.5 rem of the printed page's 10.5 pt type, as the CSS has it
	logoWidth   = 4 * logoHeight // 12 rem
	pageWidth   = textWidth * emuPerTwip
)

// image writes an <img> as a picture in the text. Word shows PNG, JPEG and
// GIF; another image, or one that cannot be read, is left out with a notice.
func (c *converter) image(n *node, x ctx) {
	src := n.attr["src"]
	if c.cfg.images == nil {
		c.cfg.notice(fmt.Sprintf("image %q left out: no way to read images was given", src))
		return
	}
	data, err := c.cfg.images(src)
	if err != nil {
		c.cfg.notice(fmt.Sprintf("image %q left out: %v", src, err))
		return
	}
	img, kind, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil || img.Width == 0 || img.Height == 0 {
		c.cfg.notice(fmt.Sprintf("image %q left out of the Word document: it is not a PNG, JPEG or GIF image Word can show", src))
		return
	}
	cx, cy := int64(img.Width)*emuPerPixel, int64(img.Height)*emuPerPixel
	maxW, maxH := int64(pageWidth), int64(-1)
	if n.hasClass("logo") {
		maxW, maxH = logoWidth, logoHeight
	}
	if cx > maxW {
		cx, cy = maxW, cy*maxW/cx
	}
	if maxH > 0 && cy > maxH {
		cx, cy = cx*maxH/cy, maxH
	}
	rid, name := c.parts.image(data, kind)
	id := c.parts.drawing()
	alt := escape(n.attr["alt"])
	c.para(x).raw(fmt.Sprintf(`<w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="%d" cy="%d"/>`+
		`<wp:docPr id="%d" name="Picture %d" descr="%s"/><wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect="1"/></wp:cNvGraphicFramePr>`+
		`<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic>`+
		`<pic:nvPicPr><pic:cNvPr id="%d" name="%s" descr="%s"/><pic:cNvPicPr/></pic:nvPicPr>`+
		`<pic:blipFill><a:blip r:embed="%s"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>`+
		`<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="%d" cy="%d"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr>`+
		`</pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>`,
		cx, cy, id, id, alt, id, name, alt, rid, cx, cy))
}
