package pdf

import (
	"context"
	"fmt"
	"log/slog"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/go-rod/rod"
	"github.com/go-rod/rod/lib/proto"
)

// tab is one browser tab that prints documents one after another.
type tab struct {
	page   *rod.Page
	cancel context.CancelFunc // stops the tab's request filter
	log    *slog.Logger
	warm   bool // holds a document of the root, loaded by navigating: pages can be put into it (see put)

	mu   sync.Mutex
	seen map[string]stamp // the files under the root the tab loaded, as they were then
}

// stamp is a file's version: its size and modification time.
type stamp struct {
	size int64
	mod  time.Time
}

// stampOf returns the version of the file at path; a missing one has none.
func stampOf(path string) stamp {
	fi, err := os.Stat(path)
	if err != nil {
		return stamp{size: -1}
	}
	return stamp{fi.Size(), fi.ModTime()}
}

// loaded records that the tab loaded the file at path.
func (t *tab) loaded(path string) {
	st := stampOf(path)
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.seen == nil {
		t.seen = map[string]stamp{}
	}
	t.seen[path] = st
}

// changed reports whether a file the tab loaded changed since: the
// browser's memory cache would hand a page put into the tab the old one.
func (t *tab) changed() bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	for path, st := range t.seen {
		if stampOf(path) != st {
			return true
		}
	}
	return false
}

// holds reports whether the tab's document loaded each of the files at
// paths, as they are now.
func (t *tab) holds(paths []string) bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	for _, path := range paths {
		if st, ok := t.seen[path]; !ok || st != stampOf(path) {
			return false
		}
	}
	return true
}

// styleSheets returns the absolute paths of the stylesheets job's page
// links, as the request filter names the files it serves.
func styleSheets(job Job) []string {
	src := job.Page
	if src == nil {
		src, _ = os.ReadFile(job.HTML) // put reports the error
	}
	dir, err := filepath.Abs(filepath.Dir(job.HTML))
	if err != nil {
		return nil
	}
	var out []string
	for _, ref := range scanPage(src).refs {
		ref, _, _ = strings.Cut(strings.TrimSpace(ref), "#")
		ref, _, _ = strings.Cut(ref, "?")
		if path.Ext(ref) == ".css" && !strings.Contains(ref, ":") && !strings.HasPrefix(ref, "/") {
			out = append(out, filepath.Join(dir, filepath.FromSlash(ref)))
		}
	}
	return out
}

// forget forgets the files the tab loaded, before it navigates.
func (t *tab) forget() {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.seen = nil
}

// acquire takes a tab from the pool, opening one if none is idle.
func (in *instance) acquire(ctx context.Context) (*tab, error) {
	select {
	case in.slots <- struct{}{}:
	case <-ctx.Done():
		return nil, ctx.Err()
	case <-in.exited:
		return nil, fmt.Errorf("%s exited", in.name)
	}
	select {
	case t := <-in.idle:
		return t, nil
	default:
	}
	t, err := in.open(ctx)
	if err != nil {
		<-in.slots
		return nil, fmt.Errorf("open tab: %w", err)
	}
	return t, nil
}

// release returns t to the pool, or closes it if its last document failed.
func (in *instance) release(t *tab, ok bool) {
	if ok {
		select {
		case in.idle <- t:
			<-in.slots
			return
		default:
		}
	}
	t.close(in)
	<-in.slots
}

// open creates a tab whose requests all pass the root filter.
func (in *instance) open(ctx context.Context) (*tab, error) {
	page, err := in.browser.Context(ctx).Page(proto.TargetCreateTarget{})
	if err != nil {
		return nil, err
	}
	tctx, cancel := context.WithCancel(in.ctx)
	t := &tab{page: page, cancel: cancel, log: in.log}

	// Subscribe before enabling interception so no paused request is missed.
	// Subscribing enables the Fetch domain on tctx, which has no deadline:
	// ctx's end cancels it meanwhile.
	events := page.Context(tctx)
	stop := context.AfterFunc(ctx, cancel)
	wait := events.EachEvent(func(e *proto.FetchRequestPaused) {
		if path := in.route(events, e); path != "" {
			t.loaded(path)
		}
	})
	go wait()
	if !stop() {
		t.close(in)
		return nil, ctx.Err()
	}

	p := page.Context(ctx)
	setup := []proto.Request{
		proto.FetchEnable{Patterns: []*proto.FetchRequestPattern{{URLPattern: "*"}}},
		proto.EmulationSetEmulatedMedia{Media: "print"},
		proto.EmulationSetScriptExecutionDisabled{Value: !in.scripts},
	}
	for _, req := range setup {
		if _, err := p.Call(ctx, string(p.SessionID), req.ProtoReq(), req); err != nil {
			t.close(in)
			return nil, fmt.Errorf("%s: %w", req.ProtoReq(), err)
		}
	}
	return t, nil
}

// route decides a paused request with the root filter: a file under the
// root is let through to a local browser, or answered from the disk for a
// remote one; data:, blob: and about: URLs pass; everything else fails.
// It returns the file under the root the request was for, if any.
func (in *instance) route(p *rod.Page, e *proto.FetchRequestPaused) string {
	if in.hook != nil {
		in.hook(in.name, e.Request.URL)
	}
	path, ours := in.filter.file(e.Request.URL)
	switch {
	case ours && in.remote:
		code := serve(p, e, path)
		in.log.Debug("pdf: served", "url", e.Request.URL, "status", code)
		return path
	case ours:
		_ = proto.FetchContinueRequest{RequestID: e.RequestID}.Call(p)
		return path
	case inBrowser(e.Request.URL):
		_ = proto.FetchContinueRequest{RequestID: e.RequestID}.Call(p)
		return ""
	}
	u := e.Request.URL
	if len(u) > 200 {
		u = u[:200] + "…"
	}
	in.log.Warn("pdf: blocked request", "url", u, "type", e.ResourceType)
	_ = proto.FetchFailRequest{RequestID: e.RequestID, ErrorReason: proto.NetworkErrorReasonBlockedByClient}.Call(p)
	return ""
}

// close stops the tab's filter and closes the tab.
func (t *tab) close(in *instance) {
	t.cancel()
	ctx, cancel := context.WithTimeout(in.ctx, min(in.ping, 2*time.Second))
	defer cancel()
	_, _ = proto.TargetCloseTarget{TargetID: t.page.TargetID}.Call(in.browser.Context(ctx))
}
