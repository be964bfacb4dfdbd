package site

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"hash"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"sync"
)

// manifestName is the file in the cache folder that records the last build.
const manifestName = "manifest.json"

// manifest records what the last successful build wrote into which output
// folder, and from which inputs, so the next build redoes only what changed.
type manifest struct {
	Out       string                  `json:"out"`       // absolute output folder
	Inputs    string                  `json:"inputs"`    // key of every input together
	Sources   string                  `json:"sources"`   // key of all but the companies
	Program   programStamp            `json:"program"`   // the executable last hashed
	Companies map[string]companyEntry `json:"companies"` // by slug
	Outputs   map[string]entry        `json:"outputs"`   // by path under the output folder
}

// companyEntry is what the site index needs of a company that was not read
// again because nothing of it changed.
type companyEntry struct {
	Key       string   `json:"key"`
	Name      string   `json:"name"`
	Languages []string `json:"languages"`
	Logo      string   `json:"logo,omitempty"` // the logo's file name, for its extension
}

// programStamp remembers the hash of the executable at path with this size
// and modification time, so it is hashed again only when it changed.
type programStamp struct {
	Path  string `json:"path"`
	Size  int64  `json:"size"`
	MTime int64  `json:"mtime"`
	Hash  string `json:"hash"`
}

// entry is one output file: the key of its inputs, and its size and
// modification time (to notice a file changed or removed by hand). It is
// kept small, as a site of 10,000 companies has 200,000 files: a content
// sum, where one is needed, is computed from the file (see sumOf).
type entry struct {
	Key   digest `json:"key"`
	Size  int64  `json:"size"`
	MTime int64  `json:"mtime"`
}

// readManifest returns the manifest in cache for out, or an empty one when
// there is none, it is unreadable, it was written for another folder, or
// it names a path outside the output folder: the cache is input, never
// trusted.
func readManifest(cache, name, out string) *manifest {
	m := &manifest{Out: out, Outputs: map[string]entry{}, Companies: map[string]companyEntry{}}
	if cache == "" {
		return m
	}
	b, err := os.ReadFile(filepath.Join(cache, name))
	if err != nil {
		return m
	}
	var old manifest
	if json.Unmarshal(b, &old) != nil || old.Out != out || old.Outputs == nil || old.Companies == nil || !old.valid() {
		return m
	}
	return &old
}

// valid reports whether every output and company the manifest names is a
// clean relative path inside the output folder (a company: one name).
func (m *manifest) valid() bool {
	for rel := range m.Outputs {
		if !localPath(rel) {
			return false
		}
	}
	for slug := range m.Companies {
		if !localPath(slug) || strings.Contains(slug, "/") {
			return false
		}
	}
	return true
}

// localPath reports whether rel is a clean, slash-separated path inside
// the folder it is relative to: not empty, not absolute, no "." or "..".
func localPath(rel string) bool {
	return rel != "" && rel != "." && !strings.Contains(rel, `\`) && path.Clean(rel) == rel &&
		filepath.IsLocal(filepath.FromSlash(rel))
}

// write stores the manifest atomically, with the cache tag. When it fails,
// it removes the previous manifest, so the next build does everything.
func (m *manifest) write(cache, name string, f faults) error {
	if cache == "" {
		return nil
	}
	err := m.store(cache, name, f)
	if err != nil {
		_ = os.Remove(filepath.Join(cache, name))
	}
	return err
}

func (m *manifest) store(cache, name string, f faults) error {
	if err := os.MkdirAll(cache, 0o755); err != nil {
		return err
	}
	tag := filepath.Join(cache, cacheTagName)
	if err := f.step("cache", tag); err != nil {
		return err
	}
	if err := os.WriteFile(tag, []byte(cacheTag), 0o644); err != nil {
		return err
	}
	tmp := filepath.Join(cache, name+".tmp")
	if err := f.step("cache", tmp); err != nil {
		return err
	}
	file, err := os.Create(tmp)
	if err != nil {
		return err
	}
	if err := m.encode(file); err != nil {
		file.Close()
		return err
	}
	if err := file.Close(); err != nil {
		return err
	}
	return os.Rename(tmp, filepath.Join(cache, name))
}

// intact reports whether every recorded output is still in out as written.
func (m *manifest) intact(out string) bool {
	if len(m.Outputs) == 0 {
		return false
	}
	for rel, e := range m.Outputs {
		st, err := os.Stat(filepath.Join(out, filepath.FromSlash(rel)))
		if err != nil || st.Size() != e.Size || st.ModTime().UnixNano() != e.MTime {
			return false
		}
	}
	return true
}

// hasher builds keys from named parts.
type hasher struct{ h hash.Hash }

func newHasher(parts ...string) *hasher {
	h := &hasher{h: sha256.New()}
	for _, p := range parts {
		h.add(p)
	}
	return h
}

func (h *hasher) add(s string) *hasher {
	fmt.Fprintf(h.h, "%d:%s;", len(s), s)
	return h
}

func (h *hasher) sum() string { return hex.EncodeToString(h.h.Sum(nil)) }

func sumBytes(b []byte) string {
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}

// hashFS hashes the files of fsys matching keep, names and contents, in order.
func hashFS(fsys fs.FS, keep func(name string) bool) (string, error) {
	h := newHasher()
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !keep(p) {
			return err
		}
		b, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		h.add(p).add(sumBytes(b))
		return nil
	})
	return h.sum(), err
}

// sources are the keys of everything a build reads besides the companies.
type sources struct {
	program   string            // the basis executable itself (rules, code)
	stamp     programStamp      // where the program's hash came from
	templates map[string]string // per document template, with the shared _base
	assets    string            // CSS and fonts
	locales   map[string]string // per language
}

func hashSources(tmpl fs.FS, locs []fs.FS, version string, last programStamp, exe func() (string, error)) (*sources, error) {
	s := &sources{templates: map[string]string{}, locales: map[string]string{}}
	stamp, err := programKey(last, exe)
	if err != nil {
		return nil, err
	}
	s.stamp = stamp
	s.program = version + ":" + stamp.Hash
	docs := documentTemplates()
	isDoc := func(name string) bool {
		for _, d := range docs {
			if name == d {
				return true
			}
		}
		return false
	}
	for _, doc := range docs {
		k, err := hashFS(tmpl, func(name string) bool {
			return name == doc || (strings.HasSuffix(name, ".html") && !strings.Contains(name, "/") && !isDoc(name))
		})
		if err != nil {
			return nil, err
		}
		s.templates[doc] = k
	}
	if s.assets, err = hashFS(tmpl, func(name string) bool { return strings.HasPrefix(name, "assets/") }); err != nil {
		return nil, err
	}
	for i, fsys := range locs {
		names, err := fs.Glob(fsys, "*.yaml")
		if err != nil {
			return nil, err
		}
		sort.Strings(names)
		for _, name := range names {
			parts := strings.Split(name, ".")
			if len(parts) < 3 {
				continue
			}
			lang := parts[len(parts)-2]
			b, err := fs.ReadFile(fsys, name)
			if err != nil {
				return nil, err
			}
			s.locales[lang] = newHasher(s.locales[lang], fmt.Sprint(i), name, sumBytes(b)).sum()
		}
	}
	return s, nil
}

// ProgramError reports that the running program's file cannot be read.
// Basis keys every output on the program's hash, so that a rebuilt binary
// (new rules, templates or code, maybe under the same version) redoes all:
// without it, stale outputs could be carried over.
type ProgramError struct {
	Path string // the executable, if found
	Err  error
}

func (e *ProgramError) Error() string {
	return fmt.Sprintf("the running program %s cannot be read (%v): Basis keys what it builds on the program itself, so a changed program never reuses old outputs; run basis from a file it can read (an installed binary that was replaced or removed while running: start it again)", e.Path, e.Err)
}

func (e *ProgramError) Unwrap() error { return e.Err }

// programKey identifies the running program by the hash of its executable
// (exe finds it; nil: os.Executable), so that new rules or templates in a
// new binary redo all; the hash of an unchanged executable (same path, size
// and time) is taken from last. An executable it cannot read is a
// *ProgramError, never a key on the version alone.
func programKey(last programStamp, exe func() (string, error)) (programStamp, error) {
	if exe == nil {
		exe = os.Executable
	}
	path, err := exe()
	if err != nil {
		return programStamp{}, &ProgramError{Path: "(unknown)", Err: err}
	}
	st, err := os.Stat(path)
	if err != nil {
		return programStamp{}, &ProgramError{Path: path, Err: err}
	}
	if !st.Mode().IsRegular() {
		return programStamp{}, &ProgramError{Path: path, Err: errors.New("not a regular file")}
	}
	stamp := programStamp{Path: path, Size: st.Size(), MTime: st.ModTime().UnixNano()}
	if last.same(stamp) {
		return last, nil
	}
	if seen, ok := programHashes.get(path); ok && seen.same(stamp) {
		return seen, nil
	}
	f, err := os.Open(path)
	if err != nil {
		return programStamp{}, &ProgramError{Path: path, Err: err}
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return programStamp{}, &ProgramError{Path: path, Err: err}
	}
	stamp.Hash = hex.EncodeToString(h.Sum(nil))
	programHashes.put(stamp)
	return stamp, nil
}

// same reports whether s holds a hash of the file c describes: the same
// path, size and modification time.
func (s programStamp) same(c programStamp) bool {
	return s.Hash != "" && s.Path == c.Path && s.Size == c.Size && s.MTime == c.MTime
}

// programHashes holds the stamp of each executable this process hashed, so
// that its later builds (basis watch and serve, the tests) take the hash of
// an unchanged file (same path, size and time, as a build's manifest
// records it for the next process) instead of reading its megabytes again.
var programHashes stampMemo

// stampMemo is a set of program stamps by path, safe for concurrent use.
type stampMemo struct {
	mu     sync.Mutex
	byPath map[string]programStamp
}

func (m *stampMemo) get(path string) (programStamp, bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	s, ok := m.byPath[path]
	return s, ok
}

func (m *stampMemo) put(s programStamp) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.byPath == nil {
		m.byPath = map[string]programStamp{}
	}
	m.byPath[s.Path] = s
}
