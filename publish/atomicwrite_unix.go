//go:build unix

package publish

import (
	"fmt"
	"os"
	"syscall"
)

// writeNew creates name, which must not exist, readable by all (subject
// to the umask), and writes data into it. It talks to the kernel
// directly: os.OpenFile would also try to register the file with the
// network poller and toggle its blocking mode, four more system calls per
// page that an export of ten thousand pages notices.
func writeNew(name string, data []byte) error {
	fd, err := syscall.Open(name, syscall.O_WRONLY|syscall.O_CREAT|syscall.O_EXCL|syscall.O_CLOEXEC, 0o644)
	if err != nil {
		return &os.PathError{Op: "create", Path: name, Err: err}
	}
	for len(data) > 0 {
		n, err := syscall.Write(fd, data)
		if err == syscall.EINTR {
			continue
		}
		if err != nil {
			syscall.Close(fd)
			syscall.Unlink(name)
			return &os.PathError{Op: "write", Path: name, Err: err}
		}
		if n == 0 {
			syscall.Close(fd)
			syscall.Unlink(name)
			return fmt.Errorf("write %s: no progress", name)
		}
		data = data[n:]
	}
	if err := syscall.Close(fd); err != nil {
		syscall.Unlink(name)
		return &os.PathError{Op: "close", Path: name, Err: err}
	}
	return nil
}

// renameFile renames a file over another; os.Rename would first look the
// target up to refuse a directory, which the kernel refuses anyway.
func renameFile(from, to string) error {
	if err := syscall.Rename(from, to); err != nil {
		return &os.LinkError{Op: "rename", Old: from, New: to, Err: err}
	}
	return nil
}
