package pdf

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"
)

// maxLaunches bounds how often one document may start a browser.
const maxLaunches = 3

// Printer prints HTML files to PDF with one headless browser. Its methods
// may be called from several goroutines.
type Printer struct {
	cfg    config
	filter *root

	// gate is held for reading while a document prints and for writing
	// while the browser is replaced, so a restart waits for those in flight.
	gate sync.RWMutex

	pool *pool // the remote browsers, if WithEndpoints gave any; then cur is unused

	mu        sync.Mutex // guards the fields below
	cur       *instance
	closed    bool
	closing   context.Context // cancelled by Close, which stops launches in progress
	stop      context.CancelFunc
	launching sync.WaitGroup
}

// New checks the options, finds the browser and starts it, or connects to
// the remote browsers WithEndpoints names. It is NewContext without a
// context: only the start timeout bounds it.
func New(opts ...Option) (*Printer, error) {
	return NewContext(context.Background(), opts...)
}

// NewContext is New, also bounded by ctx: when ctx ends while the browser
// starts or the remote browsers are connected to, it stops them and
// returns ctx's error. Once NewContext has returned, ctx no longer matters:
// the printer lives until Close.
func NewContext(ctx context.Context, opts ...Option) (*Printer, error) {
	cfg := defaultConfig()
	for _, opt := range opts {
		opt(&cfg)
	}
	switch {
	case cfg.root == "":
		return nil, errors.New("pdf: no root directory: use WithRoot")
	case cfg.timeout <= 0:
		return nil, fmt.Errorf("pdf: timeout %v is not positive", cfg.timeout)
	case cfg.startTimeout <= 0:
		return nil, fmt.Errorf("pdf: start timeout %v is not positive", cfg.startTimeout)
	case cfg.pages < 1:
		return nil, fmt.Errorf("pdf: %d pages: need at least 1", cfg.pages)
	case cfg.restartEvery < 0:
		return nil, fmt.Errorf("pdf: restart every %d documents: must not be negative", cfg.restartEvery)
	}
	for _, u := range cfg.endpoints {
		if err := CheckEndpoint(u); err != nil {
			return nil, fmt.Errorf("pdf: remote browser: %w", err)
		}
	}
	filter, err := newRoot(cfg.root)
	if err != nil {
		return nil, fmt.Errorf("pdf: root: %w", err)
	}
	filter.served = len(cfg.endpoints) > 0
	switch {
	case filter.served:
	case cfg.browser == "":
		cfg.browser, err = FindBrowser("")
	default:
		cfg.browser, err = checkBrowser(cfg.browser, cfg.browserFrom)
	}
	if err != nil {
		return nil, err
	}
	if cfg.footerFamily != "" {
		if cfg.footerFamily, err = cssFamily(cfg.footerFamily); err != nil {
			return nil, fmt.Errorf("pdf: footer font: %w", err)
		}
	}
	if cfg.footerCSS != "" {
		if cfg.footerCSS, err = fontFaceCSS(cfg.footerCSS, filter); err != nil {
			return nil, fmt.Errorf("pdf: footer font: %w", err)
		}
	}
	p := &Printer{cfg: cfg, filter: filter}
	p.closing, p.stop = context.WithCancel(context.Background())
	detach := context.AfterFunc(ctx, p.stop) // ends the start, not the printer: see the end
	if filter.served {
		p.pool, err = dial(&p.cfg, filter, p.closing)
	} else {
		err = p.replace(context.Background(), nil)
	}
	if !detach() || err != nil {
		_ = p.Close()
		if ctx.Err() != nil {
			return nil, fmt.Errorf("pdf: start: %w", ctx.Err())
		}
		if filter.served {
			err = fmt.Errorf("pdf: %w", err)
		}
		return nil, err
	}
	return p, nil
}

// PID returns the process id of the current browser, or 0 if none runs
// or the browsers are remote.
func (p *Printer) PID() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.cur == nil {
		return 0
	}
	return p.cur.pid
}

// Print prints one document within the printer's per-document timeout. If
// the browser dies meanwhile, it is restarted and the document retried once.
func (p *Printer) Print(ctx context.Context, job Job) error {
	if err := job.check(p.filter); err != nil {
		return fmt.Errorf("pdf: job %s: %w", job.HTML, err)
	}
	run := p.print
	if p.pool != nil {
		run = p.printRemote
	}
	if err := run(ctx, job); err != nil {
		if ctx.Err() != nil {
			err = ctx.Err()
		}
		return fmt.Errorf("pdf: print %s: %w", job.HTML, err)
	}
	return nil
}

// PrintAll prints jobs with as many tabs as WithPages allows, on each
// remote browser if there are several, and calls
// progress, if not nil, after each document. It stops at the first error
// and returns it; when ctx is cancelled it returns promptly.
func (p *Printer) PrintAll(ctx context.Context, jobs []Job, progress func(done, total int)) error {
	if err := checkAll(jobs, p.filter); err != nil {
		return err
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	var (
		mu       sync.Mutex
		done     int
		firstErr error
		wg       sync.WaitGroup
		next     = make(chan Job)
	)
	for range min(p.cfg.pages*p.width(), len(jobs)) {
		wg.Go(func() {
			for job := range next {
				if err := p.Print(ctx, job); err != nil {
					mu.Lock()
					if firstErr == nil {
						firstErr = err
					}
					mu.Unlock()
					cancel()
					continue
				}
				mu.Lock()
				done++
				if progress != nil {
					progress(done, len(jobs))
				}
				mu.Unlock()
			}
		})
	}
feed:
	for _, job := range jobs {
		select {
		case next <- job:
		case <-ctx.Done():
			break feed
		}
	}
	close(next)
	wg.Wait()
	if firstErr != nil {
		return firstErr
	}
	return ctx.Err()
}

// Close kills the browser and its whole process tree and removes its
// temporary directory, or closes the printer's tabs on the remote browsers
// and disconnects from them. Documents still printing fail. Close may be called
// more than once.
func (p *Printer) Close() error {
	p.mu.Lock()
	if p.closed {
		p.mu.Unlock()
		return nil
	}
	p.closed = true
	p.stop()
	in := p.cur
	p.cur = nil
	p.mu.Unlock()

	var err error
	if in != nil {
		err = in.close()
	}
	if p.pool != nil {
		err = p.pool.close()
	}
	p.launching.Wait() // a browser started meanwhile is closed by replace
	return err
}

// width returns how many browsers print: the remote ones left, or one.
func (p *Printer) width() int {
	if p.pool != nil {
		return max(p.pool.size(), 1)
	}
	return 1
}

// print prints job, retrying once on a fresh browser if the browser died.
func (p *Printer) print(ctx context.Context, job Job) error {
	for attempt := 1; ; attempt++ {
		in, err := p.current(ctx)
		if err != nil {
			return err
		}
		err = p.printOn(ctx, in, job)
		crashed := err != nil && ctx.Err() == nil && !in.alive()
		p.gate.RUnlock()
		switch {
		case err == nil:
			if n := p.cfg.restartEvery; n > 0 && in.printed.Add(1) >= int64(n) {
				in.retire.Store(true)
			}
			return nil
		case crashed && attempt == 1:
			p.cfg.logger.Warn("pdf: browser died, retrying on a new one", "pid", in.pid, "html", job.HTML, "err", err)
			continue
		case crashed:
			return fmt.Errorf("browser died again: %w", err)
		}
		return err
	}
}

// printOn prints job on browser in within the per-document timeout.
func (p *Printer) printOn(ctx context.Context, in *instance, job Job) error {
	timeout := p.cfg.timeout
	var cancel context.CancelFunc
	if p.cfg.deadline != nil {
		ctx, cancel = p.cfg.deadline(ctx, in.name)
	} else {
		ctx, cancel = context.WithTimeout(ctx, timeout)
	}
	defer cancel()
	queued := time.Now()
	t, err := in.acquire(ctx)
	if err == nil {
		if p.cfg.onPrint != nil {
			p.cfg.onPrint(ctx, in.name, job)
		}
		start := time.Now()
		err = t.render(ctx, job, p.filter.url(job.HTML), p.cfg.footerCSS, p.cfg.footerFamily, !p.cfg.navigate)
		in.release(t, err == nil)
		// For bench/pdfpoolstat: which browser printed what, when, and how long it waited for a tab.
		in.log.Debug("pdf: printed", "html", job.HTML, "start", start, "took", time.Since(start), "waited", start.Sub(queued), "ok", err == nil)
	}
	switch {
	case err == nil || !errors.Is(ctx.Err(), context.DeadlineExceeded):
	case errors.Is(err, context.DeadlineExceeded):
		err = fmt.Errorf("timed out after %v: %w", timeout, err)
	default:
		// Whatever failed once the deadline passed failed because of it.
		err = fmt.Errorf("timed out after %v: %w: %w", timeout, ctx.Err(), err)
	}
	return err
}

// current returns a usable browser, starting one if needed, with p.gate
// held for reading; the caller must release it.
func (p *Printer) current(ctx context.Context) (*instance, error) {
	for range maxLaunches {
		p.gate.RLock()
		p.mu.Lock()
		in, closed := p.cur, p.closed
		p.mu.Unlock()
		if closed {
			p.gate.RUnlock()
			return nil, ErrClosed
		}
		if in != nil && in.usable() {
			return in, nil
		}
		p.gate.RUnlock()
		if err := p.replace(ctx, in); err != nil {
			return nil, err
		}
	}
	return nil, fmt.Errorf("pdf: browser unusable after %d starts", maxLaunches)
}

// replace closes old, if it is still the current browser, and starts a new
// one. It waits for documents in flight on old.
func (p *Printer) replace(ctx context.Context, old *instance) error {
	p.gate.Lock()
	defer p.gate.Unlock()

	p.mu.Lock()
	if p.closed {
		p.mu.Unlock()
		return ErrClosed
	}
	if p.cur != old {
		p.mu.Unlock()
		return nil // replaced meanwhile
	}
	p.cur = nil
	p.launching.Add(1)
	defer p.launching.Done()
	p.mu.Unlock()

	if old != nil {
		if err := old.close(); err != nil {
			p.cfg.logger.Warn("pdf: closing old browser", "pid", old.pid, "err", err)
		}
		p.cfg.logger.Info("pdf: restarting browser", "old_pid", old.pid, "printed", old.printed.Load())
	}

	ctx, cancel := context.WithTimeout(ctx, p.cfg.startTimeout)
	defer cancel()
	defer context.AfterFunc(p.closing, cancel)()
	in, err := launch(ctx, &p.cfg, p.filter)
	if err != nil {
		return err
	}

	p.mu.Lock()
	defer p.mu.Unlock()
	if p.closed {
		_ = in.close()
		return ErrClosed
	}
	p.cur = in
	return nil
}
