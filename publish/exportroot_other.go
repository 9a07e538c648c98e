//go:build !unix

package publish

import (
	"os"
	"path/filepath"
)

// exportRoot looks up files inside the export directory.
type exportRoot struct{ dir string }

func openExportRoot(dir string) exportRoot { return exportRoot{dir: dir} }

// regularSize returns the size of the regular file at rel (slash
// separated, not following a final symbolic link), or -1.
func (r exportRoot) regularSize(rel string) int64 {
	fi, err := os.Lstat(filepath.Join(r.dir, filepath.FromSlash(rel)))
	if err != nil || !fi.Mode().IsRegular() {
		return -1
	}
	return fi.Size()
}

func (r exportRoot) close() {}
