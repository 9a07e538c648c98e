package publish

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
)

// runningMarker is written in the export folder while an export runs and
// removed when it ends. Finding it at the start means an export was
// killed there, so its temporary files may be left in any page folder.
const runningMarker = ".newsroom-exporting"

// markRunning writes the running marker; the function it returns removes
// it.
func (e *exporter) markRunning() func() {
	name := filepath.Join(e.dir, runningMarker)
	if err := os.WriteFile(name, []byte(strconv.Itoa(os.Getpid())+"\n"), 0o644); err != nil {
		return func() {}
	}
	return func() { _ = os.Remove(name) }
}

// sweepStrays removes temporary files of ours (.newsroom-PID-N.tmp) that
// a killed export left, in the export folder and every page folder, when
// the running marker shows an export was killed here; otherwise it costs
// one lookup. Files of a process still running (another export) are left
// alone.
func (e *exporter) sweepStrays() {
	if _, err := e.safe.Lstat(runningMarker); err != nil {
		return
	}
	entries, err := fs.ReadDir(e.safe.FS(), ".")
	if err != nil {
		return
	}
	for _, entry := range entries {
		switch {
		case entry.Type().IsRegular() && strayTemp(entry.Name()):
			_ = e.safe.Remove(entry.Name())
		case entry.IsDir() && !strings.HasPrefix(entry.Name(), "."):
			inner, err := fs.ReadDir(e.safe.FS(), entry.Name())
			if err != nil {
				continue
			}
			for _, f := range inner {
				if f.Type().IsRegular() && strayTemp(f.Name()) {
					_ = e.safe.Remove(filepath.Join(entry.Name(), f.Name()))
				}
			}
		}
	}
}

// strayTemp reports whether name is a temporary file of writeFileAtomic
// written by a process that is no longer running.
func strayTemp(name string) bool {
	rest, ok := strings.CutPrefix(name, ".newsroom-")
	if !ok {
		return false
	}
	rest, ok = strings.CutSuffix(rest, ".tmp")
	if !ok {
		return false
	}
	pidText, seq, ok := strings.Cut(rest, "-")
	pid, err1 := strconv.Atoi(pidText)
	_, err2 := strconv.ParseUint(seq, 10, 64)
	if !ok || err1 != nil || err2 != nil || pid <= 0 {
		return false
	}
	return pid != os.Getpid() && !processRunning(pid)
}

// processRunning reports whether a process with that id exists.
func processRunning(pid int) bool {
	p, err := os.FindProcess(pid)
	if err != nil {
		return false
	}
	err = p.Signal(syscall.Signal(0))
	return err == nil || errors.Is(err, syscall.EPERM)
}

// removeFreshDirs removes, after a failed export, the page folders it
// created that stayed empty (pages it never wrote).
func (e *exporter) removeFreshDirs(jobs []pageJob) {
	for i := range e.fresh {
		if e.fresh[i].Load() {
			_ = e.safe.Remove(jobs[i].a.Slug) // only succeeds when empty
		}
	}
}
