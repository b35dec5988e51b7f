package api_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/licensorhq/licensor/internal/account"
	"github.com/licensorhq/licensor/internal/api"
	"github.com/licensorhq/licensor/internal/linktoken"
	"github.com/licensorhq/licensor/internal/mail/smtp"
	"github.com/licensorhq/licensor/internal/testenv"
)

// TestResetThroughMailpit walks the forgotten-password flow with real mail: the link arrives
// in both parts of the mail, under the public URL with the token in the fragment; using it
// sets the password, ends every session, signs no one in, and mails a notice.
func TestResetThroughMailpit(t *testing.T) {
	t.Parallel()
	mp := testenv.StartMailpit(t, testenv.MailpitOptions{})
	sender, err := smtp.FromURL("smtp://"+mp.SMTPAddr, "Licensor <portal@vendor.example>")
	if err != nil {
		t.Fatal(err)
	}
	e := newEnv(t, envOptions{sender: sender})
	b := e.browser()
	ann := e.newPerson(t, b, "ann@client.example", false)
	e.deliver(t)
	mp.DeleteAll(t) // the set-password mail

	b.do(t, "POST", "/api/v1/password-resets", `{"email":"Ann@Client.Example"}`).
		want(t, 202, "")
	e.deliver(t)
	got := mp.Message(t, mp.WaitMessages(t, 1, 10*time.Second)[0].ID)
	prefix := publicURL + "/reset-password#token="
	if got.To[0].Address != ann.email || !strings.Contains(got.Text, prefix) ||
		!strings.Contains(got.HTML, prefix) {
		t.Fatalf("reset mail to %v:\n%s\n%s", got.To, got.Text, got.HTML)
	}
	tok := tokenOf(t, got.Text)
	mp.DeleteAll(t)

	reader := e.browser()
	const newPW = "the password after the reset"
	r := reader.do(t, "POST", "/api/v1/password-resets/confirm", jsonOf(map[string]string{
		"token": tok, "password": newPW}))
	r.want(t, 204, "")
	if len(r.Cookies()) != 0 {
		t.Error("the reset set a cookie: it must not sign in")
	}
	reader.do(t, "GET", "/api/v1/me", "").want(t, 401, api.CodeUnauthenticated)
	b.do(t, "GET", "/api/v1/me", "").want(t, 401, api.CodeUnauthenticated)
	e.deliver(t)
	notice := mp.Message(t, mp.WaitMessages(t, 1, 10*time.Second)[0].ID)
	if notice.To[0].Address != ann.email || !strings.Contains(notice.Subject, "reset") ||
		notice.HTML == "" {
		t.Errorf("notice %q to %v", notice.Subject, notice.To)
	}
	ann.password = newPW
	e.browser().signIn(t, ann)
}

// deliver sends the mails that are due, as the server's sweeper does, once the outbox's grace
// for the change feed has passed.
func (e *env) deliver(t *testing.T) {
	t.Helper()
	e.clock.Advance(2 * time.Minute)
	ctx, cancel := context.WithTimeout(t.Context(), 30*time.Second)
	defer cancel()
	if _, err := e.outbox.Sweep(ctx); err != nil {
		t.Fatal(err)
	}
}

// TestResetRequestAnswersAlike: a known address, an unknown one, and one over its hourly mails
// all get the same 202; only the first three for a known address mail anything.
func TestResetRequestAnswersAlike(t *testing.T) {
	t.Parallel()
	e := newEnv(t, envOptions{})
	ann := e.newPerson(t, nil, "ann@client.example", false)
	b := e.browser()
	var bodies []string
	for _, addr := range []string{ann.email, "nobody@client.example", ann.email, ann.email,
		ann.email} {
		got := b.do(t, "POST", "/api/v1/password-resets", jsonOf(map[string]string{
			"email": addr}))
		got.want(t, 202, "")
		bodies = append(bodies, string(got.body))
	}
	for _, body := range bodies[1:] {
		if body != bodies[0] {
			t.Errorf("answers differ: %q", bodies)
		}
	}
	if n := len(e.mailsTo(t, ann.email, account.KindPasswordReset)); n != 3 {
		t.Errorf("%d reset mails, want 3 an hour", n)
	}
	if n := len(e.mailsTo(t, "nobody@client.example", account.KindPasswordReset)); n != 0 {
		t.Errorf("%d mails to an unknown address", n)
	}
	for _, bad := range []string{`{"email":"nope"}`, `{}`, `{"email":"a@b.example","x":1}`,
		`{"email":`} {
		b.do(t, "POST", "/api/v1/password-resets", bad).want(t, 400, api.CodeValidationFailed)
	}
}

// TestResetConcurrentUse: many submissions of one token at once; exactly one succeeds.
func TestResetConcurrentUse(t *testing.T) {
	t.Parallel()
	e := newEnv(t, envOptions{})
	ann := e.newPerson(t, nil, "ann@client.example", false)
	tok := e.resetToken(t, e.browser(), ann.email)
	submitAtOnce(t, 204, func(i int) (int, []byte) {
		got := e.browser().do(t, "POST", "/api/v1/password-resets/confirm",
			jsonOf(map[string]string{"token": tok, "password": "concurrent password " +
				string(rune('a'+i))}))
		return got.StatusCode, got.body
	})
	if got := len(e.mailsTo(t, ann.email, account.KindPasswordWasReset)); got != 1 {
		t.Errorf("%d reset notices, want 1", got)
	}
}

// TestResetBadTokens: an expired, used, voided, wrong-purpose or junk token, and a bad new
// password, are each a problem that changes nothing.
func TestResetBadTokens(t *testing.T) {
	t.Parallel()
	e := newEnv(t, envOptions{})
	ann := e.newPerson(t, nil, "ann@client.example", false)
	b := e.browser()
	confirm := func(tok, pw string) answer {
		return b.do(t, "POST", "/api/v1/password-resets/confirm", jsonOf(map[string]string{
			"token": tok, "password": pw}))
	}
	const pw = "a perfectly good password"
	expired := e.resetToken(t, b, ann.email)
	e.clock.Advance(time.Hour)
	confirm(expired, pw).want(t, 400, api.CodeInvalidToken)

	older := e.resetToken(t, b, ann.email)
	newer := e.resetToken(t, b, ann.email)
	confirm(older, pw).want(t, 400, api.CodeInvalidToken)

	setupTok, _, ops, err := e.accounts.Tokens().Issue(linktoken.Setup, ann.id,
		map[string]string{"kind": "set_password"})
	if err != nil {
		t.Fatal(err)
	}
	if err := e.st.Write(t.Context(), ops...); err != nil {
		t.Fatal(err)
	}
	confirm(setupTok, pw).want(t, 400, api.CodeInvalidToken)
	confirm("junk", pw).want(t, 400, api.CodeInvalidToken)
	confirm("", pw).want(t, 400, api.CodeInvalidToken)
	for _, bad := range []string{"too short", strings.Repeat("x", 1025), "password1234"} {
		got := confirm(newer, bad)
		got.want(t, 400, api.CodeValidationFailed)
		if p := got.problem(t); len(p.Errors) != 1 || p.Errors[0].Field != "password" {
			t.Errorf("password %.20q: %s", bad, got.body)
		}
	}
	b.do(t, "POST", "/api/v1/password-resets/confirm", `{"token":"x","password":"y","z":1}`).
		want(t, 400, api.CodeValidationFailed)
	e.browser().signIn(t, ann) // nothing changed so far
	confirm(newer, pw).want(t, 204, "")
	confirm(newer, pw+"!").want(t, 400, api.CodeInvalidToken)
}

// resetToken asks, as b, for a reset of addr and returns the token of the new mail.
func (e *env) resetToken(t *testing.T, b *browser, addr string) string {
	t.Helper()
	seen := map[string]bool{}
	for _, m := range e.mailsTo(t, addr, account.KindPasswordReset) {
		seen[tokenOf(t, m.Text)] = true
	}
	b.do(t, "POST", "/api/v1/password-resets", jsonOf(map[string]string{"email": addr})).
		want(t, 202, "")
	for _, m := range e.mailsTo(t, addr, account.KindPasswordReset) {
		if tok := tokenOf(t, m.Text); !seen[tok] {
			if !strings.Contains(m.Text, publicURL+"/reset-password#token="+tok) ||
				!strings.Contains(m.HTML, publicURL+"/reset-password#token="+tok) {
				t.Fatalf("reset mail without the link in both parts:\n%s\n%s", m.Text, m.HTML)
			}
			return tok
		}
	}
	t.Fatal("no new reset mail")
	return ""
}
