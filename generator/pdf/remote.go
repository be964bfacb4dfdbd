package pdf

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/go-rod/rod"
	"github.com/go-rod/rod/lib/cdp"
	"github.com/go-rod/rod/lib/proto"
)

// EnvEndpoints is the environment variable with a comma-separated list of
// remote browser endpoints (see WithEndpoints).
const EnvEndpoints = "BASIS_BROWSER"

// CheckEndpoint reports what is wrong with a remote browser's address, as
// given to WithEndpoints: it must be a ws, wss, http or https URL with a host.
func CheckEndpoint(raw string) error {
	u, err := url.Parse(raw)
	if err != nil {
		return fmt.Errorf("%q is not a URL: ws://host:port/... or http://host:port", Redact(raw))
	}
	switch strings.ToLower(u.Scheme) {
	case "ws", "wss", "http", "https":
	default:
		return fmt.Errorf("%q is not a DevTools address: use ws://host:port/... (or wss://), or http://host:port whose /json/version names one", Redact(raw))
	}
	if u.Host == "" {
		return fmt.Errorf("%q has no host: use ws://host:port/devtools/browser/ID or http://host:port", Redact(raw))
	}
	return nil
}

// Redact returns the address without its user info and query, which may
// hold a service's token, for messages and logs.
func Redact(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		if i := strings.IndexAny(raw, "?@"); i >= 0 {
			return raw[:i] + "…"
		}
		return raw
	}
	user := u.User != nil
	u.User = nil
	if u.RawQuery != "" {
		u.RawQuery = "…"
	}
	s := u.String()
	if user {
		s = strings.Replace(s, "://", "://…@", 1)
	}
	return s
}

// resolve returns the WebSocket address of the endpoint raw: raw itself for
// ws and wss, else the webSocketDebuggerUrl of its /json/version, on raw's
// host (a browser names itself as it sees itself, e.g. inside a container).
func resolve(ctx context.Context, raw string) (string, error) {
	u, err := url.Parse(raw)
	if err != nil {
		return "", err
	}
	scheme := strings.ToLower(u.Scheme)
	if scheme == "ws" || scheme == "wss" {
		return raw, nil
	}
	v := *u
	v.Path, v.RawPath = "/json/version", ""
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, v.String(), nil)
	if err != nil {
		return "", err
	}
	res, err := http.DefaultClient.Do(req)
	var uerr *url.Error
	if errors.As(err, &uerr) {
		uerr.URL = Redact(uerr.URL) // it would show a token
	}
	if err != nil {
		return "", err
	}
	defer func() { _ = res.Body.Close() }()
	if res.StatusCode != http.StatusOK {
		return "", fmt.Errorf("/json/version: %s", res.Status)
	}
	var version struct {
		WebSocketDebuggerURL string `json:"webSocketDebuggerUrl"`
	}
	if err := json.NewDecoder(io.LimitReader(res.Body, 1<<20)).Decode(&version); err != nil {
		return "", fmt.Errorf("/json/version: %w", err)
	}
	ws, err := url.Parse(version.WebSocketDebuggerURL)
	if err != nil || ws.Path == "" {
		return "", fmt.Errorf("/json/version names no WebSocket address (%q)", version.WebSocketDebuggerURL)
	}
	ws.Scheme, ws.Host = "ws", u.Host
	if scheme == "https" {
		ws.Scheme = "wss"
	}
	ws.RawQuery = u.RawQuery // a service's token
	return ws.String(), nil
}

// connect connects to the remote browser at raw and opens a fresh browser
// context there (its own cache and cookies, dropped on close), whose tabs
// get their files from the printer through filter.
func connect(ctx context.Context, cfg *config, filter *root, raw string) (*instance, error) {
	in := newInstance(cfg, filter)
	in.name = "browser at " + Redact(raw)
	ws, err := resolve(ctx, raw)
	if err != nil {
		in.cancel()
		return nil, err
	}
	sock := &watchedSocket{exited: in.exited}
	if err := sock.Connect(ctx, ws, nil); err != nil {
		in.cancel()
		return nil, err
	}
	in.conn = sock
	browser := rod.New().Client(cdp.New().Start(sock)).Context(in.ctx)
	if err := browser.Connect(); err != nil {
		_ = in.close()
		return nil, err
	}
	incognito, err := browser.Context(ctx).Incognito()
	if err != nil {
		_ = in.close()
		return nil, fmt.Errorf("open a browser context: %w", err)
	}
	in.browser = incognito.Context(in.ctx)
	cfg.logger.Info("pdf: connected to browser", "browser", Redact(raw))
	return in, nil
}

// disconnect closes the printer's tabs and browser context on a remote
// browser and the connection to it; the browser itself runs on.
func (in *instance) disconnect() error {
	in.closeOnce.Do(func() {
		in.dead.Store(true)
		if in.browser != nil {
			ctx, cancel := context.WithTimeout(in.ctx, 5*time.Second)
			_ = proto.TargetDisposeBrowserContext{BrowserContextID: in.browser.BrowserContextID}.Call(in.browser.Context(ctx))
			cancel()
		}
		in.cancel()
		if err := in.conn.Close(); err != nil && !errors.Is(err, errClosedSocket) && !errors.Is(err, net.ErrClosed) {
			in.closeErr = fmt.Errorf("pdf: disconnect from %s: %w", in.name, err)
		}
		<-in.exited
	})
	return in.closeErr
}

// errClosedSocket is returned when a socket is closed twice.
var errClosedSocket = errors.New("connection already closed")

// watchedSocket is the WebSocket to a remote browser. It closes exited
// once the connection is gone, closed by either side, which is how the
// pool learns at once that a browser died.
type watchedSocket struct {
	cdp.WebSocket
	exited   chan struct{}
	once     sync.Once
	closeMu  sync.Mutex
	isClosed bool
}

// Read reads the next message; an error means the connection is gone.
func (s *watchedSocket) Read() ([]byte, error) {
	b, err := s.WebSocket.Read()
	if err != nil {
		s.once.Do(func() { close(s.exited) })
	}
	return b, err
}

// Close closes the connection once.
func (s *watchedSocket) Close() error {
	s.closeMu.Lock()
	defer s.closeMu.Unlock()
	if s.isClosed {
		return errClosedSocket
	}
	s.isClosed = true
	return s.WebSocket.Close()
}
