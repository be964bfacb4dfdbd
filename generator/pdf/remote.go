package pdf

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"

	"github.com/go-rod/rod"
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

// Redact returns the address up to its host, for messages and logs: what
// follows the host (path, query, fragment) and the user info before it may
// hold a service's token, so each is shown as "…".
func Redact(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" {
		return redactUnparsed(raw)
	}
	s := u.Scheme + "://"
	if u.User != nil {
		s += "…@"
	}
	s += u.Host
	if (u.Path != "" && u.Path != "/") || u.RawQuery != "" || u.Fragment != "" || u.ForceQuery {
		s += "/…"
	} else if u.Path == "/" {
		s += "/"
	}
	return s
}

// redactUnparsed redacts an address url.Parse refuses or that has no host
// ("localhost:3000?token=x", "ws://[::1?token=x", "ws://u:p#w@host"):
// everything up to its last "@" is user info, and it is cut at the first
// character that may start a path, query or fragment after its host.
func redactUnparsed(raw string) string {
	head, rest := "", raw
	if i := strings.Index(raw, "://"); i >= 0 {
		head, rest = raw[:i+3], raw[i+3:]
	}
	if i := strings.LastIndex(rest, "@"); i >= 0 {
		head, rest = head+"…@", rest[i+1:]
	}
	if i := strings.IndexAny(rest, "/?#"); i >= 0 {
		return head + rest[:i] + "…"
	}
	return raw
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
// get their files from the printer through filter. ctx bounds every step.
func connect(ctx context.Context, cfg *config, filter *root, raw string) (*instance, error) {
	in := newInstance(cfg, filter)
	in.name = "browser at " + Redact(raw)
	in.log = in.log.With("browser", in.name)
	in.remote = true
	ws, err := resolve(ctx, raw)
	if err != nil {
		in.cancel()
		return nil, err
	}
	browser, err := in.attach(ctx, ws)
	if err == nil {
		var incognito *rod.Browser
		if incognito, err = browser.Context(ctx).Incognito(); err == nil {
			in.browser = incognito.Context(in.ctx)
		} else {
			err = fmt.Errorf("open a browser context: %w", err)
		}
	}
	if err != nil {
		if ctx.Err() != nil {
			err = ctx.Err() // the connection was cut because ctx ended
		}
		if in.cl != nil {
			_ = in.close()
		} else {
			in.cancel()
		}
		return nil, err
	}
	cfg.logger.Info("pdf: connected to browser", "browser", Redact(raw))
	return in, nil
}

// attach connects rod to the browser at the WebSocket address ws through
// Basis's own client. ctx bounds the connection and rod's first command:
// when it ends first, the connection is closed and attach fails. For a
// remote browser, in.exited is closed once the connection is gone, however
// it ends: that is how the pool learns at once that a browser died.
func (in *instance) attach(ctx context.Context, ws string) (*rod.Browser, error) {
	conn, err := dialWS(ctx, ws)
	if err != nil {
		return nil, err
	}
	in.cl = newClient(conn)
	if in.remote {
		go func() {
			<-in.cl.done
			in.dead.Store(true)
			close(in.exited)
		}()
	}
	stop := context.AfterFunc(ctx, func() { in.cl.close(ctx.Err()) })
	b := rod.New().Client(in.cl).Context(in.ctx)
	err = b.Connect()
	if !stop() {
		return nil, ctx.Err()
	}
	if err != nil {
		return nil, err
	}
	return b, nil
}

// disconnect closes the printer's tabs and browser context on a remote
// browser and the connection to it; the browser itself runs on.
func (in *instance) disconnect() error {
	in.closeOnce.Do(func() {
		in.dead.Store(true)
		if in.browser != nil {
			ctx, cancel := context.WithTimeout(in.ctx, in.ping)
			_ = proto.TargetDisposeBrowserContext{BrowserContextID: in.browser.BrowserContextID}.Call(in.browser.Context(ctx))
			cancel()
		}
		in.cancel()
		if in.cl != nil {
			in.cl.close(nil)
			<-in.exited
		}
	})
	return in.closeErr
}
