package api_test

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/licensorhq/licensor/internal/account"
	"github.com/licensorhq/licensor/internal/api"
	"github.com/licensorhq/licensor/internal/auth"
	"github.com/licensorhq/licensor/internal/linktoken"
	"github.com/licensorhq/licensor/internal/mail"
	"github.com/licensorhq/licensor/internal/password/passwordtest"
	"github.com/licensorhq/licensor/internal/policy"
	"github.com/licensorhq/licensor/internal/session"
	"github.com/licensorhq/licensor/internal/setup"
	"github.com/licensorhq/licensor/internal/store"
	"github.com/licensorhq/licensor/internal/store/teststore"
	"github.com/licensorhq/licensor/internal/terms"
	"github.com/licensorhq/licensor/internal/testenv"
)

// env is an API server built as package server builds it, with real account, session, terms
// and setup services on a test store, a real outbox and the policy, behind a real HTTP server.
type env struct {
	srv      *httptest.Server
	st       teststore.Source
	clock    *testenv.Clock
	hasher   *passwordtest.Counting
	accounts *account.Service
	terms    *terms.Service
	setup    *setup.Service
	outbox   *mail.Outbox
}

// envOptions adjust newEnv.
type envOptions struct {
	sender     mail.Sender
	returnURLs []*url.URL
}

const publicURL = "http://localhost:8080"

func newEnv(t *testing.T, opts envOptions) *env {
	t.Helper()
	c := testenv.ClockAt(time.Date(2030, 5, 6, 7, 8, 9, 0, time.UTC))
	st := teststore.Open(t, store.Options{Now: c.Now, Streamed: []string{mail.ItemType}})
	public, _ := url.Parse(publicURL)
	cookie, err := session.CookieFor(public)
	if err != nil {
		t.Fatal(err)
	}
	e := &env{st: st, clock: c,
		hasher: passwordtest.NewCounting(),
		outbox: mail.NewOutbox(st, opts.sender, mail.Options{Now: c.Now}),
		terms:  &terms.Service{Store: st, Now: c.Now}}
	sessions := &session.Manager{Store: st, Now: c.Now}
	e.accounts = account.New(account.Config{Store: st, Outbox: e.outbox, PublicURL: public,
		Hasher: e.hasher, Sessions: sessions, Tokens: &linktoken.Tokens{Store: st, Now: c.Now},
		Now: c.Now})
	e.setup = &setup.Service{Accounts: e.accounts, Now: c.Now}
	authn := &auth.Authenticator{Store: st, Sessions: sessions, Terms: e.terms, Cookie: cookie}
	a := api.New(api.Options{Store: st, Authenticate: authn.Middleware,
		Authorize: (&policy.Policy{Store: st, Now: c.Now}).Authorize,
		Accounts: &api.Accounts{Accounts: e.accounts, Terms: e.terms, Setup: e.setup,
			Cookie: cookie, ReturnURLs: opts.returnURLs},
		PublicOrigin: publicURL})
	e.srv = httptest.NewServer(a.Handler())
	t.Cleanup(e.srv.Close)
	return e
}

// browser is one HTTP client with its own cookies.
type browser struct {
	e      *env
	client *http.Client
}

func (e *env) browser() *browser {
	jar, _ := cookiejar.New(nil)
	return &browser{e: e, client: &http.Client{Jar: jar}}
}

// answer is a response with its body read.
type answer struct {
	*http.Response
	body []byte
}

// do sends method path with body (JSON text, "" for none) and returns the answer.
func (b *browser) do(t *testing.T, method, path, body string) answer {
	t.Helper()
	req, err := http.NewRequest(method, b.e.srv.URL+path, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	req.Header.Set("User-Agent", "Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko Firefox/140.0")
	resp, err := b.client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return answer{Response: resp, body: raw}
}

// decode decodes the answer's JSON body into v.
func (a answer) decode(t *testing.T, v any) {
	t.Helper()
	if err := json.Unmarshal(a.body, v); err != nil {
		t.Fatalf("decode %s: %v", a.body, err)
	}
}

// want fails the test unless the answer has status and, for a problem, code.
func (a answer) want(t *testing.T, status int, code api.Code) {
	t.Helper()
	if a.StatusCode != status {
		t.Fatalf("%s %s = %d %s, want %d %s", a.Request.Method, a.Request.URL.Path, a.StatusCode,
			a.body, status, code)
	}
	if code == "" {
		return
	}
	if ct := a.Header.Get("Content-Type"); ct != "application/problem+json" {
		t.Fatalf("Content-Type = %q, want application/problem+json", ct)
	}
	var p api.Problem
	a.decode(t, &p)
	if p.Code != code {
		t.Fatalf("%s %s: code %q (%s), want %q", a.Request.Method, a.Request.URL.Path, p.Code,
			a.body, code)
	}
}

// problem decodes a problem answer.
func (a answer) problem(t *testing.T) api.Problem {
	t.Helper()
	var p api.Problem
	a.decode(t, &p)
	return p
}

// person is an account made through `admin create-user` and its set-password link.
type person struct {
	email, name, password string
	id                    string
}

// newPerson makes an account as `licensor admin create-user` does and sets its password through
// the setup route; b, when not nil, is left signed in as the person.
func (e *env) newPerson(t *testing.T, b *browser, email string, vendorAdmin bool) person {
	t.Helper()
	link, err := e.setup.CreateUser(t.Context(), email, "Person "+email[:1], vendorAdmin)
	if err != nil {
		t.Fatal(err)
	}
	p := person{email: email, name: "Person " + email[:1],
		password: "a fine password for " + email}
	if b == nil {
		b = e.browser()
	}
	got := b.do(t, "POST", "/api/v1/setup", jsonOf(map[string]string{
		"token": tokenOf(t, link), "password": p.password}))
	got.want(t, 200, "")
	var res struct{ User struct{ ID string } }
	got.decode(t, &res)
	p.id = res.User.ID
	return p
}

// signIn signs b in as p.
func (b *browser) signIn(t *testing.T, p person) {
	t.Helper()
	b.do(t, "POST", "/api/v1/session", jsonOf(map[string]string{"email": p.email,
		"password": p.password})).want(t, 200, "")
}

func jsonOf(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	return string(b)
}

var tokenInLink = regexp.MustCompile(`#token=([A-Za-z0-9_-]+)`)

// tokenOf returns the token of a link (from its fragment).
func tokenOf(t *testing.T, link string) string {
	t.Helper()
	m := tokenInLink.FindStringSubmatch(link)
	if m == nil {
		t.Fatalf("no token in %q", link)
	}
	return m[1]
}

// mails returns the mails waiting in the outbox, oldest first.
func (e *env) mails(t *testing.T) []mail.Message {
	t.Helper()
	return teststore.All[mail.Message](t, e.st, store.Query{Index: store.GSI1, PK: "mail#due"})
}

// mailsTo returns the queued mails of kind to addr.
func (e *env) mailsTo(t *testing.T, addr, kind string) []mail.Message {
	t.Helper()
	var out []mail.Message
	for _, m := range e.mails(t) {
		if len(m.To) == 1 && m.To[0] == addr && m.Kind == kind {
			out = append(out, m)
		}
	}
	return out
}

// lastLink returns the token of the link in the newest mail of kind to addr, checking that
// the link is under the public URL with the token in its fragment, in both parts.
func (e *env) lastLink(t *testing.T, addr, kind, path string) string {
	t.Helper()
	ms := e.mailsTo(t, addr, kind)
	if len(ms) == 0 {
		t.Fatalf("no %s mail to %s", kind, addr)
	}
	m := ms[len(ms)-1]
	prefix := publicURL + path + "#token="
	if !strings.Contains(m.Text, prefix) || !strings.Contains(m.HTML, prefix) {
		t.Fatalf("%s mail lacks a link %s... in both parts:\n%s\n%s", kind, prefix, m.Text, m.HTML)
	}
	return tokenOf(t, m.Text)
}

// user reads an account from the store.
func (e *env) user(t *testing.T, id string) account.User {
	t.Helper()
	u, err := account.Get(t.Context(), e.st, id)
	if err != nil {
		t.Fatal(err)
	}
	return u
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
