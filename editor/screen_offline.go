package editor

import (
	"fmt"
	"time"
)

// offlineText is the save state while the server cannot be reached.
const offlineText = "offline, retrying"

// Retry timing while offline: the first try again after retryFirst, each
// further one waiting twice as long, at most retryMax.
const (
	retryFirst = 500 * time.Millisecond
	retryMax   = 5 * time.Second
)

// unavailable reports whether the store says err is the server being out
// of reach (a PostgreSQL newsroom whose server went away), as opposed to
// a refusal: then the save is simply tried again later.
func (s *Screen) unavailable(err error) bool {
	u, ok := s.store.(interface{ Unavailable(error) bool })
	return ok && u.Unavailable(err)
}

// wentOffline keeps the working copy as it is (nothing typed is dropped
// or replaced), says so, and tries the save again after a growing pause;
// the save itself runs off the UI goroutine as every save does. Waiters
// (quit, switching newsrooms) go on waiting until the text is saved.
func (s *Screen) wentOffline(err error) {
	s.save.dirty = true
	s.save.offline = true
	if s.save.retryWait == 0 {
		s.save.retryWait = retryFirst
	} else {
		s.save.retryWait = min(2*s.save.retryWait, retryMax)
	}
	s.info.SetText(s.wordInfo() + " · " + offlineText)
	s.notice.SetText(fmt.Sprintf("Offline, retrying: the newsroom's server cannot be reached (%v). What you type is kept here and saved when the server is back.", err))
	s.stopTimer()
	s.save.timer = s.sched.AfterFunc(s.save.retryWait, func() { s.sched.Do(s.startSave) })
}

// backOnline clears the offline state after a save got through.
func (s *Screen) backOnline() {
	if !s.save.offline {
		return
	}
	s.save.offline = false
	s.save.retryWait = 0
	s.notice.SetText("Back online: saved.")
}

// Offline reports whether the editor is waiting for the server to save.
func (s *Screen) Offline() bool { return s.save.offline }
