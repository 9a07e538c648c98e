package storage

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"newsroom/domain"
)

// twoDesks opens a second store on the fixture's file: two processes'
// worth of handles on one SQLite file, each signed in as its own person.
func twoDesks(t *testing.T, f fixture, first, second string) (*Store, *Store) {
	t.Helper()
	other, err := Open(f.s.Path())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { other.Close() })
	signIn(t, f.s, first)
	signIn(t, other, second)
	return f.s, other
}

func TestLockBetweenTwoStores(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	rita, ed := twoDesks(t, f, "rita", "ed")
	id := f.ritaReview.ID
	lock, err := rita.AcquireLock(ctx, id)
	if err != nil || !lock.Mine || lock.Name != "Rita Reporter" {
		t.Fatalf("rita locks: %+v %v", lock, err)
	}
	// Ed sees who is editing, and cannot lock or save.
	held, ok, err := ed.LockOf(ctx, id)
	if err != nil || !ok || held.Mine || held.Login != "rita" {
		t.Fatalf("ed sees the lock: %+v %v %v", held, ok, err)
	}
	_, err = ed.AcquireLock(ctx, id)
	var locked *LockedError
	if !errors.As(err, &locked) || locked.Holder.Name != "Rita Reporter" || !strings.Contains(err.Error(), "Rita Reporter is editing it since") {
		t.Fatalf("ed locks a locked article: %v", err)
	}
	cur := f.fresh(t, f.ritaReview)
	cur.Body += " Ed's change."
	if _, err := ed.SaveArticle(ctx, cur, ""); !errors.Is(err, ErrLocked) {
		t.Fatalf("ed saves a locked article: %v", err)
	}
	// Rita's own saves go on.
	mine := f.fresh(t, f.ritaReview)
	mine.Body += " Rita's change."
	if _, err := rita.SaveArticle(ctx, mine, ""); err != nil {
		t.Fatalf("the holder saves: %v", err)
	}
	if err := rita.RefreshLock(ctx, id); err != nil {
		t.Fatal(err)
	}
	// Ed takes over; Rita finds out at her next refresh, and saving fails.
	if _, err := ed.TakeOverLock(ctx, id); err != nil {
		t.Fatalf("editor takes over: %v", err)
	}
	err = rita.RefreshLock(ctx, id)
	if !errors.Is(err, ErrLockLost) || !strings.Contains(err.Error(), "Ed Editor took over") {
		t.Fatalf("rita refreshes a lock taken over: %v", err)
	}
	if held, ok, _ := rita.LockOf(ctx, id); !ok || held.Mine || held.Login != "ed" {
		t.Fatalf("rita sees %+v %v", held, ok)
	}
	mine.Body += " Unsaved when taken over."
	if _, err := rita.SaveArticle(ctx, mine, ""); !errors.Is(err, ErrLocked) {
		t.Fatalf("rita saves after being taken over: %v", err)
	}
	if err := rita.KeepUnsavedText(ctx, mine, "unsaved text of Rita Reporter when Ed Editor took over"); err != nil {
		t.Fatal(err)
	}
	revs, err := ed.Revisions(ctx, id)
	if err != nil || !strings.Contains(revs[0].Body, "Unsaved when taken over.") || revs[0].Author != "Rita Reporter" {
		t.Fatalf("the unsaved text is not a revision: %+v %v", revs[0], err)
	}
	if a := f.fresh(t, f.ritaReview); strings.Contains(a.Body, "Unsaved") {
		t.Fatal("keeping the unsaved text changed the article")
	}
	events, _ := ed.History(ctx, id)
	if last := events[len(events)-1]; last.Kind != EventLockTakenOver || last.Who != "Ed Editor" || !strings.Contains(last.Detail, "Rita Reporter") {
		t.Fatalf("history: %+v", last)
	}
	// Released on close: Rita may lock again.
	if err := ed.ReleaseLock(ctx, id); err != nil {
		t.Fatal(err)
	}
	if _, ok, _ := rita.LockOf(ctx, id); ok {
		t.Fatal("a released lock is still held")
	}
	if _, err := rita.AcquireLock(ctx, id); err != nil {
		t.Fatalf("lock after release: %v", err)
	}
}

func TestLockExpiresWithoutRefresh(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	rita, ed := twoDesks(t, f, "rita", "ed")
	id := f.ritaReview.ID
	start := time.Now().UTC()
	rita.SetClock(func() time.Time { return start })
	if _, err := rita.AcquireLock(ctx, id); err != nil {
		t.Fatal(err)
	}
	ed.SetClock(func() time.Time { return start.Add(LockTTL - time.Second) })
	if _, ok, _ := ed.LockOf(ctx, id); !ok {
		t.Fatal("a lock refreshed within the TTL is free")
	}
	ed.SetClock(func() time.Time { return start.Add(LockTTL + time.Second) })
	if _, ok, _ := ed.LockOf(ctx, id); ok {
		t.Fatal("a lock not refreshed for the TTL still holds")
	}
	if _, err := ed.AcquireLock(ctx, id); err != nil {
		t.Fatalf("lock a stale lock: %v", err)
	}
	events, err := ed.History(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range events {
		if e.Kind == EventLockTakenOver {
			t.Fatal("taking a stale lock is recorded as a take-over")
		}
	}
}

func TestTakeOverIsForEditorsAndOwnAuthors(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	ed, cora := twoDesks(t, f, "ed", "cora")
	if _, err := ed.AcquireLock(ctx, f.ritaReview.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := cora.TakeOverLock(ctx, f.ritaReview.ID); !errors.Is(err, domain.ErrForbidden) {
		t.Fatalf("a contributor takes over another's article: %v", err)
	}
	if _, err := cora.AcquireLock(ctx, f.pub.ID); !errors.Is(err, domain.ErrForbidden) {
		t.Fatalf("a contributor locks an article she may not edit: %v", err)
	}
	rita, err := Open(f.s.Path())
	if err != nil {
		t.Fatal(err)
	}
	defer rita.Close()
	signIn(t, rita, "rita")
	if _, err := rita.TakeOverLock(ctx, f.ritaReview.ID); err != nil {
		t.Fatalf("the article's reporter takes over: %v", err)
	}
	if err := ed.RefreshLock(ctx, f.ritaReview.ID); !errors.Is(err, ErrLockLost) {
		t.Fatalf("ed was taken over: %v", err)
	}
}

// TestLockChangesAreHeardAcrossStores: taking, taking over and releasing a
// lock through one store moves the other store's "locks" counter (on
// PostgreSQL heard through LISTEN/NOTIFY, not read by a query); a renewal
// does not, so open windows are not woken every 30 s per lock.
func TestLockChangesAreHeardAcrossStores(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	rita, ed := twoDesks(t, f, "rita", "ed")
	id := f.ritaReview.ID
	for _, s := range []*Store{rita, ed} {
		if s.watcher != nil {
			waitFor(t, func() bool {
				_, _ = s.ChangeCounter(ctx, "locks") // clears "read our own writes from the database"
				_, ok := s.watcher.counter("locks")
				return ok
			})
		}
	}
	// stored reads the counter from the database itself.
	stored := func() int64 {
		var n int64
		if err := rita.reader.QueryRowContext(ctx, `SELECT value FROM change_counters WHERE name = 'locks'`).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	// heardBy waits until watcher's counter passes what it was before do.
	heardBy := func(watcher *Store, what string, do func() error) {
		t.Helper()
		before, err := watcher.ChangeCounter(ctx, "locks")
		if err != nil {
			t.Fatal(err)
		}
		var heard int64
		if watcher.watcher != nil {
			heard = watcher.watcher.heard.Load()
		}
		if err := do(); err != nil {
			t.Fatalf("%s: %v", what, err)
		}
		done := time.Now()
		waitFor(t, func() bool {
			n, err := watcher.ChangeCounter(ctx, "locks")
			return err == nil && n > before
		})
		t.Logf("%s: seen by the other store %v after it returned", what, time.Since(done).Round(time.Millisecond))
		if watcher.watcher != nil && watcher.watcher.heard.Load() == heard {
			t.Fatalf("%s was not heard through NOTIFY", what)
		}
	}
	heardBy(ed, "rita takes the lock", func() error { _, err := rita.AcquireLock(ctx, id); return err })
	renewed := stored()
	if err := rita.RefreshLock(ctx, id); err != nil {
		t.Fatal(err)
	}
	if n := stored(); n != renewed {
		t.Fatalf("a renewal moved the locks counter %d → %d", renewed, n)
	}
	heardBy(rita, "ed takes over", func() error { _, err := ed.TakeOverLock(ctx, id); return err })
	heardBy(rita, "ed releases", func() error { return ed.ReleaseLock(ctx, id) })
}
