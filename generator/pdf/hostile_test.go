package pdf

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/basis-privacy/basis/generator/pdf/pdftest"
)

// The tests in this file face fake DevTools endpoints that misbehave
// (pdftest.Endpoint, Silent, Refusing): no browser is needed, and each
// must end in an error, never a hang, a crash or a leaked secret.

// secret is the token the tests' endpoint addresses carry.
const secret = "SECRET123"

// hangLimit turns a hang into a failure. It is no performance bound: every
// case ends at a deadline of a second or less, or at once.
const hangLimit = 2 * time.Minute

// returns runs f and fails the test if it has not returned after hangLimit.
func returns(t *testing.T, what string, f func() error) error {
	t.Helper()
	done := make(chan error, 1)
	go func() { done <- f() }()
	select {
	case err := <-done:
		return err
	case <-time.After(hangLimit):
		t.Fatalf("%s still runs after %v", what, hangLimit)
		return nil
	}
}

// assertNoSecret fails if msg shows any part of the endpoint's address past its host.
func assertNoSecret(t *testing.T, what, msg string) {
	t.Helper()
	for _, s := range []string{secret, "devtools/browser", "fake"} {
		if strings.Contains(msg, s) {
			t.Errorf("%s shows %q: %.400s", what, s, msg)
		}
	}
}

// TestRefusedHandshakeIsShortAndRedacted connects to endpoints that refuse
// the WebSocket handshake with a page echoing the request, token and all,
// and with a 200 MB page: the error names the status, holds at most a short
// excerpt without the token or the path, and reading it takes bounded memory.
func TestRefusedHandshakeIsShortAndRedacted(t *testing.T) {
	tests := []struct {
		name string
		body func(w io.Writer, req *http.Request)
	}{
		{"echoes the request", func(w io.Writer, req *http.Request) {
			fmt.Fprintf(w, "<html><body><h1>Unauthorized</h1><p>Unauthorized request: GET %s HTTP/1.1</p><p>token %s is unknown</p></body></html>",
				req.URL.RequestURI(), req.URL.Query().Get("token"))
		}},
		{"200 MB", func(w io.Writer, req *http.Request) {
			line := []byte(strings.Repeat("Unauthorized request: GET "+req.URL.RequestURI()+" ", 50) + "\n")
			for n := 0; n < 200<<20; n += len(line) {
				if _, err := w.Write(line); err != nil {
					return // the printer hung up, as it should
				}
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ws := pdftest.Refusing(t, http.StatusUnauthorized, tt.body) + "?token=" + secret
			rec := &logRecorder{}
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			err := returns(t, "New", func() error {
				p, err := New(WithRoot(t.TempDir()), WithEndpoints(ws), WithLogger(slogNew(rec)))
				if err == nil {
					p.Close()
				}
				return err
			})
			runtime.ReadMemStats(&after)
			if err == nil {
				t.Fatal("New succeeded")
			}
			msg := err.Error()
			if !strings.Contains(msg, "401 Unauthorized") {
				t.Errorf("the error does not name the status: %s", msg)
			}
			if len(msg) > 600 {
				t.Errorf("the error has %d bytes: %.600s…", len(msg), msg)
			}
			assertNoSecret(t, "the error", msg)
			assertNoSecret(t, "the log", strings.Join(rec.attrs("pdf: remote browser unreachable, printing without it", "err"), "\n"))
			if grew := after.TotalAlloc - before.TotalAlloc; grew > 32<<20 {
				t.Errorf("connecting allocated %d MB", grew>>20)
			}
		})
	}
}

// TestUnansweringEndpointTimesOut connects to endpoints that accept the
// connection and never answer the handshake, or complete it and never
// answer a command: New fails at the start timeout.
func TestUnansweringEndpointTimesOut(t *testing.T) {
	for name, ws := range map[string]string{
		"no handshake":   pdftest.Silent(t),
		"no first reply": pdftest.Endpoint(t, pdftest.MuteAt("Target.setDiscoverTargets", nil)),
		"no context":     pdftest.Endpoint(t, pdftest.MuteAt("Target.createBrowserContext", nil)),
	} {
		t.Run(name, func(t *testing.T) {
			err := returns(t, "New", func() error {
				p, err := New(WithRoot(t.TempDir()), WithEndpoints(ws+"?token="+secret), WithStartTimeout(300*time.Millisecond))
				if err == nil {
					p.Close()
				}
				return err
			})
			var none *NoEndpointError
			if !errors.As(err, &none) || !errors.Is(err, context.DeadlineExceeded) || !strings.Contains(err.Error(), "no answer within 300ms") {
				t.Fatalf("New = %v, want a *NoEndpointError saying there was no answer within 300ms", err)
			}
			assertNoSecret(t, "the error", err.Error())
		})
	}
}

// TestStartIsCancelled cancels NewContext while an endpoint does not answer,
// with a start timeout far away: it returns at once with the context's error.
func TestStartIsCancelled(t *testing.T) {
	for name, ws := range map[string]string{
		"no handshake":   pdftest.Silent(t),
		"no first reply": pdftest.Endpoint(t, pdftest.MuteAt("Target.setDiscoverTargets", nil)),
	} {
		t.Run(name, func(t *testing.T) {
			ctx, cancel := context.WithCancel(context.Background())
			time.AfterFunc(100*time.Millisecond, cancel)
			err := returns(t, "NewContext", func() error {
				p, err := NewContext(ctx, WithRoot(t.TempDir()), WithEndpoints(ws), WithStartTimeout(time.Hour))
				if err == nil {
					p.Close()
				}
				return err
			})
			if !errors.Is(err, context.Canceled) {
				t.Fatalf("NewContext = %v, want context.Canceled", err)
			}
		})
	}
}

// quickPing makes a printer give up on a browser that does not answer at
// once after 300ms instead of pingTimeout.
func quickPing(c *config) { c.ping = 300 * time.Millisecond }

// TestUnansweringEndpointWhilePrinting prints on an endpoint that stops
// answering once a tab is open: the document fails at its deadline, and a
// cancelled one at once, and Close returns.
func TestUnansweringEndpointWhilePrinting(t *testing.T) {
	root := t.TempDir()
	html := writeFile(t, root, "doc.html", "<!doctype html><p>hello</p>")
	job := Job{HTML: html, Out: strings.TrimSuffix(html, ".html") + ".pdf"}
	ws := pdftest.Endpoint(t, pdftest.MuteAt("Fetch.enable", nil))

	t.Run("deadline", func(t *testing.T) {
		p, err := New(WithRoot(root), WithEndpoints(ws), WithTimeout(300*time.Millisecond), WithStartTimeout(300*time.Millisecond), quickPing)
		if err != nil {
			t.Fatal(err)
		}
		defer p.Close()
		err = returns(t, "Print", func() error { return p.Print(context.Background(), job) })
		if err == nil || !strings.Contains(err.Error(), "timed out after 300ms") {
			t.Errorf("Print = %v, want a timeout", err)
		}
	})
	t.Run("cancelled", func(t *testing.T) {
		p, err := New(WithRoot(root), WithEndpoints(ws), WithTimeout(time.Hour), quickPing)
		if err != nil {
			t.Fatal(err)
		}
		ctx, cancel := context.WithCancel(context.Background())
		time.AfterFunc(100*time.Millisecond, cancel)
		err = returns(t, "Print", func() error { return p.Print(ctx, job) })
		if !errors.Is(err, context.Canceled) {
			t.Errorf("Print = %v, want context.Canceled", err)
		}
		if err := returns(t, "Close", p.Close); err != nil {
			t.Errorf("Close: %v", err)
		}
	})
}

// TestMisbehavingEndpointLeavesThePool connects to, and prints on,
// endpoints that send what no browser sends: a message that is not JSON
// (a proxy's page), frames announcing 2^63+5 bytes and 1 TiB, and an event
// whose parameters do not fit its type. Each must cost only that endpoint,
// with a one-line reason, never crash the program or exhaust its memory.
func TestMisbehavingEndpointLeavesThePool(t *testing.T) {
	garbage := map[string][]byte{
		"not JSON":       pdftest.TextFrame("<html><body>502 Bad Gateway</body></html>"),
		"2^63+5 bytes":   pdftest.FrameHeader(1<<63 + 5),
		"1 TiB":          pdftest.FrameHeader(1 << 40),
		"event mistyped": pdftest.TextFrame(`{"method":"Fetch.requestPaused","sessionId":"session-1","params":{"requestId":5,"request":"x"}}`),
		"reply mistyped": pdftest.TextFrame(`{"id":"x","result":{}}`),
	}
	root := t.TempDir()
	html := writeFile(t, root, "doc.html", "<!doctype html><p>hello</p>")
	job := Job{HTML: html, Out: strings.TrimSuffix(html, ".html") + ".pdf"}
	for name, raw := range garbage {
		t.Run(name+" while connecting", func(t *testing.T) {
			ws := pdftest.Endpoint(t, pdftest.MuteAt("Target.setDiscoverTargets", raw))
			err := returns(t, "New", func() error {
				p, err := New(WithRoot(root), WithEndpoints(ws))
				if err == nil {
					p.Close()
				}
				return err
			})
			assertLeft(t, err)
		})
		t.Run(name+" while printing", func(t *testing.T) {
			ws := pdftest.Endpoint(t, pdftest.MuteAt("Fetch.enable", raw))
			p, err := New(WithRoot(root), WithEndpoints(ws))
			if err != nil {
				t.Fatal(err)
			}
			defer p.Close()
			err = returns(t, "Print", func() error { return p.Print(context.Background(), job) })
			assertLeft(t, err)
		})
	}
}

// assertLeft fails unless err says, on one line, that the only endpoint
// left the pool because it broke the protocol.
func assertLeft(t *testing.T, err error) {
	t.Helper()
	var none *NoEndpointError
	var broke *ProtocolError
	if !errors.As(err, &none) || !errors.As(err, &broke) {
		t.Fatalf("got %v, want a *NoEndpointError for a *ProtocolError", err)
	}
	if msg := err.Error(); strings.Contains(msg, "\n") || len(msg) > 600 {
		t.Errorf("the reason is not one short line: %q", msg)
	}
}
