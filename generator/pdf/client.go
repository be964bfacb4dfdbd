package pdf

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"sync"
	"sync/atomic"

	"github.com/go-rod/rod/lib/cdp"
	"github.com/go-rod/rod/lib/proto"
)

// client is Basis's own DevTools protocol client, which rod drives (it is a
// rod.CDPClient) in place of rod's cdp.Client. Unlike that one it never
// panics on what the browser sends: a message that is not JSON, or an event
// whose parameters do not fit its type (rod's event handlers would panic
// decoding it), ends the connection with a *ProtocolError; and every call
// and write is bounded by its context. Messages are read by wsConn, which
// caps their size.
type client struct {
	ws     *wsConn
	lastID atomic.Int64
	events chan *cdp.Event

	mu      sync.Mutex
	pending map[int64]chan reply

	done     chan struct{} // closed once the connection is gone
	doneOnce sync.Once
	err      error // why, set before done is closed
}

type reply struct {
	result json.RawMessage
	err    error
}

// newClient starts reading ws's messages. The client ends, and closes ws,
// when reading fails, the peer breaks the protocol, or close is called.
func newClient(ws *wsConn) *client {
	c := &client{ws: ws, events: make(chan *cdp.Event), pending: map[int64]chan reply{}, done: make(chan struct{})}
	go c.consume()
	return c
}

// Event returns the browser's events; rod must drain it. It is closed when
// the connection ends.
func (c *client) Event() <-chan *cdp.Event { return c.events }

// Call sends a command and waits for its reply, for ctx to end or for the
// connection to end, whichever comes first.
func (c *client) Call(ctx context.Context, sessionID, method string, params any) ([]byte, error) {
	id := c.lastID.Add(1)
	data, err := json.Marshal(cdp.Request{ID: int(id), SessionID: sessionID, Method: method, Params: params})
	if err != nil {
		return nil, fmt.Errorf("%s: %w", method, err)
	}
	ch := make(chan reply, 1)
	c.mu.Lock()
	c.pending[id] = ch
	c.mu.Unlock()
	defer func() {
		c.mu.Lock()
		delete(c.pending, id)
		c.mu.Unlock()
	}()
	select {
	case <-c.done:
		return nil, c.err
	default:
	}
	if err := c.ws.Send(ctx, data); err != nil {
		var notSent *notSentError
		if !errors.As(err, &notSent) {
			c.close(fmt.Errorf("send %s: %w", method, err))
		}
		return nil, err
	}
	select {
	case r := <-ch:
		return r.result, r.err
	case <-ctx.Done():
		return nil, ctx.Err()
	case <-c.done:
		return nil, c.err
	}
}

// message is any message from the browser: a reply (ID set) or an event.
type message struct {
	ID        int64           `json:"id"`
	SessionID string          `json:"sessionId"`
	Method    string          `json:"method"`
	Params    json.RawMessage `json:"params"`
	Result    json.RawMessage `json:"result"`
	Error     *cdp.Error      `json:"error"`
}

// consume reads messages until the connection ends, answering calls and
// passing events on.
func (c *client) consume() {
	defer close(c.events)
	for {
		data, err := c.ws.Read()
		if err != nil {
			c.close(err)
			return
		}
		var m message
		if err := json.Unmarshal(data, &m); err != nil {
			c.close(&ProtocolError{Reason: "a message that is not a DevTools message: " + shortErr(err)})
			return
		}
		if m.ID == 0 {
			evt, err := event(m)
			if err != nil {
				c.close(err)
				return
			}
			select {
			case c.events <- evt:
			case <-c.done:
				return
			}
			continue
		}
		c.mu.Lock()
		ch := c.pending[m.ID]
		c.mu.Unlock()
		if ch == nil {
			continue // its caller gave up
		}
		r := reply{result: m.Result}
		if m.Error != nil {
			r = reply{err: m.Error}
		}
		select {
		case ch <- r:
		default: // a second reply to one call
		}
	}
}

// event checks an event's parameters against the type rod will decode
// them into: rod panics on one that does not fit.
func event(m message) (*cdp.Event, error) {
	if m.Method == "" {
		return nil, &ProtocolError{Reason: "a message that is neither a reply nor an event"}
	}
	params := m.Params
	if len(params) == 0 || string(params) == "null" {
		params = json.RawMessage("{}")
	}
	if t := proto.GetType(m.Method); t != nil {
		if err := json.Unmarshal(params, reflect.New(t).Interface()); err != nil {
			return nil, &ProtocolError{Reason: fmt.Sprintf("a %s event that does not fit its type: %s", m.Method, shortErr(err))}
		}
	}
	return &cdp.Event{SessionID: m.SessionID, Method: m.Method, Params: params}, nil
}

// shortErr returns err's message cut to a line: a decoding error may quote
// what the browser sent.
func shortErr(err error) string {
	s := err.Error()
	if len(s) > 120 {
		s = s[:120] + "…"
	}
	return s
}

// errDisconnected is why calls fail after close was called.
var errDisconnected = errors.New("disconnected from the browser")

// close ends the connection with err as the reason, once; calls waiting
// for replies fail with it.
func (c *client) close(err error) {
	c.doneOnce.Do(func() {
		if err == nil {
			err = errDisconnected
		}
		c.err = err
		close(c.done)
		_ = c.ws.Close()
	})
}

// reason returns why the connection ended, or nil while it lasts.
func (c *client) reason() error {
	select {
	case <-c.done:
		return c.err
	default:
		return nil
	}
}
