package serve

import (
	"bytes"
	"container/list"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/basis-privacy/basis/generator/pdf"
)

// printTimeout bounds one on-demand print, browser start included.
const printTimeout = 2 * time.Minute

// servePDF answers a GET of rel (x.pdf) by printing x.html, from the cache
// when that page, with every file it may load, was printed before. It
// reports false, having written nothing, when the site has no x.html.
//
// The site is read-locked only while the page and its files are copied
// into a scratch folder: the browser prints the copy, so neither pages nor
// rebuilds ever wait for a print.
func (s *Server) servePDF(w http.ResponseWriter, r *http.Request, rel string) bool {
	htmlRel := strings.TrimSuffix(rel, ".pdf") + ".html"
	scratch, err := s.pdfs.scratch()
	if err != nil {
		http.Error(w, "printing "+rel+": "+err.Error(), http.StatusInternalServerError)
		return true
	}
	snap, err := s.takeSnapshot(scratch, htmlRel)
	if errors.Is(err, fs.ErrNotExist) {
		return false
	} else if err != nil {
		http.Error(w, "printing "+rel+": "+err.Error(), http.StatusInternalServerError)
		return true
	}
	defer snap.remove()
	job := pdf.NewJob(snap.dir, htmlRel, snap.page, filepath.Join(snap.dir, "print.pdf"))
	job.PageOf = s.cfg.pageOf(job.Lang)
	key := snap.key(job.Title, job.Lang, job.PageOf)
	data, err := s.pdfs.get(key, func() ([]byte, error) { return s.print(job) })
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

// print prints job with the server's printer, started now if this is the
// first PDF asked for.
func (s *Server) print(job pdf.Job) ([]byte, error) {
	p, err := s.pdfs.printer(func(root string) (Printer, error) { return s.cfg.newPrinter(s.ctx, root) })
	if err != nil {
		return nil, err
	}
	s.cfg.onPrint(job)
	ctx, cancel := context.WithTimeout(s.ctx, printTimeout)
	defer cancel()
	if err := p.Print(ctx, job); err != nil {
		return nil, err
	}
	return os.ReadFile(job.Out)
}

// pdfCache holds printed PDFs by key, up to a number of bytes (the oldest
// go first), prints each key once however many ask for it at the same
// time, and owns the printer and its scratch folder.
type pdfCache struct {
	limit     int
	scratchIn string // where to make the scratch folder; "" for the temporary folder

	mu      sync.Mutex
	entries map[string]*entry
	order   *list.List // of keys of finished entries, oldest first
	size    int
	closed  bool

	pmu sync.Mutex // guards p and dir
	p   Printer
	dir string // scratch folder: copies of the pages to print, the printer's root
}

type entry struct {
	done chan struct{}
	data []byte
	err  error
}

func newPDFCache(limit int, scratchIn string) *pdfCache {
	return &pdfCache{limit: limit, scratchIn: scratchIn, entries: map[string]*entry{}, order: list.New()}
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

// scratch returns the folder the pages to print are copied into, creating
// it at the first call.
func (c *pdfCache) scratch() (string, error) {
	c.pmu.Lock()
	defer c.pmu.Unlock()
	if c.closed {
		return "", errors.New("server closed")
	}
	if c.dir == "" {
		dir, err := makeScratch(c.scratchIn)
		if err != nil {
			return "", fmt.Errorf("scratch folder: %w", err)
		}
		c.dir = dir
	}
	return c.dir, nil
}

// printer returns the printer, started on the scratch folder at the first
// call. A failed start is retried next time.
func (c *pdfCache) printer(start func(root string) (Printer, error)) (Printer, error) {
	c.pmu.Lock()
	defer c.pmu.Unlock()
	if c.closed || c.dir == "" {
		return nil, errors.New("server closed")
	}
	if c.p == nil {
		p, err := start(c.dir)
		if err != nil {
			return nil, err
		}
		c.p = p
	}
	return c.p, nil
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
