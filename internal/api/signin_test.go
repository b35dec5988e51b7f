package api_test

import (
	"bytes"
	"net/http"
	"net/url"
	"strconv"
	"testing"
	"time"

	"github.com/licensorhq/licensor/internal/api"
	"github.com/licensorhq/licensor/internal/audit"
	"github.com/licensorhq/licensor/internal/session"
)

func TestSignInAndOut(t *testing.T) {
	t.Parallel()
	e := newEnv(t, envOptions{})
	ann := e.newPerson(t, nil, "ann@client.example", false)
	b := e.browser()
	b.do(t, "GET", "/api/v1/me", "").want(t, 401, api.CodeUnauthenticated)

	got := b.do(t, "POST", "/api/v1/session", jsonOf(map[string]string{
		"email": " ANN@Client.Example ", "password": ann.password}))
	got.want(t, 200, "")
	var res struct {
		User       struct{ ID, Email string }
		RedirectTo string `json:"redirect_to"`
	}
	got.decode(t, &res)
	if res.User.ID != ann.id || res.User.Email != ann.email || res.RedirectTo != "/" {
		t.Errorf("sign-in answered %s", got.body)
	}
	ck := sessionCookie(t, got.Response)
	if !ck.HttpOnly || ck.SameSite != http.SameSiteLaxMode || ck.Path != "/" ||
		ck.Name != session.LocalCookieName {
		t.Errorf("session cookie %+v", ck)
	}
	if bytes.Contains(got.body, []byte("password")) {
		t.Errorf("sign-in answer mentions the password: %s", got.body)
	}
	b.do(t, "GET", "/api/v1/me", "").want(t, 200, "")

	out := b.do(t, "DELETE", "/api/v1/session", "")
	out.want(t, 204, "")
	if ck := sessionCookie(t, out.Response); ck.MaxAge >= 0 {
		t.Errorf("sign-out did not clear the cookie: %+v", ck)
	}
	b.do(t, "GET", "/api/v1/me", "").want(t, 401, api.CodeUnauthenticated)
	b.do(t, "DELETE", "/api/v1/session", "").want(t, 401, api.CodeUnauthenticated)
	// The old cookie, kept by a thief, no longer works either.
	thief := e.browser()
	u, _ := url.Parse(e.srv.URL)
	thief.client.Jar.SetCookies(u, []*http.Cookie{{Name: ck.Name, Value: ck.Value}})
	thief.do(t, "GET", "/api/v1/me", "").want(t, 401, api.CodeUnauthenticated)
}

func sessionCookie(t *testing.T, resp *http.Response) *http.Cookie {
	t.Helper()
	for _, c := range resp.Cookies() {
		if c.Name == session.LocalCookieName {
			return c
		}
	}
	t.Fatalf("no session cookie in %v", resp.Header["Set-Cookie"])
	return nil
}

// TestSignInFailuresLookAlike: a wrong password, an unknown address and an account without a
// password get the same answer after the same argon2 work, and each is audited.
func TestSignInFailuresLookAlike(t *testing.T) {
	t.Parallel()
	e := newEnv(t, envOptions{})
	ann := e.newPerson(t, nil, "ann@client.example", false)
	if _, err := e.setup.CreateUser(t.Context(), "nopw@client.example", "No Password",
		false); err != nil {
		t.Fatal(err)
	}
	var bodies []string
	for _, email := range []string{ann.email, "nobody@client.example", "nopw@client.example"} {
		e.hasher.Verifies.Store(0)
		e.hasher.Dummies.Store(0)
		got := e.browser().do(t, "POST", "/api/v1/session", jsonOf(map[string]string{
			"email": email, "password": "not the password at all"}))
		got.want(t, 401, api.CodeInvalidCredentials)
		if n := e.hasher.Verifies.Load() + e.hasher.Dummies.Load(); n != 1 {
			t.Errorf("%s: %d argon2 verifications, want 1", email, n)
		}
		p := got.problem(t)
		p.RequestID = ""
		bodies = append(bodies, jsonOf(p))
		e.clock.Advance(time.Hour) // past the address's lock
	}
	if bodies[0] != bodies[1] || bodies[1] != bodies[2] {
		t.Errorf("failures answer differently:\n%s", bodies)
	}
	if e.hasher.Dummies.Load() != 1 {
		t.Errorf("the address without a password did no dummy verification")
	}
	failed := 0
	for _, a := range e.events(t) {
		if a == audit.SessionFailed {
			failed++
		}
	}
	if failed != 3 {
		t.Errorf("%d session.failed events, want 3", failed)
	}
}

// TestSignInThrottledPerAddress: each failure locks the address, known or not, for twice as
// long as the one before; the lock answers 429 with Retry-After and checks no password.
func TestSignInThrottledPerAddress(t *testing.T) {
	t.Parallel()
	for _, known := range []bool{true, false} {
		t.Run(strconv.FormatBool(known), func(t *testing.T) {
			t.Parallel()
			e := newEnv(t, envOptions{})
			ann := person{email: "ghost@client.example", password: "whatever it may be"}
			if known {
				ann = e.newPerson(t, nil, "ann@client.example", false)
			}
			wrong := jsonOf(map[string]string{"email": ann.email, "password": "wrong password!"})
			b := e.browser()
			for _, lock := range []int{1, 2, 4, 8} {
				b.do(t, "POST", "/api/v1/session", wrong).want(t, 401, api.CodeInvalidCredentials)
				before := e.hasher.Verifies.Load() + e.hasher.Dummies.Load()
				got := b.do(t, "POST", "/api/v1/session", wrong)
				got.want(t, 429, api.CodeRateLimited)
				if ra := got.Header.Get("Retry-After"); ra != strconv.Itoa(lock) {
					t.Errorf("Retry-After = %q, want %d", ra, lock)
				}
				if after := e.hasher.Verifies.Load() + e.hasher.Dummies.Load(); after != before {
					t.Errorf("a locked attempt ran argon2")
				}
				e.clock.Advance(time.Duration(lock) * time.Second)
			}
			if known { // the right password works once the lock ends, and clears it
				b.signIn(t, ann)
			}
			// Another address is not locked by this one's failures.
			other := jsonOf(map[string]string{"email": "other@client.example", "password": "x"})
			b.do(t, "POST", "/api/v1/session", other).want(t, 401, api.CodeInvalidCredentials)
		})
	}
}

// TestSignInThrottledPerIP: 40 attempts at once from one IP, whatever the addresses, then one
// every 3 seconds (20 a minute).
func TestSignInThrottledPerIP(t *testing.T) {
	t.Parallel()
	e := newEnv(t, envOptions{})
	b := e.browser()
	attempt := func(i int) answer {
		return b.do(t, "POST", "/api/v1/session", jsonOf(map[string]string{
			"email": "user" + strconv.Itoa(i) + "@client.example", "password": "a password"}))
	}
	for i := range 40 {
		attempt(i).want(t, 401, api.CodeInvalidCredentials)
	}
	got := attempt(40)
	got.want(t, 429, api.CodeRateLimited)
	if ra, _ := strconv.Atoi(got.Header.Get("Retry-After")); ra < 1 || ra > 3 {
		t.Errorf("Retry-After = %q, want 1 to 3 seconds", got.Header.Get("Retry-After"))
	}
	e.clock.Advance(3 * time.Second)
	attempt(41).want(t, 401, api.CodeInvalidCredentials)
	attempt(42).want(t, 429, api.CodeRateLimited)
}

// TestSignInReturnTo: return_to is honoured when it is a path of the portal or a URL of a
// listed site, and refused (nothing signed in) otherwise.
func TestSignInReturnTo(t *testing.T) {
	t.Parallel()
	good, _ := url.Parse("https://good.example")
	e := newEnv(t, envOptions{returnURLs: []*url.URL{good}})
	ann := e.newPerson(t, nil, "ann@client.example", false)
	for _, tt := range []struct{ returnTo, want string }{
		{"", "/"},
		{"/orgs/org_1?tab=members#top", "/orgs/org_1?tab=members#top"},
		{"https://good.example/after", "https://good.example/after"},
	} {
		got := e.browser().do(t, "POST", "/api/v1/session", jsonOf(map[string]string{
			"email": ann.email, "password": ann.password, "return_to": tt.returnTo}))
		got.want(t, 200, "")
		var res struct {
			RedirectTo string `json:"redirect_to"`
		}
		got.decode(t, &res)
		if res.RedirectTo != tt.want {
			t.Errorf("return_to %q: redirect_to %q, want %q", tt.returnTo, res.RedirectTo, tt.want)
		}
	}
	for _, bad := range []string{"//evil.example", `/\evil.example`, "https://evil.example",
		"https://good.example@evil.example", "https://good.example.evil.example",
		"javascript:alert(1)", "/%2F%2Fevil.example", "/a\nb", "http://good.example/x"} {
		b := e.browser()
		got := b.do(t, "POST", "/api/v1/session", jsonOf(map[string]string{
			"email": ann.email, "password": ann.password, "return_to": bad}))
		got.want(t, 400, api.CodeValidationFailed)
		if p := got.problem(t); len(p.Errors) != 1 || p.Errors[0].Field != "return_to" {
			t.Errorf("return_to %q: %s", bad, got.body)
		}
		if len(got.Cookies()) != 0 {
			t.Errorf("return_to %q: a cookie was set", bad)
		}
		b.do(t, "GET", "/api/v1/me", "").want(t, 401, api.CodeUnauthenticated)
	}
}

// TestSignInBadInput: each malformed request is a problem that signs no one in.
func TestSignInBadInput(t *testing.T) {
	t.Parallel()
	e := newEnv(t, envOptions{})
	e.newPerson(t, nil, "ann@client.example", false)
	for _, tt := range []struct {
		name, body string
		status     int
		code       api.Code
	}{
		{"malformed", `{"email":`, 400, api.CodeValidationFailed},
		{"not_object", `[1]`, 400, api.CodeValidationFailed},
		{"unknown_field", `{"email":"a@b.example","password":"p","admin":true}`, 400,
			api.CodeValidationFailed},
		{"wrong_type", `{"email":1,"password":"p"}`, 400, api.CodeValidationFailed},
		{"missing", `{}`, 400, api.CodeValidationFailed},
		{"two_values", `{"email":"a@b.example","password":"p"}{}`, 400, api.CodeValidationFailed},
	} {
		t.Run(tt.name, func(t *testing.T) {
			b := e.browser()
			b.do(t, "POST", "/api/v1/session", tt.body).want(t, tt.status, tt.code)
			b.do(t, "GET", "/api/v1/me", "").want(t, 401, api.CodeUnauthenticated)
		})
	}
	b := e.browser()
	req := b.do(t, "POST", "/api/v1/session", "")
	req.want(t, 400, api.CodeValidationFailed)
}

// TestSignInReplacesSession: signing in again from the same browser ends its previous session.
func TestSignInReplacesSession(t *testing.T) {
	t.Parallel()
	e := newEnv(t, envOptions{})
	b := e.browser()
	ann := e.newPerson(t, b, "ann@client.example", false)
	first := e.browser()
	first.signIn(t, ann)
	firstCookie := first.client.Jar.Cookies(mustURL(t, e.srv.URL))
	first.signIn(t, ann)
	stale := e.browser()
	stale.client.Jar.SetCookies(mustURL(t, e.srv.URL), firstCookie)
	stale.do(t, "GET", "/api/v1/me", "").want(t, 401, api.CodeUnauthenticated)
	first.do(t, "GET", "/api/v1/me", "").want(t, 200, "")
}

func mustURL(t *testing.T, raw string) *url.URL {
	t.Helper()
	u, err := url.Parse(raw)
	if err != nil {
		t.Fatal(err)
	}
	return u
}
