package site

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/basis-privacy/basis/generator/load"
)

// settled resolves once the page's web fonts are loaded and two frames have
// been laid out since, so that a measurement sees the page a reader sees.
const settled = `() => document.fonts.ready.then(() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => r(true)))))`

// printLayout checks a page laid out as printed, at the width of the A4
// text block (210 mm less two 18 mm margins): no table is wider than the
// text block, no citation in a checklist's Reference column is broken
// inside a word, and a citation of Law No. 91/2025/QH15 takes at most four
// lines. It returns what is wrong, one line each.
const printLayout = `() => {
		const bad = [], right = document.body.getBoundingClientRect().right + 1;
		for (const el of document.querySelectorAll('table, .table-wrap')) {
			const r = el.getBoundingClientRect();
			if (r.right > right || el.scrollWidth > el.clientWidth + 1)
				bad.push('table wider than the text block: ' + (el.querySelector('caption')?.textContent || el.className) + ' ends at ' + Math.round(r.right) + 'px of ' + Math.round(right));
		}
		for (const td of document.querySelectorAll('table.items td:last-child')) {
			const walker = document.createTreeWalker(td, NodeFilter.SHOW_TEXT);
			for (let n = walker.nextNode(); n; n = walker.nextNode()) {
				for (const m of n.data.matchAll(/\S+/g)) {
					const range = document.createRange();
					range.setStart(n, m.index); range.setEnd(n, m.index + m[0].length);
					const tops = new Set([...range.getClientRects()].map(r => Math.round(r.top)));
					if (tops.size > 1) bad.push('citation broken over ' + tops.size + ' lines: ' + m[0] + ' in ' + td.textContent);
				}
				// A citation of Law No. 91/2025/QH15 takes at most four lines.
				for (const m of n.data.matchAll(/[^;]*91\/2025\/QH15[^;]*/g)) {
					const range = document.createRange();
					range.setStart(n, m.index); range.setEnd(n, m.index + m[0].length);
					const tops = new Set([...range.getClientRects()].map(r => Math.round(r.top)));
					if (tops.size > 4) bad.push('"' + m[0].trim() + '" wraps over ' + tops.size + ' lines');
				}
			}
		}
		// A label (dt) breaks a word only where a soft hyphen allows it:
		// no "Datenschutzbeauftragte / r" in a narrow column.
		// The line a character is on: its range's last box (a character
		// that starts a line also reports an empty box at the end of the
		// line before).
		const top = (n, i) => { const r = document.createRange(); r.setStart(n, i); r.setEnd(n, i + 1); const bs = r.getClientRects(); return Math.round(bs[bs.length - 1].top); };
		for (const dt of document.querySelectorAll('dt')) {
			const walker = document.createTreeWalker(dt, NodeFilter.SHOW_TEXT);
			for (let n = walker.nextNode(); n; n = walker.nextNode()) {
				for (const m of n.data.matchAll(/[^\s\u00ad]+/g)) {
					if (top(n, m.index) != top(n, m.index + m[0].length - 1)) bad.push('label word broken over two lines: ' + m[0] + ' (label ' + Math.round(dt.getBoundingClientRect().width) + ' px wide, ' + getComputedStyle(dt).fontSize + ')');
				}
			}
		}
		return bad;
	}`

// phoneLayout checks a page on a 390 px wide phone: nothing is wider than
// the screen, no table must be scrolled sideways, a visible table caption
// spans its table, and the links of each navigation list sit in even
// columns. It returns what is wrong, one line each.
const phoneLayout = `() => {
		const bad = [];
		if (document.documentElement.scrollWidth > 390) {
			const wide = [...document.body.querySelectorAll('*')].filter(e => e.getBoundingClientRect().right > 391 && ![...e.children].some(c => c.getBoundingClientRect().right > 391));
			bad.push('the page is ' + document.documentElement.scrollWidth + 'px wide: ' + wide.slice(0, 3).map(e => e.tagName.toLowerCase() + '.' + e.className + ' "' + e.textContent.slice(0, 40) + '"').join('; '));
		}
		for (const w of document.querySelectorAll('.table-wrap')) {
			if (w.scrollWidth > w.clientWidth + 1) bad.push('table "' + (w.querySelector('caption')?.textContent || '') + '" must be scrolled sideways: ' + w.scrollWidth + 'px in ' + w.clientWidth + 'px');
		}
		for (const c of document.querySelectorAll('caption:not(.sr-only)')) {
			const w = c.getBoundingClientRect().width, tw = c.closest('table').parentElement.getBoundingClientRect().width;
			if (w < 0.9 * tw) bad.push('caption "' + c.textContent + '" is ' + Math.round(w) + 'px wide, its table ' + Math.round(tw) + 'px');
		}
		for (const ul of document.querySelectorAll('header.site nav ul')) {
			const widths = new Set([...ul.children].map(li => Math.round(li.getBoundingClientRect().width)));
			if (widths.size > 1) bad.push('navigation "' + ul.parentElement.getAttribute('aria-label') + '" has items of widths ' + [...widths].join(', '));
		}
		return bad;
	}`

// TestChecklistPages prints the checklist of the example with the most
// campaigns: each campaign takes at most two pages.
func TestChecklistPages(t *testing.T) {
	t.Parallel()
	bin := browser(t)
	poppler(t, "pdfinfo")
	content := writeContent(t, map[string]string{"baeckerei-schmidt": example(t, "baeckerei-schmidt")})
	dir := t.TempDir()
	o := opts(content, filepath.Join(dir, "public"))
	o.PDF, o.Chrome = true, bin
	// Only the checklists are printed: the test reads no other PDF (they
	// are the same pages but for the header's links to the other
	// documents, which print leaves out).
	o.Project = load.DefaultProject()
	o.Project.Public.Documents, o.Project.Internal.Documents = nil, []string{load.DocChecklist}
	if _, err := Build(context.Background(), o); err != nil {
		t.Fatal(err)
	}
	src, err := os.ReadFile(filepath.Join(content, "baeckerei-schmidt", "company.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	_, after, _ := strings.Cut(string(src), "\ncampaigns:\n")
	campaigns := strings.Count(after, "\n  - id: ") + strings.Count(after[:min(len(after), 8)], "  - id: ")
	for _, l := range []string{"de", "en"} {
		f := filepath.Join(o.Out, "baeckerei-schmidt", l, "checklist.pdf")
		info, err := exec.Command("pdfinfo", f).Output()
		if err != nil {
			t.Fatal(err)
		}
		_, n, _ := strings.Cut(string(info), "Pages:")
		pages, _ := strconv.Atoi(strings.Fields(n)[0])
		if pages > 2*campaigns {
			t.Errorf("%s: %d pages for %d campaigns, want at most %d", l, pages, campaigns, 2*campaigns)
		}
	}
}
