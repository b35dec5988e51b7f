package account_test

import (
	"errors"
	"net/url"
	"testing"
	"time"

	"github.com/licensorhq/licensor/internal/account"
	"github.com/licensorhq/licensor/internal/id"
	"github.com/licensorhq/licensor/internal/mail"
	"github.com/licensorhq/licensor/internal/password/passwordtest"
	"github.com/licensorhq/licensor/internal/session"
	"github.com/licensorhq/licensor/internal/store"
	"github.com/licensorhq/licensor/internal/store/teststore"
	"github.com/licensorhq/licensor/internal/testenv"
)

type env struct {
	svc    *account.Service
	st     store.Store
	clock  *testenv.Clock
	hasher *passwordtest.Counting
}

func newEnv(t *testing.T) *env {
	t.Helper()
	c := testenv.ClockAt(time.Date(2030, 5, 6, 7, 8, 9, 0, time.UTC))
	st := teststore.Open(t, store.Options{Now: c.Now})
	h := passwordtest.NewCounting()
	public, _ := url.Parse("https://portal.example")
	svc := account.New(account.Config{Store: st, PublicURL: public, Hasher: h, Now: c.Now,
		Outbox: mail.NewOutbox(st, nil, mail.Options{Now: c.Now})})
	return &env{svc: svc, st: st, clock: c, hasher: h}
}

const goodPassword = "correct horse battery"

// user creates an account with password pw ("" for none).
func (e *env) user(t *testing.T, email, pw string) account.User {
	t.Helper()
	u := account.User{ID: id.New(id.User, e.clock.Now()), Email: email, Name: "Ann Example",
		CreatedAt: e.clock.Now()}
	if pw != "" {
		var err error
		if u.PasswordHash, err = e.hasher.Hasher.Hash(t.Context(), pw); err != nil {
			t.Fatal(err)
		}
	}
	ops, err := account.CreateOps(u)
	if err != nil {
		t.Fatal(err)
	}
	if err := e.st.Write(t.Context(), ops...); err != nil {
		t.Fatal(err)
	}
	return e.reload(t, u.ID)
}

func (e *env) reload(t *testing.T, userID string) account.User {
	t.Helper()
	u, err := account.Get(t.Context(), e.st, userID)
	if err != nil {
		t.Fatal(err)
	}
	return u
}

var client = account.Client{IP: "192.0.2.7", UserAgent: "Mozilla/5.0 Firefox/140.0"}

func (e *env) signIn(t *testing.T, email, pw string) account.Started {
	t.Helper()
	s, err := e.svc.SignIn(t.Context(), email, pw, client)
	if err != nil {
		t.Fatalf("sign in %s: %v", email, err)
	}
	return s
}

// alive reports whether the session of s still signs its user in: valid, and of the user's
// current generation (as package auth checks).
func (e *env) alive(t *testing.T, s account.Started) bool {
	t.Helper()
	got, err := e.svc.Sessions().Lookup(t.Context(), s.Token)
	if errors.Is(err, session.ErrNoSession) {
		return false
	}
	if err != nil {
		t.Fatal(err)
	}
	return got.Gen == e.reload(t, s.User.ID).SessionGen
}

// queued returns the mails waiting in the outbox, oldest first.
func (e *env) queued(t *testing.T) []mail.Message {
	t.Helper()
	return teststore.All[mail.Message](t, e.st, store.Query{Index: store.GSI1, PK: "mail#due"})
}

// events returns the actions of the audit log, oldest first.
func (e *env) events(t *testing.T) []string {
	t.Helper()
	var out []string
	for _, ev := range teststore.All[struct{ Action string }](t, e.st,
		store.Query{Index: store.GSI1, PK: "audit"}) {
		out = append(out, ev.Action)
	}
	return out
}
