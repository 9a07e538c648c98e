//go:build !unix

package publish

import "os"

// writeNew creates name, which must not exist, and writes data into it.
func writeNew(name string, data []byte) error {
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		os.Remove(name)
		return err
	}
	if err := f.Close(); err != nil {
		os.Remove(name)
		return err
	}
	return nil
}

// renameFile renames a file over another.
func renameFile(from, to string) error { return os.Rename(from, to) }
