package throttle

import (
	"testing"
	"time"

	"github.com/licensorhq/licensor/internal/store"
	"github.com/licensorhq/licensor/internal/store/teststore"
	"github.com/licensorhq/licensor/internal/testenv"
)

// open returns a fresh SQLite store and the clock it and the throttles run on.
func open(t *testing.T) (store.Store, *testenv.Clock) {
	t.Helper()
	c := testenv.ClockAt(time.Date(2030, 1, 2, 3, 4, 5, 0, time.UTC))
	return teststore.Open(t, store.Options{Now: c.Now}), c
}
