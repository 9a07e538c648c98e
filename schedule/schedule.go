// Package schedule hands the window's screens their scheduling as one
// value: running work on the UI goroutine, running work off it, timers
// and the clock. The program uses Fyne's UI goroutine and the real clock;
// tests use a Fake, which runs everything on the test goroutine when the
// test says so, so they need neither polling nor sleeps.
package schedule

import (
	"time"

	"fyne.io/fyne/v2"
)

// Timer is a scheduled call that can still be cancelled.
type Timer interface {
	// Stop cancels the call; it reports whether the call was still due.
	Stop() bool
}

// Scheduler is how a screen runs work and reads the time.
type Scheduler interface {
	// Do runs fn on the UI goroutine.
	Do(fn func())
	// Go runs fn off the UI goroutine (disk or rendering work); fn hands
	// its results back with Do.
	Go(fn func())
	// AfterFunc runs fn off the UI goroutine once d has passed.
	AfterFunc(d time.Duration, fn func()) Timer
	// Now is the current time.
	Now() time.Time
}

// Fyne is the program's scheduler: fyne.Do, goroutines, time.AfterFunc
// and time.Now.
func Fyne() Scheduler { return fyneScheduler{} }

type fyneScheduler struct{}

func (fyneScheduler) Do(fn func()) { fyne.Do(fn) }

func (fyneScheduler) Go(fn func()) { go fn() }

func (fyneScheduler) AfterFunc(d time.Duration, fn func()) Timer { return time.AfterFunc(d, fn) }

func (fyneScheduler) Now() time.Time { return time.Now() }
