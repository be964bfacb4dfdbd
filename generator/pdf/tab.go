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
		return nil, fmt.Errorf("browser %d exited", in.pid)
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
	events := page.Context(tctx)
	wait := events.EachEvent(func(e *proto.FetchRequestPaused) { in.route(events, e) })
	go wait()

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

// route lets a paused request continue if the root filter allows it and fails it otherwise.
func (in *instance) route(p *rod.Page, e *proto.FetchRequestPaused) {
	if in.hook != nil {
		in.hook(e.Request.URL)
	}
	if in.filter.allowsURL(e.Request.URL) {
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
	ctx, cancel := context.WithTimeout(in.ctx, 2*time.Second)
	defer cancel()
	_, _ = proto.TargetCloseTarget{TargetID: t.page.TargetID}.Call(in.browser.Context(ctx))
}
