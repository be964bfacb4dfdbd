package pdf

import (
	"mime"
	"os"
	"path/filepath"
	"strings"

	"github.com/go-rod/rod"
	"github.com/go-rod/rod/lib/proto"
)

// fontTypes are the media types of web fonts, which not every system's
// MIME table knows.
var fontTypes = map[string]string{
	".woff2": "font/woff2",
	".woff":  "font/woff",
	".ttf":   "font/ttf",
	".otf":   "font/otf",
}

// serve answers the paused request e with the file at path, read from the
// local disk, so a remote browser gets the root's files over the DevTools
// connection; a file that cannot be read is answered as not found. The
// answer is never to be cached: a remote browser outlives the printer.
func serve(p *rod.Page, e *proto.FetchRequestPaused, path string) {
	code := 200
	body, err := os.ReadFile(path)
	if err != nil {
		code, body = 404, []byte{}
	}
	_ = proto.FetchFulfillRequest{
		RequestID:    e.RequestID,
		ResponseCode: code,
		ResponseHeaders: []*proto.FetchHeaderEntry{
			{Name: "Content-Type", Value: mediaType(path)},
			{Name: "Cache-Control", Value: "no-store"},
		},
		Body: body,
	}.Call(p)
}

// mediaType returns the media type of the file at path by its extension.
func mediaType(path string) string {
	ext := strings.ToLower(filepath.Ext(path))
	if t, ok := fontTypes[ext]; ok {
		return t
	}
	if t := mime.TypeByExtension(ext); t != "" {
		return t
	}
	return "application/octet-stream"
}
