package pdftest

import (
	"bufio"
	"crypto/sha1" //nolint:gosec // RFC 6455's handshake
	"encoding/base64"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"sync"
	"testing"
)

// Reply says how a fake endpoint answers one command (see Endpoint).
type Reply struct {
	Result string // the JSON of the result; "" for {}
	Raw    []byte // if set, these bytes are written to the connection instead of a reply
	Mute   bool   // answer neither this command nor any later one
}

// Script decides the reply to each command by its method.
type Script func(method string) Reply

// Plausible answers the commands a printer sends while it connects and
// opens a tab with results of the right shape, and every other with {}.
func Plausible(method string) Reply {
	switch method {
	case "Target.createBrowserContext":
		return Reply{Result: `{"browserContextId":"ctx-1"}`}
	case "Target.createTarget":
		return Reply{Result: `{"targetId":"target-1"}`}
	case "Target.attachToTarget":
		return Reply{Result: `{"sessionId":"session-1"}`}
	}
	return Reply{}
}

// MuteAt answers like Plausible until the command method, which it answers
// with raw (if not nil) and after which it answers nothing.
func MuteAt(method string, raw []byte) Script {
	return func(m string) Reply {
		if m != method {
			return Plausible(m)
		}
		return Reply{Raw: raw, Mute: true}
	}
}

// Endpoint starts a fake Chrome DevTools endpoint on a free port of
// 127.0.0.1 that completes the WebSocket handshake and answers each
// command as script says, and returns its address (ws://...). It stands in
// for a broken or hostile browser or proxy. The test's cleanup closes it.
func Endpoint(tb testing.TB, script Script) string {
	tb.Helper()
	return serve(tb, func(c net.Conn, r *bufio.Reader, req *http.Request) {
		key := req.Header.Get("Sec-Websocket-Key")
		h := sha1.Sum([]byte(key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11")) //nolint:gosec // see the import
		fmt.Fprintf(c, "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: %s\r\n\r\n",
			base64.StdEncoding.EncodeToString(h[:]))
		muted := false
		for {
			msg, err := readFrame(r)
			if err != nil {
				return
			}
			if muted {
				continue
			}
			var cmd struct {
				ID     int    `json:"id"`
				Method string `json:"method"`
			}
			_ = json.Unmarshal(msg, &cmd)
			reply := script(cmd.Method)
			muted = reply.Mute
			switch {
			case reply.Raw != nil:
				if _, err := c.Write(reply.Raw); err != nil {
					return
				}
			case !reply.Mute:
				result := reply.Result
				if result == "" {
					result = "{}"
				}
				if _, err := c.Write(TextFrame(fmt.Sprintf(`{"id":%d,"result":%s}`, cmd.ID, result))); err != nil {
					return
				}
			}
		}
	})
}

// Silent starts a fake endpoint that accepts connections and never
// answers, not even the WebSocket handshake, and returns its address.
func Silent(tb testing.TB) string {
	tb.Helper()
	return serve(tb, func(c net.Conn, _ *bufio.Reader, _ *http.Request) {
		_, _ = io.Copy(io.Discard, c) // until either side closes the connection
	})
}

// Refusing starts a fake endpoint that refuses the WebSocket handshake
// with status and the body body(req) writes, and returns its address.
func Refusing(tb testing.TB, status int, body func(w io.Writer, req *http.Request)) string {
	tb.Helper()
	return serve(tb, func(c net.Conn, _ *bufio.Reader, req *http.Request) {
		fmt.Fprintf(c, "HTTP/1.1 %d %s\r\nContent-Type: text/html\r\nConnection: close\r\n\r\n", status, http.StatusText(status))
		body(c, req)
	})
}

// TextFrame returns an unmasked WebSocket text frame holding payload, as a
// server sends it.
func TextFrame(payload string) []byte {
	return append(FrameHeader(uint64(len(payload))), payload...)
}

// FrameHeader returns the header of an unmasked text frame announcing size
// bytes, whatever follows it.
func FrameHeader(size uint64) []byte {
	switch {
	case size <= 125:
		return []byte{0x81, byte(size)}
	case size <= 0xffff:
		return binary.BigEndian.AppendUint16([]byte{0x81, 126}, uint16(size))
	default:
		return binary.BigEndian.AppendUint64([]byte{0x81, 127}, size)
	}
}

// serve listens on a free port and runs handle for each connection after
// reading its HTTP request; cleanup closes the listener and every
// connection and waits for the handlers.
func serve(tb testing.TB, handle func(c net.Conn, r *bufio.Reader, req *http.Request)) string {
	tb.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		tb.Fatal(err)
	}
	var (
		mu     sync.Mutex
		conns  []net.Conn
		closed bool
		wg     sync.WaitGroup
	)
	tb.Cleanup(func() {
		_ = l.Close()
		mu.Lock()
		closed = true
		for _, c := range conns {
			_ = c.Close()
		}
		mu.Unlock()
		wg.Wait()
	})
	go func() {
		for {
			c, err := l.Accept()
			if err != nil {
				return
			}
			mu.Lock()
			if closed {
				mu.Unlock()
				_ = c.Close()
				return
			}
			conns = append(conns, c)
			wg.Go(func() {
				defer c.Close()
				r := bufio.NewReader(c)
				req, err := http.ReadRequest(r)
				if err != nil {
					return
				}
				handle(c, r, req)
			})
			mu.Unlock()
		}
	}()
	return "ws://" + l.Addr().String() + "/devtools/browser/fake"
}

// readFrame reads one masked client frame and returns its payload.
func readFrame(r *bufio.Reader) ([]byte, error) {
	var h [2]byte
	if _, err := io.ReadFull(r, h[:]); err != nil {
		return nil, err
	}
	size := uint64(h[1] & 0x7f)
	switch size {
	case 126:
		var b [2]byte
		if _, err := io.ReadFull(r, b[:]); err != nil {
			return nil, err
		}
		size = uint64(binary.BigEndian.Uint16(b[:]))
	case 127:
		var b [8]byte
		if _, err := io.ReadFull(r, b[:]); err != nil {
			return nil, err
		}
		size = binary.BigEndian.Uint64(b[:])
	}
	var mask [4]byte
	if h[1]&0x80 != 0 {
		if _, err := io.ReadFull(r, mask[:]); err != nil {
			return nil, err
		}
	}
	if size > 64<<20 {
		return nil, fmt.Errorf("frame of %d bytes", size)
	}
	payload := make([]byte, size)
	if _, err := io.ReadFull(r, payload); err != nil {
		return nil, err
	}
	for i := range payload {
		payload[i] ^= mask[i%4]
	}
	return payload, nil
}
