package pdf

import (
	"bufio"
	"context"
	"crypto/rand"
	"crypto/sha1" //nolint:gosec // RFC 6455 names SHA-1 for the handshake; it protects nothing
	"crypto/tls"
	"encoding/base64"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"net"
	"net/http"
	"net/url"
	"os"
	"strings"
	"sync"
	"time"
)

// Limits of the DevTools connection. A browser, or whatever answers in its
// place, never makes Basis read more than this in one go.
const (
	// maxMessage is the largest DevTools message read: the largest Basis
	// asks for is a 1 MiB chunk of a PDF (streamChunk), base64-encoded.
	maxMessage = 16 << 20
	// maxHandshake bounds the answer to the WebSocket handshake, headers
	// and all.
	maxHandshake = 64 << 10
	// excerptLen bounds the excerpt of a refused handshake's body in its error.
	excerptLen = 120
	// writeTimeout bounds a write that no deadline of the caller bounds.
	writeTimeout = time.Minute
)

// HandshakeError reports that the remote end refused the WebSocket
// handshake: a wrong address or token, or a proxy in the way.
type HandshakeError struct {
	Status  string // the answer's status line, e.g. "401 Unauthorized"
	Excerpt string // the start of the answer's body, without markup or anything that could be part of the address; may be ""
}

// Error names the status and at most a short excerpt of the body.
func (e *HandshakeError) Error() string {
	msg := "the browser refused the WebSocket connection: " + e.Status
	if e.Excerpt != "" {
		msg += fmt.Sprintf(" (its answer begins %q)", e.Excerpt)
	}
	return msg
}

// ProtocolError reports a remote end that broke the WebSocket or DevTools
// protocol: a frame too large, a message that is not JSON, a reply of the
// wrong shape. The connection is dropped; connecting again would not help.
type ProtocolError struct {
	Reason string
}

func (e *ProtocolError) Error() string { return "the browser broke the DevTools protocol: " + e.Reason }

// wsConn is a WebSocket client connection to a DevTools endpoint, as much of
// RFC 6455 as Chromium uses: text messages, possibly fragmented, pings and
// close frames. Every message read is at most maxMessage bytes, so a
// misbehaving peer cannot make it allocate more.
type wsConn struct {
	conn net.Conn
	r    *bufio.Reader
	lim  *io.LimitedReader // under r: bounds the handshake, then lifted

	wmu sync.Mutex // one frame written at a time
}

// dialWS connects to the WebSocket address raw. ctx bounds every step: the
// connection, TLS and the handshake; cancelling it aborts them.
func dialWS(ctx context.Context, raw string) (*wsConn, error) {
	u, err := url.Parse(raw)
	if err != nil {
		return nil, fmt.Errorf("not a URL: %s", Redact(raw))
	}
	host := u.Host
	if u.Port() == "" {
		if strings.EqualFold(u.Scheme, "wss") {
			host = net.JoinHostPort(u.Hostname(), "443")
		} else {
			host = net.JoinHostPort(u.Hostname(), "80")
		}
	}
	var conn net.Conn
	if strings.EqualFold(u.Scheme, "wss") {
		d := &tls.Dialer{Config: &tls.Config{ServerName: u.Hostname(), MinVersion: tls.VersionTLS12}}
		conn, err = d.DialContext(ctx, "tcp", host)
	} else {
		var d net.Dialer
		conn, err = d.DialContext(ctx, "tcp", host)
	}
	if err != nil {
		return nil, err
	}
	lim := &io.LimitedReader{R: conn, N: maxHandshake}
	c := &wsConn{conn: conn, lim: lim, r: bufio.NewReaderSize(lim, 64<<10)}
	if err := c.handshake(ctx, u); err != nil {
		_ = conn.Close()
		return nil, err
	}
	lim.N = math.MaxInt64
	return c, nil
}

// handshake upgrades the connection to a WebSocket within ctx.
func (c *wsConn) handshake(ctx context.Context, u *url.URL) (err error) {
	if d, ok := ctx.Deadline(); ok {
		_ = c.conn.SetDeadline(d)
	}
	stop := context.AfterFunc(ctx, func() { _ = c.conn.SetDeadline(time.Unix(1, 0)) })
	defer func() {
		switch {
		case !stop() && ctx.Err() != nil:
			err = ctx.Err() // whatever failed, failed because ctx ended
		case errors.Is(err, os.ErrDeadlineExceeded):
			err = context.DeadlineExceeded // the connection's deadline is ctx's
		}
		_ = c.conn.SetDeadline(time.Time{})
	}()

	var nonce [16]byte
	_, _ = rand.Read(nonce[:])
	key := base64.StdEncoding.EncodeToString(nonce[:])
	req := &http.Request{Method: http.MethodGet, URL: u, Host: u.Host, Header: http.Header{
		"Upgrade":               {"websocket"},
		"Connection":            {"Upgrade"},
		"Sec-Websocket-Key":     {key},
		"Sec-Websocket-Version": {"13"},
	}}
	if u.User != nil {
		pw, _ := u.User.Password()
		req.SetBasicAuth(u.User.Username(), pw)
	}
	if err := req.Write(c.conn); err != nil {
		return fmt.Errorf("send the WebSocket handshake: %w", err)
	}
	res, err := http.ReadResponse(c.r, req)
	if err != nil {
		if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
			return errors.New("the browser closed the connection during the WebSocket handshake")
		}
		return fmt.Errorf("read the WebSocket handshake: %w", err)
	}
	if res.StatusCode != http.StatusSwitchingProtocols {
		body, _ := io.ReadAll(io.LimitReader(res.Body, 4<<10))
		return &HandshakeError{Status: res.Status, Excerpt: excerpt(body, u)}
	}
	if res.Header.Get("Sec-Websocket-Accept") != acceptKey(key) {
		return &HandshakeError{Status: res.Status + " without the right Sec-WebSocket-Accept"}
	}
	return nil
}

// acceptKey is the Sec-WebSocket-Accept a server must answer key with.
func acceptKey(key string) string {
	h := sha1.Sum([]byte(key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11")) //nolint:gosec // see the import
	return base64.StdEncoding.EncodeToString(h[:])
}

// excerpt returns the start of a refused handshake's body for its error:
// markup removed, and every word dropped that could be part of the address
// u past its host (a proxy's page may echo the request with its token):
// words with URL punctuation, long words, and words holding a piece of the
// address's path, query or user. At most excerptLen bytes.
func excerpt(body []byte, u *url.URL) string {
	var secrets []string
	add := func(s string) {
		for _, part := range strings.FieldsFunc(s, func(r rune) bool { return strings.ContainsRune("/?&=#;,@: ", r) }) {
			if len(part) >= 3 {
				secrets = append(secrets, strings.ToLower(part))
			}
		}
	}
	add(u.Path)
	add(u.RawQuery)
	if q, err := url.QueryUnescape(u.RawQuery); err == nil {
		add(q)
	}
	add(u.User.String())
	var out []string
	n := 0
	for _, w := range strings.Fields(stripTags(string(body))) {
		if !printableWord(w, secrets) {
			w = "…"
			if len(out) > 0 && out[len(out)-1] == w {
				continue
			}
		}
		if n+len(w)+1 > excerptLen {
			break
		}
		out = append(out, w)
		n += len(w) + 1
	}
	return strings.Join(out, " ")
}

// printableWord reports whether w may appear in a handshake error's excerpt.
func printableWord(w string, secrets []string) bool {
	if len(w) > 24 || strings.ContainsAny(w, `/?&=#%@\<>"'`) {
		return false
	}
	for _, r := range w {
		if r < 0x20 || r == 0x7f || r == '\uFFFD' {
			return false
		}
	}
	lw := strings.ToLower(w)
	for _, s := range secrets {
		if strings.Contains(lw, s) || strings.Contains(s, lw) && len(lw) >= 3 {
			return false
		}
	}
	return true
}

// stripTags removes markup: everything between < and >.
func stripTags(s string) string {
	var b strings.Builder
	in := false
	for _, r := range s {
		switch {
		case r == '<':
			in = true
			b.WriteByte(' ')
		case r == '>':
			in = false
		case !in:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// WebSocket opcodes.
const (
	opContinuation = 0x0
	opText         = 0x1
	opBinary       = 0x2
	opClose        = 0x8
	opPing         = 0x9
	opPong         = 0xA
)

// errPeerClosed reports a close frame from the browser.
var errPeerClosed = errors.New("the browser closed the connection")

// Read returns the next text message. An error means the connection can no
// longer be used; a *ProtocolError means the peer broke the protocol.
func (c *wsConn) Read() ([]byte, error) {
	var msg []byte
	started := false
	for {
		op, fin, payload, err := c.frame(maxMessage - len(msg))
		if err != nil {
			return nil, err
		}
		switch op {
		case opPing:
			if err := c.write(context.Background(), opPong, payload); err != nil {
				return nil, err
			}
			continue
		case opPong:
			continue
		case opClose:
			return nil, errPeerClosed
		case opBinary:
			return nil, &ProtocolError{Reason: "a binary WebSocket message"}
		case opText:
			if started {
				return nil, &ProtocolError{Reason: "a new WebSocket message inside a fragmented one"}
			}
			started = true
		case opContinuation:
			if !started {
				return nil, &ProtocolError{Reason: "a WebSocket continuation frame outside a message"}
			}
		default:
			return nil, &ProtocolError{Reason: fmt.Sprintf("unknown WebSocket opcode %#x", op)}
		}
		msg = append(msg, payload...)
		if fin {
			return msg, nil
		}
	}
}

// frame reads one frame whose payload may be at most limit bytes.
func (c *wsConn) frame(limit int) (op byte, fin bool, payload []byte, err error) {
	var h [2]byte
	if _, err := io.ReadFull(c.r, h[:]); err != nil {
		return 0, false, nil, err
	}
	fin, op = h[0]&0x80 != 0, h[0]&0x0f
	if h[0]&0x70 != 0 {
		return 0, false, nil, &ProtocolError{Reason: "a WebSocket frame with reserved bits set"}
	}
	if h[1]&0x80 != 0 {
		return 0, false, nil, &ProtocolError{Reason: "a masked WebSocket frame from the server"}
	}
	size := uint64(h[1] & 0x7f)
	switch size {
	case 126:
		var ext [2]byte
		if _, err := io.ReadFull(c.r, ext[:]); err != nil {
			return 0, false, nil, err
		}
		size = uint64(binary.BigEndian.Uint16(ext[:]))
	case 127:
		var ext [8]byte
		if _, err := io.ReadFull(c.r, ext[:]); err != nil {
			return 0, false, nil, err
		}
		size = binary.BigEndian.Uint64(ext[:])
	}
	if op >= opClose && (size > 125 || !fin) {
		return 0, false, nil, &ProtocolError{Reason: "a WebSocket control frame that is fragmented or longer than 125 bytes"}
	}
	if size > uint64(max(limit, 0)) {
		return 0, false, nil, &ProtocolError{Reason: fmt.Sprintf("a WebSocket message of more than %d bytes (a frame announced %d)", maxMessage, size)}
	}
	payload = make([]byte, size)
	if _, err := io.ReadFull(c.r, payload); err != nil {
		return 0, false, nil, err
	}
	return op, fin, payload, nil
}

// Send writes msg as one text message within ctx's deadline, or
// writeTimeout if it has none. A write cut short leaves half a frame on
// the connection, so it closes the connection; a message not begun because
// ctx had ended is a *notSentError and leaves it open.
func (c *wsConn) Send(ctx context.Context, msg []byte) error {
	return c.write(ctx, opText, msg)
}

// write writes one masked frame.
func (c *wsConn) write(ctx context.Context, op byte, payload []byte) error {
	var mask [4]byte
	_, _ = rand.Read(mask[:])
	frame := make([]byte, 0, len(payload)+14)
	frame = append(frame, 0x80|op)
	switch n := len(payload); {
	case n <= 125:
		frame = append(frame, 0x80|byte(n))
	case n <= math.MaxUint16:
		frame = append(frame, 0x80|126)
		frame = binary.BigEndian.AppendUint16(frame, uint16(n))
	default:
		frame = append(frame, 0x80|127)
		frame = binary.BigEndian.AppendUint64(frame, uint64(n))
	}
	frame = append(frame, mask[:]...)
	start := len(frame)
	frame = append(frame, payload...)
	for i := range payload {
		frame[start+i] ^= mask[i%4]
	}

	c.wmu.Lock()
	defer c.wmu.Unlock()
	if err := ctx.Err(); err != nil {
		return &notSentError{err}
	}
	deadline, ok := ctx.Deadline()
	if !ok {
		deadline = time.Now().Add(writeTimeout)
	}
	_ = c.conn.SetWriteDeadline(deadline)
	stop := context.AfterFunc(ctx, func() { _ = c.conn.SetWriteDeadline(time.Unix(1, 0)) })
	_, err := c.conn.Write(frame)
	if !stop() && err != nil {
		err = fmt.Errorf("%w: %w", ctx.Err(), err)
	}
	if err != nil {
		_ = c.conn.Close()
	}
	return err
}

// notSentError reports a message not sent because its context had ended
// first; the connection is intact.
type notSentError struct{ err error }

func (e *notSentError) Error() string { return e.err.Error() }
func (e *notSentError) Unwrap() error { return e.err }

// Close closes the connection.
func (c *wsConn) Close() error { return c.conn.Close() }
