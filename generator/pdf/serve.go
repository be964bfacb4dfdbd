package pdf

import (
	"fmt"
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
// connection; a file that cannot be read is answered as not found.
//
// The browser may keep what it got, but must ask again each time (no-cache)
// with the file's version (its size and modification time) as the ETag; a
// file that has not changed since is answered with 304 and no body, so the
// fonts that every document loads cross the connection, and are decoded,
// once per printer rather than once per document. serve returns the status.
func serve(p *rod.Page, e *proto.FetchRequestPaused, path string) int {
	fi, err := os.Stat(path)
	if err != nil || !fi.Mode().IsRegular() {
		return fulfil(p, e, 404, "", nil)
	}
	etag := fmt.Sprintf(`"%x-%x"`, fi.Size(), fi.ModTime().UnixNano())
	if header(e.Request.Headers, "If-None-Match") == etag {
		return fulfil(p, e, 304, etag, nil)
	}
	body, err := os.ReadFile(path)
	if err != nil {
		return fulfil(p, e, 404, "", nil)
	}
	return fulfil(p, e, 200, etag, body, &proto.FetchHeaderEntry{Name: "Content-Type", Value: mediaType(path)})
}

// fulfil answers e with status code, the ETag if not "", and body, and returns code.
func fulfil(p *rod.Page, e *proto.FetchRequestPaused, code int, etag string, body []byte, headers ...*proto.FetchHeaderEntry) int {
	headers = append(headers, &proto.FetchHeaderEntry{Name: "Cache-Control", Value: "no-cache"})
	if etag != "" {
		headers = append(headers, &proto.FetchHeaderEntry{Name: "ETag", Value: etag})
	}
	if body == nil {
		body = []byte{}
	}
	_ = proto.FetchFulfillRequest{RequestID: e.RequestID, ResponseCode: code, ResponseHeaders: headers, Body: body}.Call(p)
	return code
}

// header returns the value of the request header name, whatever its case.
func header(h proto.NetworkHeaders, name string) string {
	for k, v := range h {
		if strings.EqualFold(k, name) {
			return v.Str()
		}
	}
	return ""
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
