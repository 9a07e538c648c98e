package schedule

import (
	"sync"
	"time"
)

// Fake is a Scheduler for tests. Work given to Do waits in a queue until
// the test goroutine, which plays the UI goroutine, calls Settle or
// Advance; timers fire only when Advance moves the fake clock past them,
// in order of their due time, on the test goroutine. Work given to Go
// runs on its own goroutine, and Settle waits for it.
type Fake struct {
	mu      sync.Mutex
	changed *sync.Cond // signalled when the queue grows or background work ends
	now     time.Time
	queue   []func()
	timers  []*fakeTimer
	running int // Go calls not yet returned
	seq     int
}

// NewFake returns a fake scheduler whose clock starts at now.
func NewFake(now time.Time) *Fake {
	f := &Fake{now: now}
	f.changed = sync.NewCond(&f.mu)
	return f
}

type fakeTimer struct {
	f       *Fake
	at      time.Time
	seq     int
	fn      func()
	stopped bool
	fired   bool
}

// Stop cancels the timer.
func (t *fakeTimer) Stop() bool {
	t.f.mu.Lock()
	defer t.f.mu.Unlock()
	due := !t.stopped && !t.fired
	t.stopped = true
	return due
}

// Do queues fn for the next Settle or Advance.
func (f *Fake) Do(fn func()) {
	f.mu.Lock()
	f.queue = append(f.queue, fn)
	f.mu.Unlock()
	f.changed.Broadcast()
}

// Go runs fn on a new goroutine that Settle waits for.
func (f *Fake) Go(fn func()) {
	f.mu.Lock()
	f.running++
	f.mu.Unlock()
	go func() {
		defer func() {
			f.mu.Lock()
			f.running--
			f.mu.Unlock()
			f.changed.Broadcast()
		}()
		fn()
	}()
}

// AfterFunc schedules fn for when Advance moves the clock d further.
func (f *Fake) AfterFunc(d time.Duration, fn func()) Timer {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.seq++
	t := &fakeTimer{f: f, at: f.now.Add(d), seq: f.seq, fn: fn}
	f.timers = append(f.timers, t)
	return t
}

// Now is the fake clock's time.
func (f *Fake) Now() time.Time {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.now
}

// Settle runs queued UI work on the calling goroutine, waiting for
// background work to finish, until nothing is queued or running. Timers
// do not fire.
func (f *Fake) Settle() {
	for {
		f.mu.Lock()
		for len(f.queue) == 0 && f.running > 0 {
			f.changed.Wait()
		}
		if len(f.queue) == 0 {
			f.mu.Unlock()
			return
		}
		fn := f.queue[0]
		f.queue = f.queue[1:]
		f.mu.Unlock()
		fn()
	}
}

// Advance settles, then moves the clock d forward, firing the timers that
// fall due on the way in order (the clock reads each one's due time while
// it runs) and settling after each.
func (f *Fake) Advance(d time.Duration) {
	f.Settle()
	f.mu.Lock()
	target := f.now.Add(d)
	f.mu.Unlock()
	for {
		f.mu.Lock()
		next := f.nextDue(target)
		if next == nil {
			f.now = target
			f.mu.Unlock()
			return
		}
		next.fired = true
		if next.at.After(f.now) {
			f.now = next.at
		}
		f.mu.Unlock()
		next.fn()
		f.Settle()
	}
}

// Pending reports how many timers are still due.
func (f *Fake) Pending() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.prune()
	return len(f.timers)
}

// nextDue removes and returns the earliest live timer due by target.
func (f *Fake) nextDue(target time.Time) *fakeTimer {
	f.prune()
	best := -1
	for i, t := range f.timers {
		if t.at.After(target) {
			continue
		}
		if best < 0 || t.at.Before(f.timers[best].at) || (t.at.Equal(f.timers[best].at) && t.seq < f.timers[best].seq) {
			best = i
		}
	}
	if best < 0 {
		return nil
	}
	t := f.timers[best]
	f.timers = append(f.timers[:best], f.timers[best+1:]...)
	return t
}

// prune drops stopped timers.
func (f *Fake) prune() {
	live := f.timers[:0]
	for _, t := range f.timers {
		if !t.stopped && !t.fired {
			live = append(live, t)
		}
	}
	f.timers = live
}
