package pdf

import (
	"context"
	"fmt"
	"time"

	"github.com/go-rod/rod"
	"github.com/go-rod/rod/lib/proto"
)

// tab is one browser tab that prints documents one after another.
type tab struct {
	page   *rod.Page
	cancel context.CancelFunc // stops the tab's request filter
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
	t := &tab{page: page, cancel: cancel}

	// Subscribe before enabling interception so no paused request is missed.
	// Subscribing enables the Fetch domain on tctx, which has no deadline:
	// ctx's end cancels it meanwhile.
	events := page.Context(tctx)
	stop := context.AfterFunc(ctx, cancel)
	wait := events.EachEvent(func(e *proto.FetchRequestPaused) { in.route(events, e) })
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
func (in *instance) route(p *rod.Page, e *proto.FetchRequestPaused) {
	if in.hook != nil {
		in.hook(in.name, e.Request.URL)
	}
	path, ours := in.filter.file(e.Request.URL)
	switch {
	case ours && in.remote:
		code := serve(p, e, path)
		in.log.Debug("pdf: served", "url", e.Request.URL, "status", code)
		return
	case ours || inBrowser(e.Request.URL):
		_ = proto.FetchContinueRequest{RequestID: e.RequestID}.Call(p)
		return
	}
	u := e.Request.URL
	if len(u) > 200 {
		u = u[:200] + "…"
	}
	in.log.Warn("pdf: blocked request", "url", u, "type", e.ResourceType)
	_ = proto.FetchFailRequest{RequestID: e.RequestID, ErrorReason: proto.NetworkErrorReasonBlockedByClient}.Call(p)
}

// close stops the tab's filter and closes the tab.
func (t *tab) close(in *instance) {
	t.cancel()
	ctx, cancel := context.WithTimeout(in.ctx, min(in.ping, 2*time.Second))
	defer cancel()
	_, _ = proto.TargetCloseTarget{TargetID: t.page.TargetID}.Call(in.browser.Context(ctx))
}
