package editor

import (
	"context"
	"errors"
	"fmt"
	"time"

	"fyne.io/fyne/v2/dialog"

	"newsroom/domain"
)

// markDirty schedules an autosave.
func (s *Screen) markDirty() {
	now := s.sched.Now()
	if !s.save.dirty {
		s.save.dirty = true
		s.save.firstDirty = now
	}
	s.stopTimer()
	if now.Sub(s.save.firstDirty) >= saveMaxWait {
		s.startSave()
		return
	}
	wait := saveQuiet
	if left := saveMaxWait - now.Sub(s.save.firstDirty); left < wait {
		wait = left
	}
	s.save.timer = s.sched.AfterFunc(wait, func() { s.sched.Do(s.startSave) })
}

// stopTimer cancels a scheduled autosave.
func (s *Screen) stopTimer() {
	if s.save.timer != nil {
		s.save.timer.Stop()
		s.save.timer = nil
	}
}

// SaveNow saves at once (Ctrl+S).
func (s *Screen) SaveNow() {
	if s.article == nil {
		return
	}
	s.save.dirty = true
	s.startSave()
}

// Flush saves pending changes, then calls done on the UI goroutine. When
// nothing is pending, done runs at once.
func (s *Screen) Flush(done func()) {
	if s.article == nil || (!s.save.dirty && !s.save.inFlight) {
		done()
		return
	}
	s.save.waiters = append(s.save.waiters, done)
	if !s.save.inFlight {
		s.startSave()
	}
}

// saveStateText describes the autosave state for the info line.
func (s *Screen) saveStateText() string {
	switch {
	case s.save.offline:
		return offlineText
	case s.save.blocked:
		return "not saved: changed elsewhere"
	case s.save.inFlight:
		return "saving…"
	case s.save.dirty:
		return "unsaved changes"
	}
	return "saved"
}

// startSave writes a snapshot of the working copy off the UI goroutine.
// Typing goes on meanwhile; changes made during the save are saved next.
func (s *Screen) startSave() {
	s.stopTimer()
	if s.article == nil || s.save.blocked || s.save.inFlight || !s.save.dirty || s.savesBlockedByLock() {
		return
	}
	snap := cloneArticle(s.article)
	s.save.dirty = false
	s.save.inFlight = true
	who := s.user()
	s.sched.Go(func() {
		res, err := s.store.SaveArticle(context.Background(), snap, who)
		s.sched.Do(func() { s.saveDone(snap, res, err) })
	})
}

// saveDone takes the result of a save back on the UI goroutine.
func (s *Screen) saveDone(snap *domain.Article, res domain.SaveResult, err error) {
	s.save.inFlight = false
	if s.article == nil || s.article.ID != snap.ID {
		s.runWaiters()
		return
	}
	if err != nil {
		s.saveFailed(snap, err)
		return
	}
	s.backOnline()
	s.article.Version = snap.Version
	s.article.UpdatedAt = snap.UpdatedAt
	s.article.FactCheck.Digest = snap.FactCheck.Digest
	if res.FactCheckRevoked {
		s.article.FactCheck.Checked = false
		s.showFactCheck()
		s.notice.SetText(fmt.Sprintf("Fact check revoked: the text changed after %s checked it. Check it again before publishing.", snap.FactCheck.By))
	}
	if res.FactCheckRestored {
		s.article.FactCheck.Checked = true
		s.showFactCheck()
		s.notice.SetText(fmt.Sprintf("Fact check restored: the text is back to exactly what %s checked.", snap.FactCheck.By))
	}
	s.info.SetText(s.wordInfo() + " · " + s.saveStateText())
	if s.OnSaved != nil {
		s.OnSaved(cloneArticle(s.article))
	}
	if res.Changed {
		s.refreshPanels()
	}
	if s.save.dirty {
		s.startSave()
		return
	}
	s.info.SetText(s.wordInfo() + " · saved")
	s.runWaiters()
}

// runWaiters calls everything waiting for the save to finish.
func (s *Screen) runWaiters() {
	ws := s.save.waiters
	s.save.waiters = nil
	for _, w := range ws {
		w()
	}
}

// saveFailed handles a save error: a conflict asks what to do; a taken
// slug that follows the headline gets a number, a typed one is explained
// (held by an article in the trash?); anything else is shown and retried
// on the next change.
func (s *Screen) saveFailed(snap *domain.Article, err error) {
	switch {
	case s.lockRefusedSave(err):
		s.runWaiters() // the text is kept as a revision: closing may go on
	case s.unavailable(err):
		s.wentOffline(err)
	case errors.Is(err, domain.ErrSlugTaken) && s.slugAuto:
		s.article.Slug = uniqueSlug(snap.Slug, s.sched.Now())
		s.loading = true
		s.slug.SetText(s.article.Slug)
		s.loading = false
		s.save.dirty = true
		s.startSave()
	case errors.Is(err, domain.ErrSlugTaken):
		s.save.dirty = true // retried on the next change
		s.save.waiters = nil
		s.explainTakenSlug(snap.Slug)
	case errors.Is(err, domain.ErrConflict):
		s.save.blocked = true
		s.save.dirty = true
		s.askConflict()
	default:
		s.save.dirty = true
		s.save.waiters = nil
		s.notice.SetText("Not saved: " + err.Error())
		s.info.SetText(s.wordInfo() + " · not saved")
	}
}

// uniqueSlug appends or bumps a numeric suffix.
func uniqueSlug(slug string, now time.Time) string {
	return fmt.Sprintf("%s-%d", slug, now.UnixNano()%10000)
}

// askConflict offers to reload the stored version or keep ours as a copy.
func (s *Screen) askConflict() {
	mine := cloneArticle(s.article)
	d := dialog.NewCustomConfirm("Changed elsewhere",
		"Keep mine as a copy", "Reload theirs",
		widgetText("This article was saved by another window or process since you opened it.\n"+
			"Reload their version (your unsaved changes are dropped), or keep yours as a separate copy?"),
		func(keepMine bool) {
			s.save.blocked = false
			s.save.dirty = false
			s.save.waiters = nil
			if keepMine {
				s.saveAsCopy(mine)
			} else {
				s.Load(mine.ID, FocusNone)
			}
		}, s.win)
	d.Show()
}

// saveAsCopy stores mine as a new draft and opens it.
func (s *Screen) saveAsCopy(mine *domain.Article) {
	who := s.user()
	s.sched.Go(func() {
		cp := cloneArticle(mine)
		cp.ID, cp.Version, cp.Origin = 0, 0, ""
		cp.Status = domain.StatusDraft
		cp.FactCheck = domain.FactCheck{}
		var err error
		for i := 1; i <= 20; i++ {
			cp.Slug = fmt.Sprintf("%s-copy-%d", mine.Slug, i)
			if err = s.store.CreateArticle(context.Background(), cp, who); !errors.Is(err, domain.ErrSlugTaken) {
				break
			}
		}
		s.sched.Do(func() {
			if err != nil {
				dialog.ShowError(fmt.Errorf("keep your version as a copy: %w", err), s.win)
				return
			}
			s.show(cp)
			s.notice.SetText("Your version was kept as a copy: " + cp.Slug)
			if s.OnSaved != nil {
				s.OnSaved(cloneArticle(cp))
			}
		})
	})
}

// cloneArticle copies a with its slices, so a snapshot cannot change
// under a save.
func cloneArticle(a *domain.Article) *domain.Article {
	c := *a
	c.Keywords = append([]string(nil), a.Keywords...)
	c.Sources = append([]domain.Source(nil), a.Sources...)
	c.Quotes = append([]domain.Quote(nil), a.Quotes...)
	c.Corrections = append([]domain.Correction(nil), a.Corrections...)
	return &c
}
