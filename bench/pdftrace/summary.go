package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"sort"
	"strings"
)

// event is one trace event, with the fields this program reads.
type event struct {
	Name string          `json:"name"`
	Cat  string          `json:"cat"`
	Ph   string          `json:"ph"`
	Pid  int             `json:"pid"`
	Tid  int             `json:"tid"`
	Ts   float64         `json:"ts"`
	Dur  float64         `json:"dur"`
	Tts  *float64        `json:"tts"`
	Tdur *float64        `json:"tdur"`
	Args json.RawMessage `json:"args"`
}

// span is an event with a duration and a thread time, on one thread.
type span struct {
	name, cat     string
	start, end    float64 // wall clock, µs
	thread, child float64 // thread time, µs: its own and that of the spans nested in it
}

// summary is a trace's thread time (ms), by process and kind of work and
// by process and event name.
type summary struct {
	byKind map[[2]string]float64 // {process, kind}
	byName map[[2]string]float64 // {process, event name}
	total  map[string]float64    // process
}

type threadKey struct{ pid, tid int }

// summarize reads a trace file and sums each span's own thread time.
func summarize(file string) (*summary, error) {
	f, err := os.Open(file)
	if err != nil {
		return nil, err
	}
	defer func() { _ = f.Close() }()
	spans := map[threadKey][]*span{}
	open := map[threadKey][]*event{}
	procName := map[int]string{}
	err = eachEvent(bufio.NewReaderSize(f, 1<<20), func(e *event) {
		k := threadKey{e.Pid, e.Tid}
		switch e.Ph {
		case "M":
			if e.Name == "process_name" {
				var a struct{ Name string }
				_ = json.Unmarshal(e.Args, &a)
				procName[e.Pid] = a.Name
			}
		case "X":
			if e.Tdur != nil {
				spans[k] = append(spans[k], &span{name: e.Name, cat: e.Cat, start: e.Ts, end: e.Ts + e.Dur, thread: *e.Tdur})
			}
		case "B":
			c := *e
			open[k] = append(open[k], &c)
		case "E":
			st := open[k]
			if len(st) == 0 {
				return
			}
			b := st[len(st)-1]
			open[k] = st[:len(st)-1]
			if b.Tts != nil && e.Tts != nil {
				spans[k] = append(spans[k], &span{name: b.Name, cat: b.Cat, start: b.Ts, end: e.Ts, thread: *e.Tts - *b.Tts})
			}
		}
	})
	if err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	s := &summary{byKind: map[[2]string]float64{}, byName: map[[2]string]float64{}, total: map[string]float64{}}
	for k, list := range spans {
		proc := procName[k.pid]
		if proc == "" {
			proc = fmt.Sprintf("process %d", k.pid)
		}
		nest(list)
		for _, sp := range list {
			self := max(sp.thread-sp.child, 0) / 1000
			s.byKind[[2]string{proc, kind(proc, sp.name)}] += self
			s.byName[[2]string{proc, sp.name}] += self
			s.total[proc] += self
		}
	}
	return s, nil
}

// nest finds, for each span of one thread, the thread time of the spans
// directly nested in it.
func nest(list []*span) {
	sort.SliceStable(list, func(i, j int) bool {
		if list[i].start != list[j].start {
			return list[i].start < list[j].start
		}
		return list[i].end > list[j].end
	})
	var stack []*span
	for _, sp := range list {
		for len(stack) > 0 && !(sp.start >= stack[len(stack)-1].start && sp.end <= stack[len(stack)-1].end) {
			stack = stack[:len(stack)-1]
		}
		if len(stack) > 0 {
			stack[len(stack)-1].child += sp.thread
		}
		stack = append(stack, sp)
	}
}

// eachEvent calls fn with each event of a trace in the JSON object format
// ({"traceEvents": [...], ...}) or the array format, one at a time.
func eachEvent(r *bufio.Reader, fn func(*event)) error {
	dec := json.NewDecoder(r)
	tok, err := dec.Token()
	if err != nil {
		return err
	}
	if tok == json.Delim('{') {
		for {
			tok, err = dec.Token()
			if err != nil {
				return err
			}
			if key, _ := tok.(string); key == "traceEvents" {
				if tok, err = dec.Token(); err != nil {
					return err
				}
				break
			}
			var skip json.RawMessage
			if err := dec.Decode(&skip); err != nil {
				return err
			}
		}
	}
	if tok != json.Delim('[') {
		return fmt.Errorf("not a trace: %v", tok)
	}
	for dec.More() {
		var e event
		if err := dec.Decode(&e); err != nil {
			return err
		}
		fn(&e)
	}
	return nil
}

const (
	kindPrint   = "printing (PrintToPDF, print compositor, Skia PDF)"
	kindTracing = "tracing itself (not part of printing)"
)

// kinds sorts event names into kinds of work, the first match winning:
// a name is matched by prefix, or by substring with a leading "*".
var kinds = []struct {
	kind     string
	patterns []string
}{
	{kindPrint, []string{"*Print", "*print", "*Pdf", "*PDF", "*Metafile", "*PaintPreview"}},
	{"fonts and text shaping", []string{"*Font", "*font", "*Shap", "*HarfBuzz", "*Glyph", "*OpenType"}},
	{"parse HTML", []string{"ParseHTML", "HTMLDocumentParser", "*HTMLParser", "*HTMLTokenizer", "HTMLTreeBuilder"}},
	{"stylesheets (parse, rule sets)", []string{"ParseAuthorStyleSheet", "*CSSParser", "*StyleSheet", "RuleSet::"}},
	{"style (recalc)", []string{"UpdateLayoutTree", "*RecalcStyle", "*recalcStyle", "*StyleEngine", "*UpdateStyle", "*updateStyle", "*StyleRecalc", "*StyleInvalidat", "*ScheduleStyle"}},
	{"layout", []string{"Layout", "*performLayout", "*LayoutNG", "*UpdateLayout", "*layout"}},
	{"compositing, raster and drawing for the screen (cc, viz)", []string{"Graphics.Pipeline", "*Raster", "*raster", "*SoftwareRenderer", "*DirectRenderer", "*DrawRenderPass", "*DrawQuad", "*TileManager", "UpdateLayer", "*LayerTree", "*SingleThreadProxy", "*ProxyMain", "*ProxyImpl", "cc::", "*Compositor", "*Compositing", "*PropertyTree", "*BeginFrame", "*BeginImplFrame", "*Surface", "*Display", "*Viz", "*viz", "*Gpu", "*GPU", "*SwapBuffers", "TreeSynchronizer", "*Animation", "*TileTask", "*TaskGraphRunner"}},
	{"paint", []string{"Paint", "*Paint", "PrePaint", "Layerize", "*Skia", "*Sk"}},
	{"images", []string{"*Image", "*Decode"}},
	{"V8 (scripts, evaluate, GC)", []string{"v8", "V8", "*Script", "FunctionCall", "EvaluateScript", "*GC", "MinorGC", "MajorGC", "BlinkGC", "*Oilpan", "*Microtask", "api_call", "CustomElement"}},
	{"DevTools protocol", []string{"*DevTools", "*Inspector", "*devtools"}},
	{"tabs, navigation and commit (WebContents, frames)", []string{"*Navigat", "*Commit", "WebContentsImpl", "RenderViewHost", "RenderFrameHost", "*CreateWebView", "*CreateView", "KeyedService", "Document::open", "*DocumentLoader", "*LoadingState", "*LocalFrame", "*FrameTree", "*RenderWidget", "*Document::", "*RenderFrame", "*FrameDestroyed", "*CreateContext"}},
	{"loading resources (fetch, URL loaders, cache)", []string{"*Resource", "*URLLoader", "*Fetch", "*Cache", "*Loader", "*net::", "*Http", "*HTTP"}},
	{"blocking I/O", []string{"ScopedBlockingCall"}},
	{"IPC and Mojo", []string{"*Mojo", "*mojo", "*IPC", "*Channel", "Receive ", "*Send", "*Message", "*SimpleWatcher", "EpollEvent"}},
	{"tasks (time of scheduled tasks outside named events)", []string{"ThreadControllerImpl::RunTask", "ThreadPool_RunTask", "RunTask", "*RunTask", "*ThreadController", "*SequenceManager", "TaskGraphRunner", "*active"}},
}

// kind returns the kind of work an event of a process belongs to. All of
// the print compositor's time is printing (it turns the renderer's
// pages into the PDF with Skia, inside the handlers of its Mojo
// messages); all of the tracing service's is the trace's own cost.
func kind(proc, name string) string {
	switch {
	case strings.Contains(proc, "PrintCompositor"):
		return kindPrint
	case strings.Contains(proc, "TracingService"):
		return kindTracing
	}
	for _, k := range kinds {
		for _, p := range k.patterns {
			if sub, ok := strings.CutPrefix(p, "*"); ok {
				if strings.Contains(name, sub) {
					return k.kind
				}
			} else if strings.HasPrefix(name, p) {
				return k.kind
			}
		}
	}
	return "other named events"
}
