package serve

import (
	"bytes"
	"container/list"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"html"
	"io"
	"io/fs"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/basis-privacy/basis/generator/pdf"
)

// printTimeout bounds one on-demand print, browser start included.
const printTimeout = 2 * time.Minute

// servePDF answers a GET of rel (x.pdf) by printing x.html, from the cache
// when that HTML was printed before. It reports false, having written
// nothing, when the site has no x.html.
func (s *Server) servePDF(w http.ResponseWriter, r *http.Request, rel string) bool {
	htmlRel := strings.TrimSuffix(rel, ".pdf") + ".html"
	s.site.RLock()
	defer s.site.RUnlock()
	page, err := readInRoot(s.root, htmlRel)
	if err != nil {
		return false
	}
	s.stateMu.Lock()
	assets := s.assets
	s.stateMu.Unlock()
	sum := sha256.New()
	sum.Write([]byte(assets))
	sum.Write([]byte{0})
	sum.Write(page)
	key := hex.EncodeToString(sum.Sum(nil))
	// The site stays read-locked while printing: a rebuild must not swap
	// the HTML and its assets away under the browser.
	data, err := s.pdfs.get(key, func() ([]byte, error) { return s.print(htmlRel, key, page) })
	if err != nil {
		var nb *pdf.NoBrowserError
		code := http.StatusInternalServerError
		if errors.As(err, &nb) {
			code = http.StatusServiceUnavailable
		}
		http.Error(w, "printing "+rel+": "+err.Error(), code)
		return true
	}
	w.Header().Set("Content-Type", "application/pdf")
	w.Header().Set("ETag", `"`+key[:32]+`"`)
	http.ServeContent(w, r, path.Base(rel), time.Time{}, bytes.NewReader(data))
	return true
}

var (
	titleRE = regexp.MustCompile(`(?is)<title[^>]*>(.*?)</title>`)
	langRE  = regexp.MustCompile(`(?is)<html[^>]*\slang="([^"]*)"`)
)

// print prints the page at htmlRel with the server's printer, started now
// if this is the first PDF asked for.
func (s *Server) print(htmlRel, key string, page []byte) ([]byte, error) {
	p, dir, err := s.pdfs.printer(func() (Printer, error) { return s.cfg.newPrinter(s.root) })
	if err != nil {
		return nil, err
	}
	job := pdf.Job{
		HTML: filepath.Join(s.root, filepath.FromSlash(htmlRel)),
		Out:  filepath.Join(dir, key+".pdf"),
	}
	if m := titleRE.FindSubmatch(page); m != nil {
		job.Title = strings.TrimSpace(html.UnescapeString(string(m[1])))
	}
	if m := langRE.FindSubmatch(page); m != nil {
		job.Lang = string(m[1])
	}
	job.PageOf = s.cfg.pageOf(job.Lang)
	s.cfg.onPrint(job)
	ctx, cancel := context.WithTimeout(s.ctx, printTimeout)
	defer cancel()
	if err := p.Print(ctx, job); err != nil {
		return nil, err
	}
	defer os.Remove(job.Out)
	return os.ReadFile(job.Out)
}

// readInRoot reads the regular file rel under root, never outside it.
func readInRoot(root, rel string) ([]byte, error) {
	f, err := os.OpenInRoot(root, rel)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if st, err := f.Stat(); err != nil {
		return nil, err
	} else if !st.Mode().IsRegular() {
		return nil, fmt.Errorf("%s is not a file", rel)
	}
	return io.ReadAll(f)
}

// hashTree hashes the names and contents of the files under dir; a missing
// dir hashes to "".
func hashTree(dir string) string {
	var names []string
	_ = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && d.Type().IsRegular() {
			names = append(names, p)
		}
		return nil
	})
	if len(names) == 0 {
		return ""
	}
	sort.Strings(names)
	h := sha256.New()
	for _, n := range names {
		rel, _ := filepath.Rel(dir, n)
		fmt.Fprintf(h, "%s\x00", filepath.ToSlash(rel))
		if f, err := os.Open(n); err == nil {
			_, _ = io.Copy(h, f)
			f.Close()
		}
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil))
}

// pdfCache holds printed PDFs by key, up to a number of bytes (the oldest
// go first), prints each key once however many ask for it at the same
// time, and owns the printer and its scratch folder.
type pdfCache struct {
	limit int

	mu      sync.Mutex
	entries map[string]*entry
	order   *list.List // of keys of finished entries, oldest first
	size    int
	closed  bool

	pmu sync.Mutex // guards p and dir
	p   Printer
	dir string
}

type entry struct {
	done chan struct{}
	data []byte
	err  error
}

func newPDFCache(limit int) *pdfCache {
	return &pdfCache{limit: limit, entries: map[string]*entry{}, order: list.New()}
}

// get returns the PDF under key, calling produce if no one has yet; a
// failed produce is not kept, so the next request tries again.
func (c *pdfCache) get(key string, produce func() ([]byte, error)) ([]byte, error) {
	c.mu.Lock()
	if e, ok := c.entries[key]; ok {
		c.mu.Unlock()
		<-e.done
		return e.data, e.err
	}
	e := &entry{done: make(chan struct{})}
	c.entries[key] = e
	c.mu.Unlock()

	e.data, e.err = produce()
	c.mu.Lock()
	if e.err != nil || c.closed {
		delete(c.entries, key)
	} else {
		c.order.PushBack(key)
		c.size += len(e.data)
		for c.size > c.limit && c.order.Len() > 1 {
			old := c.order.Remove(c.order.Front()).(string)
			c.size -= len(c.entries[old].data)
			delete(c.entries, old)
		}
	}
	c.mu.Unlock()
	close(e.done)
	return e.data, e.err
}

// printer returns the printer and a scratch folder for its output,
// starting both at the first call. A failed start is retried next time.
func (c *pdfCache) printer(start func() (Printer, error)) (Printer, string, error) {
	c.pmu.Lock()
	defer c.pmu.Unlock()
	if c.closed {
		return nil, "", errors.New("server closed")
	}
	if c.p != nil {
		return c.p, c.dir, nil
	}
	dir, err := os.MkdirTemp("", "basis-serve-pdf-")
	if err != nil {
		return nil, "", err
	}
	p, err := start()
	if err != nil {
		os.RemoveAll(dir)
		return nil, "", err
	}
	c.p, c.dir = p, dir
	return p, dir, nil
}

// close stops the printer, removes its scratch folder and drops the PDFs.
func (c *pdfCache) close() error {
	c.mu.Lock()
	c.closed = true
	c.entries, c.size = map[string]*entry{}, 0
	c.order.Init()
	c.mu.Unlock()
	c.pmu.Lock()
	defer c.pmu.Unlock()
	var err error
	if c.p != nil {
		err = c.p.Close()
		c.p = nil
	}
	if c.dir != "" {
		_ = os.RemoveAll(c.dir)
		c.dir = ""
	}
	return err
}
