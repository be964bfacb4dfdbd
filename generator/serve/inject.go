package serve

import (
	"bytes"
	"encoding/json"
	"html"
	"strings"
)

// liveScript is the inline script written into served pages. It reads the
// version of the build the page came from (%s, a JSON string), listens for
// "state" events, reloads when a newer build is good, and shows the errors
// of a failed build in an overlay, as text, until the input is fixed.
const liveScript = `<script id="basis-live">(function () {
  var built = %s;
  var overlay = document.getElementById("basis-overlay");
  function show(errors) {
    if (!overlay) {
      overlay = document.createElement("div");
      overlay.id = "basis-overlay";
      overlay.setAttribute("role", "alert");
      overlay.setAttribute("style", "` + overlayStyle + `");
      document.body.appendChild(overlay);
    }
    var head = document.createElement("strong");
    head.textContent = "` + overlayHead + `";
    var list = document.createElement("pre");
    list.textContent = errors.join("\n");
    overlay.replaceChildren(head, list);
  }
  function hide() {
    if (overlay) { overlay.remove(); overlay = null; }
  }
  if (!window.EventSource) return;
  var events = new EventSource("` + EventsPath + `");
  events.addEventListener("state", function (e) {
    var s = JSON.parse(e.data);
    if (s.errors && s.errors.length) show(s.errors);
    else if (s.version !== built) location.reload();
    else hide();
  });
})();</script>
`

const (
	overlayStyle = "position:fixed;inset:auto 0 0 0;max-height:70vh;overflow:auto;z-index:2147483647;" +
		"margin:0;padding:1em 1.5em;background:#fff5f5;color:#600;border-top:4px solid #c00;" +
		"font:14px/1.5 ui-monospace,monospace;box-shadow:0 -4px 16px rgba(0,0,0,.25)"
	overlayHead = "Basis: the last edit broke the build; these are the last good pages. Fix the input and the page reloads."
)

// Inject writes the live script, and while st has errors the overlay with
// them, into an HTML page before its closing body tag (at its end if it
// has none). Every error is HTML-escaped.
func Inject(page []byte, st State) []byte {
	ver, _ := json.Marshal(st.Version) // escapes <, > and & as \u003c...
	var add strings.Builder
	if len(st.Errors) > 0 {
		add.WriteString(`<div id="basis-overlay" role="alert" style="` + overlayStyle + `"><strong>` + overlayHead + `</strong><pre>`)
		for i, e := range st.Errors {
			if i > 0 {
				add.WriteString("\n")
			}
			add.WriteString(escape(e))
		}
		add.WriteString("</pre></div>\n")
	}
	add.WriteString(strings.Replace(liveScript, "%s", string(ver), 1))
	i := bytes.LastIndex(page, []byte("</body>"))
	if i < 0 {
		i = bytes.LastIndex(bytes.ToLower(page), []byte("</body>")) // rare: upper or mixed case
	}
	if i < 0 {
		i = len(page)
	}
	out := make([]byte, 0, len(page)+add.Len())
	out = append(out, page[:i]...)
	out = append(out, add.String()...)
	return append(out, page[i:]...)
}

func escape(s string) string { return html.EscapeString(s) }
