package serve

import (
	"encoding/json"
	"fmt"
	"net/http"
	"time"
)

// serveEvents streams the state as server-sent events: the current state
// at once, then every change, as events named "state" with JSON data.
func (s *Server) serveEvents(w http.ResponseWriter, r *http.Request) {
	rc := http.NewResponseController(w)
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("X-Accel-Buffering", "no")
	ch := make(chan State, 1)
	s.stateMu.Lock()
	select {
	case <-s.closed:
		s.stateMu.Unlock()
		http.Error(w, "server closing", http.StatusServiceUnavailable)
		return
	default:
	}
	s.subs[ch] = struct{}{}
	ch <- s.state
	s.stateMu.Unlock()
	defer func() {
		s.stateMu.Lock()
		delete(s.subs, ch)
		s.stateMu.Unlock()
	}()
	w.WriteHeader(http.StatusOK)
	// A reconnecting browser waits a second, not the default three.
	if _, err := fmt.Fprint(w, "retry: 1000\n\n"); err != nil {
		return
	}
	ping := time.NewTicker(s.cfg.keepAlive)
	defer ping.Stop()
	for {
		select {
		case <-r.Context().Done():
			return
		case <-s.closed:
			return
		case st := <-ch:
			b, _ := json.Marshal(st)
			if _, err := fmt.Fprintf(w, "event: state\ndata: %s\n\n", b); err != nil {
				return
			}
		case <-ping.C:
			if _, err := fmt.Fprint(w, ": ping\n\n"); err != nil {
				return
			}
		}
		if err := rc.Flush(); err != nil {
			return
		}
	}
}

// serveStatus answers with the current state as JSON.
func (s *Server) serveStatus(w http.ResponseWriter, _ *http.Request) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	_ = json.NewEncoder(w).Encode(s.State())
}
