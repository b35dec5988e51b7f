package linktoken_test

import (
	"testing"
	"time"

	"github.com/licensorhq/licensor/internal/linktoken"
	"github.com/licensorhq/licensor/internal/store"
	"github.com/licensorhq/licensor/internal/store/teststore"
	"github.com/licensorhq/licensor/internal/testenv"
)

func open(t *testing.T) (*linktoken.Tokens, store.Store, *testenv.Clock) {
	t.Helper()
	c := testenv.ClockAt(time.Date(2030, 5, 6, 7, 8, 9, 0, time.UTC))
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
