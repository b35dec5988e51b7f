package session_test

import (
	"testing"
	"time"

	"github.com/licensorhq/licensor/internal/session"
	"github.com/licensorhq/licensor/internal/store"
	"github.com/licensorhq/licensor/internal/store/teststore"
	"github.com/licensorhq/licensor/internal/testenv"
)

func open(t *testing.T) (*session.Manager, *testenv.Clock) {
	t.Helper()
	c := testenv.ClockAt(time.Date(2030, 5, 6, 7, 8, 9, 0, time.UTC))
	st := teststore.Open(t, store.Options{Now: c.Now})
	return &session.Manager{Store: st, Now: c.Now}, c
}

// start stores a new session of user at generation gen and returns its cookie.
func start(t *testing.T, m *session.Manager, user string, gen int64) (string, session.Session) {
	t.Helper()
	token, s, op, err := m.New(user, gen, "Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0",
		"192.0.2.1")
	if err != nil {
		t.Fatal(err)
	}
	if err := m.Store.Write(t.Context(), op); err != nil {
		t.Fatal(err)
	}
	return token, s
}
