package account_test

import (
	"errors"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/licensorhq/licensor/internal/account"
	"github.com/licensorhq/licensor/internal/audit"
	"github.com/licensorhq/licensor/internal/linktoken"
)

var linkToken = regexp.MustCompile(`#token=([A-Za-z0-9_-]+)`)

// resetToken asks for a reset of addr and returns the token of the mail it queued.
func (e *env) resetToken(t *testing.T, addr string) string {
	t.Helper()
	seen := map[string]bool{}
	for _, m := range e.queued(t) {
		seen[m.Text] = true
	}
	if err := e.svc.RequestReset(t.Context(), addr); err != nil {
		t.Fatal(err)
	}
	for _, m := range e.queued(t) {
		if seen[m.Text] || m.Kind != account.KindPasswordReset {
			continue
		}
		tok := linkToken.FindStringSubmatch(m.Text)
		if tok == nil || !strings.Contains(m.Text, "https://portal.example/reset-password#token=") ||
			!strings.Contains(m.HTML, "https://portal.example/reset-password#token="+tok[1]) {
			t.Fatalf("reset mail without a link in both parts: %s\n%s", m.Text, m.HTML)
		}
		return tok[1]
	}
	t.Fatal("no reset mail queued")
	return ""
}

func TestResetConfirm(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	u := e.user(t, "ann@example.com", goodPassword)
	s1, s2 := e.signIn(t, "ann@example.com", goodPassword), e.signIn(t, "ann@example.com",
		goodPassword)
	tok := e.resetToken(t, "ANN@example.com")
	const newPW = "a brand new password"
	if err := e.svc.ConfirmReset(t.Context(), tok, newPW); err != nil {
		t.Fatal(err)
	}
	if e.alive(t, s1) || e.alive(t, s2) {
		t.Error("a session survived the reset")
	}
	if got := e.reload(t, u.ID); got.SessionGen != u.SessionGen+1 {
		t.Errorf("session generation %d", got.SessionGen)
	}
	e.signIn(t, "ann@example.com", newPW)
	if ev := e.events(t); !slices.Contains(ev, audit.PasswordResetRequest) ||
		!slices.Contains(ev, audit.PasswordReset) {
		t.Errorf("audit log %v lacks the reset's events", ev)
	}
	if n := e.count(t, account.KindPasswordWasReset, u.Email); n != 1 {
		t.Errorf("%d reset notices to %s, want 1", n, u.Email)
	}
	if err := e.svc.ConfirmReset(t.Context(), tok, "yet another password"); !errors.Is(err,
		linktoken.ErrInvalid) {
		t.Errorf("second use: %v, want ErrInvalid", err)
	}
}

func TestResetTokenExpires(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	e.user(t, "ann@example.com", goodPassword)
	tok := e.resetToken(t, "ann@example.com")
	e.clock.Advance(time.Hour)
	if err := e.svc.ConfirmReset(t.Context(), tok, "a brand new password"); !errors.Is(err,
		linktoken.ErrInvalid) {
		t.Errorf("after an hour: %v, want ErrInvalid", err)
	}
	e.signIn(t, "ann@example.com", goodPassword)
}

func TestResetNewTokenVoidsOld(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	e.user(t, "ann@example.com", goodPassword)
	old := e.resetToken(t, "ann@example.com")
	e.clock.Advance(time.Minute)
	fresh := e.resetToken(t, "ann@example.com")
	if err := e.svc.ConfirmReset(t.Context(), old, "a brand new password"); !errors.Is(err,
		linktoken.ErrInvalid) {
		t.Errorf("older token: %v, want ErrInvalid", err)
	}
	if err := e.svc.ConfirmReset(t.Context(), fresh, "a brand new password"); err != nil {
		t.Errorf("newer token: %v", err)
	}
}

// TestResetSingleUse: of many concurrent submissions of one token exactly one succeeds.
func TestResetSingleUse(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	e.user(t, "ann@example.com", goodPassword)
	tok := e.resetToken(t, "ann@example.com")
	const n = 16
	var wg sync.WaitGroup
	errs := make([]error, n)
	for i := range n {
		wg.Go(func() {
			errs[i] = e.svc.ConfirmReset(t.Context(), tok, "password number "+string(rune('a'+i)))
		})
	}
	wg.Wait()
	ok, winner := 0, -1
	for i, err := range errs {
		switch {
		case err == nil:
			ok, winner = ok+1, i
		case !errors.Is(err, linktoken.ErrInvalid):
			t.Errorf("submission %d: %v", i, err)
		}
	}
	if ok != 1 {
		t.Fatalf("%d submissions succeeded, want 1", ok)
	}
	e.signIn(t, "ann@example.com", "password number "+string(rune('a'+winner)))
	if notices := e.count(t, account.KindPasswordWasReset, "ann@example.com"); notices != 1 {
		t.Errorf("%d reset notices, want 1", notices)
	}
}

// TestResetRequestQuiet: unknown addresses and addresses over their hourly mails answer nil
// and mail nothing; a malformed address is a field error.
func TestResetRequestQuiet(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	e.user(t, "ann@example.com", goodPassword)
	if err := e.svc.RequestReset(t.Context(), "nobody@example.com"); err != nil {
		t.Errorf("unknown address: %v", err)
	}
	for range 3 {
		e.resetToken(t, "ann@example.com")
	}
	if err := e.svc.RequestReset(t.Context(), "ann@example.com"); err != nil {
		t.Errorf("fourth request: %v", err)
	}
	if n := len(e.queued(t)); n != 3 {
		t.Errorf("%d mails queued, want 3", n)
	}
	e.clock.Advance(20 * time.Minute)
	e.resetToken(t, "ann@example.com") // one more after a third of an hour
	var fe *account.FieldError
	if err := e.svc.RequestReset(t.Context(), "not an address"); !errors.As(err, &fe) ||
		fe.Field() != "email" {
		t.Errorf("malformed address: %v", err)
	}
}

func TestResetRefusesBadInput(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	u := e.user(t, "ann@example.com", goodPassword)
	tok := e.resetToken(t, "ann@example.com")
	for _, pw := range []string{"short", strings.Repeat("x", 1025), "password1234"} {
		var fe *account.FieldError
		if err := e.svc.ConfirmReset(t.Context(), tok, pw); !errors.As(err, &fe) ||
			fe.Field() != "password" {
			t.Errorf("password %.20q: %v, want a field error", pw, err)
		}
	}
	// A token of another purpose is refused.
	setupTok, _, ops, err := e.svc.Tokens().Issue(linktoken.Setup, u.ID, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := e.st.Write(t.Context(), ops...); err != nil {
		t.Fatal(err)
	}
	if err := e.svc.ConfirmReset(t.Context(), setupTok, "a brand new password"); !errors.Is(err,
		linktoken.ErrInvalid) {
		t.Errorf("setup token used for a reset: %v", err)
	}
	if err := e.svc.ConfirmReset(t.Context(), tok, "a brand new password"); err != nil {
		t.Errorf("the reset token after refused attempts: %v", err)
	}
}

// count returns how many queued mails of kind go to addr.
func (e *env) count(t *testing.T, kind, addr string) int {
	t.Helper()
	n := 0
	for _, m := range e.queued(t) {
		if m.Kind == kind && len(m.To) == 1 && m.To[0] == addr {
			n++
		}
	}
	return n
}
