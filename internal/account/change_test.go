package account_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/licensorhq/licensor/internal/account"
	"github.com/licensorhq/licensor/internal/linktoken"
)

func TestChangePassword(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	u := e.user(t, "ann@example.com", goodPassword)
	cur, other := e.signIn(t, "ann@example.com", goodPassword), e.signIn(t, "ann@example.com",
		goodPassword)
	const newPW = "a brand new password"
	err := e.svc.ChangePassword(t.Context(), cur.User, cur.Session, "not it", newPW)
	var fe *account.FieldError
	if !errors.As(err, &fe) || fe.Field() != "current_password" {
		t.Fatalf("wrong current password: %v", err)
	}
	e.clock.Advance(time.Second) // the failure locked the address for a second
	for _, bad := range []string{"short", "password1234"} {
		err := e.svc.ChangePassword(t.Context(), cur.User, cur.Session, goodPassword, bad)
		if !errors.As(err, &fe) || fe.Field() != "new_password" {
			t.Errorf("new password %q: %v", bad, err)
		}
	}
	if got := e.reload(t, u.ID); got.PasswordHash != u.PasswordHash {
		t.Fatal("a refused change changed the password")
	}
	if err := e.svc.ChangePassword(t.Context(), e.reload(t, u.ID), cur.Session, goodPassword,
		newPW); err != nil {
		t.Fatal(err)
	}
	if !e.alive(t, cur) || e.alive(t, other) {
		t.Error("want the current session kept and the other ended")
	}
	if n := e.count(t, account.KindPasswordChanged, u.Email); n != 1 {
		t.Errorf("%d change notices, want 1", n)
	}
	e.clock.Advance(time.Minute)
	e.signIn(t, "ann@example.com", newPW)
}

// TestChangePasswordThrottled: guessing the current password through a stolen session is
// locked like sign-in.
func TestChangePasswordThrottled(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	e.user(t, "ann@example.com", goodPassword)
	s := e.signIn(t, "ann@example.com", goodPassword)
	_ = e.svc.ChangePassword(t.Context(), s.User, s.Session, "guess one", "a brand new password")
	err := e.svc.ChangePassword(t.Context(), s.User, s.Session, goodPassword,
		"a brand new password")
	var l *account.LimitedError
	if !errors.As(err, &l) {
		t.Errorf("second attempt within the lock: %v, want LimitedError", err)
	}
}

// emailToken asks to move u to addr and returns the confirmation's token, "" when none was
// mailed.
func (e *env) emailToken(t *testing.T, u account.User, addr string) string {
	t.Helper()
	if err := e.svc.RequestEmailChange(t.Context(), u, addr, goodPassword); err != nil {
		t.Fatal(err)
	}
	for _, m := range e.queued(t) {
		if m.Kind == account.KindEmailConfirm && m.To[0] == strings.ToLower(addr) {
			if tok := linkToken.FindStringSubmatch(m.Text); tok != nil {
				return tok[1]
			}
		}
	}
	return ""
}

func TestEmailChange(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	u := e.user(t, "ann@example.com", goodPassword)
	tok := e.emailToken(t, u, "Ann@New.Example")
	if tok == "" || e.count(t, account.KindEmailChangeNotice, "ann@example.com") != 1 {
		t.Fatalf("want a confirmation to the new address and a notice to the old: %+v",
			e.queued(t))
	}
	if got := e.reload(t, u.ID); got.Email != "ann@example.com" {
		t.Fatal("the address changed before confirmation")
	}
	other := e.user(t, "bob@example.com", goodPassword)
	if _, err := e.svc.ConfirmEmailChange(t.Context(), tok, other.ID); !errors.Is(err,
		account.ErrWrongUser) {
		t.Errorf("confirmed by another user: %v", err)
	}
	got, err := e.svc.ConfirmEmailChange(t.Context(), tok, "")
	if err != nil || got.Email != "ann@new.example" {
		t.Fatalf("confirm: %+v %v", got, err)
	}
	if _, err := e.svc.ConfirmEmailChange(t.Context(), tok, ""); !errors.Is(err,
		linktoken.ErrInvalid) {
		t.Errorf("second use: %v", err)
	}
	e.signIn(t, "ann@new.example", goodPassword)
	if _, err := e.svc.SignIn(t.Context(), "ann@example.com", goodPassword,
		client); !errors.Is(err, account.ErrInvalidCredentials) {
		t.Errorf("the old address still signs in: %v", err)
	}
	// The old address is free again.
	e.user(t, "ann@example.com", goodPassword)
}

// TestEmailChangeToTakenAddress: asking for an address in use answers as for a free one, with
// the notice but no link; an address taken between request and confirmation is refused.
func TestEmailChangeToTakenAddress(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	u := e.user(t, "ann@example.com", goodPassword)
	e.user(t, "bob@example.com", goodPassword)
	if tok := e.emailToken(t, u, "bob@example.com"); tok != "" {
		t.Error("a link was mailed to an address in use")
	}
	if e.count(t, account.KindEmailChangeNotice, "ann@example.com") != 1 {
		t.Error("no notice to the old address")
	}
	tok := e.emailToken(t, e.reload(t, u.ID), "cid@example.com")
	e.user(t, "cid@example.com", goodPassword)
	if _, err := e.svc.ConfirmEmailChange(t.Context(), tok, ""); !errors.Is(err,
		account.ErrEmailTaken) {
		t.Errorf("confirm to a taken address: %v", err)
	}
	if got := e.reload(t, u.ID); got.Email != "ann@example.com" {
		t.Errorf("address %s after a refused confirmation", got.Email)
	}
}

func TestEmailChangeRefused(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	u := e.user(t, "ann@example.com", goodPassword)
	var fe *account.FieldError
	for _, tt := range []struct{ addr, pw, field string }{
		{"not an address", goodPassword, "new_email"},
		{"ann@example.com", goodPassword, "new_email"},
		{"new@example.com", "wrong password", "current_password"},
	} {
		err := e.svc.RequestEmailChange(t.Context(), u, tt.addr, tt.pw)
		if !errors.As(err, &fe) || fe.Field() != tt.field {
			t.Errorf("%q: %v, want a field error on %s", tt.addr, err, tt.field)
		}
	}
	if n := len(e.queued(t)); n != 0 {
		t.Errorf("%d mails queued by refused requests", n)
	}
	e.clock.Advance(time.Second) // the wrong password locked the address for a second
	tok := e.emailToken(t, u, "new@example.com")
	e.clock.Advance(time.Hour)
	if _, err := e.svc.ConfirmEmailChange(t.Context(), tok, ""); !errors.Is(err,
		linktoken.ErrInvalid) {
		t.Errorf("after an hour: %v", err)
	}
}

func TestRename(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	u := e.user(t, "ann@example.com", goodPassword)
	got, err := e.svc.Rename(t.Context(), u, "  Ann Other ")
	if err != nil || got.Name != "Ann Other" || e.reload(t, u.ID).Name != "Ann Other" {
		t.Fatalf("rename: %+v %v", got, err)
	}
	for _, bad := range []string{"", "  ", "a\x00b", string(make([]rune, 201))} {
		if _, err := e.svc.Rename(t.Context(), got, bad); err == nil {
			t.Errorf("name %q accepted", bad)
		}
	}
	// A stale copy of the user cannot overwrite a newer change.
	if _, err := e.svc.Rename(t.Context(), u, "Stale"); err == nil {
		t.Error("a rename from a stale read succeeded")
	}
}
