package linktoken_test

import (
	"sync"
	"testing"
	"time"

	"github.com/licensorhq/licensor/internal/linktoken"
	"github.com/licensorhq/licensor/internal/store"
	"github.com/licensorhq/licensor/internal/store/teststore"
)

// clock is a settable clock shared by the store and the tokens.
type clock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *clock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
}

func open(t *testing.T) (*linktoken.Tokens, store.Store, *clock) {
	t.Helper()
	c := &clock{now: time.Date(2030, 5, 6, 7, 8, 9, 0, time.UTC)}
	st := teststore.Open(t, store.Options{Now: c.Now})
	return &linktoken.Tokens{Store: st, Now: c.Now}, st, c
}

// issue stores a new token and returns its text.
func issue(t *testing.T, tk *linktoken.Tokens, p linktoken.Purpose, subject string,
	payload map[string]string) string {
	t.Helper()
	text, _, ops, err := tk.Issue(p, subject, payload)
	if err != nil {
		t.Fatal(err)
	}
	if err := tk.Store.Write(t.Context(), ops...); err != nil {
		t.Fatal(err)
	}
	return text
}
