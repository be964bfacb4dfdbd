package pdf

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"time"

	"github.com/go-rod/rod"
	"github.com/go-rod/rod/lib/launcher"
	"github.com/go-rod/rod/lib/launcher/flags"
	"github.com/go-rod/rod/lib/proto"
)

// How long cleanup waits for processes that were sent SIGKILL.
const reapTimeout = 10 * time.Second

// browserFlags are the switches every browser gets on top of rod's defaults.
// They keep Chromium from fetching anything by itself: no background
// networking, updates, sync, pings, QUIC, extensions, and host names that
// resolve to nothing.
var browserFlags = map[string][]string{
	"headless":                               nil,
	"no-sandbox":                             nil,
	"disable-gpu":                            nil,
	"disable-quic":                           nil,
	"no-first-run":                           nil,
	"no-default-browser-check":               nil,
	"disable-background-networking":          nil,
	"disable-component-update":               nil,
	"disable-sync":                           nil,
	"disable-extensions":                     nil,
	"disable-default-apps":                   nil,
	"disable-domain-reliability":             nil,
	"disable-client-side-phishing-detection": nil,
	"disable-breakpad":                       nil,
	"no-pings":                               nil,
	"metrics-recording-only":                 nil,
	"safebrowsing-disable-auto-update":       nil,
	"hide-scrollbars":                        nil,
	"mute-audio":                             nil,
	"password-store":                         {"basic"},
	"host-resolver-rules":                    {"MAP * ~NOTFOUND"},
	"disable-features": {"site-per-process", "Translate", "TranslateUI", "OptimizationHints",
		"OptimizationGuideModelDownloading", "MediaRouter", "DialMediaRouteProvider",
		"AutofillServerCommunication", "CertificateTransparencyComponentUpdater", "InterestFeedContentSuggestions"},
}

// instance is one running browser with its pool of tabs.
type instance struct {
	pid      int
	dir      string // temporary directory with the profile, removed on close
	launcher *launcher.Launcher
	browser  *rod.Browser
	ctx      context.Context // lives as long as the browser
	cancel   context.CancelFunc
	exited   chan struct{} // closed once the browser process has been reaped
	filter   *root
	log      *slog.Logger
	scripts  bool
	hook     func(browser, url string)
	ping     time.Duration // bounds commands that should be answered at once
	name     string        // "browser PID", or "browser at URL" for a remote one
	cl       *client       // the DevTools connection
	remote   bool          // the browser is remote: close disconnects rather than kills

	slots chan struct{} // one token per tab in use
	idle  chan *tab     // tabs ready for the next document

	printed atomic.Int64 // documents printed
	dead    atomic.Bool  // the browser is gone or unresponsive
	retire  atomic.Bool  // replace before the next document

	closeOnce sync.Once
	closeErr  error
}

// launch starts a browser with a fresh profile and connects to it.
func launch(ctx context.Context, cfg *config, filter *root) (*instance, error) {
	sweepStaleProfiles(cfg.logger.Info)
	dir, err := profileFolder()
	if err == nil {
		if err = markOwner(dir); err != nil {
			_ = os.RemoveAll(dir)
		}
	}
	if err != nil {
		return nil, fmt.Errorf("pdf: browser profile: %w", err)
	}
	in := newInstance(cfg, filter)
	in.dir = dir

	u, err := in.start(ctx, cfg.browser, true)
	if errors.Is(err, errLeakless) {
		cfg.logger.Warn("pdf: leakless guard unavailable, starting browser without it", "err", err)
		u, err = in.start(ctx, cfg.browser, false)
	}
	if err != nil {
		_ = in.close()
		return nil, fmt.Errorf("pdf: start %s: %w", cfg.browser, err)
	}

	if in.browser, err = in.attach(ctx, u); err != nil {
		_ = in.close()
		return nil, fmt.Errorf("pdf: connect to %s: %w", cfg.browser, err)
	}
	in.name = fmt.Sprintf("browser %d", in.pid)
	in.log = in.log.With("browser", in.name)
	cfg.logger.Info("pdf: browser started", "pid", in.pid, "browser", cfg.browser)
	return in, nil
}

// errLeakless marks a failure of rod's leakless guard rather than of the browser.
var errLeakless = errors.New("leakless guard failed")

// start runs the browser and returns its DevTools URL. With guard set, rod's
// leakless helper watches this process and kills the browser's process
// group if this process dies, even by SIGKILL.
func (in *instance) start(ctx context.Context, bin string, guard bool) (u string, err error) {
	tmp := filepath.Join(in.dir, "tmp")
	if err := os.MkdirAll(tmp, 0o700); err != nil {
		return "", err
	}
	l := launcher.New().
		Context(ctx).
		Bin(bin).
		Leakless(guard).
		UserDataDir(filepath.Join(in.dir, "profile")).
		// Everything the browser writes stays under in.dir, which close
		// removes: its temporary files (a killed browser leaves them), and
		// the config dir of its crash handlers, which detach from the
		// browser but so name in.dir in their command lines, where close
		// finds them.
		Env(append(os.Environ(), "TMPDIR="+tmp, "XDG_CONFIG_HOME="+in.dir, "XDG_CACHE_HOME="+in.dir)...)
	for name, values := range browserFlags {
		l.Set(flags.Flag(name), values...)
	}
	defer func() {
		if r := recover(); r != nil { // leakless panics if it cannot install its helper
			err = fmt.Errorf("%w: %v", errLeakless, r)
		}
	}()
	u, err = l.Launch()
	if err != nil {
		if l.PID() != 0 {
			in.pid = l.PID()
			in.launcher = l
			go in.reap()
		}
		return "", err
	}
	in.pid, in.launcher = l.PID(), l
	go in.reap()
	return u, nil
}

// reap waits for the browser to exit, then closes exited.
func (in *instance) reap() {
	in.launcher.Cleanup() // waits for the process, then removes the profile
	in.dead.Store(true)
	close(in.exited)
}

// alive reports whether the browser still answers; a browser that does not is marked dead.
func (in *instance) alive() bool {
	if in.dead.Load() {
		return false
	}
	select {
	case <-in.exited:
		return false
	default:
	}
	ctx, cancel := context.WithTimeout(in.ctx, in.ping)
	defer cancel()
	if _, err := (proto.BrowserGetVersion{}).Call(in.browser.Context(ctx)); err != nil {
		in.dead.Store(true)
		return false
	}
	return true
}

// usable reports whether new documents may start on this browser.
func (in *instance) usable() bool {
	if in.dead.Load() || in.retire.Load() {
		return false
	}
	select {
	case <-in.exited:
		return false
	default:
		return true
	}
}

// close kills the browser's whole process tree, waits for it to go and
// removes the profile. It is safe to call more than once.
func (in *instance) close() error {
	if in.remote {
		return in.disconnect()
	}
	in.closeOnce.Do(func() {
		in.dead.Store(true)
		in.cancel()
		if in.cl != nil {
			in.cl.close(nil)
		}
		pids := related(in.pid, in.dir)
		kill(in.pid)
		for _, pid := range pids {
			kill(pid)
		}
		deadline := time.Now().Add(reapTimeout)
		if in.launcher != nil {
			select {
			case <-in.exited:
			case <-time.After(reapTimeout):
				in.closeErr = fmt.Errorf("pdf: browser %d did not exit", in.pid)
			}
		}
		// Processes outside the group (started before the kill, or detached)
		// are killed again until none is left.
		for {
			left := related(in.pid, in.dir)
			if len(left) == 0 {
				break
			}
			if time.Now().After(deadline) {
				in.closeErr = errors.Join(in.closeErr, fmt.Errorf("pdf: browser processes %v did not exit", left))
				break
			}
			for _, pid := range left {
				kill(pid)
			}
			time.Sleep(20 * time.Millisecond)
		}
		if err := os.RemoveAll(in.dir); err != nil {
			in.closeErr = errors.Join(in.closeErr, fmt.Errorf("pdf: remove browser profile: %w", err))
		}
	})
	return in.closeErr
}

// newInstance returns a browser instance of cfg, not yet started or
// connected, whose tabs get their files through filter.
func newInstance(cfg *config, filter *root) *instance {
	in := &instance{
		exited:  make(chan struct{}),
		filter:  filter,
		log:     cfg.logger,
		scripts: cfg.scripts,
		hook:    cfg.onRequest,
		ping:    cfg.ping,
		slots:   make(chan struct{}, cfg.pages),
		idle:    make(chan *tab, cfg.pages),
	}
	in.ctx, in.cancel = context.WithCancel(context.Background())
	return in
}
