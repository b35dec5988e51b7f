package throttle

import (
	"fmt"
	"testing"
	"time"

	"github.com/licensorhq/licensor/internal/testenv"
)

// takeLocal calls Allow n times and returns how many were allowed and the last retryAfter.
func takeLocal(l *Local, key string, n int) (allowed int, retryAfter time.Duration) {
	for range n {
		ok, after := l.Allow(key)
		if ok {
			allowed++
		}
		retryAfter = after
	}
	return allowed, retryAfter
}

// TestLocal: the same steps as TestBucket give the same answers in memory.
func TestLocal(t *testing.T) {
	t.Parallel()
	c := testenv.ClockAt(time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC))
	l := &Local{Now: c.Now}
	runSteps(t, c, func(n int) (int, time.Duration) { return takeLocal(l, "192.0.2.1", n) })
	if allowed, _ := takeLocal(l, "192.0.2.2", 40); allowed != 40 {
		t.Errorf("another key: %d of 40 allowed", allowed)
	}
}

// TestLocalForgets: the keys remembered stay bounded, and a key dropped starts full.
func TestLocalForgets(t *testing.T) {
	t.Parallel()
	c := testenv.ClockAt(time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC))
	l := &Local{Rate: 1, Per: time.Minute, Burst: 1, Now: c.Now}
	if ok, _ := l.Allow("old"); !ok {
		t.Fatal("the first try of a key refused")
	}
	c.Advance(2 * time.Minute)
	for i := range localMax + 10 {
		if ok, _ := l.Allow(fmt.Sprint(i)); !ok {
			t.Fatalf("key %d refused at its first try", i)
		}
	}
	if n := len(l.tat); n > localMax {
		t.Errorf("%d keys remembered, want at most %d", n, localMax)
	}
	if _, kept := l.tat["old"]; kept {
		t.Error("a key whose bucket is full again was kept at the limit")
	}
}
