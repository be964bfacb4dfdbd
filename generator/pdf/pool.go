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
	url  string    // as given
	in   *instance // nil once it left the pool
	busy int       // documents in progress on it
	err  error     // why it left the pool
}

// pool is the set of remote browsers a Printer prints on.
type pool struct {
	mu   sync.Mutex
	ends []*endpoint
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
	p := &pool{ends: make([]*endpoint, len(cfg.endpoints))}
	var wg sync.WaitGroup
	for i, raw := range cfg.endpoints {
		e := &endpoint{url: raw}
		p.ends[i] = e
		wg.Go(func() {
			ctx, cancel := context.WithTimeout(closing, cfg.startTimeout)
			defer cancel()
			if e.in, e.err = connect(ctx, cfg, filter, raw); e.err != nil {
				if errors.Is(e.err, context.DeadlineExceeded) {
					e.err = fmt.Errorf("no answer within %v: %w", cfg.startTimeout, e.err)
				}
				e.err = fmt.Errorf("connect: %w", e.err)
				cfg.logger.Warn("pdf: remote browser unreachable, printing without it", "browser", Redact(raw), "err", e.err)
			}
		})
	}
	wg.Wait()
	if err := p.noneLeft(); err != nil {
		return nil, err
	}
	return p, nil
}

// size returns how many endpoints are still in the pool.
func (p *pool) size() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	n := 0
	for _, e := range p.ends {
		if e.in != nil {
			n++
		}
	}
	return n
}

// take returns the endpoint with the fewest documents in progress, other
// than skip, and counts one more on it; the caller must call done. It
// returns nil if no endpoint is left.
func (p *pool) take(skip *endpoint) *endpoint {
	p.mu.Lock()
	defer p.mu.Unlock()
	var best *endpoint
	for _, e := range p.ends {
		if e.in != nil && e != skip && (best == nil || e.busy < best.busy) {
			best = e
		}
	}
	if best != nil {
		best.busy++
	}
	return best
}

// done counts a document on e as finished.
func (p *pool) done(e *endpoint) {
	p.mu.Lock()
	defer p.mu.Unlock()
	e.busy--
}

// drop takes e out of the pool because of err and disconnects from it.
// It reports whether e was still in the pool.
func (p *pool) drop(e *endpoint, err error) bool {
	p.mu.Lock()
	in := e.in
	e.in = nil
	if in != nil {
		e.err = err
	}
	p.mu.Unlock()
	if in != nil {
		_ = in.close()
	}
	return in != nil
}

// noneLeft returns a *NoEndpointError if no endpoint is left, else nil.
func (p *pool) noneLeft() error {
	p.mu.Lock()
	defer p.mu.Unlock()
	e := &NoEndpointError{}
	for _, end := range p.ends {
		if end.in != nil {
			return nil
		}
		e.Endpoints = append(e.Endpoints, Redact(end.url))
		e.Errs = append(e.Errs, end.err)
	}
	return e
}

// close disconnects from every endpoint still in the pool.
func (p *pool) close() error {
	var errs []error
	for _, e := range p.ends {
		p.mu.Lock()
		in := e.in
		e.in, e.err = nil, ErrClosed
		p.mu.Unlock()
		if in != nil {
			errs = append(errs, in.close())
		}
	}
	return errors.Join(errs...)
}

// printRemote prints job on the pool. A document whose browser died or
// stopped answering is retried on another, once (a document that takes two
// browsers down fails rather than take the whole pool); one that timed out
// on a browser that still answers is retried once on another, so one slow
// browser cannot fail the run.
func (p *Printer) printRemote(ctx context.Context, job Job) error {
	var skip *endpoint
	for lost := 0; ; {
		e := p.pool.take(skip)
		if e == nil && skip != nil {
			e = p.pool.take(nil) // the slow one is all that is left
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
		in := p.pool.instance(e)
		if in == nil { // it left the pool since take
			p.pool.done(e)
			continue
		}
		err := p.printOn(ctx, in, job)
		p.pool.done(e)
		switch {
		case err == nil || ctx.Err() != nil || p.isClosed():
			return err
		case !in.alive():
			if p.pool.drop(e, fmt.Errorf("lost while printing %s: %w", job.HTML, err)) {
				p.cfg.logger.Warn("pdf: remote browser lost, its documents go to the others", "browser", Redact(e.url), "html", job.HTML, "err", err)
			}
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

// instance returns e's browser, or nil if e left the pool.
func (p *pool) instance(e *endpoint) *instance {
	p.mu.Lock()
	defer p.mu.Unlock()
	return e.in
}

// isClosed reports whether Close was called.
func (p *Printer) isClosed() bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.closed
}
