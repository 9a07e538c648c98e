package publish

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"sync/atomic"
)

// tempSeq numbers temporary files, so their names need no randomness.
var tempSeq atomic.Uint64

// writeFileAtomic writes data to path through a temporary file in the
// same directory (which must exist) and a rename, so readers see the old
// file or the new one, never half of one.
func writeFileAtomic(path string, data []byte) error {
	tmp, name, err := createTemp(filepath.Dir(path))
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if _, err := tmp.Write(data); err != nil {
		_ = tmp.Close()
		_ = os.Remove(name)
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		_ = os.Remove(name)
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := os.Rename(name, path); err != nil {
		_ = os.Remove(name)
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}

// createTemp creates a new file readable by all (subject to the umask)
// with a hidden temporary name in dir.
func createTemp(dir string) (*os.File, string, error) {
	prefix := ".newsroom-" + strconv.Itoa(os.Getpid()) + "-"
	for range 1000 {
		name := filepath.Join(dir, prefix+strconv.FormatUint(tempSeq.Add(1), 10)+".tmp")
		f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		return f, name, err
	}
	return nil, "", fmt.Errorf("no free temporary name in %s", dir)
}

// ensureDir makes sure dir is a real directory (not a symbolic link) and
// reports whether it had to create it, in which case it is empty.
func ensureDir(dir string) (created bool, err error) {
	err = os.Mkdir(dir, 0o755)
	if err == nil {
		return true, nil
	}
	if !errors.Is(err, fs.ErrExist) {
		return false, fmt.Errorf("create directory %s: %w", dir, err)
	}
	fi, err := os.Lstat(dir)
	if err != nil {
		return false, fmt.Errorf("check directory %s: %w", dir, err)
	}
	if !fi.IsDir() {
		return false, fmt.Errorf("refusing to write into %s: it is not a directory", dir)
	}
	return false, nil
}
