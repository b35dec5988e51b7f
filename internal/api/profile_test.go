package api_test

import (
	"strings"
	"testing"
	"time"

	"github.com/licensorhq/licensor/internal/account"
	"github.com/licensorhq/licensor/internal/api"
)

func TestProfileName(t *testing.T) {
	t.Parallel()
	e := newEnv(t, envOptions{})
	b := e.browser()
	ann := e.newPerson(t, b, "ann@client.example", false)
	got := b.do(t, "PATCH", "/api/v1/me", `{"name":"  Ann Other "}`)
	got.want(t, 200, "")
	if !strings.Contains(string(got.body), `"name":"Ann Other"`) ||
		e.user(t, ann.id).Name != "Ann Other" {
		t.Errorf("rename answered %s", got.body)
	}
	for _, bad := range []string{`{"name":""}`, `{"name":"a\u0000b"}`,
		`{"name":"` + strings.Repeat("n", 201) + `"}`, `{"name":"x","email":"x@y.example"}`,
		`{"name":1}`, `{"name"`} {
		b.do(t, "PATCH", "/api/v1/me", bad).want(t, 400, api.CodeValidationFailed)
	}
	if n := e.user(t, ann.id).Name; n != "Ann Other" {
		t.Errorf("a refused rename left the name %q", n)
	}
	e.browser().do(t, "PATCH", "/api/v1/me", `{"name":"X"}`).want(t, 401, api.CodeUnauthenticated)
}

func TestPasswordChange(t *testing.T) {
	t.Parallel()
	e := newEnv(t, envOptions{})
	b := e.browser()
	ann := e.newPerson(t, b, "ann@client.example", false)
	other := e.browser()
	other.signIn(t, ann)
	const newPW = "another fine password"
	for _, tt := range []struct {
		body  string
		field string
	}{
		{jsonOf(map[string]string{"current_password": ann.password, "new_password": "short"}),
			"new_password"},
		{jsonOf(map[string]string{"current_password": ann.password,
			"new_password": strings.Repeat("p", 1025)}), "new_password"},
		{jsonOf(map[string]string{"current_password": ann.password,
			"new_password": "password1234"}), "new_password"},
		{jsonOf(map[string]string{"current_password": "not my password",
			"new_password": newPW}), "current_password"},
		{`{"current_password":"x","new_password":"y","user_id":"usr_1"}`, "user_id"},
	} {
		got := b.do(t, "POST", "/api/v1/me/password", tt.body)
		got.want(t, 400, api.CodeValidationFailed)
		if p := got.problem(t); len(p.Errors) != 1 || p.Errors[0].Field != tt.field {
			t.Errorf("%.60s: %s, want an error on %s", tt.body, got.body, tt.field)
		}
	}
	e.clock.Advance(time.Second) // past the lock of the wrong current password
	hash := e.user(t, ann.id).PasswordHash
	b.do(t, "POST", "/api/v1/me/password", jsonOf(map[string]string{
		"current_password": ann.password, "new_password": newPW})).want(t, 204, "")
	if e.user(t, ann.id).PasswordHash == hash {
		t.Fatal("the password did not change")
	}
	b.do(t, "GET", "/api/v1/me", "").want(t, 200, "")
	other.do(t, "GET", "/api/v1/me", "").want(t, 401, api.CodeUnauthenticated)
	if n := len(e.mailsTo(t, ann.email, account.KindPasswordChanged)); n != 1 {
		t.Errorf("%d change notices, want 1", n)
	}
	ann.password = newPW
	e.browser().signIn(t, ann)
}

// emailChange asks, as b, to move to addr and returns the token mailed to addr ("" for none).
func (b *browser) emailChange(t *testing.T, p person, addr string) string {
	t.Helper()
	b.do(t, "POST", "/api/v1/me/email", jsonOf(map[string]string{"new_email": addr,
		"current_password": p.password})).want(t, 202, "")
	if len(b.e.mailsTo(t, addr, account.KindEmailConfirm)) == 0 {
		return ""
	}
	return b.e.lastLink(t, addr, account.KindEmailConfirm, "/confirm-email")
}

func TestEmailChangeFlow(t *testing.T) {
	t.Parallel()
	e := newEnv(t, envOptions{})
	b := e.browser()
	ann := e.newPerson(t, b, "ann@client.example", false)
	tok := b.emailChange(t, ann, "ann@new.example")
	if tok == "" || len(e.mailsTo(t, ann.email, account.KindEmailChangeNotice)) != 1 {
		t.Fatal("want a link to the new address and a notice to the old one")
	}
	if e.user(t, ann.id).Email != ann.email {
		t.Fatal("the address changed before confirmation")
	}
	// Confirmation is public: the token suffices, even in another browser.
	got := e.browser().do(t, "POST", "/api/v1/me/email/confirm", jsonOf(map[string]string{
		"token": tok}))
	got.want(t, 200, "")
	if !strings.Contains(string(got.body), "ann@new.example") ||
		e.user(t, ann.id).Email != "ann@new.example" {
		t.Errorf("confirm answered %s", got.body)
	}
	e.browser().do(t, "POST", "/api/v1/me/email/confirm", jsonOf(map[string]string{
		"token": tok})).want(t, 400, api.CodeInvalidToken)
	ann.email = "ann@new.example"
	e.browser().signIn(t, ann)
}

// TestEmailChangeTakenAddress: an address in use gets the same answer as a free one.
func TestEmailChangeTakenAddress(t *testing.T) {
	t.Parallel()
	e := newEnv(t, envOptions{})
	b := e.browser()
	ann := e.newPerson(t, b, "ann@client.example", false)
	e.newPerson(t, nil, "bob@client.example", false)
	free := b.do(t, "POST", "/api/v1/me/email", jsonOf(map[string]string{
		"new_email": "free@client.example", "current_password": ann.password}))
	taken := b.do(t, "POST", "/api/v1/me/email", jsonOf(map[string]string{
		"new_email": "bob@client.example", "current_password": ann.password}))
	if free.StatusCode != 202 || taken.StatusCode != 202 || string(free.body) != string(taken.body) {
		t.Errorf("free %d %q, taken %d %q", free.StatusCode, free.body, taken.StatusCode,
			taken.body)
	}
	if len(e.mailsTo(t, "bob@client.example", account.KindEmailConfirm)) != 0 {
		t.Error("a confirmation link went to an address in use")
	}
	if len(e.mailsTo(t, ann.email, account.KindEmailChangeNotice)) != 2 {
		t.Error("want a notice to the old address for each request")
	}
}

// TestEmailConfirmOtherUser: a link opened in a browser signed in as someone else is refused,
// and changes nothing.
func TestEmailConfirmOtherUser(t *testing.T) {
	t.Parallel()
	e := newEnv(t, envOptions{})
	b := e.browser()
	ann := e.newPerson(t, b, "ann@client.example", false)
	bob := e.browser()
	e.newPerson(t, bob, "bob@client.example", false)
	tok := b.emailChange(t, ann, "ann@new.example")
	bob.do(t, "POST", "/api/v1/me/email/confirm", jsonOf(map[string]string{"token": tok})).
		want(t, 400, api.CodeInvalidToken)
	if e.user(t, ann.id).Email != ann.email {
		t.Error("another user's browser changed the address")
	}
	b.do(t, "POST", "/api/v1/me/email/confirm", jsonOf(map[string]string{"token": tok})).
		want(t, 200, "")
}

func TestEmailChangeBadInput(t *testing.T) {
	t.Parallel()
	e := newEnv(t, envOptions{})
	b := e.browser()
	ann := e.newPerson(t, b, "ann@client.example", false)
	for _, tt := range []struct{ body, field string }{
		{jsonOf(map[string]string{"new_email": "not an address", "current_password": ann.password}),
			"new_email"},
		{jsonOf(map[string]string{"new_email": "Ann <x@y.example>",
			"current_password": ann.password}), "new_email"},
		{jsonOf(map[string]string{"new_email": ann.email, "current_password": ann.password}),
			"new_email"},
		{jsonOf(map[string]string{"new_email": "x@y.example", "current_password": "wrong"}),
			"current_password"},
	} {
		got := b.do(t, "POST", "/api/v1/me/email", tt.body)
		got.want(t, 400, api.CodeValidationFailed)
		if p := got.problem(t); len(p.Errors) != 1 || p.Errors[0].Field != tt.field {
			t.Errorf("%s: %s, want an error on %s", tt.body, got.body, tt.field)
		}
	}
	if n := len(e.mails(t)) - 1; n != 0 { // the set-password mail of newPerson
		t.Errorf("%d mails queued by refused requests", n)
	}
	e.clock.Advance(time.Second)
	tok := b.emailChange(t, ann, "ann@new.example")
	e.clock.Advance(time.Hour)
	b.do(t, "POST", "/api/v1/me/email/confirm", jsonOf(map[string]string{"token": tok})).
		want(t, 400, api.CodeInvalidToken)
	for _, bad := range []string{`{"token":""}`, `{"token":"junk"}`, `{}`, `{"token":1}`} {
		code := api.CodeInvalidToken
		if bad == `{"token":1}` {
			code = api.CodeValidationFailed
		}
		got := b.do(t, "POST", "/api/v1/me/email/confirm", bad)
		got.want(t, 400, code)
	}
}
