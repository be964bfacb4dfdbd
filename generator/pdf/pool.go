package pdf

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
)

// endpoint is one remote browser of a pool.
type endpoint struct {
	url       string    // as given
	in        *instance // nil while reconnecting and once it left the pool
	busy      int       // documents in progress on it
	err       error     // why it left the pool
	reviving  bool      // a reconnection is under way
	reconnect bool      // in comes from a reconnection
}

// pool is the set of remote browsers a Printer prints on.
type pool struct {
	cfg     *config
	filter  *root
	closing context.Context // cancelled by Close: stops connections under way
	revives sync.WaitGroup  // reconnections under way

	mu      sync.Mutex // guards the fields below and those of the endpoints
	ends    []*endpoint
	changed chan struct{} // closed and replaced whenever an endpoint comes back or leaves
}

// NoEndpointError reports that no remote browser of the pool is left.
type NoEndpointError struct {
	Endpoints []string // the endpoints, as given, redacted
	Errs      []error  // why each left the pool, in the same order
}

// Error names every endpoint and why it left, and says what to check.
func (e *NoEndpointError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "no remote browser left of %d: ", len(e.Endpoints))
	for i, u := range e.Endpoints {
		if i > 0 {
			b.WriteString("; ")
		}
		fmt.Fprintf(&b, "%s: %v", u, e.Errs[i])
	}
	b.WriteString("; check that the browsers run and that --browser or " + EnvEndpoints + " names them")
	return b.String()
}

// Unwrap returns why each endpoint left the pool.
func (e *NoEndpointError) Unwrap() []error { return e.Errs }

// dial connects to every endpoint at once, each within the start timeout.
// Endpoints that cannot be reached are left out, with a warning; if none
// can, dial returns a *NoEndpointError.
func dial(cfg *config, filter *root, closing context.Context) (*pool, error) {
	p := &pool{cfg: cfg, filter: filter, closing: closing, ends: make([]*endpoint, len(cfg.endpoints)), changed: make(chan struct{})}
	var wg sync.WaitGroup
	for i, raw := range cfg.endpoints {
		e := &endpoint{url: raw}
		p.ends[i] = e
		wg.Go(func() { e.in, e.err = p.connect(raw) })
	}
	wg.Wait()
	if err := p.noneLeft(); err != nil {
		return nil, err
	}
	return p, nil
}

// connect connects to the endpoint raw within the start timeout.
func (p *pool) connect(raw string) (*instance, error) {
	ctx, cancel := context.WithTimeout(p.closing, p.cfg.startTimeout)
	defer cancel()
	in, err := connect(ctx, p.cfg, p.filter, raw)
	if err == nil {
		return in, nil
	}
	if errors.Is(err, context.DeadlineExceeded) {
		err = fmt.Errorf("no answer within %v: %w", p.cfg.startTimeout, err)
	}
	err = fmt.Errorf("connect: %w", err)
	p.cfg.logger.Warn("pdf: remote browser unreachable, printing without it", "browser", Redact(raw), "err", err)
	return nil, err
}

// size returns how many endpoints are in the pool, reconnecting or not.
func (p *pool) size() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	n := 0
	for _, e := range p.ends {
		if e.in != nil || e.reviving {
			n++
		}
	}
	return n
}

// take returns an endpoint and its browser, the one with the fewest
// documents in progress other than skip, and counts one more on it; the
// caller must call done. While the only endpoints left are reconnecting it
// waits for them. It returns nil if no endpoint is left or ctx ends.
func (p *pool) take(ctx context.Context, skip *endpoint) (*endpoint, *instance) {
	for {
		p.mu.Lock()
		var best *endpoint
		waiting := false
		for _, e := range p.ends {
			waiting = waiting || e.reviving
			if e.in != nil && e != skip && (best == nil || e.busy < best.busy) {
				best = e
			}
		}
		if best != nil {
			best.busy++
			in := best.in
			p.mu.Unlock()
			return best, in
		}
		changed := p.changed
		p.mu.Unlock()
		if !waiting {
			return nil, nil
		}
		select {
		case <-changed:
		case <-ctx.Done():
			return nil, nil
		}
	}
}

// done counts a document on e as finished.
func (p *pool) done(e *endpoint) {
	p.mu.Lock()
	defer p.mu.Unlock()
	e.busy--
}

// notify wakes the callers of take that wait; p.mu must be held.
func (p *pool) notify() {
	close(p.changed)
	p.changed = make(chan struct{})
}

// lose handles the loss of e's browser in while printing, because of err:
// it disconnects and connects again, once, unless in itself came from a
// reconnection and printed nothing (then the browser is gone for good) or
// broke the protocol (a *ProtocolError: it would again). A
// service that ends sessions after a while (browserless's TIMEOUT) thus
// costs a reconnection, not the endpoint. If e cannot come back it leaves
// the pool. The first document to see the loss handles it; the others
// just go elsewhere.
func (p *pool) lose(e *endpoint, in *instance, err error) {
	p.mu.Lock()
	if e.in != in {
		p.mu.Unlock()
		return // handled by another document
	}
	e.in = nil
	// A browser that broke the protocol would break it again: it leaves.
	var broke *ProtocolError
	if errors.As(in.cl.reason(), &broke) && !errors.As(err, &broke) {
		err = fmt.Errorf("%w: %w", err, broke)
	}
	revive := (!e.reconnect || in.printed.Load() > 0) && p.closing.Err() == nil && broke == nil
	e.reviving = revive
	if revive {
		p.revives.Add(1)
		defer p.revives.Done()
	} else {
		e.err = err
		p.notify()
	}
	p.mu.Unlock()
	p.cfg.logger.Warn("pdf: remote browser lost, its documents go to the others", "browser", Redact(e.url), "err", err)
	_ = in.close()
	if !revive {
		return
	}
	next, cerr := p.connect(e.url)
	p.mu.Lock()
	e.reviving = false
	if cerr == nil && p.closing.Err() != nil {
		cerr = ErrClosed
	}
	if cerr != nil {
		e.err = fmt.Errorf("%w; then %w", err, cerr)
	} else {
		e.in, e.reconnect = next, true
	}
	p.notify()
	p.mu.Unlock()
	switch {
	case cerr == nil:
		p.cfg.logger.Info("pdf: reconnected to remote browser", "browser", Redact(e.url))
	case next != nil:
		_ = next.close() // connected as the printer closed
	}
}

// noneLeft returns a *NoEndpointError if no endpoint is left, else nil.
func (p *pool) noneLeft() error {
	p.mu.Lock()
	defer p.mu.Unlock()
	e := &NoEndpointError{}
	for _, end := range p.ends {
		if end.in != nil || end.reviving {
			return nil
		}
		e.Endpoints = append(e.Endpoints, Redact(end.url))
		e.Errs = append(e.Errs, end.err)
	}
	return e
}

// close disconnects from every endpoint still in the pool, and waits for
// the reconnections under way, which the printer's closing context stops.
// A lose that takes the lock after close did sees that context cancelled
// and starts none, so Wait cannot miss one.
func (p *pool) close() error {
	var ins []*instance
	p.mu.Lock()
	for _, e := range p.ends {
		if e.in != nil {
			ins = append(ins, e.in)
		}
		e.in, e.err = nil, ErrClosed
	}
	p.mu.Unlock()
	var errs []error
	for _, in := range ins {
		errs = append(errs, in.close())
	}
	p.revives.Wait()
	return errors.Join(errs...)
}

// printRemote prints job on the pool. A document whose browser died or
// stopped answering is retried on another, or on the same one connected
// again, once (a document that takes two browsers down fails rather than
// take the whole pool); one that timed out on a browser that still
// answers is retried once on another, so one slow browser cannot fail the run.
func (p *Printer) printRemote(ctx context.Context, job Job) error {
	var skip *endpoint
	for lost := 0; ; {
		e, in := p.pool.take(ctx, skip)
		if e == nil && skip != nil {
			e, in = p.pool.take(ctx, nil) // the slow one is all that is left
		}
		if e == nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			if p.isClosed() {
				return ErrClosed
			}
			return p.pool.noneLeft()
		}
		err := p.printOn(ctx, in, job)
		p.pool.done(e)
		switch {
		case err == nil:
			in.printed.Add(1)
			return nil
		case ctx.Err() != nil || p.isClosed():
			return err
		case !in.alive():
			p.pool.lose(e, in, fmt.Errorf("lost while printing %s: %w", job.HTML, err))
			if lost++; lost == 2 {
				return fmt.Errorf("two remote browsers lost while printing it: %w", err)
			}
		case errors.Is(err, context.DeadlineExceeded) && skip == nil && p.pool.size() > 1:
			p.cfg.logger.Warn("pdf: document timed out, retrying on another browser", "browser", Redact(e.url), "html", job.HTML, "err", err)
			skip = e
		default:
			return err
		}
	}
}

// isClosed reports whether Close was called.
func (p *Printer) isClosed() bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.closed
}
