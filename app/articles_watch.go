package app

import (
	"context"
	"time"
)

// startWatch looks at the articles change counter every every (off the UI
// goroutine) until Close: when another desk (or this one) changed
// articles, the list is read again and the open article follows the
// stored one when nothing here is unsaved.
func (s *ArticlesScreen) startWatch(every time.Duration) {
	s.watchCtx, s.stopWatch = context.WithCancel(context.Background())
	s.watchEvery = every
	s.watchSoon()
}

// watchSoon schedules the next look.
func (s *ArticlesScreen) watchSoon() { s.sched.AfterFunc(s.watchEvery, s.watch) }

// watch is one look at the counter; a failed read is tried again at the
// next tick.
func (s *ArticlesScreen) watch() {
	ctx := s.watchCtx
	if ctx.Err() != nil {
		return
	}
	defer s.watchSoon()
	n, err := s.store.ChangeCounter(ctx, "articles")
	if err != nil || n == s.seen.Load() {
		return
	}
	s.seen.Store(n)
	s.sched.Do(func() {
		if ctx.Err() != nil {
			return
		}
		s.Reload()
		s.editor.FollowSaved()
	})
}
