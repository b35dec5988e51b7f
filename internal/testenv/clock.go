package testenv

import (
	"sync"
	"time"
)

// Clock is a settable clock for tests, safe for concurrent use: give its Now to the store and
// to the services under test, then Advance it to expire tokens, sessions and throttles without
// sleeping.
type Clock struct {
	mu  sync.Mutex
	now time.Time
}

// NewClock returns a clock that stands at a fixed, arbitrary time in the future of any test
// machine's date, in UTC.
func NewClock() *Clock {
	return &Clock{now: time.Date(2030, 5, 6, 7, 8, 9, 0, time.UTC)}
}

// Now returns the clock's time.
func (c *Clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

// Advance moves the clock forward by d.
func (c *Clock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
}

// Set moves the clock to t.
func (c *Clock) Set(t time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = t
}

// ClockAt returns a clock that stands at t.
func ClockAt(t time.Time) *Clock { return &Clock{now: t} }
