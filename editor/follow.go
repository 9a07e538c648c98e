package editor

import "context"

// FollowSaved reads the open article again after another desk may have
// saved it (the articles change counter moved) and shows the stored text
// when it is newer. Nothing typed here is ever replaced: with unsaved
// changes, a save on its way or a conflict open, it does nothing (a save
// of a stale copy then meets the usual "changed elsewhere" conflict).
func (s *Screen) FollowSaved() {
	if s.article == nil || s.article.ID == 0 || s.busy() {
		return
	}
	id, version := s.article.ID, s.article.Version
	s.sched.Go(func() {
		a, err := s.store.GetArticle(context.Background(), id)
		s.sched.Do(func() {
			if err != nil || s.article == nil || s.article.ID != id || s.article.Version != version || s.busy() {
				return
			}
			if a.Version > version {
				s.show(a)
			}
		})
	})
}

// busy reports whether the working copy holds something not in the
// database, or a save or conflict is under way.
func (s *Screen) busy() bool {
	return s.save.dirty || s.save.inFlight || s.save.blocked
}
