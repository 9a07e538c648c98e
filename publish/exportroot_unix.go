//go:build unix

package publish

import (
	"path/filepath"

	"golang.org/x/sys/unix"
)

// exportRoot looks up files relative to an open descriptor of the export
// directory, so checking ten thousand pages does not resolve the
// directory's own path ten thousand times.
type exportRoot struct {
	dir string
	fd  int // -1 when the directory could not be opened
}

func openExportRoot(dir string) exportRoot {
	fd, err := unix.Open(dir, unix.O_RDONLY|unix.O_DIRECTORY|unix.O_CLOEXEC, 0)
	if err != nil {
		fd = -1
	}
	return exportRoot{dir: dir, fd: fd}
}

// regularSize returns the size of the regular file at rel (slash
// separated, not following a final symbolic link), or -1.
func (r exportRoot) regularSize(rel string) int64 {
	var st unix.Stat_t
	var err error
	if r.fd >= 0 {
		err = unix.Fstatat(r.fd, rel, &st, unix.AT_SYMLINK_NOFOLLOW)
	} else {
		err = unix.Lstat(filepath.Join(r.dir, filepath.FromSlash(rel)), &st)
	}
	if err != nil || st.Mode&unix.S_IFMT != unix.S_IFREG {
		return -1
	}
	return st.Size
}

func (r exportRoot) close() {
	if r.fd >= 0 {
		unix.Close(r.fd)
	}
}
