package schedule

import (
	"reflect"
	"testing"
	"time"
)

func TestFakeRunsTimersInOrderOnlyWhenAdvanced(t *testing.T) {
	start := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
	f := NewFake(start)
	var got []string
	f.AfterFunc(300*time.Millisecond, func() { got = append(got, "b@"+f.Now().Sub(start).String()) })
	f.AfterFunc(100*time.Millisecond, func() { got = append(got, "a@"+f.Now().Sub(start).String()) })
	stopped := f.AfterFunc(200*time.Millisecond, func() { got = append(got, "stopped") })
	if !stopped.Stop() || stopped.Stop() {
		t.Fatal("Stop reports wrongly whether the call was still due")
	}
	f.Settle()
	if len(got) != 0 {
		t.Fatalf("timers fired without Advance: %v", got)
	}
	f.Advance(250 * time.Millisecond)
	if want := []string{"a@100ms"}; !reflect.DeepEqual(got, want) {
		t.Fatalf("after 250 ms: %v, want %v", got, want)
	}
	if f.Pending() != 1 {
		t.Fatalf("%d timers pending, want 1", f.Pending())
	}
	f.Advance(time.Second)
	if want := []string{"a@100ms", "b@300ms"}; !reflect.DeepEqual(got, want) {
		t.Fatalf("after 1.25 s: %v, want %v", got, want)
	}
	if now := f.Now().Sub(start); now != 1250*time.Millisecond {
		t.Fatalf("clock at %v, want 1.25s", now)
	}
}

func TestFakeSettleWaitsForBackgroundWork(t *testing.T) {
	f := NewFake(time.Now())
	release := make(chan struct{})
	var order []int
	f.Go(func() {
		<-release
		f.Do(func() { order = append(order, 2) })
	})
	f.Do(func() {
		order = append(order, 1)
		close(release)
	})
	f.Settle()
	if want := []int{1, 2}; !reflect.DeepEqual(order, want) {
		t.Fatalf("order %v, want %v", order, want)
	}
}

func TestFakeTimerMayScheduleAnother(t *testing.T) {
	f := NewFake(time.Now())
	n := 0
	var tick func()
	tick = func() {
		n++
		f.AfterFunc(time.Second, tick)
	}
	f.AfterFunc(time.Second, tick)
	f.Advance(3500 * time.Millisecond)
	if n != 3 {
		t.Fatalf("a re-arming one-second timer fired %d times in 3.5 s, want 3", n)
	}
}
