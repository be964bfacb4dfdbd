package site

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"github.com/basis-privacy/basis/generator/model"
)

// Marker is the file Basis writes into every output folder it makes. A
// build replaces only an output folder that has it, is empty or new, or
// was written by an older Basis (see [CheckFolders]).
const Marker = ".basis-output"

// markerText is the head of the [Marker] file; markerList follows it, then
// the path of every file Basis wrote into the folder, one a line.
const (
	markerText = "This folder is written by Basis (basis build), which replaces it on every build.\n"
	markerList = "\nFiles Basis wrote here (a build refuses this folder while it holds any other):\n"
)

// markerOf is the content of the [Marker] file of an output holding the
// files rels (paths under it, the marker among them), sorted.
func markerOf(rels []string) []byte {
	var b strings.Builder
	b.WriteString(markerText + markerList)
	for _, rel := range rels {
		b.WriteString(rel)
		b.WriteByte('\n')
	}
	return []byte(b.String())
}

// readMarker returns the files the [Marker] file in dir lists, and false
// when it lists none (written by an older Basis).
func readMarker(dir string) (map[string]bool, bool, error) {
	b, err := os.ReadFile(filepath.Join(dir, Marker))
	if err != nil {
		return nil, false, err
	}
	_, list, ok := strings.Cut(string(b), markerList)
	if !ok {
		return nil, false, nil
	}
	files := map[string]bool{}
	for rel := range strings.SplitSeq(list, "\n") {
		if rel != "" {
			files[rel] = true
		}
	}
	return files, true, nil
}

// cacheTag marks the cache folder, for Basis and for backup tools
// (https://bford.info/cachedir/).
const (
	cacheTagName = "CACHEDIR.TAG"
	cacheTag     = "Signature: 8a477f597d28d172789f06886806bc55\n# This file is a cache tag created by Basis (basis build --cache).\n"
)

// FolderError reports an output or cache folder that Basis refuses to use,
// because replacing or pruning it could destroy files Basis did not make.
type FolderError struct {
	Role string // "output folder" or "cache folder"
	Path string // as given
	Why  string // what is wrong with it
	Fix  string // how to proceed
}

// Error is one line: the folder, what is wrong, how to fix it.
func (e *FolderError) Error() string {
	return fmt.Sprintf("the %s %q %s; %s", e.Role, e.Path, e.Why, e.Fix)
}

// CheckFolders refuses an output or cache folder that Basis must not
// replace or write into: one that is, contains or lies inside the content
// folder; that is or contains the working directory, the home folder or /;
// an existing file; and an existing non-empty folder Basis did not write
// (an output without the [Marker] file that is not shaped like an older
// Basis output, a cache without Basis's cache tag or manifest). The output
// and the cache may not lie inside each other. cache may be empty (no
// cache). It changes nothing on disk; [Build] calls it first.
func CheckFolders(content, out, cache string) error {
	if strings.TrimSpace(out) == "" {
		return &FolderError{Role: "output folder", Path: out, Why: "is empty", Fix: "name a folder of its own, such as public"}
	}
	fixed, err := fixedFolders(content)
	if err != nil {
		return err
	}
	o, err := realPath(out)
	if err != nil {
		return &FolderError{Role: "output folder", Path: out, Why: "cannot be used (" + err.Error() + ")", Fix: "choose another folder"}
	}
	fix := "choose a folder of its own, such as public; Basis replaces it on every build"
	if err := refuseOverlap("output folder", out, o, fixed, fix); err != nil {
		return err
	}
	if err := linkedOutput(out); err != nil {
		return err
	}
	if err := ownedOutput(out, o); err != nil {
		return err
	}
	if cache == "" {
		return nil
	}
	c, err := realPath(cache)
	if err != nil {
		return &FolderError{Role: "cache folder", Path: cache, Why: "cannot be used (" + err.Error() + ")", Fix: "choose another folder"}
	}
	fix = "choose a folder of its own, such as .basis-cache, or disable the cache with an empty --cache="
	fixed = append(fixed, named{o, "the output folder", true})
	if err := refuseOverlap("cache folder", cache, c, fixed, fix); err != nil {
		return err
	}
	return ownedCache(cache, c)
}

// CheckOutputs is [CheckFolders] for a build with two outputs: the
// published one, out, and internal (none when empty), which may not be,
// contain or lie inside each other, so an internal document is never
// published with the rest.
func CheckOutputs(content, out, internal, cache string) error {
	if err := CheckFolders(content, out, cache); err != nil {
		return err
	}
	if internal == "" {
		return nil
	}
	if err := CheckFolders(content, internal, cache); err != nil {
		return err
	}
	o, err := realPath(out)
	if err != nil {
		return err
	}
	i, err := realPath(internal)
	if err != nil {
		return err
	}
	fix := "give the internal documents a folder of their own beside the output, such as internal"
	return refuseOverlap("internal output folder", internal, i, []named{{o, "the output folder, which is published", true}}, fix)
}

// named is a folder Basis must keep: never replaced, nor written into when
// inside is set.
type named struct {
	path, name string
	inside     bool // refuse a folder inside it too
}

// fixedFolders are the folders no output or cache may be, contain or (for
// the content folder) lie inside.
func fixedFolders(content string) ([]named, error) {
	c, err := realPath(content)
	if err != nil {
		return nil, err
	}
	wd, err := os.Getwd()
	if err != nil {
		return nil, fmt.Errorf("find the working directory: %w", err)
	}
	wd, err = realPath(wd)
	if err != nil {
		return nil, err
	}
	fixed := []named{{string(filepath.Separator), "the root folder", false}, {wd, "the working directory", false}}
	if home, err := os.UserHomeDir(); err == nil && home != "" {
		if home, err = realPath(home); err == nil {
			fixed = append(fixed, named{home, "your home folder", false})
		}
	}
	return append(fixed, named{c, "the content folder", true}), nil
}

// refuseOverlap refuses the folder real (given as p) when it is or contains
// one of fixed, or lies inside one that forbids it.
func refuseOverlap(role, p, real string, fixed []named, fix string) error {
	for _, f := range fixed {
		why := ""
		switch {
		case real == f.path:
			why = "is " + f.name
		case within(f.path, real):
			why = "contains " + f.name
		case f.inside && within(real, f.path):
			why = "lies inside " + f.name
		}
		if why != "" {
			return &FolderError{Role: role, Path: p, Why: why, Fix: fix}
		}
	}
	return nil
}

// within reports whether p lies strictly inside dir; both are clean and
// absolute.
func within(p, dir string) bool {
	if p == dir {
		return false
	}
	if dir == string(filepath.Separator) {
		return true
	}
	return strings.HasPrefix(p, dir+string(filepath.Separator))
}

// realPath is p absolute, clean, with every symbolic link in the part that
// exists resolved, so two names of one folder compare equal.
func realPath(p string) (string, error) {
	abs, err := filepath.Abs(p)
	if err != nil {
		return "", fmt.Errorf("resolve %s: %w", p, err)
	}
	rest := ""
	for {
		r, err := filepath.EvalSymlinks(abs)
		if err == nil {
			return filepath.Join(r, rest), nil
		}
		parent := filepath.Dir(abs)
		if !errors.Is(err, fs.ErrNotExist) || parent == abs {
			return "", fmt.Errorf("resolve %s: %w", p, err)
		}
		rest = filepath.Join(filepath.Base(abs), rest)
		abs = parent
	}
}

// foreignFiles refuses an output, marked as Basis's, that holds a file
// or folder its marker does not list: one a person added (a CNAME, a
// downloads/ folder), which the next swap would delete.
func foreignFiles(p, real string) error {
	listed, ok, err := readMarker(real)
	if err != nil {
		return fmt.Errorf("output folder %s: %w", p, err)
	}
	if !ok {
		return nil // an older Basis listed nothing: it is judged by its marker alone
	}
	dirs := map[string]bool{}
	for rel := range listed {
		for d := path.Dir(rel); d != "."; d = path.Dir(d) {
			dirs[d] = true
		}
	}
	var extra []string
	err = filepath.WalkDir(real, func(name string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(real, name)
		if err != nil || rel == "." {
			return err
		}
		rel = filepath.ToSlash(rel)
		switch {
		case d.IsDir() && !dirs[rel]:
			extra = append(extra, rel+"/")
			return fs.SkipDir
		case !d.IsDir() && !listed[rel]:
			extra = append(extra, rel)
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("output folder %s: %w", p, err)
	}
	if len(extra) == 0 {
		return nil
	}
	what := strings.Join(extra[:min(len(extra), 5)], ", ")
	if len(extra) > 5 {
		what += fmt.Sprintf(" and %d more", len(extra)-5)
	}
	return &FolderError{Role: "output folder", Path: p,
		Why: "holds " + what + ", which Basis did not write (its " + Marker + " file lists what it wrote); a build would delete it",
		Fix: "move it out of the folder (Basis replaces the whole folder on every build; add such files when you deploy the site, see docs/publishing.md), then build again"}
}

// linkedOutput refuses an output that is a symbolic link to nothing: the
// build would replace the link with a folder.
func linkedOutput(p string) error {
	fi, err := os.Lstat(p)
	if err != nil || fi.Mode()&fs.ModeSymlink == 0 {
		return nil
	}
	if _, err := os.Stat(p); err != nil {
		target, _ := os.Readlink(p)
		return &FolderError{Role: "output folder", Path: p, Why: fmt.Sprintf("is a link to %s, which cannot be used (%v)", target, err),
			Fix: "create the folder it points to, or remove the link"}
	}
	return nil
}

// ownedOutput refuses an existing output that is a file, or a non-empty
// folder without the marker that does not look like an older Basis output.
func ownedOutput(p, real string) error {
	st, err := os.Stat(real)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("output folder %s: %w", p, err)
	}
	if !st.IsDir() {
		return &FolderError{Role: "output folder", Path: p, Why: "is a file", Fix: "choose a folder, such as public"}
	}
	if _, err := os.Stat(filepath.Join(real, Marker)); err == nil {
		return foreignFiles(p, real)
	}
	entries, err := os.ReadDir(real)
	if err != nil {
		return fmt.Errorf("output folder %s: %w", p, err)
	}
	if len(entries) == 0 || olderOutput(real, entries) {
		return nil
	}
	return &FolderError{Role: "output folder", Path: p,
		Why: "holds files Basis did not write (it has no " + Marker + " file)",
		Fix: "choose a new or empty folder, or empty this one yourself"}
}

// olderOutput reports whether the folder dir, without a marker, is shaped
// like the output of a Basis that wrote none: index.html and assets/ at
// the top, besides only checklist/, the index in other languages and
// company folders that hold language folders and a logo.
func olderOutput(dir string, entries []fs.DirEntry) bool {
	index, assets := false, false
	for _, e := range entries {
		switch name := e.Name(); {
		case name == "index.html" && e.Type().IsRegular():
			index = true
		case name == "assets" && e.IsDir():
			assets = true
		case name == "checklist" && e.IsDir():
		case e.Type().IsRegular() && slices.ContainsFunc(model.Languages, func(l string) bool { return name == "index."+l+".html" }):
		case e.IsDir() && companyShaped(filepath.Join(dir, name)):
		default:
			return false
		}
	}
	return index && assets
}

// companyShaped reports whether dir holds only language folders and a logo.
func companyShaped(dir string) bool {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return false
	}
	for _, e := range entries {
		lang := e.IsDir() && slices.Contains(model.Languages, e.Name())
		logo := e.Type().IsRegular() && strings.HasPrefix(e.Name(), "logo.")
		if !lang && !logo {
			return false
		}
	}
	return true
}

// ownedCache refuses an existing cache that is a file, or a non-empty
// folder with neither Basis's cache tag nor a manifest: the build prunes
// files in it.
func ownedCache(p, real string) error {
	st, err := os.Stat(real)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("cache folder %s: %w", p, err)
	}
	if !st.IsDir() {
		return &FolderError{Role: "cache folder", Path: p, Why: "is a file", Fix: "choose a folder, such as .basis-cache"}
	}
	if tag, err := os.ReadFile(filepath.Join(real, cacheTagName)); err == nil && string(tag) == cacheTag {
		return nil
	}
	if _, err := os.Stat(filepath.Join(real, manifestName)); err == nil {
		return nil // written by an older Basis
	}
	entries, err := os.ReadDir(real)
	if err != nil {
		return fmt.Errorf("cache folder %s: %w", p, err)
	}
	if len(entries) == 0 {
		return nil
	}
	return &FolderError{Role: "cache folder", Path: p,
		Why: "holds files that are not Basis's build cache (it has no " + cacheTagName + " file)",
		Fix: "choose a new or empty folder, such as .basis-cache"}
}
