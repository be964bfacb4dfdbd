package cli

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// serveWorkDir names serve's folder for the build cache (and the output,
// unless --out is given): basis/serve-<hash> in the user's cache folder
// ($XDG_CACHE_HOME or ~/.cache on Linux), named after the content and
// output folders, so a restart of serve finds its previous build. Both
// folders are private (mode 0700); one that another user made, or a link,
// is refused, as a planted folder would let that user change what serve
// publishes and deletes.
func serveWorkDir(content, out string) (string, error) {
	key := ""
	for _, p := range []string{content, out} {
		if abs, err := filepath.Abs(p); err == nil && p != "" {
			p = abs
		}
		key += p + "\x00"
	}
	sum := sha256.Sum256([]byte(key))
	base, err := os.UserCacheDir()
	if err != nil {
		return "", fmt.Errorf("no folder for serve's build cache: %w; set XDG_CACHE_HOME", err)
	}
	return filepath.Join(base, "basis", "serve-"+hex.EncodeToString(sum[:6])), nil
}

// makeWorkDir creates serve's work folder and the basis folder above it,
// both private; it is called only once the folders have passed
// site.CheckFolders, so a refused command changes nothing on disk.
func makeWorkDir(work string) error {
	dir := filepath.Dir(work)
	if err := os.MkdirAll(filepath.Dir(dir), 0o700); err != nil {
		return fmt.Errorf("create serve's build cache: %w", err)
	}
	for _, d := range []string{dir, work} {
		if err := privateDir(d, os.Getuid()); err != nil {
			return err
		}
	}
	return nil
}

// privateDir creates the folder dir with mode 0700, or checks that an
// existing one is a folder, not a link, owned by uid, and makes it 0700.
func privateDir(dir string, uid int) error {
	if err := os.Mkdir(dir, 0o700); err != nil && !errors.Is(err, fs.ErrExist) {
		return fmt.Errorf("create serve's build cache: %w", err)
	}
	st, err := os.Lstat(dir)
	if err != nil {
		return err
	}
	if !st.IsDir() {
		return fmt.Errorf("%s is not a folder (a link or a file); remove it", dir)
	}
	if owner, ok := fileOwner(st); ok && owner != uid {
		return fmt.Errorf("%s belongs to user %d, not to you (user %d): someone else made it; remove it", dir, owner, uid)
	}
	if st.Mode().Perm() != 0o700 {
		if err := os.Chmod(dir, 0o700); err != nil {
			return fmt.Errorf("make %s private: %w", dir, err)
		}
	}
	return nil
}
