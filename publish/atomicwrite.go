package publish

import (
	"bufio"
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

// tempPrefix starts the names of temporary files: hidden, and naming the
// process that writes them.
var tempPrefix = ".newsroom-" + strconv.Itoa(os.Getpid()) + "-"

// writeFileAtomic writes data to path through a temporary file in the
// same directory (which must exist) and a rename, so readers see the old
// file or the new one, never half of one.
func writeFileAtomic(path string, data []byte) error {
	tmp, err := writeTemp(path, data)
	if err != nil {
		return err
	}
	if err := renameFile(tmp, path); err != nil {
		_ = os.Remove(tmp)
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}

// writeFileAtomicWith is writeFileAtomic for a file written by write
// through a buffer, so its bytes need not be in memory all at once.
func writeFileAtomicWith(path string, write func(*bufio.Writer) error) error {
	dir := filepath.Dir(path)
	for range 1000 {
		name := filepath.Join(dir, tempPrefix+strconv.FormatUint(tempSeq.Add(1), 10)+".tmp")
		f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		if err != nil {
			return fmt.Errorf("write %s: %w", path, err)
		}
		w := bufio.NewWriterSize(f, 64<<10)
		err = write(w)
		if err == nil {
			err = w.Flush()
		}
		if closeErr := f.Close(); err == nil {
			err = closeErr
		}
		if err == nil {
			err = renameFile(name, path)
		}
		if err != nil {
			_ = os.Remove(name)
			return fmt.Errorf("write %s: %w", path, err)
		}
		return nil
	}
	return fmt.Errorf("write %s: no free temporary name in %s", path, dir)
}

// writeTemp writes data to a new temporary file beside path (in its
// directory, which must exist) and returns the temporary file's name; a
// rename puts it in place.
func writeTemp(path string, data []byte) (string, error) {
	dir := filepath.Dir(path)
	for range 1000 {
		name := filepath.Join(dir, tempPrefix+strconv.FormatUint(tempSeq.Add(1), 10)+".tmp")
		err := writeNew(name, data)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		if err != nil {
			return "", fmt.Errorf("write %s: %w", path, err)
		}
		return name, nil
	}
	return "", fmt.Errorf("write %s: no free temporary name in %s", path, dir)
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
