package site

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"hash"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
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
func readManifest(cache, out string) *manifest {
	m := &manifest{Out: out, Outputs: map[string]entry{}, Companies: map[string]companyEntry{}}
	if cache == "" {
		return m
	}
	b, err := os.ReadFile(filepath.Join(cache, manifestName))
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
func (m *manifest) write(cache string) error {
	if cache == "" {
		return nil
	}
	err := m.store(cache)
	if err != nil {
		_ = os.Remove(filepath.Join(cache, manifestName))
	}
	return err
}

func (m *manifest) store(cache string) error {
	if err := os.MkdirAll(cache, 0o755); err != nil {
		return err
	}
	tag := filepath.Join(cache, cacheTagName)
	if err := step("cache", tag); err != nil {
		return err
	}
	if err := os.WriteFile(tag, []byte(cacheTag), 0o644); err != nil {
		return err
	}
	tmp := filepath.Join(cache, manifestName+".tmp")
	if err := step("cache", tmp); err != nil {
		return err
	}
	f, err := os.Create(tmp)
	if err != nil {
		return err
	}
	if err := m.encode(f); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	return os.Rename(tmp, filepath.Join(cache, manifestName))
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

// documentTemplates names the template of each kind of output.
var documentTemplates = []string{"privacy.html", "checklist.html", "fields.html", "index.html"}

func hashSources(tmpl fs.FS, locs []fs.FS, version string, last programStamp) (*sources, error) {
	s := &sources{templates: map[string]string{}, locales: map[string]string{}}
	stamp, err := programKey(last)
	if err != nil {
		return nil, err
	}
	s.stamp = stamp
	s.program = version + ":" + stamp.Hash
	isDoc := func(name string) bool {
		for _, d := range documentTemplates {
			if name == d {
				return true
			}
		}
		return false
	}
	for _, doc := range documentTemplates {
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

// programKey identifies the running program by the hash of its executable,
// so that new rules or templates in a new binary redo all; the hash of an
// unchanged executable (same path, size and time) is taken from last.
func programKey(last programStamp) (programStamp, error) {
	exe, err := os.Executable()
	if err != nil {
		return programStamp{}, nil
	}
	st, err := os.Stat(exe)
	if err != nil {
		return programStamp{}, nil
	}
	stamp := programStamp{Path: exe, Size: st.Size(), MTime: st.ModTime().UnixNano()}
	if last.Hash != "" && last.Path == stamp.Path && last.Size == stamp.Size && last.MTime == stamp.MTime {
		return last, nil
	}
	f, err := os.Open(exe)
	if err != nil {
		return stamp, nil
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return stamp, err
	}
	stamp.Hash = hex.EncodeToString(h.Sum(nil))
	return stamp, nil
}
