package editor

import (
	"context"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"newsroom/domain"
	"newsroom/storage"
)

// countingStore is a real store that counts how often the lock is read.
type countingStore struct {
	*storage.Store
	lockReads atomic.Int64
}

func (c *countingStore) LockOf(ctx context.Context, articleID int64) (domain.Lock, bool, error) {
	c.lockReads.Add(1)
	return c.Store.LockOf(ctx, articleID)
}

// openCountingDesk is openDesk with a store that counts lock reads.
func openCountingDesk(t *testing.T, path, login string) (*Screen, *countingStore) {
	t.Helper()
	st, err := storage.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if _, err := st.SignIn(context.Background(), login); err != nil {
		t.Fatal(err)
	}
	cs := &countingStore{Store: st}
	w := test.NewWindow(nil)
	t.Cleanup(w.Close)
	w.Resize(fyne.NewSize(1000, 700))
	s := NewScreen(cs, w, func() string { return "typed name" }, newTestScheduler())
	w.SetContent(s.Content())
	return s, cs
}

// TestLockViewFollowsTheLocksCounter: a reader's window does not read the
// lock while nothing changes (only the slow fallback), and sees the
// holder's release within a quarter of a second, from the locks counter.
func TestLockViewFollowsTheLocksCounter(t *testing.T) {
	path, a := lockNewsroom(t)
	rita := openDesk(t, path, "rita")
	rita.s.Load(a.ID, FocusBody)
	waitFor(t, rita.s, "rita's lock", func() bool { return rita.s.lock.held })

	ed, counted := openCountingDesk(t, path, "ed")
	ed.Load(a.ID, FocusBody)
	waitFor(t, ed, "ed's refusal", func() bool { return ed.LockText() != "" })
	if !strings.HasPrefix(ed.LockText(), "Rita Reporter is editing since ") {
		t.Fatalf("ed sees %q", ed.LockText())
	}
	// Idle: 10 s of looks at the counters, no read of the lock.
	f := fakeOf(ed)
	f.Settle()
	counted.lockReads.Store(0)
	for range 100 {
		f.Advance(100 * time.Millisecond)
	}
	if n := counted.lockReads.Load(); n != 0 {
		t.Fatalf("the reader read the lock %d times in 10 s while nothing changed", n)
	}
	// The slow fallback (a lock that expires changes nothing).
	for range 200 {
		f.Advance(100 * time.Millisecond)
	}
	if n := counted.lockReads.Load(); n != 1 {
		t.Fatalf("the reader read the lock %d times in 30 s, want once (the fallback)", n)
	}
	// Rita closes the article: Ed has it within 250 ms of fake time.
	done := false
	rita.s.ReleaseLock(func() { done = true })
	waitFor(t, rita.s, "the release", func() bool { return done })
	start := f.Now()
	waitFor(t, ed, "ed's lock", func() bool { return ed.lock.held && !ed.ReadOnly() })
	if took, within := f.Now().Sub(start), LockWatchEvery+100*time.Millisecond; took > within { // waitFor's step
		t.Fatalf("ed got the released article after %v, want within %v", took, within)
	}
	// And Rita's read-only view sees Ed take it at once too.
	rita.s.Load(a.ID, FocusBody)
	waitFor(t, rita.s, "rita's refusal", func() bool { return strings.HasPrefix(rita.s.LockText(), "Ed Editor is editing since ") })
}
