package throttle

import (
	"sync"
	"testing"
	"time"

	"github.com/licensorhq/licensor/internal/store"
	"github.com/licensorhq/licensor/internal/store/teststore"
)

// fakeClock is a clock that moves only when told; the store and the throttle share it.
type fakeClock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *fakeClock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
}

// open returns a fresh SQLite store and the clock it and the throttles run on.
func open(t *testing.T) (store.Store, *fakeClock) {
	t.Helper()
	c := &fakeClock{now: time.Date(2030, 1, 2, 3, 4, 5, 0, time.UTC)}
	return teststore.Open(t, store.Options{Now: c.Now}), c
}
