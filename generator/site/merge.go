package site

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"github.com/basis-privacy/basis/generator/load"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/basis-privacy/basis/generator/locale"
	"github.com/basis-privacy/basis/generator/model"
	"github.com/basis-privacy/basis/generator/render"
)

// MergeOptions configures [Merge].
type MergeOptions struct {
	Shards    []string // output folders of basis build --shard, one per shard
	Out       string   // output folder, replaced on success
	Internal  string   // output folder of the shards' internal outputs, if they have them
	Templates fs.FS    // as for the shards' builds
	Locales   []fs.FS
	Version   string
	Lock      sync.Locker // as in [Options]

	fault faults                 // test seam, as in [Options]
	exe   func() (string, error) // test seam, as in [Options]
}

// MergeResult reports what a merge did.
type MergeResult struct {
	Shards    int
	Companies int
	Files     int // files in the output folder
	Warnings  []string
}

// ShardError reports shards that cannot be merged: missing or repeated
// shards, shards of different contents, programs or templates, or shard
// folders that hold what their build did not write.
type ShardError struct {
	Path string // the shard folder, or "" for the set of shards
	Why  string // what is wrong, and how to fix it
}

func (e *ShardError) Error() string {
	if e.Path == "" {
		return "cannot merge the shards: " + e.Why
	}
	return fmt.Sprintf("cannot merge the shard %s: %s", e.Path, e.Why)
}

// Merge assembles the outputs of the builds of every shard of a sharded
// build (basis build --shard I/N, for I from 0 to N-1) into one site in
// opts.Out, with one index of all companies: the same site a build of all
// companies at once makes. As [Build], it refuses an output folder it must
// not replace, writes the site into a staging folder (the shards' files
// hard-linked, not copied, where the file system allows) and swaps it in
// with one rename, so opts.Out is at every moment the whole previous or the
// whole new site. It refuses, changing nothing, shards that overlap, miss
// one of the N, or were built from different contents, programs,
// templates or messages than each other and than this program.
//
// Shards built with two outputs (public and internal) merge into opts.Out
// and opts.Internal, each with its own index.
func Merge(ctx context.Context, opts MergeOptions) (*MergeResult, error) {
	if len(opts.Shards) == 0 {
		return nil, &ShardError{Why: "no shard folders given; name the output folder of each basis build --shard I/N"}
	}
	for _, dir := range opts.Shards {
		if err := CheckOutputs(dir, opts.Out, opts.Internal, ""); err != nil {
			return nil, err
		}
	}
	src, err := hashSources(opts.Templates, opts.Locales, opts.Version, programStamp{}, opts.exe)
	if err != nil {
		return nil, fmt.Errorf("read templates and locales: %w", err)
	}
	shards, err := readShards(opts.Shards, originKey(src))
	if err != nil {
		return nil, err
	}
	outs := shards[0].outputs()
	if len(outs) > 1 && opts.Internal == "" {
		return nil, &ShardError{Why: "the shards have an internal output too; name the folder to merge it into (--internal-out)"}
	}
	dests := []string{opts.Out, opts.Internal}[:len(outs)]
	for k := range dests {
		if dests[k], err = realPath(dests[k]); err != nil { // into a link's folder, as Build
			return nil, err
		}
	}
	cat, err := locale.Load(opts.Locales...)
	if err != nil {
		return nil, err
	}
	r, err := render.New(render.WithTemplates(opts.Templates), render.WithCatalog(cat), render.WithVersion(opts.Version),
		render.WithPDF(shards[0].info.LinkPDF))
	if err != nil {
		return nil, err
	}
	return mergeOutputs(ctx, opts, shards, dests, r)
}

// mergeOutputs merges each output of the shards into its folder of dests,
// staged, then publishes them, the internal one first, as Build does.
func mergeOutputs(ctx context.Context, opts MergeOptions, shards []*shard, dests []string, r *render.Renderer) (*MergeResult, error) {
	res := &MergeResult{Shards: len(shards)}
	var staged []*staging
	defer func() {
		for _, st := range staged {
			st.close()
		}
	}()
	for k, o := range shards[0].outputs() {
		st, err := stage(dests[k], opts.fault)
		if err != nil {
			return nil, err
		}
		staged = append(staged, st)
		n, companies, err := mergeOutput(ctx, shards, k, o, st.dir, r)
		if err != nil {
			return nil, err
		}
		res.Files += n
		if k == 0 {
			res.Companies = companies
		}
	}
	for k := len(staged) - 1; k >= 0; k-- {
		warnings, err := publish(staged[k].dir, dests[k], opts.Lock, opts.fault)
		if err != nil {
			return nil, err
		}
		res.Warnings = append(res.Warnings, warnings...)
	}
	return res, nil
}

// mergeOutput puts output k of every shard into the staging folder dir,
// with the index of all their companies and a marker, and returns the
// number of files and of companies.
func mergeOutput(ctx context.Context, shards []*shard, k int, o shardOutput, dir string, r *render.Renderer) (int, int, error) {
	files := 0
	var index []render.Listed
	for i, s := range shards {
		if err := ctx.Err(); err != nil {
			return 0, 0, err
		}
		n, err := s.linkInto(k, dir, shards[0], i == 0)
		if err != nil {
			return 0, 0, err
		}
		files += n
		index = append(index, s.info.Companies...)
	}
	sort.Slice(index, func(i, j int) bool { return index[i].Slug < index[j].Slug })
	for _, f := range indexFiles(o.Index.Langs) {
		write := func(w io.Writer) error { return r.WriteIndexOf(w, index, f.lang, o.Index) }
		if _, err := writeStream(filepath.Join(dir, f.name), write); err != nil {
			return 0, 0, err
		}
		files++
	}
	if err := ctx.Err(); err != nil {
		return 0, 0, err
	}
	if err := markTree(dir); err != nil {
		return 0, 0, err
	}
	return files + 1, len(index), nil
}

// shard is one shard's output folder and its [ShardFile].
type shard struct {
	dir  string
	info shardInfo
	own  map[string]bool // its companies' slugs
}

// outputs returns the outputs the shard's build wrote: those its shard
// file lists, or (a shard of an older Basis) one holding every document.
func (s *shard) outputs() []shardOutput {
	if len(s.info.Outputs) > 0 {
		return s.info.Outputs
	}
	var docs []string
	for _, d := range documents {
		if !slices.Contains(docs, d.group) {
			docs = append(docs, d.group)
		}
	}
	return []shardOutput{{Name: "public", Dir: ".", Docs: append(docs, load.DocBlank), Index: render.DefaultIndex()}}
}

// dirOf is the folder of output k of the shard.
func (s *shard) dirOf(k int) string {
	return filepath.Join(s.dir, filepath.FromSlash(s.outputs()[k].Dir))
}

// readShards reads the shard file of each folder and refuses a set of
// shards that is not one whole sharded build by the program of origin.
// It returns them ordered by index.
func readShards(dirs []string, origin string) ([]*shard, error) {
	var shards []*shard
	for _, dir := range dirs {
		s, err := readShard(dir)
		if err != nil {
			return nil, err
		}
		if err := s.complete(); err != nil {
			return nil, err
		}
		shards = append(shards, s)
	}
	sort.SliceStable(shards, func(i, j int) bool { return shards[i].info.Index < shards[j].info.Index })
	first := shards[0]
	count := first.info.Count
	owner := map[string]string{} // slug -> shard folder
	companies := 0
	for i, s := range shards {
		switch {
		case s.info.Count != count:
			return nil, &ShardError{Path: s.dir, Why: fmt.Sprintf("it is shard %d/%d, but %s is shard %d/%d; merge the shards of one split", s.info.Index, s.info.Count, first.dir, first.info.Index, count)}
		case i > 0 && s.info.Index == shards[i-1].info.Index:
			return nil, &ShardError{Path: s.dir, Why: fmt.Sprintf("it is shard %d/%d, as is %s; give each shard once", s.info.Index, count, shards[i-1].dir)}
		case s.info.Content != first.info.Content || s.info.Total != first.info.Total:
			return nil, &ShardError{Path: s.dir, Why: fmt.Sprintf("it was built from other companies than %s; build every shard from the same content folder", first.dir)}
		case s.info.Origin != first.info.Origin:
			return nil, &ShardError{Path: s.dir, Why: fmt.Sprintf("it was built by another Basis version or with other templates or messages than %s; build every shard with the same ones", first.dir)}
		case s.info.Origin != origin:
			return nil, &ShardError{Path: s.dir, Why: "it was built by another Basis version or with other templates or messages than this merge uses; merge with the Basis and the templates and messages that built the shards"}
		case s.info.PDF != first.info.PDF || s.info.LinkPDF != first.info.LinkPDF:
			return nil, &ShardError{Path: s.dir, Why: fmt.Sprintf("it was built %s PDFs, %s %s; build every shard alike", withOrWithout(s.info.PDF), first.dir, withOrWithout(first.info.PDF))}
		case !sameLayout(s, first):
			return nil, &ShardError{Path: s.dir, Why: fmt.Sprintf("its outputs and their documents differ from those of %s; build every shard with the same project file", first.dir)}
		case s.info.DOCX != first.info.DOCX:
			return nil, &ShardError{Path: s.dir, Why: fmt.Sprintf("it was built %s Word documents, %s %s; build every shard alike", withOrWithout(s.info.DOCX), first.dir, withOrWithout(first.info.DOCX))}
		}
		for _, c := range s.info.Companies {
			if other, ok := owner[c.Slug]; ok {
				return nil, &ShardError{Path: s.dir, Why: fmt.Sprintf("it holds the company %s, as does %s; the shards overlap", c.Slug, other)}
			}
			owner[c.Slug] = s.dir
		}
		companies += len(s.info.Companies)
	}
	if len(shards) != count {
		var missing []string
		have := map[int]bool{}
		for _, s := range shards {
			have[s.info.Index] = true
		}
		for i := range count {
			if !have[i] {
				missing = append(missing, fmt.Sprintf("%d/%d", i, count))
			}
		}
		return nil, &ShardError{Why: fmt.Sprintf("shard %s is missing; give the output folder of every shard", strings.Join(missing, ", "))}
	}
	if companies != first.info.Total {
		return nil, &ShardError{Why: fmt.Sprintf("the shards hold %d companies, but the content folder they were built from has %d; build every shard again", companies, first.info.Total)}
	}
	return shards, nil
}

// sameLayout reports whether the shards a and b wrote the same outputs
// with the same documents and indexes, wherever their folders are.
func sameLayout(a, b *shard) bool {
	x, y := a.outputs(), b.outputs()
	if len(x) != len(y) {
		return false
	}
	for i := range x {
		if x[i].Name != y[i].Name || fmt.Sprint(x[i].Docs, x[i].Index) != fmt.Sprint(y[i].Docs, y[i].Index) {
			return false
		}
	}
	return true
}

func withOrWithout(pdf bool) string {
	if pdf {
		return "with"
	}
	return "without"
}

// readShard reads the shard file of the shard output folder dir.
func readShard(dir string) (*shard, error) {
	b, err := os.ReadFile(filepath.Join(dir, ShardFile))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, &ShardError{Path: dir, Why: "it has no " + ShardFile + " file; name the output folder of a basis build --shard I/N"}
	}
	if err != nil {
		return nil, fmt.Errorf("read shard %s: %w", dir, err)
	}
	s := &shard{dir: dir, own: map[string]bool{}}
	if err := json.Unmarshal(b, &s.info); err != nil || s.info.Count < 1 || s.info.Index < 0 || s.info.Index >= s.info.Count {
		return nil, &ShardError{Path: dir, Why: "its " + ShardFile + " file is damaged; build the shard again"}
	}
	for _, c := range s.info.Companies {
		if !localPath(c.Slug) || strings.Contains(c.Slug, "/") || strings.HasPrefix(c.Slug, ".") {
			return nil, &ShardError{Path: dir, Why: "its " + ShardFile + " file names a company folder " + fmt.Sprintf("%q", c.Slug) + " that Basis does not make; build the shard again"}
		}
		s.own[c.Slug] = true
	}
	return s, nil
}

// complete refuses a shard that lacks a document its [ShardFile] promises:
// each listed company's documents in each of its languages (and their PDFs
// and Word documents when the shard was built with them), its logo, and
// the blank checklists. A shard that lost a folder or a file in transit
// would otherwise publish an index linking what is not there.
func (s *shard) complete() error {
	for k, o := range s.outputs() {
		if err := s.completeOutput(k, o); err != nil {
			return err
		}
	}
	return nil
}

// completeOutput is complete for output k of the shard.
func (s *shard) completeOutput(k int, o shardOutput) error {
	var missing []string
	dir := s.dirOf(k)
	need := func(rel string) {
		if st, err := os.Stat(filepath.Join(dir, filepath.FromSlash(rel))); err != nil || !st.Mode().IsRegular() {
			missing = append(missing, rel)
		}
	}
	for _, c := range s.info.Companies {
		if c.Logo != "" && slices.ContainsFunc(o.Docs, func(d string) bool { return d != load.DocBlank }) {
			need(c.Slug + "/logo" + path.Ext(c.Logo))
		}
		for _, l := range c.Languages {
			for _, d := range documents {
				if !slices.Contains(o.Docs, d.group) {
					continue
				}
				need(c.Slug + "/" + l + "/" + d.name)
				if d.kind != "" && s.info.PDF {
					need(pdfRel(c.Slug + "/" + l + "/" + d.name))
				}
				if d.kind != "" && s.info.DOCX {
					need(docxRel(c.Slug + "/" + l + "/" + d.name))
				}
			}
		}
	}
	if slices.Contains(o.Docs, load.DocBlank) {
		for _, l := range o.Index.Blank {
			need("checklist/" + l + ".html")
		}
	}
	if len(missing) == 0 {
		return nil
	}
	what := strings.Join(missing[:min(len(missing), 5)], ", ")
	if len(missing) > 5 {
		what += fmt.Sprintf(" and %d more", len(missing)-5)
	}
	return &ShardError{Path: dir, Why: fmt.Sprintf("it lacks %s, which its %s promises; copy the whole shard again, or build it again", what, ShardFile)}
}

// linkInto puts the shard's files into the staging folder staged: its
// companies' folders, and when shared is set, the files every shard has
// (the marker, assets, blank checklists); else it checks that this shard's
// shared files are those of first. The index and the shard file are left
// out. It returns the number of files put.
func (s *shard) linkInto(k int, staged string, first *shard, shared bool) (int, error) {
	dir, firstDir := s.dirOf(k), first.dirOf(k)
	entries, err := os.ReadDir(dir)
	if err != nil {
		return 0, fmt.Errorf("read shard %s: %w", dir, err)
	}
	n := 0
	for _, e := range entries {
		name := e.Name()
		switch {
		case name == ShardFile || isIndex(name) || name == Marker:
			continue // written anew
		case s.own[name] && e.IsDir():
		case !isShared(name):
			return 0, &ShardError{Path: dir, Why: fmt.Sprintf("it holds %s, which is none of its companies' folders nor a file every shard has; build the shard again", name)}
		case !shared:
			if err := sameTree(filepath.Join(firstDir, name), filepath.Join(dir, name)); err != nil {
				return 0, &ShardError{Path: dir, Why: fmt.Sprintf("its %s differs from that of %s (%v); build every shard with the same Basis", name, firstDir, err)}
			}
			continue
		}
		m, err := linkTree(filepath.Join(dir, name), filepath.Join(staged, name))
		if err != nil {
			return 0, fmt.Errorf("merge shard %s: %w", dir, err)
		}
		n += m
	}
	return n, nil
}

// markTree writes the [Marker] file of the site in dir, listing its files.
func markTree(dir string) error {
	rels := []string{Marker}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, err := filepath.Rel(dir, p)
		rels = append(rels, filepath.ToSlash(rel))
		return err
	})
	if err != nil {
		return err
	}
	sort.Strings(rels)
	_, err = writeNew(filepath.Join(dir, Marker), markerOf(rels))
	return err
}

// isIndex reports whether the top-level name is the site index in one of
// the languages, which the merge writes anew.
func isIndex(name string) bool {
	for _, l := range model.Languages {
		if name == render.IndexFile(l) {
			return true
		}
	}
	return false
}

// isShared reports whether the top-level name is a file or folder every
// shard has.
func isShared(name string) bool {
	return name == "assets" || name == "checklist"
}

// linkTree hard-links (or, across file systems, copies) the file or folder
// src to dst, creating each folder once. It returns the number of files.
func linkTree(src, dst string) (int, error) {
	n := 0
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(src, p)
		if err != nil {
			return err
		}
		to := filepath.Join(dst, rel)
		switch {
		case d.IsDir():
			return os.Mkdir(to, 0o755)
		case d.Type().IsRegular():
			n++
			return linkFile(p, to, nil)
		}
		return fmt.Errorf("%s is neither a file nor a folder", p)
	})
	return n, err
}

// sameTree reports, as an error, how the file or folder b differs from a:
// other names, or a file (not a PDF, whose printing time differs) with
// other content.
func sameTree(a, b string) error {
	names := map[string]bool{}
	err := filepath.WalkDir(a, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(a, p)
		names[rel] = true
		if strings.HasSuffix(p, ".pdf") {
			return nil
		}
		x, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		y, err := os.ReadFile(filepath.Join(b, rel))
		if err != nil {
			return fmt.Errorf("%s is missing", rel)
		}
		if !bytes.Equal(x, y) {
			return fmt.Errorf("%s differs", rel)
		}
		return nil
	})
	if err != nil {
		return err
	}
	return filepath.WalkDir(b, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(b, p)
		if !names[rel] {
			return fmt.Errorf("%s is extra", rel)
		}
		return nil
	})
}
