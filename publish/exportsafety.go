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
	// Temporary files sit beside what they replace: the site's root, a
	// page's folder (slug/, media/) or a listing's (tag/NAME/,
	// section/NAME/). Dot folders and symbolic links are not entered.
	_ = fs.WalkDir(e.safe.FS(), ".", func(rel string, d fs.DirEntry, err error) error {
		switch {
		case err != nil:
			return nil // an unreadable folder: leave it
		case d.IsDir():
			if rel != "." && (strings.HasPrefix(d.Name(), ".") || strings.Count(rel, "/") >= maxStrayDepth) {
				return fs.SkipDir
			}
		case d.Type().IsRegular() && strayTemp(d.Name()):
			_ = e.safe.Remove(rel)
		}
		return nil
	})
}

// maxStrayDepth is how many folders deep the export writes files
// (tag/NAME/index.html): strays are looked for no deeper.
const maxStrayDepth = 2

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
