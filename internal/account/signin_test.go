package account_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/licensorhq/licensor/internal/account"
	"github.com/licensorhq/licensor/internal/password"
)

// TestSignInWorkIsEqual: every failed sign-in runs exactly one argon2 verification, real or
// dummy, and returns the same error.
func TestSignInWorkIsEqual(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	e.user(t, "ann@example.com", goodPassword)
	e.user(t, "nopw@example.com", "")
	for _, tt := range []struct {
		name, email       string
		verifies, dummies int32
	}{
		{"wrong_password", "ann@example.com", 1, 0},
		{"unknown_address", "nobody@example.com", 0, 1},
		{"no_password_yet", "nopw@example.com", 0, 1},
		{"overlong_address", strings.Repeat("a", 300) + "@example.com", 0, 1},
	} {
		e.hasher.Reset()
		_, err := e.svc.SignIn(t.Context(), tt.email, "a wrong password", client)
		if !errors.Is(err, account.ErrInvalidCredentials) {
			t.Errorf("%s: %v, want ErrInvalidCredentials", tt.name, err)
		}
		if v, d := e.hasher.Verifies.Load(), e.hasher.Dummies.Load(); v != tt.verifies ||
			d != tt.dummies {
			t.Errorf("%s: %d verifications and %d dummies, want %d and %d", tt.name, v, d,
				tt.verifies, tt.dummies)
		}
		e.clock.Advance(time.Hour)
	}
}

func TestSignInSucceeds(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	u := e.user(t, "ann@example.com", goodPassword)
	s := e.signIn(t, "  Ann@Example.COM ", goodPassword)
	if s.User.ID != u.ID || s.Token == "" || s.Session.UserID != u.ID ||
		s.Session.IP != client.IP || s.Session.Browser == "" {
		t.Errorf("started %+v", s)
	}
	if !e.alive(t, s) {
		t.Error("the new session does not sign in")
	}
	if strings.Contains(s.Token, u.ID) {
		t.Error("the cookie holds the user id")
	}
	if _, err := e.svc.SignIn(t.Context(), "ann@example.com", goodPassword+" ",
		client); !errors.Is(err, account.ErrInvalidCredentials) {
		t.Errorf("a password with a trailing space signs in: %v", err)
	}
}

// TestSignInRehashes: a hash made with weaker parameters than the hasher's is replaced at the
// next sign-in, and the new one still verifies.
func TestSignInRehashes(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	weak := &password.Hasher{Params: password.Params{Memory: 32, Time: 1, Threads: 1}}
	u := e.user(t, "ann@example.com", "")
	var err error
	if u.PasswordHash, err = weak.Hash(t.Context(), goodPassword); err != nil {
		t.Fatal(err)
	}
	op, err := account.SaveOp(u)
	if err != nil {
		t.Fatal(err)
	}
	if err := e.st.Write(t.Context(), op); err != nil {
		t.Fatal(err)
	}
	e.signIn(t, "ann@example.com", goodPassword)
	after := e.reload(t, u.ID)
	if after.PasswordHash == u.PasswordHash || !strings.Contains(after.PasswordHash, "m=64,") {
		t.Errorf("hash not replaced: %s", after.PasswordHash)
	}
	e.clock.Advance(time.Minute)
	e.signIn(t, "ann@example.com", goodPassword)
}

// TestSignInLock: failures lock the address (1 s, 2 s, 4 s, ...), a locked attempt checks no
// password, and a success clears the lock.
func TestSignInLock(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	e.user(t, "ann@example.com", goodPassword)
	for _, want := range []time.Duration{time.Second, 2 * time.Second, 4 * time.Second} {
		if _, err := e.svc.SignIn(t.Context(), "ann@example.com", "wrong one",
			client); !errors.Is(err, account.ErrInvalidCredentials) {
			t.Fatalf("wrong password: %v", err)
		}
		e.hasher.Reset()
		_, err := e.svc.SignIn(t.Context(), "ann@example.com", goodPassword, client)
		var l *account.LimitedError
		if !errors.As(err, &l) || l.RetryAfter() != want {
			t.Fatalf("locked attempt: %v, want a wait of %v", err, want)
		}
		if e.hasher.Verifies.Load() != 0 {
			t.Error("a locked attempt verified the password")
		}
		e.clock.Advance(want)
	}
	e.signIn(t, "ann@example.com", goodPassword)
	if _, err := e.svc.SignIn(t.Context(), "ann@example.com", "wrong one",
		client); !errors.Is(err, account.ErrInvalidCredentials) {
		t.Fatalf("after a success the lock starts over: %v", err)
	}
	e.clock.Advance(time.Second)
	e.signIn(t, "ann@example.com", goodPassword)
}
