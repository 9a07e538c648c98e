package cli

import (
	"runtime/debug"
	"testing"
)

// gcPercent returns the current GOGC percentage.
func gcPercent() int {
	p := debug.SetGCPercent(100)
	debug.SetGCPercent(p)
	return p
}

// TestExportGCBoundsTheHeap checks that an export collects less often
// but under a soft memory limit, that both are restored afterwards, and
// that GOGC and GOMEMLIMIT set by the user win.
func TestExportGCBoundsTheHeap(t *testing.T) {
	t.Setenv("GOGC", "")
	t.Setenv("GOMEMLIMIT", "")
	limit, percent := debug.SetMemoryLimit(-1), gcPercent()
	restore := exportGC()
	if got := debug.SetMemoryLimit(-1); got != exportMemoryLimit {
		t.Errorf("memory limit during an export %d, want %d", got, exportMemoryLimit)
	}
	if got := gcPercent(); got != 400 {
		t.Errorf("GOGC during an export %d, want 400", got)
	}
	restore()
	if got := debug.SetMemoryLimit(-1); got != limit {
		t.Errorf("memory limit after the export %d, want %d again", got, limit)
	}
	if got := gcPercent(); got != percent {
		t.Errorf("GOGC after the export %d, want %d again", got, percent)
	}
	t.Setenv("GOGC", "150")
	t.Setenv("GOMEMLIMIT", "1GiB")
	restore = exportGC()
	defer restore()
	if got := debug.SetMemoryLimit(-1); got != limit {
		t.Errorf("with GOMEMLIMIT set, the export set the memory limit to %d", got)
	}
	if got := gcPercent(); got != percent {
		t.Errorf("with GOGC set, the export set it to %d", got)
	}
}

// TestMemoryLimitForFollowsALargeLiveHeap checks that the export's memory
// limit is exportMemoryLimit for a small live heap and twice a live heap
// of more than half of it.
func TestMemoryLimitForFollowsALargeLiveHeap(t *testing.T) {
	for _, c := range []struct{ live, want int64 }{
		{0, exportMemoryLimit},
		{20 << 20, exportMemoryLimit},
		{exportMemoryLimit / 2, exportMemoryLimit},
		{exportMemoryLimit, 2 * exportMemoryLimit},
		{300 << 20, 600 << 20},
	} {
		if got := memoryLimitFor(c.live); got != c.want {
			t.Errorf("memoryLimitFor(%d) = %d, want %d", c.live, got, c.want)
		}
	}
}
