package editor

import (
	"context"
	"errors"
	"fmt"
	"time"

	"newsroom/domain"
)

// Locker is what the editor needs for article locks and for showing only
// what the signed-in person may do; *storage.Store satisfies it. When the
// editor's Store is also a Locker and someone is signed in, opening an
// article locks it; otherwise (tests, a newsroom without staff) there are
// no locks and every field is editable.
type Locker interface {
	SignedIn() (domain.Staff, bool)
	Policy(ctx context.Context) (domain.Policy, error)
	ArticleAuthors(ctx context.Context, articleID int64) ([]string, error)
	AcquireLock(ctx context.Context, articleID int64) (domain.Lock, error)
	TakeOverLock(ctx context.Context, articleID int64) (domain.Lock, error)
	RefreshLock(ctx context.Context, articleID int64) error
	ReleaseLock(ctx context.Context, articleID int64) error
	LockOf(ctx context.Context, articleID int64) (domain.Lock, bool, error)
	KeepUnsavedText(ctx context.Context, a *domain.Article, note string) error
	ChangeCounter(ctx context.Context, name string) (int64, error)
}

// Lock timing: the lock is refreshed well within storage's two minutes.
// Every LockWatchEvery the window looks at the "locks" and "articles"
// change counters (on PostgreSQL held in memory by LISTEN/NOTIFY, on
// SQLite one cheap query, as the article list's watch): the lock itself is
// read only when the locks counter moved (taken, taken over, released), so
// a take-over or a release shows within a quarter of a second. A lock that
// expires changes nothing in the database; it is read at least every
// LockFallbackEvery all the same.
const (
	LockRefreshEvery  = 30 * time.Second
	LockWatchEvery    = 250 * time.Millisecond
	LockFallbackEvery = 30 * time.Second
)

// lockState is the open article's lock (UI goroutine only).
type lockState struct {
	id       int64 // the article it is about; 0 when none
	gen      int   // bumped for every article, so late results are dropped
	held     bool  // this window holds the lock
	readOnly bool  // someone else holds it, or the role may not edit
	canTake  bool  // the signed-in person may take over
	policy   domain.Policy
	authors  []string
	counter  int64     // the articles change counter last seen (following)
	locks    int64     // the locks change counter when the lock was last read
	looked   time.Time // when the lock was last read
	takenBy  string    // the lock line after a take-over, kept while following
	timers   []interface{ Stop() bool }
}

// locker returns the store as a Locker when someone is signed in.
func (s *Screen) locker() (Locker, domain.Staff, bool) {
	l, ok := s.store.(Locker)
	if !ok {
		return nil, domain.Staff{}, false
	}
	me, ok := l.SignedIn()
	return l, me, ok
}

// afterShow is called by show: a newly shown article is locked (or shown
// read-only); a reload of the same article keeps its lock state.
func (s *Screen) afterShow(a *domain.Article) {
	l, _, ok := s.locker()
	if !ok {
		return
	}
	if s.lock.id == a.ID && (s.lock.held || s.lock.readOnly) {
		s.applyLockState()
		return
	}
	s.dropLock()
	s.lock = lockState{id: a.ID, gen: s.lock.gen + 1, readOnly: true}
	s.setEditable(false)
	s.setLockBar("", false)
	s.acquire(l, false)
}

// acquire asks for the lock (or takes it over) off the UI goroutine.
func (s *Screen) acquire(l Locker, takeOver bool) {
	id, gen := s.lock.id, s.lock.gen
	s.sched.Go(func() {
		ctx := context.Background()
		locks, _ := l.ChangeCounter(ctx, "locks") // before: a change after it is seen at the next look
		looked := s.sched.Now()
		var err error
		if takeOver {
			_, err = l.TakeOverLock(ctx, id)
		} else {
			_, err = l.AcquireLock(ctx, id)
		}
		p, perr := l.Policy(ctx)
		authors, aerr := l.ArticleAuthors(ctx, id)
		var holder domain.Lock
		var held bool
		if errors.Is(err, domain.ErrLocked) {
			holder, held, _ = l.LockOf(ctx, id)
		}
		counter, _ := l.ChangeCounter(ctx, "articles")
		s.sched.Do(func() {
			if s.lock.gen != gen {
				return
			}
			s.lock.policy, s.lock.authors, s.lock.counter = p, authors, counter
			s.lock.locks, s.lock.looked = locks, looked
			if err == nil {
				err = errors.Join(perr, aerr)
			}
			s.acquired(err, holder, held, takeOver)
		})
	})
}

// acquired takes the answer of acquire (UI goroutine).
func (s *Screen) acquired(err error, holder domain.Lock, held, tookOver bool) {
	_, me, _ := s.locker()
	if s.article == nil {
		return
	}
	facts := domain.ArticleFacts{Authors: s.lock.authors, Status: s.article.Status}
	var locked *domain.LockedError
	switch {
	case err == nil:
		s.lock.held, s.lock.readOnly, s.lock.takenBy = true, false, ""
		if tookOver {
			s.reload() // the text as the one taken over left it
		}
		s.applyLockState()
		s.scheduleRefresh()
	case errors.As(err, &locked):
		if held {
			locked.Holder = holder
		}
		s.lock.held, s.lock.readOnly = false, true
		s.lock.canTake = s.lock.policy.Can(me, domain.ActTakeOver, facts)
		s.applyLockState()
		s.setLockBar(editingText(locked.Holder), s.lock.canTake)
	case errors.Is(err, domain.ErrForbidden):
		s.lock.held, s.lock.readOnly = false, true
		s.applyLockState()
		var f *domain.Forbidden
		msg := err.Error()
		if errors.As(err, &f) {
			msg = fmt.Sprintf("You can read this article but not change it: as %s you may not %s (%s).", f.Who.Role, f.Action, f.Because)
		}
		s.setLockBar(msg, false)
	default:
		s.lock.held, s.lock.readOnly = false, true
		s.applyLockState()
		s.setLockBar("Could not lock the article for editing: "+err.Error(), false)
	}
	s.scheduleWatch()
}

// savesBlockedByLock reports whether autosave must not write (the article
// is read-only here).
func (s *Screen) savesBlockedByLock() bool { return s.lock.readOnly }

// scheduleRefresh keeps the lock alive every LockRefreshEvery.
func (s *Screen) scheduleRefresh() {
	gen, id := s.lock.gen, s.lock.id
	t := s.sched.AfterFunc(LockRefreshEvery, func() {
		l, _, ok := s.locker()
		if !ok {
			return
		}
		err := l.RefreshLock(context.Background(), id)
		s.sched.Do(func() {
			if s.lock.gen != gen || !s.lock.held {
				return
			}
			if errors.Is(err, domain.ErrLockLost) {
				var locked *domain.LockedError
				holder := domain.Lock{Name: "Someone"}
				if errors.As(err, &locked) {
					holder = locked.Holder
				}
				s.takenOver(holder)
				return
			}
			s.scheduleRefresh()
		})
	})
	s.lock.timers = append(s.lock.timers, t)
}

// scheduleWatch looks at the change counters every LockWatchEvery, and
// at the lock when it changed (or LockFallbackEvery passed): the holder
// sees a take-over at once; a reader follows the holder's saves and gets
// the article when it is free.
func (s *Screen) scheduleWatch() {
	gen, id := s.lock.gen, s.lock.id
	seenLocks, looked, following := s.lock.locks, s.lock.looked, s.lock.readOnly
	t := s.sched.AfterFunc(LockWatchEvery, func() {
		l, _, ok := s.locker()
		if !ok {
			return
		}
		ctx := context.Background()
		now := s.sched.Now()
		locks, lerr := l.ChangeCounter(ctx, "locks")
		var counter int64
		var cerr error
		if following { // only a read-only view follows the saves
			counter, cerr = l.ChangeCounter(ctx, "articles")
		}
		look := lerr != nil || locks != seenLocks || now.Sub(looked) >= LockFallbackEvery
		var holder domain.Lock
		var locked bool
		var err error
		if look {
			holder, locked, err = l.LockOf(ctx, id)
		}
		s.sched.Do(func() {
			if s.lock.gen != gen {
				return
			}
			defer s.scheduleWatch()
			if look && err == nil {
				s.lock.looked = now
				if lerr == nil {
					s.lock.locks = locks
				}
				switch {
				case s.lock.held && locked && !holder.Mine:
					s.takenOver(holder)
					return
				case s.lock.readOnly && !locked && s.lock.canTake:
					s.acquire(l, false) // the holder closed it: it is free
					return
				case s.lock.readOnly && locked && s.lock.takenBy == "" && s.lock.canTake:
					s.setLockBar(editingText(holder), s.lock.canTake) // perhaps someone new
				}
			}
			if following && s.lock.readOnly && cerr == nil && counter != s.lock.counter {
				s.lock.counter = counter
				s.reload()
			}
		})
	})
	s.lock.timers = append(s.lock.timers, t)
}

// reload reads the open article again and shows it, keeping the lock state.
func (s *Screen) reload() {
	id, gen := s.lock.id, s.lock.gen
	s.sched.Go(func() {
		a, err := s.store.GetArticle(context.Background(), id)
		s.sched.Do(func() {
			if err != nil || s.lock.gen != gen || s.article == nil || s.article.ID != id {
				return
			}
			s.show(a)
		})
	})
}

// takenOver: someone took the article. What was not saved yet is kept as
// a revision, the editor turns read-only and follows the new holder.
func (s *Screen) takenOver(holder domain.Lock) {
	l, me, ok := s.locker()
	if !ok || s.article == nil {
		return
	}
	s.lock.held, s.lock.readOnly = false, true
	s.stopTimer()
	msg := fmt.Sprintf("%s took over this article at %s. It is read-only for you now.", holder.Name, holder.Since.Local().Format("15:04"))
	if s.save.dirty || s.save.inFlight {
		unsaved := cloneArticle(s.article)
		note := fmt.Sprintf("unsaved text of %s when %s took over", me.Name, holder.Name)
		s.sched.Go(func() {
			err := l.KeepUnsavedText(context.Background(), unsaved, note)
			s.sched.Do(func() {
				if err != nil {
					s.lock.takenBy = msg + " Your unsaved text could not be kept: " + err.Error()
					s.setLockBar(s.lock.takenBy, s.lock.canTake)
					return
				}
				s.refreshPanels()
			})
		})
		msg += " Your unsaved text is kept as a revision (see History)."
	}
	s.save.dirty = false
	facts := domain.ArticleFacts{Authors: s.lock.authors, Status: s.article.Status}
	s.lock.canTake = s.lock.policy.Can(me, domain.ActTakeOver, facts)
	s.lock.takenBy = msg
	s.applyLockState()
	s.setLockBar(msg, s.lock.canTake)
	s.reload()
}

// lockRefusedSave handles a save the store refused because someone else
// holds the lock: handled as a take-over (the text is kept). It reports
// whether err was such a refusal.
func (s *Screen) lockRefusedSave(err error) bool {
	var locked *domain.LockedError
	if !errors.As(err, &locked) {
		return false
	}
	if !s.lock.readOnly {
		s.save.dirty = true // so takenOver keeps the text that failed
		s.takenOver(locked.Holder)
	}
	return true
}

// takeOver is the Take over button.
func (s *Screen) takeOver() {
	l, _, ok := s.locker()
	if !ok || s.article == nil {
		return
	}
	s.lock.gen++
	s.stopLockTimers()
	s.acquire(l, true)
}

// stopLockTimers cancels the refresh and watch timers.
func (s *Screen) stopLockTimers() {
	for _, t := range s.lock.timers {
		t.Stop()
	}
	s.lock.timers = nil
}

// dropLock stops watching and releases the lock of the article that was
// shown (in the background).
func (s *Screen) dropLock() {
	s.stopLockTimers()
	l, _, ok := s.locker()
	if ok && s.lock.held {
		id := s.lock.id
		s.sched.Go(func() { _ = l.ReleaseLock(context.Background(), id) })
	}
	s.lock = lockState{gen: s.lock.gen + 1}
	s.setLockBar("", false)
}

// ReleaseLock releases the open article's lock (closing the window) and
// then calls done on the UI goroutine.
func (s *Screen) ReleaseLock(done func()) {
	s.stopLockTimers()
	l, _, ok := s.locker()
	if !ok || !s.lock.held {
		done()
		return
	}
	id := s.lock.id
	s.lock = lockState{gen: s.lock.gen + 1}
	s.sched.Go(func() {
		_ = l.ReleaseLock(context.Background(), id)
		s.sched.Do(done)
	})
}
