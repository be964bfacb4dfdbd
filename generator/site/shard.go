package site

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/basis-privacy/basis/generator/model"
	"github.com/basis-privacy/basis/generator/render"
)

// Shard selects a deterministic part of the companies: shard Index of
// Count (0 ≤ Index < Count). The zero Shard selects every company.
//
// A company belongs to the shard given by the hash of its slug, so the
// split is the same on every run and every machine, and adding a company
// moves no other one to another shard.
type Shard struct {
	Index, Count int
}

// ParseShard reads "I/N", as given to basis build --shard.
func ParseShard(s string) (Shard, error) {
	i, n, ok := strings.Cut(s, "/")
	index, err1 := strconv.Atoi(strings.TrimSpace(i))
	count, err2 := strconv.Atoi(strings.TrimSpace(n))
	if !ok || err1 != nil || err2 != nil || count < 1 || index < 0 || index >= count {
		return Shard{}, fmt.Errorf("shard %q: write INDEX/COUNT with 0 ≤ INDEX < COUNT, such as 0/4 (a Kubernetes Indexed Job: $JOB_COMPLETION_INDEX/4)", s)
	}
	return Shard{Index: index, Count: count}, nil
}

// String is the shard as "I/N".
func (s Shard) String() string { return fmt.Sprintf("%d/%d", s.Index, s.Count) }

// set reports whether s is a shard (maybe 0/1) rather than the zero Shard.
func (s Shard) set() bool { return s.Count > 0 }

// all reports whether s selects every company.
func (s Shard) all() bool { return s.Count <= 1 }

// Has reports whether the company slug belongs to shard s.
func (s Shard) Has(slug string) bool {
	if s.all() {
		return true
	}
	return ShardOf(slug, s.Count) == s.Index
}

// ShardOf is the shard of count that the company slug belongs to: the
// first eight bytes of the SHA-256 of the slug, modulo count.
func ShardOf(slug string, count int) int {
	h := sha256.Sum256([]byte(slug))
	return int(binary.BigEndian.Uint64(h[:8]) % uint64(count))
}

// ShardFile is the file a sharded build adds to its output, describing
// the shard for [Merge].
const ShardFile = ".basis-shard.json"

// shardInfo is the content of [ShardFile].
type shardInfo struct {
	Index int `json:"index"`
	Count int `json:"count"`
	// Origin is the key of the program, templates and messages the shard
	// was built with; shards merge only when theirs are equal.
	Origin string `json:"origin"`
	// Content is the key of every company slug in the content folder
	// (not only the shard's), so shards of different contents do not merge.
	Content   string          `json:"content"`
	Total     int             `json:"total"`     // companies in the content folder
	PDF       bool            `json:"pdf"`       // built with PDFs
	LinkPDF   bool            `json:"linkPDF"`   // its pages link PDFs (printed, or printed on request)
	DOCX      bool            `json:"docx"`      // built with Word documents
	Companies []render.Listed `json:"companies"` // what the merged index needs
	// Outputs are the outputs of the shard's build, the first the one
	// this file is in. Missing (a shard of an older Basis): one output
	// holding every document.
	Outputs []shardOutput `json:"outputs,omitempty"`
}

// shardOutput is one output of a shard's build.
type shardOutput struct {
	Name  string           `json:"name"`  // public or internal
	Dir   string           `json:"dir"`   // its folder, relative to the first output's
	Docs  []string         `json:"docs"`  // the documents it gets (load.DocPrivacy, ...)
	Index render.IndexSpec `json:"index"` // what its index lists
}

// contentKey is the key of the slugs of the company files paths.
func contentKey(paths []string) string {
	h := newHasher()
	for _, p := range paths {
		h.add(filepath.Base(filepath.Dir(p)))
	}
	return h.sum()
}

// filterShard keeps the company files paths whose slug belongs to s.
func filterShard(paths []string, s Shard) []string {
	if s.all() {
		return paths
	}
	var kept []string
	for _, p := range paths {
		if s.Has(filepath.Base(filepath.Dir(p))) {
			kept = append(kept, p)
		}
	}
	return kept
}

// shardJSON is the [ShardFile] of a build with opts (of shard
// opts.Shard) whose index lists the companies of index, and whose outputs
// are outs (the first holding the file).
func shardJSON(origin, content string, total int, opts Options, index []render.Listed, outs []*builder) ([]byte, error) {
	s := opts.Shard
	info := shardInfo{Index: s.Index, Count: s.Count, Origin: origin, Content: content, Total: total,
		PDF: opts.PDF, LinkPDF: opts.PDF || opts.LinkPDF, DOCX: opts.DOCX, Companies: append([]render.Listed{}, index...)}
	if len(outs) > 0 {
		for _, o := range outs {
			dir, err := filepath.Rel(outs[0].out, o.out)
			if err != nil {
				return nil, err
			}
			info.Outputs = append(info.Outputs, shardOutput{Name: o.t.name, Dir: filepath.ToSlash(dir), Docs: o.t.docs, Index: o.indexSpec()})
		}
	}
	b, err := json.MarshalIndent(info, "", "\t")
	return append(b, '\n'), err
}

// originKey is the key of the program, templates and messages of src.
func originKey(src *sources) string {
	h := newHasher(src.program, src.assets)
	for _, d := range documentTemplates() {
		h.add(src.templates[d])
	}
	for _, l := range model.Languages {
		h.add(src.locales[l])
	}
	return h.sum()
}
